using System.Text.RegularExpressions;

namespace Vanguard.Server.Tests.Security.Authorization;

/// <summary>What a caller of another jurisdiction (city B) may get from an endpoint when aimed at city A's data.</summary>
public enum Reach
{
    /// <summary>A's resource named in the route: B is refused (404 problem details: existence is not leaked), A is not changed.</summary>
    Scoped,

    /// <summary>A list or summary: B may call it (filters set to A's agency) but gets none of A's ids or case numbers.</summary>
    Listed,

    /// <summary>Published to everyone by law (双公示, the public boards, the portal's own checks): not a jurisdiction question.</summary>
    Published,

    /// <summary>The caller's own data, or data the province shares by design (运政 registry, credit records, settings, catalogues):
    /// nothing of one city's to reach. Checked for the policy's refusals and for no server error.</summary>
    Own,

    /// <summary>The online portal's form posts: every caller gets a redirect back to a page (post/redirect/get); A's case is acted on
    /// only inside its own party session. B must get no A data in the page, and A must be unchanged.</summary>
    Form,
}

/// <summary>One row of the matrix: who may call the endpoint, what B may reach of A's, and how the test aims it at A.</summary>
/// <param name="Probe">The request path with A's data: <c>{case}</c>, <c>{complaint}</c> … are filled from the seeded ids;
/// null when the endpoint names nothing of A's.</param>
/// <param name="NoControl">Why A's own admin cannot be shown to reach this row's resource with the seeded data (the positive control
/// is skipped for it, and B's refusal proves less).</param>
/// <param name="TextBody">The endpoint takes <c>text/plain</c>: probed with a text body, since a JSON body is refused (415) by routing.</param>
public sealed record Row(Who Who, Reach Reach, string? Probe = null, string? Note = null, string? NoControl = null, bool TextBody = false);

/// <summary>
/// 权限矩阵: every endpoint → who may call it and what a caller of another city reaches. The documentation is this table;
/// <see cref="EndpointClassificationTests"/> keeps it true to the policies, <see cref="CrossJurisdictionTests"/> to the data.
/// </summary>
public static partial class AuthorizationMatrix
{
    public static IReadOnlyDictionary<string, Row> Rows { get; } = new Dictionary<string, Row>(StringComparer.Ordinal)
    {
        ["ANY /hubs/command"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Own, Note: "not probed by the matrix run (a hub needs a SignalR client): the hub tests cover who receives what"),
        ["ANY /hubs/command/negotiate"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Own, Note: "not probed by the matrix run (a hub needs a SignalR client): the hub tests cover who receives what"),
        ["ANY /hubs/terminal"] = new(Who.Staff, Reach.Own, Note: "not probed by the matrix run (a hub needs a SignalR client): the hub tests cover who receives what"),
        ["ANY /hubs/terminal/negotiate"] = new(Who.Staff, Reach.Own, Note: "not probed by the matrix run (a hub needs a SignalR client): the hub tests cover who receives what"),
        ["DELETE /api/v1/devices/{code}/key"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Scoped, "/api/v1/devices/{device}/key"),
        ["DELETE /api/v1/evidence/uploads/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Field | Who.BodyCamera | Who.DockStation | Who.Terminal, Reach.Scoped, "/api/v1/evidence/uploads/{any}"),
        ["DELETE /api/v1/evidence/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Scoped, "/api/v1/evidence/{evidence}"),
        ["GET /api/v1/agencies/"] = new(Who.Staff, Reach.Listed, "/api/v1/agencies/"),
        ["GET /api/v1/agencies/{code}"] = new(Who.Staff, Reach.Scoped, "/api/v1/agencies/{agencyCode}"),
        ["GET /api/v1/audit/entries"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Listed, "/api/v1/audit/entries"),
        ["GET /api/v1/audit/verify"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Listed, "/api/v1/audit/verify"),
        ["GET /api/v1/cases/"] = new(Who.Staff, Reach.Listed, "/api/v1/cases/"),
        ["GET /api/v1/cases/legal-review"] = new(Who.Staff, Reach.Listed, "/api/v1/cases/legal-review"),
        ["GET /api/v1/cases/settings/calendar/{year:int}"] = new(Who.Staff, Reach.Own, Note: "province-wide holiday calendar"),
        ["GET /api/v1/cases/settings/hearing-thresholds"] = new(Who.Staff, Reach.Own, Note: "province-wide setting"),
        ["GET /api/v1/cases/{id:guid}"] = new(Who.Staff, Reach.Scoped, "/api/v1/cases/{case}"),
        ["GET /api/v1/cases/{id:guid}/documents/{documentId:guid}"] = new(Who.Staff, Reach.Scoped, "/api/v1/cases/{case}/documents/{any}"),
        ["GET /api/v1/complaints/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Case | Who.Field, Reach.Listed, "/api/v1/complaints/"),
        ["GET /api/v1/complaints/warnings"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Case | Who.Field, Reach.Listed, "/api/v1/complaints/warnings"),
        ["GET /api/v1/complaints/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Case | Who.Field, Reach.Scoped, "/api/v1/complaints/{complaint}"),
        ["GET /api/v1/complaints/{id:guid}/attachments/{attachmentId:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Case | Who.Field, Reach.Scoped, "/api/v1/complaints/{complaint}/attachments/{any}"),
        ["GET /api/v1/complaints/{id:guid}/officer-trace"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Case | Who.Field, Reach.Scoped, "/api/v1/complaints/{complaint}/officer-trace", NoControl: "409 unless the complaint names an accused officer; the demo complaint does not"),
        ["GET /api/v1/credit/blacklist"] = new(Who.Staff, Reach.Own, Note: "credit records are read province-wide (joint sanctions, docs/credit.md); acting on them is the deciding agency's"),
        ["GET /api/v1/credit/blacklist/{id:guid}"] = new(Who.Staff, Reach.Own, Note: "credit records are read province-wide (joint sanctions, docs/credit.md); acting on them is the deciding agency's"),
        ["GET /api/v1/credit/cases/{caseId:guid}/overload-parties"] = new(Who.Staff, Reach.Scoped, "/api/v1/credit/cases/{offsiteCase}/overload-parties", NoControl: "404 until the parties of the overload case are recorded"),
        ["GET /api/v1/credit/enterprises/{creditCode}"] = new(Who.Staff, Reach.Own, Note: "credit records are read province-wide (joint sanctions, docs/credit.md); acting on them is the deciding agency's"),
        ["GET /api/v1/credit/repairs"] = new(Who.Staff, Reach.Own, Note: "credit records are read province-wide (joint sanctions, docs/credit.md); acting on them is the deciding agency's"),
        ["GET /api/v1/credit/sources"] = new(Who.Staff, Reach.Own, Note: "credit records are read province-wide (joint sanctions, docs/credit.md); acting on them is the deciding agency's"),
        ["GET /api/v1/credit/vehicles/{plate}"] = new(Who.Staff, Reach.Own, Note: "credit records are read province-wide (joint sanctions, docs/credit.md); acting on them is the deciding agency's"),
        ["GET /api/v1/devices/"] = new(Who.Staff, Reach.Listed, "/api/v1/devices/"),
        ["GET /api/v1/devices/me"] = new(Who.Device, Reach.Own, Note: "the calling device"),
        ["GET /api/v1/devices/{code}"] = new(Who.Staff, Reach.Scoped, "/api/v1/devices/{device}"),
        ["GET /api/v1/disclosure/decisions"] = new(Who.Public, Reach.Published),
        ["GET /api/v1/disclosure/decisions/{id:guid}"] = new(Who.Public, Reach.Published, "/api/v1/disclosure/decisions/{disclosure}"),
        ["GET /api/v1/disclosure/queue"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Listed, "/api/v1/disclosure/queue"),
        ["GET /api/v1/disclosure/sites"] = new(Who.Public, Reach.Published),
        ["GET /api/v1/evidence/"] = new(Who.Staff, Reach.Listed, "/api/v1/evidence/"),
        ["GET /api/v1/evidence/export.zip"] = new(Who.Staff, Reach.Listed, "/api/v1/evidence/export.zip"),
        ["GET /api/v1/evidence/integrity"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Listed, "/api/v1/evidence/integrity"),
        ["GET /api/v1/evidence/{id:guid}"] = new(Who.Staff, Reach.Scoped, "/api/v1/evidence/{evidence}"),
        ["GET /api/v1/evidence/{id:guid}/content"] = new(Who.Staff, Reach.Scoped, "/api/v1/evidence/{evidence}/content"),
        ["GET /api/v1/evidence/{id:guid}/custody"] = new(Who.Staff, Reach.Scoped, "/api/v1/evidence/{evidence}/custody"),
        ["GET /api/v1/evidence/{id:guid}/custody.pdf"] = new(Who.Staff, Reach.Scoped, "/api/v1/evidence/{evidence}/custody.pdf"),
        ["GET /api/v1/evidence/{id:guid}/thumbnail.jpg"] = new(Who.Staff, Reach.Scoped, "/api/v1/evidence/{evidence}/thumbnail.jpg", NoControl: "a thumbnail exists for video only; the demo evidence is not a video"),
        ["GET /api/v1/me"] = new(Who.Person, Reach.Own, Note: "the caller"),
        ["GET /api/v1/officers/"] = new(Who.Staff, Reach.Listed, "/api/v1/officers/"),
        ["GET /api/v1/offsite/review-items"] = new(Who.Staff, Reach.Listed, "/api/v1/offsite/review-items"),
        ["GET /api/v1/offsite/review-items/{id:guid}"] = new(Who.Staff, Reach.Scoped, "/api/v1/offsite/review-items/{reviewItem}"),
        ["GET /api/v1/offsite/review-summary"] = new(Who.Staff, Reach.Listed, "/api/v1/offsite/review-summary"),
        ["GET /api/v1/offsite/stations"] = new(Who.Staff, Reach.Listed, "/api/v1/offsite/stations"),
        ["GET /api/v1/offsite/wim-records/{stationCode}/{recordId}"] = new(Who.Staff, Reach.Scoped, "/api/v1/offsite/wim-records/{wimStation}/{wimRecord}"),
        ["GET /api/v1/offsite/wim-records/{stationCode}/{recordId}/images/{sha256}"] = new(Who.Staff, Reach.Scoped, "/api/v1/offsite/wim-records/{wimStation}/{wimRecord}/images/{sha256}"),
        ["GET /api/v1/online/cases"] = new(Who.Public, Reach.Listed, "/api/v1/online/cases", Note: "the cases of the portal session only"),
        ["GET /api/v1/online/cases/{id:guid}"] = new(Who.Public, Reach.Scoped, "/api/v1/online/cases/{offsiteCase}", Note: "the portal serves only the case of its own session (notice or one-time code)"),
        ["GET /api/v1/online/cases/{id:guid}/attachments/{attachmentId:guid}"] = new(Who.Public, Reach.Scoped, "/api/v1/online/cases/{offsiteCase}/attachments/{any}", Note: "the portal serves only the case of its own session (notice or one-time code)"),
        ["GET /api/v1/online/cases/{id:guid}/clips/{evidenceId:guid}"] = new(Who.Public, Reach.Scoped, "/api/v1/online/cases/{offsiteCase}/clips/{any}", Note: "the portal serves only the case of its own session (notice or one-time code)"),
        ["GET /api/v1/online/cases/{id:guid}/deliveries/{deliveryId:guid}/file"] = new(Who.Public, Reach.Scoped, "/api/v1/online/cases/{offsiteCase}/deliveries/{any}/file", Note: "the portal serves only the case of its own session (notice or one-time code)"),
        ["GET /api/v1/online/cases/{id:guid}/documents/{documentId:guid}"] = new(Who.Public, Reach.Scoped, "/api/v1/online/cases/{offsiteCase}/documents/{any}", Note: "the portal serves only the case of its own session (notice or one-time code)"),
        ["GET /api/v1/online/cases/{id:guid}/photos/{sha256}"] = new(Who.Public, Reach.Scoped, "/api/v1/online/cases/{offsiteCase}/photos/{sha256}", Note: "the portal serves only the case of its own session (notice or one-time code)"),
        ["GET /api/v1/online/staff/cases/{id:guid}/deliveries"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal, Reach.Scoped, "/api/v1/online/staff/cases/{case}/deliveries"),
        ["GET /api/v1/online/staff/queue"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal, Reach.Listed, "/api/v1/online/staff/queue"),
        ["GET /api/v1/online/staff/queue/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal, Reach.Scoped, "/api/v1/online/staff/queue/{onlineSubmission}"),
        ["GET /api/v1/online/staff/queue/{id:guid}/attachments/{attachmentId:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal, Reach.Scoped, "/api/v1/online/staff/queue/{onlineSubmission}/attachments/{any}"),
        ["GET /api/v1/payments/orders"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal, Reach.Listed, "/api/v1/payments/orders"),
        ["GET /api/v1/penalties/offences"] = new(Who.Staff, Reach.Own, Note: "the 裁量基准 catalogue"),
        ["GET /api/v1/performance/indicators"] = new(Who.Public, Reach.Published),
        ["GET /api/v1/performance/indicators/versions"] = new(Who.Public, Reach.Published),
        ["GET /api/v1/performance/indicators/versions/{number:int}"] = new(Who.Public, Reach.Own, Note: "province-wide catalogue"),
        ["GET /api/v1/performance/objections"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Evaluator, Reach.Listed, "/api/v1/performance/objections"),
        ["GET /api/v1/performance/runs"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Evaluator, Reach.Listed, "/api/v1/performance/runs"),
        ["GET /api/v1/performance/runs/{month}/{number:int}/agencies"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Evaluator, Reach.Own, Note: "scores of every agency are published on /performance"),
        ["GET /api/v1/performance/runs/{month}/{number:int}/agencies/{code}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Evaluator, Reach.Scoped, "/api/v1/performance/runs/{month}/{number}/agencies/{agencyCode}"),
        ["GET /api/v1/performance/runs/{month}/{number:int}/agencies/{code}/sample"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Evaluator, Reach.Scoped, "/api/v1/performance/runs/{month}/{number}/agencies/{agencyCode}/sample"),
        ["GET /api/v1/performance/scores"] = new(Who.Public, Reach.Published),
        ["GET /api/v1/performance/scores.xlsx"] = new(Who.Public, Reach.Published),
        ["GET /api/v1/public/complaints/areas"] = new(Who.Public, Reach.Published),
        ["GET /api/v1/public/credit/blacklist"] = new(Who.Public, Reach.Published),
        ["GET /api/v1/registry/drivers/"] = new(Who.Staff, Reach.Own, Note: "运政 registry is province-wide"),
        ["GET /api/v1/registry/drivers/{qualificationNo}"] = new(Who.Staff, Reach.Own, Note: "运政 registry is province-wide"),
        ["GET /api/v1/registry/organisations/"] = new(Who.Staff, Reach.Own, Note: "运政 registry is province-wide"),
        ["GET /api/v1/registry/organisations/{creditCode}"] = new(Who.Staff, Reach.Own, Note: "运政 registry is province-wide"),
        ["GET /api/v1/registry/persons/"] = new(Who.Staff, Reach.Own, Note: "运政 registry is province-wide"),
        ["GET /api/v1/registry/persons/{idNumber}"] = new(Who.Staff, Reach.Own, Note: "运政 registry is province-wide"),
        ["GET /api/v1/registry/vehicles/"] = new(Who.Staff, Reach.Own, Note: "运政 registry is province-wide"),
        ["GET /api/v1/registry/vehicles/{plate}"] = new(Who.Staff, Reach.Own, Note: "运政 registry is province-wide"),
        ["GET /api/v1/supervision/accountability"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Listed, "/api/v1/supervision/accountability"),
        ["GET /api/v1/supervision/inspections"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Listed, "/api/v1/supervision/inspections"),
        ["GET /api/v1/supervision/inspections/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Scoped, "/api/v1/supervision/inspections/{inspection}"),
        ["GET /api/v1/supervision/officers/{id:guid}/timeline"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Scoped, "/api/v1/supervision/officers/{officer}/timeline"),
        ["GET /api/v1/supervision/rules"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Own, Note: "the 八六四 catalogue"),
        ["GET /api/v1/surveillance/alerts"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Listed, "/api/v1/surveillance/alerts"),
        ["GET /api/v1/surveillance/alerts/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Scoped, "/api/v1/surveillance/alerts/{alert}"),
        ["GET /api/v1/surveillance/command/summary"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Listed, "/api/v1/surveillance/command/summary"),
        ["GET /api/v1/surveillance/hotspots"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Listed, "/api/v1/surveillance/hotspots"),
        ["GET /api/v1/surveillance/precision"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Listed, "/api/v1/surveillance/precision"),
        ["GET /api/v1/surveillance/suspect-rules"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Listed, "/api/v1/surveillance/suspect-rules"),
        ["GET /api/v1/surveillance/suspects"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Listed, "/api/v1/surveillance/suspects"),
        ["GET /api/v1/surveillance/suspects/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Scoped, "/api/v1/surveillance/suspects/{suspect}"),
        ["GET /api/v1/surveillance/watchlist"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Listed, "/api/v1/surveillance/watchlist"),
        ["GET /api/v1/surveillance/watchlists"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Listed, "/api/v1/surveillance/watchlists"),
        ["GET /api/v1/surveillance/watchlists/{id:guid}/webhook/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Scoped, "/api/v1/surveillance/watchlists/{watchlist}/webhook/"),
        ["GET /api/v1/surveillance/watchlists/{id:guid}/webhook/deliveries"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Scoped, "/api/v1/surveillance/watchlists/{watchlist}/webhook/deliveries"),
        ["GET /api/v1/terminal/colleagues"] = new(Who.Staff, Reach.Listed, "/api/v1/terminal/colleagues"),
        ["GET /api/v1/terminal/duty"] = new(Who.Staff, Reach.Own, Note: "the caller's duty"),
        ["GET /api/v1/terminal/lookup/driver"] = new(Who.Staff, Reach.Own, Note: "运政 registry look-up"),
        ["GET /api/v1/terminal/lookup/enterprise"] = new(Who.Staff, Reach.Own, Note: "运政 registry look-up"),
        ["GET /api/v1/terminal/lookup/vehicle"] = new(Who.Staff, Reach.Own, Note: "运政 registry look-up"),
        ["GET /api/v1/terminal/officers/positions"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Listed, "/api/v1/terminal/officers/positions"),
        ["GET /api/v1/terminal/officers/{officerId:guid}/track"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Scoped, "/api/v1/terminal/officers/{officer}/track"),
        ["GET /api/v1/terminal/on-spot-penalties/{caseId:guid}/decision.pdf"] = new(Who.Staff, Reach.Scoped, "/api/v1/terminal/on-spot-penalties/{case}/decision.pdf", NoControl: "needs an on-the-spot penalty made on the terminal; probed with A's ordinary case"),
        ["GET /api/v1/terminal/on-spot-penalties/{caseId:guid}/payment-qr.png"] = new(Who.Staff, Reach.Scoped, "/api/v1/terminal/on-spot-penalties/{case}/payment-qr.png", NoControl: "needs an on-the-spot penalty made on the terminal; probed with A's ordinary case"),
        ["GET /api/v1/terminal/records/"] = new(Who.Staff, Reach.Listed, "/api/v1/terminal/records/"),
        ["GET /api/v1/terminal/records/{id:guid}"] = new(Who.Staff, Reach.Scoped, "/api/v1/terminal/records/{record}"),
        ["GET /api/v1/terminal/records/{id:guid}/photos/{n:int}"] = new(Who.Staff, Reach.Scoped, "/api/v1/terminal/records/{record}/photos/1"),
        ["GET /api/v1/terminal/records/{id:guid}/signature"] = new(Who.Staff, Reach.Scoped, "/api/v1/terminal/records/{record}/signature"),
        ["GET /api/v1/terminal/tasks"] = new(Who.Staff, Reach.Listed, "/api/v1/terminal/tasks"),
        ["GET /api/v1/terminal/tasks/{id:guid}"] = new(Who.Staff, Reach.Scoped, "/api/v1/terminal/tasks/{task}"),
        ["GET /api/v1/warnings/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Legal, Reach.Listed, "/api/v1/warnings/"),
        ["GET /api/v1/warnings/counts"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Legal, Reach.Listed, "/api/v1/warnings/counts"),
        ["GET /api/v1/warnings/rules"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Legal, Reach.Own, Note: "province-wide rule settings"),
        ["GET /api/v1/warnings/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Legal, Reach.Scoped, "/api/v1/warnings/{warning}"),
        ["HEAD /api/v1/evidence/uploads/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Field | Who.BodyCamera | Who.DockStation | Who.Terminal, Reach.Scoped, "/api/v1/evidence/uploads/{any}"),
        ["OPTIONS /api/v1/evidence/uploads/"] = new(Who.Public, Reach.Published),
        ["OPTIONS /api/v1/evidence/uploads/{id:guid}"] = new(Who.Public, Reach.Published, "/api/v1/evidence/uploads/{any}"),
        ["PATCH /api/v1/devices/{code}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Scoped, "/api/v1/devices/{device}"),
        ["PATCH /api/v1/evidence/uploads/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Field | Who.BodyCamera | Who.DockStation | Who.Terminal, Reach.Scoped, "/api/v1/evidence/uploads/{any}"),
        ["PATCH /api/v1/surveillance/hotspots/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Scoped, "/api/v1/surveillance/hotspots/{hotspot}"),
        ["PATCH /api/v1/surveillance/suspect-rules/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Scoped, "/api/v1/surveillance/suspect-rules/{suspectRule}"),
        ["PATCH /api/v1/surveillance/watchlist/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Scoped, "/api/v1/surveillance/watchlist/{watchlistEntry}"),
        ["PATCH /api/v1/surveillance/watchlists/{id:guid}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Scoped, "/api/v1/surveillance/watchlists/{watchlist}"),
        ["POST /api/v1/agencies/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Own),
        ["POST /api/v1/auth/logout"] = new(Who.Person, Reach.Own),
        ["POST /api/v1/auth/refresh"] = new(Who.Public, Reach.Published),
        ["POST /api/v1/auth/token"] = new(Who.Public, Reach.Published),
        ["POST /api/v1/cases/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal | Who.Field, Reach.Own),
        ["POST /api/v1/cases/{id:guid}/actions/{action}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal | Who.Field, Reach.Scoped, "/api/v1/cases/{case}/actions/close"),
        ["POST /api/v1/cases/{id:guid}/documents/{code}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal | Who.Field, Reach.Scoped, "/api/v1/cases/{case}/documents/{case}"),
        ["POST /api/v1/cases/{id:guid}/file-items"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal | Who.Field, Reach.Scoped, "/api/v1/cases/{case}/file-items"),
        ["POST /api/v1/complaints/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Hotline, Reach.Own),
        ["POST /api/v1/complaints/{id:guid}/assign"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Case | Who.Field, Reach.Scoped, "/api/v1/complaints/{complaint}/assign"),
        ["POST /api/v1/complaints/{id:guid}/contact"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Case | Who.Field, Reach.Scoped, "/api/v1/complaints/{complaint}/contact"),
        ["POST /api/v1/complaints/{id:guid}/onsite"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Case | Who.Field, Reach.Scoped, "/api/v1/complaints/{complaint}/onsite"),
        ["POST /api/v1/complaints/{id:guid}/reexamine"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Case | Who.Field, Reach.Scoped, "/api/v1/complaints/{complaint}/reexamine"),
        ["POST /api/v1/complaints/{id:guid}/reply"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Case | Who.Field, Reach.Scoped, "/api/v1/complaints/{complaint}/reply"),
        ["POST /api/v1/complaints/{id:guid}/result"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Case | Who.Field, Reach.Scoped, "/api/v1/complaints/{complaint}/result"),
        ["POST /api/v1/complaints/{id:guid}/return-visit"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command | Who.Case | Who.Field, Reach.Scoped, "/api/v1/complaints/{complaint}/return-visit"),
        ["POST /api/v1/complaints/{id:guid}/reviewer"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Scoped, "/api/v1/complaints/{complaint}/reviewer"),
        ["POST /api/v1/credit/blacklist/{id:guid}/confirm"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Scoped, "/api/v1/credit/blacklist/{blacklist}/confirm", Note: "403 credit.outside_jurisdiction: the entry is readable province-wide, so refusing with 404 would hide nothing"),
        ["POST /api/v1/credit/blacklist/{id:guid}/delist"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Scoped, "/api/v1/credit/blacklist/{blacklist}/delist", Note: "403 credit.outside_jurisdiction: the entry is readable province-wide, so refusing with 404 would hide nothing"),
        ["POST /api/v1/credit/blacklist/{id:guid}/repairs"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal, Reach.Scoped, "/api/v1/credit/blacklist/{blacklist}/repairs", Note: "403 credit.outside_jurisdiction: the entry is readable province-wide, so refusing with 404 would hide nothing"),
        ["POST /api/v1/credit/cases/{caseId:guid}/overload-parties"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal, Reach.Scoped, "/api/v1/credit/cases/{case}/overload-parties"),
        ["POST /api/v1/credit/persons/lookup"] = new(Who.Staff, Reach.Own, Note: "credit records are read province-wide (joint sanctions, docs/credit.md); acting on them is the deciding agency's"),
        ["POST /api/v1/credit/repairs/{id:guid}/decide"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Scoped, "/api/v1/credit/repairs/{repair}/decide", Note: "403 credit.outside_jurisdiction: the entry is readable province-wide, so refusing with 404 would hide nothing"),
        ["POST /api/v1/devices/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Own),
        ["POST /api/v1/devices/{code}/key"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Scoped, "/api/v1/devices/{device}/key"),
        ["POST /api/v1/disclosure/entries/{id:guid}/withdraw"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Scoped, "/api/v1/disclosure/entries/{disclosure}/withdraw"),
        ["POST /api/v1/disclosure/queue/{caseId:guid}/withhold"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Scoped, "/api/v1/disclosure/queue/{case}/withhold"),
        ["POST /api/v1/evidence/jobs/{job}"] = new(Who.ProvinceAdmin, Reach.Own, Note: "platform job, province administrator"),
        ["POST /api/v1/evidence/uploads/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Field | Who.BodyCamera | Who.DockStation | Who.Terminal, Reach.Own),
        ["POST /api/v1/evidence/{id:guid}/links"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal | Who.Field, Reach.Scoped, "/api/v1/evidence/{evidence}/links"),
        ["POST /api/v1/evidence/{id:guid}/retention"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Legal, Reach.Scoped, "/api/v1/evidence/{evidence}/retention"),
        ["POST /api/v1/officers/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Own),
        ["POST /api/v1/offsite/anpr-reads"] = new(Who.Device, Reach.Own),
        ["POST /api/v1/offsite/jobs/{job}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Own, Note: "platform job"),
        ["POST /api/v1/offsite/review-items/{id:guid}/confirm"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal, Reach.Scoped, "/api/v1/offsite/review-items/{reviewItem}/confirm"),
        ["POST /api/v1/offsite/review-items/{id:guid}/invalidate"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal, Reach.Scoped, "/api/v1/offsite/review-items/{reviewItem}/invalidate"),
        ["POST /api/v1/offsite/wim-records"] = new(Who.Device, Reach.Own),
        ["POST /api/v1/online/cases/{id:guid}/hearing-request"] = new(Who.Public, Reach.Scoped, "/api/v1/online/cases/{offsiteCase}/hearing-request", Note: "the portal serves only the case of its own session (notice or one-time code)"),
        ["POST /api/v1/online/cases/{id:guid}/payment"] = new(Who.Public, Reach.Scoped, "/api/v1/online/cases/{offsiteCase}/payment", Note: "the portal serves only the case of its own session (notice or one-time code)"),
        ["POST /api/v1/online/cases/{id:guid}/service-consent"] = new(Who.Public, Reach.Scoped, "/api/v1/online/cases/{offsiteCase}/service-consent", Note: "the portal serves only the case of its own session (notice or one-time code)"),
        ["POST /api/v1/online/cases/{id:guid}/statement"] = new(Who.Public, Reach.Scoped, "/api/v1/online/cases/{offsiteCase}/statement", Note: "the portal serves only the case of its own session (notice or one-time code)"),
        ["POST /api/v1/online/cases/{id:guid}/waive"] = new(Who.Public, Reach.Scoped, "/api/v1/online/cases/{offsiteCase}/waive", Note: "the portal serves only the case of its own session (notice or one-time code)"),
        ["POST /api/v1/online/codes"] = new(Who.Public, Reach.Published),
        ["POST /api/v1/online/codes/verify"] = new(Who.Public, Reach.Published),
        ["POST /api/v1/online/lookup"] = new(Who.Public, Reach.Published),
        ["POST /api/v1/online/session/end"] = new(Who.Public, Reach.Published),
        ["POST /api/v1/online/staff/cases/{id:guid}/deliveries"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal, Reach.Scoped, "/api/v1/online/staff/cases/{case}/deliveries"),
        ["POST /api/v1/online/staff/queue/{id:guid}/answer"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Legal, Reach.Scoped, "/api/v1/online/staff/queue/{onlineSubmission}/answer"),
        ["POST /api/v1/payments/callback/{gateway}"] = new(Who.Public, Reach.Own, Note: "gateway callback, checked by its signature"),
        ["POST /api/v1/penalties/propose"] = new(Who.Staff, Reach.Own, Note: "computes a proposal, stores nothing"),
        ["POST /api/v1/performance/indicators/versions"] = new(Who.ProvinceAdmin, Reach.Own),
        ["POST /api/v1/performance/indicators/versions/{number:int}/publish"] = new(Who.ProvinceAdmin, Reach.Own, Note: "province-wide catalogue"),
        ["POST /api/v1/performance/objections"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Own),
        ["POST /api/v1/performance/objections/{id:guid}/reject"] = new(Who.ProvinceAdmin, Reach.Scoped, "/api/v1/performance/objections/{objection}/reject"),
        ["POST /api/v1/performance/objections/{id:guid}/uphold"] = new(Who.ProvinceAdmin, Reach.Scoped, "/api/v1/performance/objections/{objection}/uphold"),
        ["POST /api/v1/performance/runs"] = new(Who.ProvinceAdmin, Reach.Own),
        ["POST /api/v1/performance/runs/{month}/{number:int}/publish"] = new(Who.ProvinceAdmin, Reach.Own, Note: "province administrator only"),
        ["POST /api/v1/public/complaints/"] = new(Who.Public, Reach.Published),
        ["POST /api/v1/public/complaints/lookup"] = new(Who.Public, Reach.Published),
        ["POST /api/v1/registry/drivers/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case, Reach.Own),
        ["POST /api/v1/registry/import/{kind}"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case, Reach.Own, Note: "运政 registry is province-wide, not agency-owned"),
        ["POST /api/v1/registry/organisations/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case, Reach.Own),
        ["POST /api/v1/registry/persons/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case, Reach.Own),
        ["POST /api/v1/registry/vehicles/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case, Reach.Own),
        ["POST /api/v1/rules/overload"] = new(Who.Public, Reach.Published),
        ["POST /api/v1/supervision/accountability/{id:guid}/measure"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Scoped, "/api/v1/supervision/accountability/{accountability}/measure"),
        ["POST /api/v1/supervision/inspections"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Own),
        ["POST /api/v1/surveillance/alerts/{id:guid}/close"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Scoped, "/api/v1/surveillance/alerts/{alert}/close"),
        ["POST /api/v1/surveillance/alerts/{id:guid}/dispatch"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Scoped, "/api/v1/surveillance/alerts/{alert}/dispatch"),
        ["POST /api/v1/surveillance/hotspots"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Own),
        ["POST /api/v1/surveillance/suspect-rules"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Own),
        ["POST /api/v1/surveillance/suspect-rules/{id:guid}/run"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Scoped, "/api/v1/surveillance/suspect-rules/{suspectRule}/run"),
        ["POST /api/v1/surveillance/suspects/{id:guid}/dismiss"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Scoped, "/api/v1/surveillance/suspects/{suspect}/dismiss"),
        ["POST /api/v1/surveillance/suspects/{id:guid}/promote"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Scoped, "/api/v1/surveillance/suspects/{suspect}/promote"),
        ["POST /api/v1/surveillance/watchlist"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Own),
        ["POST /api/v1/surveillance/watchlist/approve-batch"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Own),
        ["POST /api/v1/surveillance/watchlist/import"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Own),
        ["POST /api/v1/surveillance/watchlist/{id:guid}/approve"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Scoped, "/api/v1/surveillance/watchlist/{watchlistEntry}/approve"),
        ["POST /api/v1/surveillance/watchlist/{id:guid}/reject"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Scoped, "/api/v1/surveillance/watchlist/{watchlistEntry}/reject"),
        ["POST /api/v1/surveillance/watchlist/{id:guid}/revoke"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Scoped, "/api/v1/surveillance/watchlist/{watchlistEntry}/revoke"),
        ["POST /api/v1/surveillance/watchlists"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Own),
        ["POST /api/v1/surveillance/watchlists/{id:guid}/webhook/rotate"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Scoped, "/api/v1/surveillance/watchlists/{watchlist}/webhook/rotate"),
        ["POST /api/v1/terminal/duty"] = new(Who.Staff, Reach.Own, Note: "the caller's duty"),
        ["POST /api/v1/terminal/on-spot-penalties/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Field, Reach.Own),
        ["POST /api/v1/terminal/on-spot-penalties/{caseId:guid}/payment"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Field, Reach.Scoped, "/api/v1/terminal/on-spot-penalties/{case}/payment"),
        ["POST /api/v1/terminal/positions"] = new(Who.Staff, Reach.Own, Note: "the caller's position"),
        ["POST /api/v1/terminal/records/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Case | Who.Field, Reach.Own),
        ["POST /api/v1/terminal/tasks"] = new(Who.ProvinceAdmin | Who.AgencyAdmin | Who.Command, Reach.Own),
        ["POST /api/v1/terminal/tasks/{id:guid}/accept"] = new(Who.Staff, Reach.Scoped, "/api/v1/terminal/tasks/{task}/accept"),
        ["POST /api/v1/terminal/tasks/{id:guid}/arrive"] = new(Who.Staff, Reach.Scoped, "/api/v1/terminal/tasks/{task}/arrive"),
        ["POST /api/v1/terminal/tasks/{id:guid}/finish"] = new(Who.Staff, Reach.Scoped, "/api/v1/terminal/tasks/{task}/finish"),
        ["POST /api/v1/warnings/{id:guid}/respond"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Scoped, "/api/v1/warnings/{warning}/respond"),
        ["POST /online/forms/cases/{id:guid}/hearing-request"] = new(Who.Public, Reach.Form, "/online/forms/cases/{offsiteCase}/hearing-request", Note: "post/redirect/get: refused with the portal page and its error unless the session proved this case"),
        ["POST /online/forms/cases/{id:guid}/pay"] = new(Who.Public, Reach.Form, "/online/forms/cases/{offsiteCase}/pay", Note: "post/redirect/get: refused with the portal page and its error unless the session proved this case"),
        ["POST /online/forms/cases/{id:guid}/service-consent"] = new(Who.Public, Reach.Form, "/online/forms/cases/{offsiteCase}/service-consent", Note: "post/redirect/get: refused with the portal page and its error unless the session proved this case"),
        ["POST /online/forms/cases/{id:guid}/statement"] = new(Who.Public, Reach.Form, "/online/forms/cases/{offsiteCase}/statement", Note: "post/redirect/get: refused with the portal page and its error unless the session proved this case"),
        ["POST /online/forms/cases/{id:guid}/waive"] = new(Who.Public, Reach.Form, "/online/forms/cases/{offsiteCase}/waive", Note: "post/redirect/get: refused with the portal page and its error unless the session proved this case"),
        ["POST /online/forms/codes"] = new(Who.Public, Reach.Published),
        ["POST /online/forms/codes/verify"] = new(Who.Public, Reach.Published),
        ["POST /online/forms/logout"] = new(Who.Public, Reach.Published),
        ["POST /online/forms/lookup"] = new(Who.Public, Reach.Published),
        ["PUT /api/v1/cases/settings/calendar/{year:int}"] = new(Who.ProvinceAdmin, Reach.Own, Note: "province-wide holiday calendar", TextBody: true),
        ["PUT /api/v1/cases/settings/hearing-thresholds"] = new(Who.ProvinceAdmin, Reach.Own, Note: "province-wide setting"),
        ["PUT /api/v1/performance/indicators/versions/{number:int}"] = new(Who.ProvinceAdmin, Reach.Own, Note: "province-wide catalogue"),
        ["PUT /api/v1/surveillance/watchlists/{id:guid}/webhook/"] = new(Who.ProvinceAdmin | Who.AgencyAdmin, Reach.Scoped, "/api/v1/surveillance/watchlists/{watchlist}/webhook/"),
        ["PUT /api/v1/warnings/rules/{code}"] = new(Who.ProvinceAdmin, Reach.Own, Note: "province-wide rule settings"),
    };

    /// <summary>A row for an endpoint the matrix does not know yet, to review and paste in.</summary>
    public static string Suggest(ApiEndpoint endpoint)
    {
        var parameters = RouteParameter().Matches(endpoint.Pattern);
        var reach = endpoint.Who == Who.Public ? Reach.Published
            : parameters.Count > 0 ? Reach.Scoped
            : endpoint.Method == "GET" ? Reach.Listed
            : Reach.Own;
        var probe = parameters.Count == 0
            ? endpoint.Method == "GET" && reach == Reach.Listed ? endpoint.Pattern : null
            : RouteParameter().Replace(endpoint.Pattern, m => "{" + Placeholder(endpoint.Pattern, m) + "}");
        return $"[\"{endpoint.Key}\"] = new({Callers.Describe(endpoint.Who)}, Reach.{reach}{(probe is null ? "" : $", \"{probe}\"")}),";
    }

    private static string Placeholder(string pattern, Match parameter)
    {
        var before = pattern[..parameter.Index].TrimEnd('/');
        var segment = before[(before.LastIndexOf('/') + 1)..];
        return parameter.Groups[1].Value is not ("id" or "code") ? parameter.Groups[1].Value : segment;
    }

    [GeneratedRegex(@"\{([A-Za-z0-9]+)(?::[a-z]+)?\}")]
    private static partial Regex RouteParameter();
}
