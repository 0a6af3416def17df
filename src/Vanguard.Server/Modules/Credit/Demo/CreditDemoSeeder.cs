using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Identifiers;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Credit.Data;
using Vanguard.Server.Modules.Credit.Jobs;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Contracts;

namespace Vanguard.Server.Modules.Credit.Demo;

/// <summary>
/// Demo credit data made the way real data is: a 中牟 field officer decides five overloads on the spot (四 of one truck of
/// 中牟县大通货物运输有限公司 within three months, one of another of its trucks), records the loading source unit of the first
/// four, and the credit job turns them into records and proposals (vehicle, driver, source unit) for /credit to show.
/// Idempotent: a marker row in <c>credit_cursors</c>.
/// </summary>
internal sealed class CreditDemoSeeder(
    VanguardDbContext db, IServiceScopeFactory scopes, IAgencyDirectory agencies, IOfficerDirectory officers, IRegistry registry, TimeProvider clock,
    ILogger<CreditDemoSeeder> logger)
{
    private const string Marker = "demo";
    private const string County = "410122";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<CreditCursor>().AnyAsync(c => c.Name == Marker, ct))
        {
            return;
        }

        var agency = agencies.Current.FindByCode(County);
        var company = await registry.FindPartyAsync(CreditCode("410122", "MA44F1P2"), ct);
        if (agency is null || company is null)
        {
            return;
        }

        var today = LegalClock.Today(clock);
        var team = (await officers.InAgencyAsync(agency.Id, ct)).Where(o => o.CertificateValidUntil is { } until && until >= today).Take(2).ToList();
        var trucks = await registry.VehiclesOfOwnerAsync(company.Id, 10, ct);
        if (team.Count < 2 || trucks.Count < 2)
        {
            return;
        }

        var source = CreditCode("410122", "MA45KY01");
        var decided = new List<Guid>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            // As the officer who decided on the spot: the case workflow needs a current officer (行政处罚法 art. 42 with a second).
            var officer = team[0];
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, officer.Id.ToString()), new Claim(VanguardClaims.DisplayName, officer.Name),
                new Claim(VanguardClaims.ActorKind, "person"), new Claim(VanguardClaims.AgencyId, agency.Id.ToString()),
                new Claim(VanguardClaims.OfficerId, officer.Id.ToString()), new Claim(ClaimTypes.Role, Role.FieldOfficer),
            ], "demo")));
            var intake = scope.ServiceProvider.GetRequiredService<ICaseIntake>();
            var driver = IdNumber("41012219850715123");
            foreach (var (days, truck, name, id) in new[]
                     {
                         (75, trucks[0], "孙大力", driver), (50, trucks[0], "孙大力", driver), (25, trucks[0], "孙大力", driver),
                         (5, trucks[0], "孙大力", driver), (12, trucks[1], "周平安", IdNumber("41012219900203456")),
                     })
            {
                var on = today.AddDays(-days);
                var result = await intake.OpenOnSpotCaseAsync(new OnSpotCaseRequest(
                    County, "overload.dimensions", "车货总高度超过 4 米（未超过 4.2 米）",
                    $"当事人{name}驾驶{truck.Plate}货车在 G107 中牟段行驶，车货总高度超过 4 米，未超过 4.2 米。", "G107 中牟段白沙检查点",
                    on, new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 30)), LegalClock.ChinaOffset),
                    new CaseParty("person", name, id, "河南省郑州市中牟县青年路 8 号", "13837100000"), truck.Plate, truck.PlateColor, 10_000, false,
                    [team[1].Id], null, null, []), ct);
                if (!result.IsSuccess)
                {
                    logger.LogWarning("Credit demo: an on-the-spot decision was refused ({Code}); no credit demo data", result.Error!.Code);
                    return;
                }

                decided.Add(result.Value.CaseId);
            }
        }

        var now = StoredTime.Now(clock);
        foreach (var caseId in decided.Take(4))
        {
            db.Add(new OverloadParties
            {
                CaseId = caseId, AgencyId = agency.Id, SourceCreditCode = source, SourceName = "中牟县鑫源砂石料场", RecordedBy = team[0].Name, RecordedAt = now,
            });
        }

        db.Add(new CreditCursor { Name = Marker, Value = now });
        await db.SaveChangesAsync(ct);

        await using var system = scopes.CreateAsyncScope();
        system.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        await system.ServiceProvider.GetRequiredService<CreditProcessor>().RunAsync(ct);
    }

    private static string CreditCode(string county, string organisationCode)
    {
        var first16 = "91" + county + organisationCode + UnifiedSocialCreditCode.OrganisationCheckCharacterOf(organisationCode);
        return first16 + UnifiedSocialCreditCode.CheckCharacterOf(first16);
    }

    private static string IdNumber(string first17) => first17 + ResidentIdNumber.CheckCharacterOf(first17);
}
