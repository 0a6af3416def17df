using Microsoft.Extensions.Options;

namespace Vanguard.Server.Modules.Evidence.Tus;

/// <summary>
/// What the tus protocol and browsers need on every response of the upload routes, including the ones the endpoints never
/// see (401 from authentication, 413 from the body limit, 500): <c>Tus-Resumable</c>, and CORS so a web page on another
/// origin (tus-js-client in a browser) can upload. Preflight requests are answered here.
/// </summary>
internal sealed class TusHttpMiddleware(RequestDelegate next, IOptions<EvidenceOptions> options)
{
    public const string UploadsPath = "/api/v1/evidence/uploads";

    private static readonly string AllowMethods = string.Join(", ", TusProtocol.Methods);
    private static readonly string AllowHeaders = string.Join(", ", TusProtocol.RequestHeaders);
    private static readonly string ExposeHeaders = string.Join(", ", TusProtocol.ResponseHeaders);

    public Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments(UploadsPath))
        {
            return next(http);
        }

        var origin = http.Request.Headers.Origin.ToString();
        var allowedOrigin = AllowedOrigin(origin);
        if (allowedOrigin is not null && HttpMethods.IsOptions(http.Request.Method) && http.Request.Headers.ContainsKey("Access-Control-Request-Method"))
        {
            var headers = http.Response.Headers;
            headers.AccessControlAllowOrigin = allowedOrigin;
            headers.AccessControlAllowMethods = AllowMethods;
            headers.AccessControlAllowHeaders = AllowHeaders;
            headers.AccessControlMaxAge = "86400";
            headers.Vary = "Origin";
            headers[TusProtocol.TusResumable] = TusProtocol.Version;
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers[TusProtocol.TusResumable] = TusProtocol.Version;
            if (allowedOrigin is not null)
            {
                headers.AccessControlAllowOrigin = allowedOrigin;
                headers.AccessControlExposeHeaders = ExposeHeaders;
                headers.Vary = "Origin";
            }

            return Task.CompletedTask;
        });
        return next(http);
    }

    private string? AllowedOrigin(string origin)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return null;
        }

        var allowed = options.Value.CorsOrigins;
        return allowed.Length == 0 ? "*" : allowed.Contains(origin, StringComparer.OrdinalIgnoreCase) ? origin : null;
    }
}
