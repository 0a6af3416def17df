using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vanguard.Domain.Common;

namespace Vanguard.Server.Common;

/// <summary>
/// Every error leaves the API as RFC 9457 problem details with a stable <c>code</c>, a message in the caller's
/// language (zh-CN unless they prefer English) and both messages under <c>messages</c>.
/// </summary>
public static class Problems
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.RuleViolation => StatusCodes.Status422UnprocessableEntity,
    };

    public static ProblemHttpResult ToProblem(this Error error, HttpContext? http = null) =>
        TypedResults.Problem(Build(error, http));

    /// <param name="status">The HTTP status when it is not implied by the error's kind (413, 429, 500 …).</param>
    public static ProblemDetails Build(Error error, HttpContext? http, int? status = null)
    {
        var english = PrefersEnglish(http);
        var problem = new ProblemDetails
        {
            Status = status ?? StatusOf(error.Kind),
            Title = english ? error.MessageEn : error.MessageZh,
            Type = $"https://vanguard.example/problems/{error.Code}",
        };
        problem.Extensions["code"] = error.Code;
        problem.Extensions["messages"] = new Dictionary<string, string> { ["zh-CN"] = error.MessageZh, ["en"] = error.MessageEn };
        if (error.Fields.Count > 0)
        {
            problem.Extensions["errors"] = error.Fields
                .SelectMany(f => f.Value.Select(e => new ProblemFieldError(f.Key, e.Code, english ? e.MessageEn : e.MessageZh)))
                .ToList();
        }

        return problem;
    }

    /// <summary>Codes and messages for problems raised by the framework rather than by a handler.</summary>
    public static Error ForStatus(int status) => status switch
    {
        400 => new Error("request.bad", "请求格式有误。", "The request is malformed.", ErrorKind.Validation),
        401 => new Error("auth.unauthenticated", "请先登录或提供有效的凭证。", "Authentication is required.", ErrorKind.Unauthorized),
        403 => new Error("auth.forbidden", "您没有执行此操作的权限。", "You are not allowed to do this.", ErrorKind.Forbidden),
        404 => new Error("not_found", "请求的资源不存在。", "The resource does not exist.", ErrorKind.NotFound),
        405 => new Error("request.method_not_allowed", "不支持该请求方法。", "The method is not allowed here.", ErrorKind.Validation),
        413 => new Error("request.too_large", "请求内容过大。", "The request body is too large.", ErrorKind.Validation),
        415 => new Error("request.unsupported_media_type", "不支持的内容类型，请使用 application/json。", "Unsupported content type; use application/json.", ErrorKind.Validation),
        429 => new Error("rate_limited", "请求过于频繁，请稍后再试。", "Too many requests; try again later.", ErrorKind.Validation),
        _ when status >= 500 => new Error("server.error", "服务器内部错误，请稍后再试。", "Internal server error.", ErrorKind.RuleViolation),
        _ => new Error($"http.{status}", "请求未能完成。", "The request could not be completed.", ErrorKind.Validation),
    };

    public static bool PrefersEnglish(HttpContext? http)
    {
        if (http is null)
        {
            return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        }

        var languages = http.Request.GetTypedHeaders().AcceptLanguage;
        var best = languages.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
        return best?.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
    }
}

public sealed record ProblemFieldError(string Field, string Code, string Message);
