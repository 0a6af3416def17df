using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;
using Vanguard.Server.Common;
using Vanguard.Server.Data;

namespace Vanguard.Server.Hosting;

/// <summary>The cross-cutting set-up every module relies on.</summary>
public static class HostingSetup
{
    public const int DefaultPort = 5080;

    /// <summary>Body size allowed on API calls unless an endpoint says otherwise (uploads do).</summary>
    public const long ApiBodyLimitBytes = 2 * 1024 * 1024;

    public static WebApplicationBuilder UseVanguardHosting(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls($"http://localhost:{DefaultPort}");
        }

        // `dotnet run` serves the framework and AntDesign scripts from the build output in every environment, not only
        // Development; a published app has them in wwwroot and this is a no-op.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddVanguardOptions(builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddVanguardForwardedHeaders(builder.Configuration);
        _ = DataDirectory.Resolve(builder.Configuration);  // created now; the data-protection keys are placed by AddVanguardScaleOut
        return builder;
    }

    public static WebApplicationBuilder AddVanguardApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsSetup.Customize);
        services.AddExceptionHandler<ExceptionProblems>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // Chinese text as UTF-8, not \uXXXX escapes: half the bytes, and readable in logs and curl.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Vanguard 交通运输执法平台 API";
            document.Info.Description = "REST API of the Vanguard transport law-enforcement platform. Errors are RFC 9457 problem details with a stable `code`.";
            return Task.CompletedTask;
        }));
        services.AddVanguardRateLimits();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            CultureInfo[] cultures = [new("zh-CN"), new("en")];
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return builder;
    }

    public static WebApplication UseVanguardPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseStatusCodePages();
            api.Use(LimitBodySize);
        });
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    public static RouteGroupBuilder MapVanguardApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o.WithTitle("Vanguard API"));
        app.MapHealthChecks("/health");
        return app.MapGroup("/api/v1").DisableAntiforgery();
    }

    /// <summary>
    /// Forwarded headers from the configured proxies only (<c>Vanguard:Proxy:KnownProxies</c> / <c>KnownNetworks</c>),
    /// applied first in the pipeline (a startup filter, before anything Program.cs adds); with none configured the
    /// middleware is not added and the headers are ignored.
    /// </summary>
    private static void AddVanguardForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(VanguardOptions.Section).GetSection("Proxy").Get<ProxyOptions>() ?? new ProxyOptions();
        static IEnumerable<string> Entries(List<string> values) =>
            values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var proxies = Entries(proxy.KnownProxies).Select(p => System.Net.IPAddress.TryParse(p, out var a)
            ? a : throw new InvalidOperationException($"Vanguard:Proxy:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = Entries(proxy.KnownNetworks).Select(n => System.Net.IPNetwork.TryParse(n, out var net)
            ? net : throw new InvalidOperationException($"Vanguard:Proxy:KnownNetworks: '{n}' is not a CIDR network.")).ToList();
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return;
        }

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
            o.ForwardLimit = 1;
        });
        services.AddTransient<IStartupFilter, ForwardedHeadersFirst>();
    }

    private sealed class ForwardedHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }

    private static Task LimitBodySize(HttpContext http, Func<Task> next)
    {
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var declared = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = declared?.MaxRequestBodySize ?? ApiBodyLimitBytes;
        }

        if (http.Request.ContentLength > (declared?.MaxRequestBodySize ?? ApiBodyLimitBytes))
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next();
    }
}
