using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Vanguard.Domain.Common;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Common;

/// <summary>Turns exceptions into problem details: bad requests keep their reason, bugs become a plain 500.</summary>
internal sealed class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (StorageFaults.Classify(exception) is { } fault)
        {
            return await WriteStorageFaultAsync(http, exception, fault.Error, fault.Status);
        }

        var status = exception switch
        {
            BadHttpRequestException { StatusCode: 413 or 415 } bad => bad.StatusCode,
            BadHttpRequestException => StatusCodes.Status400BadRequest,
            JurisdictionViolationException => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status500InternalServerError,
        };
        var error = exception switch
        {
            BadHttpRequestException { StatusCode: 413 } => Problems.ForStatus(413),
            BadHttpRequestException { StatusCode: 415 } => Problems.ForStatus(415),
            BadHttpRequestException bad => new Error(
                "request.malformed",
                "请求内容无法解析：" + bad.Message,
                "The request could not be read: " + bad.Message,
                ErrorKind.Validation),
            JurisdictionViolationException => new Error(
                "auth.out_of_jurisdiction", "该数据不在您的管辖范围内。", "The data is outside your jurisdiction.", ErrorKind.Forbidden),
            _ => Problems.ForStatus(500),
        };
        if (exception is not BadHttpRequestException)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
        }

        var problem = Problems.Build(error, http, status);
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A full or read-only disk is the operator's to fix, not a bug: one log line naming it, a stable code for the caller.</summary>
    private async ValueTask<bool> WriteStorageFaultAsync(HttpContext http, Exception exception, Error error, int status)
    {
        logger.LogError("Storage fault ({Code}) for {Method} {Path}: {Reason}", error.Code, http.Request.Method, http.Request.Path, exception.GetBaseException().Message);
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = Problems.Build(error, http, status), Exception = exception });
    }
}

internal static class ProblemDetailsSetup
{
    /// <summary>Gives framework-made problems (404, 401, 405, 429 …) the same code and messages as ours.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var built = Problems.Build(Problems.ForStatus(status), context.HttpContext, status);
        problem.Title = built.Title;
        problem.Type = built.Type;
        foreach (var (key, value) in built.Extensions)
        {
            problem.Extensions[key] = value;
        }
    }
}
