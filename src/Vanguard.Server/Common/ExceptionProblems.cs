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

        exception = UnwrapRequestLimit(exception);
        if (UnreadableInput(exception) is { } input)
        {
            http.Response.StatusCode = input.Status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http, ProblemDetails = Problems.Build(input.Error, http, input.Status), Exception = exception,
            });
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

    /// <summary>
    /// Input the framework could not read, raised as a general exception rather than a <see cref="BadHttpRequestException"/>:
    /// a page's form post that is not a form (or not a well-formed one) and a page's query value of the wrong type
    /// (<c>?page=NaN</c>). The caller's mistake, so a 4xx, never a 500.
    /// </summary>
    private static (int Status, Error Error)? UnreadableInput(Exception exception)
    {
        var thrownBy = exception.TargetSite?.DeclaringType?.FullName ?? string.Empty;
        return exception switch
        {
            InvalidOperationException when thrownBy.StartsWith("Microsoft.AspNetCore.Http.Features.FormFeature", StringComparison.Ordinal) =>
                (StatusCodes.Status415UnsupportedMediaType, new Error("request.unsupported_media_type",
                    "不支持的内容类型，表单须为 application/x-www-form-urlencoded 或 multipart/form-data。",
                    "Unsupported content type; a form must be application/x-www-form-urlencoded or multipart/form-data.", ErrorKind.Validation)),
            InvalidDataException when thrownBy.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) =>
                (StatusCodes.Status400BadRequest, new Error("request.malformed_form", "表单内容无法解析。", "The form could not be read.", ErrorKind.Validation)),
            InvalidOperationException when thrownBy.StartsWith("Microsoft.AspNetCore.Components.Routing.UrlValueConstraint", StringComparison.Ordinal) =>
                (StatusCodes.Status400BadRequest, new Error("request.malformed_query", "查询参数的格式有误。", "A query parameter is malformed.", ErrorKind.Validation)),
            _ => null,
        };
    }

    /// <summary>
    /// A body over the request limit is a 413 however it surfaces: the JSON and form binders catch the server's
    /// "request body too large" and rethrow it as a 400 "failed to read parameter" with the 413 inside.
    /// </summary>
    private static Exception UnwrapRequestLimit(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return inner;
            }
        }

        return exception;
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
