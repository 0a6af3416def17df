using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Cases.Features;

public sealed record HearingThresholdsView(long PersonFen, long OrganisationFen, bool IsDefault);

public sealed record HearingThresholdsRequest(long? PersonFen, long? OrganisationFen);

/// <summary>Province settings: 较大数额 hearing thresholds (行政处罚法 art. 63), set by the province administrator.</summary>
internal static class CaseSettingsEndpoints
{
    public static void MapCaseSettings(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/cases/settings").WithTags("Cases");
        settings.MapGet("/hearing-thresholds", GetAsync).RequireAuthorization(Policies.Staff);
        settings.MapPut("/hearing-thresholds", PutAsync).RequireAuthorization(CasesPolicies.ProvinceAdmin);
    }

    private static async Task<Ok<HearingThresholdsView>> GetAsync(VanguardDbContext db, CancellationToken ct)
    {
        var row = await db.Set<CaseSettings>().AsNoTracking().SingleOrDefaultAsync(ct);
        return TypedResults.Ok(row is null
            ? new HearingThresholdsView(HearingThresholds.Default.PersonFen, HearingThresholds.Default.OrganisationFen, true)
            : new HearingThresholdsView(row.HearingThresholdPersonFen, row.HearingThresholdOrganisationFen, false));
    }

    private static async Task<Results<Ok<HearingThresholdsView>, ProblemHttpResult>> PutAsync(
        HearingThresholdsRequest request, VanguardDbContext db, IAuditLog audit, TimeProvider clock, HttpContext http)
    {
        var check = new Validator()
            .Check(request.PersonFen is > 0, "personFen", "must_be_positive", "个人听证标准须大于零（单位：分）。", "The person threshold must be positive (fen).")
            .Check(request.OrganisationFen is > 0, "organisationFen", "must_be_positive", "单位听证标准须大于零（单位：分）。", "The organisation threshold must be positive (fen).");
        if (!check.IsValid)
        {
            return check.ToError().ToProblem(http);
        }

        var row = await db.Set<CaseSettings>().SingleOrDefaultAsync(http.RequestAborted);
        if (row is null)
        {
            row = new CaseSettings { Id = 1 };
            db.Add(row);
        }

        row.HearingThresholdPersonFen = request.PersonFen!.Value;
        row.HearingThresholdOrganisationFen = request.OrganisationFen!.Value;
        row.UpdatedAt = clock.GetUtcNow();
        audit.Record("cases.settings.hearing_thresholds", "settings", "hearing-thresholds", request);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(new HearingThresholdsView(row.HearingThresholdPersonFen, row.HearingThresholdOrganisationFen, false));
    }
}
