using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Complaints.Features;

/// <summary><c>/api/v1/public/complaints</c>: the public form's API, without signing in (rate-limited per client address).</summary>
internal static class PublicComplaintEndpoints
{
    /// <summary>Three photos of 5 MB in base64 and the text.</summary>
    internal const long BodyLimit = 24L * 1024 * 1024;

    public static RouteGroupBuilder MapPublicComplaintEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/areas", (PublicComplaintHandler h) => TypedResults.Ok(h.Areas()))
            .WithSummary("The areas (cities and counties) a complaint can be filed for.");
        group.MapPost("/", FileAsync).WithMetadata(new RequestSizeLimitAttribute(BodyLimit))
            .WithSummary("File a complaint {type, domain, areaCode, place, occurredAt, name, phone, description, accusedParty?, accusedOfficerNo?, photos?: [{fileName, contentBase64}]} → 201 {ticketNo}.");
        group.MapPost("/lookup", async (PublicLookupRequest r, PublicComplaintHandler h, HttpContext http) =>
                Answer(await h.LookupAsync(r.TicketNo, r.Phone, Ip(http), http.RequestAborted), http))
            .WithSummary("Where a complaint stands {ticketNo, phone}: status and reply, nothing internal.");
        return group;
    }

    internal static string? Ip(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    private static async Task<Results<Created<PublicTicket>, ProblemHttpResult>> FileAsync(PublicComplaintRequest r, PublicComplaintHandler h, HttpContext http)
    {
        var photos = PublicPhoto.Decode(r.Photos);
        if (!photos.IsSuccess)
        {
            return photos.Error!.ToProblem(http);
        }

        var result = await h.FileAsync(r, photos.Value, Ip(http), http.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/public/complaints/{result.Value.TicketNo}", result.Value)
            : Problem(result.Error!, http);
    }

    private static Results<Ok<PublicComplaintStatus>, ProblemHttpResult> Answer(Result<PublicComplaintStatus> result, HttpContext http) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : Problem(result.Error!, http);

    /// <summary>429 for the throttle, the error's own status otherwise.</summary>
    private static ProblemHttpResult Problem(Error error, HttpContext http) =>
        error.Code == PublicComplaintHandler.RateLimited.Code
            ? TypedResults.Problem(Problems.Build(error, http, StatusCodes.Status429TooManyRequests))
            : error.ToProblem(http);
}
