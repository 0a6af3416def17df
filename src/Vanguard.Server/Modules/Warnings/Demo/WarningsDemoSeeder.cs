using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Organisation;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Warnings.Demo;

/// <summary>
/// Something for the rules to find in the demo province, made the way the platform makes it: two on-the-spot decisions (当场处罚) of
/// the 中牟 team taken through the cases module's intake by two of its officers, with no body-camera clip in the file — the warning
/// job's first run then raises 现场执法无音像记录 for each. No warning row is written here. Idempotent by a platform setting.
/// </summary>
internal sealed class WarningsDemoSeeder(
    VanguardDbContext db, IAgencyDirectory agencies, IOfficerDirectory officers, IServiceScopeFactory scopes, TimeProvider clock,
    ILogger<WarningsDemoSeeder> logger)
{
    public const string SeededKey = "demo.warnings.seeded";

    /// <summary>The demo province's own marker (Organisation's demo seeder writes it): nothing on a real platform.</summary>
    private const string ProvinceSeededKey = "demo.seeded";

    public async Task SeedAsync(CancellationToken ct)
    {
        var settings = await db.PlatformSettings.Select(s => s.Key).Where(k => k == SeededKey || k == ProvinceSeededKey).ToListAsync(ct);
        if (!settings.Contains(ProvinceSeededKey) || settings.Contains(SeededKey))
        {
            return;
        }

        var today = LegalClock.Today(clock);
        var (agency, pair) = await OfficersAsync(today, ct);
        if (agency is null || pair.Count < 2)
        {
            logger.LogWarning("Demo warnings: no team with two certified officers; nothing seeded");
            return;
        }

        // The decisions are the officer's own acts (行政处罚法 art. 42: two officers): the intake takes the acting officer from the
        // principal, in a unit of work of its own (this one acts as the platform).
        var (officer, partner) = (pair[0], pair[1]);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"demo-officer-{officer.Id}"), new Claim(ClaimTypes.Name, officer.OfficerNo),
            new Claim(VanguardClaims.DisplayName, officer.Name), new Claim(VanguardClaims.ActorKind, "person"),
            new Claim(VanguardClaims.AgencyId, agency.Id.ToString()), new Claim(VanguardClaims.OfficerId, officer.Id.ToString()),
            new Claim(ClaimTypes.Role, Role.FieldOfficer),
        ], "demo")));
        var intake = scope.ServiceProvider.GetRequiredService<ICaseIntake>();
        foreach (var (plate, place, height) in new[] { ("豫A·7K2D1", "G107 国道 K689 处", "4.1"), ("豫A·3M8Q6", "郑开大道白沙收费站出口", "4.15") })
        {
            var facts = $"车货总高度 {height} 米，超过 4 米，未超过 4.2 米（演示数据）。";
            var opened = await intake.OpenOnSpotCaseAsync(new OnSpotCaseRequest(
                agency.Code, OffenceCodes.OverloadDimensions, "车货总高度超限（演示）", facts, place, today, clock.GetUtcNow().ToOffset(LegalClock.ChinaOffset),
                new CaseParty("person", "演示当事人", null, null, null), plate, "yellow", 5_000, false, [partner.Id],
                "凭缴款编号到指定银行缴纳（演示）", null, []), ct);
            if (!opened.IsSuccess)
            {
                logger.LogWarning("Demo warnings: on-the-spot decision refused ({Code})", opened.Error!.Code);
                return;
            }
        }

        db.ChangeTracker.Clear();
        db.PlatformSettings.Add(new PlatformSetting { Key = SeededKey, Value = StoredTime.Of(clock.GetUtcNow()).ToString("O") });
        await db.SaveChangesAsync(ct);
    }

    private async Task<(AgencyInfo? Agency, List<OfficerCard> Officers)> OfficersAsync(DateOnly today, CancellationToken ct)
    {
        foreach (var code in new[] { "410122-01", "410122", "410100-01", "410100" })
        {
            if (agencies.Current.FindByCode(code) is { } agency)
            {
                var certified = (await officers.InAgencyAsync(agency.Id, ct)).Where(o => o.CertificateNo is not null && o.CertificateValidUntil >= today).Take(2).ToList();
                if (certified.Count == 2)
                {
                    return (agency, certified);
                }
            }
        }

        return (null, []);
    }
}
