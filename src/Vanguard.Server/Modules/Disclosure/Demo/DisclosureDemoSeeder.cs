using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Disclosure.Data;
using Vanguard.Server.Modules.Disclosure.Publication;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Disclosure.Demo;

/// <summary>
/// Demo publications: a few on-the-spot decisions (简易程序, through the cases module's <see cref="ICaseIntake"/>, as a demo officer of
/// three counties), published by the publisher, one withdrawn by hand with its reason, so that <c>/disclosure</c> and
/// <c>/disclosure/manage</c> show something on a fresh demo. Idempotent: once any publication exists it does nothing.
/// </summary>
internal sealed class DisclosureDemoSeeder(
    IServiceScopeFactory scopes, IAgencyDirectory agencies, TimeProvider clock, ILogger<DisclosureDemoSeeder> logger)
{
    private sealed record Demo(string County, string PartyKind, string Name, string? IdNumber, string Phone, string Address, string Plate, long FineFen, bool Warning,
        string Place, string Facts);

    // 当场处罚 within 行政处罚法 art. 51: a person ≤ 200 yuan, an organisation ≤ 3 000 yuan; 车货总高度超过 4 米 (超限规定 art. 3(1)).
    private static readonly Demo[] Decisions =
    [
        new("410184", "person", "赵演示", "410184198603120032", "13800001001", "河南省郑州市新郑市新建路 12 号", "豫A3D501", 10_000, false,
            "G107 新郑段", "当事人赵演示驾驶豫A3D501号货车，车货总高度 4.1 米，超过 4 米。"),
        new("411322", "person", "钱示例", "41132219910706004X", "13800001002", "河南省南阳市方城县释之路 8 号", "豫R7E602", 0, true,
            "S103 方城段", "当事人钱示例驾驶豫R7E602号货车，车货总高度 4.05 米，超过 4 米，情节轻微。"),
        new("411082", "organisation", "长葛市顺达货运有限公司", null, "03745550003", "河南省许昌市长葛市长社路 66 号", "豫K5F703", 200_000, false,
            "G107 长葛段", "长葛市顺达货运有限公司所属豫K5F703号货车，车货总高度 4.15 米，超过 4 米。"),
        new("410184", "person", "孙样本", "410184199201150065", "13800001004", "河南省郑州市新郑市轩辕路 3 号", "豫A6G804", 20_000, false,
            "S102 新郑段", "当事人孙样本驾驶豫A6G804号货车，车货总高度 4.12 米，超过 4 米。"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using (var check = scopes.CreateAsyncScope())
        {
            check.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            if (await check.ServiceProvider.GetRequiredService<VanguardDbContext>().Set<DisclosureEntry>().AnyAsync(ct))
            {
                return;
            }
        }

        var tree = agencies.Current;
        var opened = new List<Guid>();
        foreach (var d in Decisions)
        {
            if (tree.FindByCode(d.County) is not { } county || await OfficersAsync(county.Id, ct) is not [var first, var second, ..])
            {
                continue;
            }

            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "demo.disclosure"), new Claim(VanguardClaims.DisplayName, "演示数据"),
                new Claim(VanguardClaims.ActorKind, "person"), new Claim(VanguardClaims.AgencyId, county.Id.ToString()),
                new Claim(VanguardClaims.OfficerId, first.ToString()), new Claim(ClaimTypes.Role, Role.FieldOfficer),
            ], "demo")));
            var today = LegalClock.Today(clock);
            var result = await scope.ServiceProvider.GetRequiredService<ICaseIntake>().OpenOnSpotCaseAsync(
                new OnSpotCaseRequest(
                    d.County, "overload.dimensions", "车货总高度超过 4 米（未超过 4.2 米）", d.Facts, d.Place, today,
                    clock.GetUtcNow().ToOffset(LegalClock.ChinaOffset), new CaseParty(d.PartyKind, d.Name, d.IdNumber, d.Address, d.Phone),
                    d.Plate, "yellow", d.FineFen > 0 ? d.FineFen : null, d.Warning, [second], null, null, []),
                ct);
            if (result.IsSuccess)
            {
                opened.Add(result.Value.CaseId);
            }
            else
            {
                logger.LogWarning("Demo disclosure decision not opened: {Code}", result.Error!.Code);
            }
        }

        if (opened.Count == 0)
        {
            return;
        }

        await using var system = scopes.CreateAsyncScope();
        system.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        await system.ServiceProvider.GetRequiredService<DisclosurePublisher>().RunAsync(fullSweep: false, ct);
        var db = system.ServiceProvider.GetRequiredService<VanguardDbContext>();
        var last = opened[^1];
        if (await db.Set<DisclosureEntry>().SingleOrDefaultAsync(e => e.CaseId == last && e.WithdrawnAt == null, ct) is { } entry)
        {
            DisclosurePublisher.Withdraw(entry, StoredTime.Now(clock), "演示：当事人提出决定书文号录入有误，核实后撤回更正。", "演示数据", "manual");
            system.ServiceProvider.GetRequiredService<IAuditLog>().Record(
                "disclosure.withdraw", "disclosure", entry.Id.ToString(), new { entry.CaseId, entry.WithdrawalKind, entry.WithdrawalNote }, entry.AgencyId);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Two officers of the county with a 执法证 valid today (行政处罚法 art. 42: two officers).</summary>
    private async Task<List<Guid>> OfficersAsync(Guid agencyId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var today = LegalClock.Today(clock);
        return (await scope.ServiceProvider.GetRequiredService<IOfficerDirectory>().InAgencyAsync(agencyId, ct))
            .Where(o => o.CertificateNo is not null && o.CertificateValidUntil >= today)
            .Select(o => o.Id).Take(2).ToList();
    }
}
