using Microsoft.AspNetCore.Antiforgery;
using Vanguard.Domain.Common;

namespace Vanguard.Server.Common;

/// <summary>
/// Form posts that bind no form field (sign-out) are not checked for an antiforgery token by the framework: minimal APIs
/// validate only endpoints that read the form. A sign-out changes the session, so another site must not be able to post it.
/// </summary>
public static class FormPosts
{
    public static readonly Error Expired = new(
        "request.antiforgery", "页面已过期，请刷新页面后重试。", "The page has expired; reload it and try again.", ErrorKind.Validation);

    public static async Task<bool> HasValidTokenAsync(HttpContext http)
    {
        try
        {
            return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return false; // a body that is no readable form has no token either (the fuzzer's NUL in a form value)
        }
    }

    /// <summary>Refuses a post without this site's token as 400 problem details <c>request.antiforgery</c>.</summary>
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            await HasValidTokenAsync(context.HttpContext) ? await next(context) : Expired.ToProblem(context.HttpContext));
}
