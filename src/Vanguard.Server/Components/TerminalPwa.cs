using Microsoft.Net.Http.Headers;

namespace Vanguard.Server.Components;

/// <summary>
/// The officer terminal (手持执法终端): a PWA of static files under <c>wwwroot/m</c>, served by the static assets like any
/// other file. Only its entry needs a route: <c>/m/</c> answers with <c>m/index.html</c>, and <c>/m</c> redirects there
/// for good. A page whose address is <c>/m</c> lies outside the service worker's scope <c>/m/</c> and would never be
/// controlled by it, so it could not open offline; a permanent redirect is also kept by the browser, so typing
/// <c>/m</c> without coverage still lands on the cached app. The staff page <c>/m/{Module}</c> never matches these.
/// </summary>
public static class TerminalPwa
{
    public const string Path = "/m/";

    public static WebApplication MapTerminalPwa(this WebApplication app)
    {
        // Routing matches "/m" and "/m/" alike; the raw path tells them apart.
        app.MapGet("/m", (IWebHostEnvironment environment, HttpContext http) =>
        {
            if (!http.Request.Path.Value!.EndsWith('/'))
            {
                return Results.LocalRedirect(Path + http.Request.QueryString, permanent: true);
            }

            var index = environment.WebRootFileProvider.GetFileInfo("m/index.html");
            if (!index.Exists)
            {
                return Results.NotFound();
            }

            // Always revalidated: a new release must reach phones at the next online start, not after a cache expires.
            http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            return Results.Stream(index.CreateReadStream(), "text/html; charset=utf-8", lastModified: index.LastModified);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
