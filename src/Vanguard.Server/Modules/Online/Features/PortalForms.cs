using Microsoft.AspNetCore.Mvc;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Online.Access;

namespace Vanguard.Server.Modules.Online.Features;

/// <summary>
/// The portal pages' plain HTML forms post here (with the antiforgery token) and are redirected back to the page
/// (post/redirect/get): the pages work without script, and a reload never resubmits.
/// </summary>
internal static class PortalForms
{
    private const long StatementFormLimit = 55L * 1024 * 1024;

    public static void MapOnlinePortal(this WebApplication app)
    {
        var forms = app.MapGroup("/online/forms").AllowAnonymous().ExcludeFromDescription();
        forms.MapPost("/lookup", async ([FromForm] string? plate, [FromForm] string? noticeCode, HttpContext http, AccessHandler access, CancellationToken ct) =>
        {
            var result = await access.LookupAsync(http, plate, noticeCode, ct);
            return result.IsSuccess
                ? Back($"/online/cases/{result.Value.Cases[0].Id}")
                : Back("/online", result.Error!, "#lookup");
        });
        forms.MapPost("/codes", async ([FromForm] string? plate, [FromForm] string? plateColor, HttpContext http, AccessHandler access, CancellationToken ct) =>
        {
            var result = await access.RequestCodeAsync(http, plate, plateColor, ct);
            return result.IsSuccess
                ? Back($"/online?sent=1&plate={Echo(plate)}&color={Echo(plateColor)}#code")
                : Back("/online", result.Error!, "#code");
        });
        forms.MapPost("/codes/verify", async (
            [FromForm] string? plate, [FromForm] string? plateColor, [FromForm] string? code, HttpContext http, AccessHandler access, CancellationToken ct) =>
        {
            var result = await access.VerifyCodeAsync(http, plate, plateColor, code, ct);
            return result.IsSuccess
                ? Back("/online/cases")
                : Back($"/online?sent=1&plate={Echo(plate)}&color={Echo(plateColor)}", result.Error!, "#code");
        });
        forms.MapPost("/logout", async (HttpContext http) =>
        {
            // No form field is bound, so the framework checks no token: another site must not end the party's session.
            if (!await FormPosts.HasValidTokenAsync(http))
            {
                return Back("/online", FormPosts.Expired);
            }

            PartySessions.End(http);
            return Back("/online");
        });
        forms.MapPost("/cases/{id:guid}/statement", async (
            Guid id, [FromForm] string? text, IFormFileCollection attachments, HttpContext http, PartySessions sessions, PortalHandler portal, CancellationToken ct) =>
        {
            if (!portal.Enter(sessions.Read(http), id))
            {
                return Back("/online", PortalHandler.CaseNotFound);
            }

            var files = new List<(string, byte[])>();
            foreach (var file in attachments.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).Where(f => !string.IsNullOrEmpty(f.FileName)))
            {
                if (file.Length > PortalHandler.MaxAttachmentBytes)
                {
                    return Back($"/online/cases/{id}/statement", Validator.Invalid("attachments", "too_large", "附件超过 10 MB。", "An attachment is over 10 MB."));
                }

                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                files.Add((file.FileName, buffer.ToArray()));
            }

            var result = await portal.StatementAsync(id, text, files, OnlineEndpoints.Ip(http), ct);
            return result.IsSuccess ? Back($"/online/cases/{id}?done=statement#rights") : Back($"/online/cases/{id}/statement", result.Error!);
        }).WithMetadata(new RequestSizeLimitAttribute(StatementFormLimit));
        forms.MapPost("/cases/{id:guid}/hearing-request", async (Guid id, HttpContext http, PartySessions sessions, PortalHandler portal, CancellationToken ct) =>
            await ActAsync(id, "hearing", http, sessions, portal, () => portal.RequestHearingAsync(id, OnlineEndpoints.Ip(http), ct)));
        forms.MapPost("/cases/{id:guid}/waive", async ([FromForm] bool confirm, Guid id, HttpContext http, PartySessions sessions, PortalHandler portal, CancellationToken ct) =>
            confirm
                ? await ActAsync(id, "waive", http, sessions, portal, () => portal.WaiveAsync(id, OnlineEndpoints.Ip(http), ct))
                : Back($"/online/cases/{id}", Validator.Invalid("confirm", "required", "请勾选确认后再提交。", "Tick the confirmation first."), "#rights"));
        forms.MapPost("/cases/{id:guid}/service-consent", async (
            Guid id, [FromForm] string? phone, [FromForm] string? email, [FromForm] bool agree, HttpContext http, PartySessions sessions, PortalHandler portal,
            CancellationToken ct) =>
            await ActAsync(id, "consent", http, sessions, portal,
                () => portal.ConsentAsync(id, new ConsentRequest(phone, email, agree), OnlineEndpoints.Ip(http), http.Request.Headers.UserAgent.ToString(), ct),
                "#service"));
        forms.MapPost("/cases/{id:guid}/pay", async (Guid id, HttpContext http, PartySessions sessions, PortalHandler portal, CancellationToken ct) =>
        {
            if (!portal.Enter(sessions.Read(http), id))
            {
                return Back("/online", PortalHandler.CaseNotFound);
            }

            var order = await portal.StartPaymentAsync(id, $"/online/cases/{id}#pay", ct);
            return order.IsSuccess ? Results.Redirect(order.Value.PayUrl) : Back($"/online/cases/{id}", order.Error!, "#pay");
        });
    }

    private static async Task<IResult> ActAsync(
        Guid id, string done, HttpContext http, PartySessions sessions, PortalHandler portal, Func<Task<Result<OnlineCaseView>>> action, string anchor = "#rights")
    {
        if (!portal.Enter(sessions.Read(http), id))
        {
            return Back("/online", PortalHandler.CaseNotFound);
        }

        var result = await action();
        return result.IsSuccess ? Back($"/online/cases/{id}?done={done}{anchor}") : Back($"/online/cases/{id}", result.Error!, anchor);
    }

    private static IResult Back(string url) => Results.LocalRedirect(url);

    /// <summary>
    /// What the party typed, put back into the page's address so the form keeps it; a value no plate or colour can be
    /// is dropped rather than echoed (100 KB of it made a Location header no browser or proxy accepts).
    /// </summary>
    private static string Echo(string? value) => value is { Length: <= EchoMaxLength } ? Uri.EscapeDataString(value) : string.Empty;

    private const int EchoMaxLength = 32;

    /// <summary>Back to the page with the error's code (never its text: the page has the words) and the fields at fault.</summary>
    private static IResult Back(string url, Error error, string anchor = "")
    {
        var fields = string.Join(',', error.Fields.Keys);
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.LocalRedirect($"{url}{separator}err={Uri.EscapeDataString(error.Code)}" + (fields.Length > 0 ? $"&f={Uri.EscapeDataString(fields)}" : "") + anchor);
    }
}
