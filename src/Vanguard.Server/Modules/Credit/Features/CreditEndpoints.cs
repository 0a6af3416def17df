using Microsoft.AspNetCore.Http.HttpResults;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Credit.Features;

/// <summary><c>/api/v1/credit</c> (staff) and <c>/api/v1/public/credit</c>.</summary>
internal static class CreditEndpoints
{
    public static RouteGroupBuilder MapCreditEndpoints(this RouteGroupBuilder group)
    {
        var read = group.MapGroup(string.Empty).RequireAuthorization(CreditPolicies.Read);
        read.MapGet("/vehicles/{plate}", async (string plate, string? color, CreditHandler h, HttpContext http) =>
                (await h.VehicleAsync(plate, color, http.RequestAborted)).ToHttp(http))
            .WithName("CreditVehicle").WithSummary("A vehicle's credit record: ?color= (blue|yellow|…); decisions, 超限 count in 12 months, blacklist entries (audited).");
        // A POST with the ID number in the body: in a path it would end up in proxy and access logs.
        read.MapPost("/persons/lookup", async (PersonLookupRequest r, CreditHandler h, HttpContext http) =>
                (await h.PersonAsync(r, http.RequestAborted)).ToHttp(http))
            .WithName("CreditPerson").WithSummary("A person's credit record {idNumber, purpose} by 身份证号 (party or driver); the purpose is required and audited.");
        read.MapGet("/enterprises/{creditCode}", async (string creditCode, CreditHandler h, HttpContext http) =>
                (await h.EnterpriseAsync(creditCode, http.RequestAborted)).ToHttp(http))
            .WithName("CreditEnterprise").WithSummary("An organisation's credit record by 统一社会信用代码 (party, owner enterprise, loading source unit).");
        read.MapGet("/blacklist", async (string? status, string? kind, string? q, int? page, int? pageSize, CreditHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.ListAsync(new BlacklistQuery(status, kind, q, page, pageSize), ct)))
            .WithName("CreditBlacklist").WithSummary("黑名单: ?status=proposed|listed|delisted&kind=vehicle|person|organisation&q=&page=&pageSize= (persons' ID numbers masked).");
        read.MapGet("/blacklist/{id:guid}", async (Guid id, CreditHandler h, HttpContext http) => (await h.GetAsync(id, http.RequestAborted)).ToHttp(http))
            .WithName("CreditBlacklistEntry").WithSummary("One entry with its reason, counted decisions and credit repair applications (audited).");
        read.MapGet("/repairs", async (string? status, int? page, int? pageSize, CreditHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.RepairsAsync(status, page, pageSize, ct)))
            .WithName("CreditRepairs").WithSummary("信用修复 applications: ?status=pending|approved|rejected.");
        read.MapGet("/sources", async (int? top, CreditHandler h, CancellationToken ct) => TypedResults.Ok(await h.DashboardAsync(Math.Clamp(top ?? 20, 1, 100), ct)))
            .WithName("CreditSources").WithSummary("源头治超: source units by overloaded trucks loaded and transport enterprises by violating-vehicle rate, last 12 months.");
        read.MapGet("/cases/{caseId:guid}/overload-parties", async (Guid caseId, CreditHandler h, HttpContext http) =>
                (await h.PartiesAsync(caseId, http.RequestAborted)).ToHttp(http))
            .WithName("CreditOverloadParties").WithSummary("The driver and loading source unit recorded for a decided overload case.");

        var handle = group.MapGroup(string.Empty).RequireAuthorization(CreditPolicies.Handle);
        handle.MapPost("/cases/{caseId:guid}/overload-parties", async (Guid caseId, OverloadPartiesRequest r, CreditHandler h, HttpContext http) =>
                (await h.RecordPartiesAsync(caseId, r, http.RequestAborted)).ToHttp(http))
            .WithName("CreditRecordOverloadParties")
            .WithSummary("登记驾驶人和货运源头 {driverIdNumber | driverQualificationNo, driverName?, sourceCreditCode, sourceName} of a decided overload case (超限规定 art. 44).");
        handle.MapPost("/blacklist/{id:guid}/repairs", async (Guid id, RepairRequest r, CreditHandler h, HttpContext http) =>
                (await h.ApplyRepairAsync(id, r, http.RequestAborted)).ToHttp(http))
            .WithName("CreditApplyRepair").WithSummary("信用修复 {commitment, rectification} on the party's behalf: only after the minimum publication period (credit.repair_too_early).");

        var manage = group.MapGroup(string.Empty).RequireAuthorization(CreditPolicies.Manage);
        manage.MapPost("/blacklist/{id:guid}/confirm", async (Guid id, ConfirmRequest r, CreditHandler h, HttpContext http) =>
                (await h.ConfirmAsync(id, r, http.RequestAborted)).ToHttp(http))
            .WithName("CreditConfirm").WithSummary("拟列入 → 已列入 {note, version?}: the listing period starts today.");
        manage.MapPost("/blacklist/{id:guid}/delist", async (Guid id, DelistRequest r, CreditHandler h, HttpContext http) =>
                (await h.DelistAsync(id, r, http.RequestAborted)).ToHttp(http))
            .WithName("CreditDelist").WithSummary("移出 {reason, version?} (or drop a proposal).");
        manage.MapPost("/repairs/{id:guid}/decide", async (Guid id, RepairDecisionRequest r, CreditHandler h, HttpContext http) =>
                (await h.DecideRepairAsync(id, r, http.RequestAborted)).ToHttp(http))
            .WithName("CreditDecideRepair").WithSummary("信用修复审核 {approve, note (required to reject)}: approved → the entry leaves the list.");
        return group;
    }

    public static RouteGroupBuilder MapPublicCreditEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/blacklist", async (string? q, int? page, PublicCreditHandler h, CancellationToken ct) => TypedResults.Ok(await h.SearchAsync(q, page, ct)))
            .WithName("PublicCreditBlacklist").WithSummary("严重失信主体名单 in force: ?q= plate or enterprise name / credit code (persons masked).");
        return group;
    }
}
