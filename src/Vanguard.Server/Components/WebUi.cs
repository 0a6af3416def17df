using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Organisation.Data;

namespace Vanguard.Server.Components;

/// <summary>The staff web UI: Blazor with AntDesign; login is static, the rest interactive on the server.</summary>
public static class WebUi
{
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddAntDesign();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<StaffOperations>();
        // Emit Chinese as UTF-8 rather than &#x…; entities: smaller pages, readable source.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        return builder;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        DispatcherGuard.Install(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DispatcherGuard).FullName!));
        app.MapStaticAssets();
        app.MapTerminalPwa();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapPost("/logout", async (SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        }).RequireAntiforgeryToken().ExcludeFromDescription();
        app.MapGet("/culture", (string? c, string? r, HttpContext http) =>
        {
            var culture = c == "en" ? "en" : "zh-CN";
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return TypedResults.LocalRedirect(r is { Length: > 0 } && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) ? r : "/");
        }).ExcludeFromDescription();
        return app;
    }
}
