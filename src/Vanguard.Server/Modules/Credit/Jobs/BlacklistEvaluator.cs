using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Credit;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Credit.Data;
using Vanguard.Server.Modules.Registry.Contracts;

namespace Vanguard.Server.Modules.Credit.Jobs;

/// <summary>
/// Applies <see cref="OverloadBlacklistRules"/> to one subject: proposes a listing (拟列入) when a rule is crossed and none is open,
/// and lifts an open one whose counted decisions were corrected when what remains no longer crosses the rule. Changes are staged in
/// the caller's unit of work, with their audit entries.
/// </summary>
internal sealed class BlacklistEvaluator(VanguardDbContext db, IRegistry registry, IAuditLog audit, TimeProvider clock, IOptions<CreditOptions> options)
{
    /// <summary>The most vehicles of one owner asked of the registry for the 10 % rule.</summary>
    public const int MaxFleet = 10_000;

    private BlacklistThresholds Thresholds => options.Value.Thresholds;

    /// <summary>Returns how many entries were proposed or lifted.</summary>
    public async Task<int> EvaluateAsync(string kind, string key, CancellationToken ct)
    {
        var today = LegalClock.Today(clock);
        var events = await db.Set<CreditEvent>().AsNoTracking()
            .Where(e => e.SubjectKind == kind && e.SubjectKey == key && e.IsOverload)
            .ToListAsync(ct);
        var changed = 0;
        switch (kind)
        {
            case CreditSubjectKind.Vehicle:
                changed += await ApplyAsync(kind, key, BlacklistRule.Vehicle, events, (acts, after) =>
                    Task.FromResult(OverloadBlacklistRules.Vehicle(Acts(acts, CreditRole.Vehicle), today, Thresholds, after)), ct);
                break;
            case CreditSubjectKind.Person:
                // The party of an overload decision who is a natural person is the one who drove (承运人/驾驶人); a case counts once.
                changed += await ApplyAsync(kind, key, BlacklistRule.Driver, events, (acts, after) =>
                    Task.FromResult(OverloadBlacklistRules.Driver(Acts(acts, CreditRole.Driver, CreditRole.Party), today, Thresholds, after)), ct);
                break;
            case CreditSubjectKind.Organisation:
                changed += await ApplyAsync(kind, key, BlacklistRule.Source, events, (acts, after) =>
                    Task.FromResult(OverloadBlacklistRules.Source(Acts(acts, CreditRole.Source), today, Thresholds, after)), ct);
                if (events.Any(e => e.Role is CreditRole.Owner or CreditRole.Party) || await HasOpenAsync(kind, key, BlacklistRule.Enterprise, ct))
                {
                    changed += await ApplyAsync(kind, key, BlacklistRule.Enterprise, events, (_, after) => EnterpriseAsync(key, today, after, ct), ct);
                }

                break;
        }

        return changed;
    }

    /// <summary>Listed entries whose period has run out leave the list (移出, the 2017 memorandum: 2 years).</summary>
    public async Task<int> ExpireAsync(CancellationToken ct)
    {
        var today = LegalClock.Today(clock);
        var due = await db.Set<BlacklistEntry>().Where(e => e.Status == BlacklistStatus.Listed && e.ExpiresOn != null && e.ExpiresOn <= today)
            .OrderBy(e => e.ExpiresOn).ThenBy(e => e.Id).Take(500).ToListAsync(ct);
        foreach (var entry in due)
        {
            Delist(entry, DelistKind.Expired, $"列入期满（{entry.ExpiresOn:yyyy-MM-dd}）自动移出。", "system", today);
        }

        return due.Count;
    }

    public void Delist(BlacklistEntry entry, string delistKind, string reason, string by, DateOnly today)
    {
        entry.Status = BlacklistStatus.Delisted;
        entry.DelistKind = delistKind;
        entry.DelistReason = reason;
        entry.DelistedBy = by;
        entry.DelistedOn = today;
        entry.Version++;
        audit.Record("credit.delist", "credit_blacklist", entry.Id.ToString(),
            new { entry.Rule, entry.SubjectKind, Kind = delistKind, Reason = reason, entry.CountedCaseIds });
    }

    private static List<CountedAct> Acts(IEnumerable<CreditEvent> events, params string[] roles) =>
        events.Where(e => !e.Voided && roles.Contains(e.Role)).Select(e => new CountedAct(e.CaseId, e.ActOn)).ToList();

    private Task<bool> HasOpenAsync(string kind, string key, string rule, CancellationToken ct) =>
        db.Set<BlacklistEntry>().AnyAsync(e => e.SubjectKind == kind && e.SubjectKey == key && e.Rule == rule
            && (e.Status == BlacklistStatus.Proposed || e.Status == BlacklistStatus.Listed), ct);

    private async Task<Crossing?> EnterpriseAsync(string creditCode, DateOnly today, DateOnly? after, CancellationToken ct)
    {
        var owner = await registry.FindPartyAsync(creditCode, ct);
        if (owner is not { Kind: PartyKind.Organisation })
        {
            return null;
        }

        var fleet = await registry.VehiclesOfOwnerAsync(owner.Id, MaxFleet, ct);
        var keys = fleet.Select(v => CreditSubjectKind.VehicleKey(v.Plate, v.PlateColor)).ToHashSet(StringComparer.Ordinal);
        var from = today.AddMonths(-Thresholds.WindowMonths);
        var vehicleEvents = new List<CreditEvent>();
        foreach (var chunk in keys.Chunk(500))
        {
            vehicleEvents.AddRange(await db.Set<CreditEvent>().AsNoTracking()
                .Where(e => e.SubjectKind == CreditSubjectKind.Vehicle && e.Role == CreditRole.Vehicle && e.IsOverload && !e.Voided && e.ActOn > from
                    && chunk.Contains(e.SubjectKey))
                .ToListAsync(ct));
        }

        var byVehicle = vehicleEvents.GroupBy(e => e.SubjectKey)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CountedAct>)g.Select(e => new CountedAct(e.CaseId, e.ActOn)).ToList(), StringComparer.Ordinal);
        return OverloadBlacklistRules.Enterprise(keys.Count, byVehicle, today, Thresholds, after);
    }

    private async Task<int> ApplyAsync(
        string kind, string key, string rule, List<CreditEvent> events, Func<List<CreditEvent>, DateOnly?, Task<Crossing?>> evaluate, CancellationToken ct)
    {
        var today = LegalClock.Today(clock);
        var entries = await db.Set<BlacklistEntry>().Where(e => e.SubjectKind == kind && e.SubjectKey == key && e.Rule == rule).ToListAsync(ct);
        var open = entries.FirstOrDefault(e => e.Status is BlacklistStatus.Proposed or BlacklistStatus.Listed);
        // Acts counted by an entry that ended by expiry, repair or a manager do not count again; after a correction they do.
        var after = entries.Where(e => e.Status == BlacklistStatus.Delisted && e.DelistKind != DelistKind.Corrected)
            .Select(e => (DateOnly?)e.LastCountedActOn).Max();
        var voided = events.Where(e => e.Voided).Select(e => e.CaseId).ToHashSet();
        if (open is not null)
        {
            var counted = Ids(open.CountedCaseIds);
            if (!counted.Any(voided.Contains))
            {
                return 0;
            }

            var still = await evaluate(events, after);
            if (still is not null)
            {
                await DescribeAsync(open, still, ct);
                audit.Record("credit.recount", "credit_blacklist", open.Id.ToString(), new { open.Rule, open.CountedCaseIds, Reason = "counted decision corrected" });
                return 1;
            }

            Delist(open, DelistKind.Corrected, "所依据的处罚决定经行政复议或行政诉讼被撤销、变更或确认违法，剩余违法行为不再达到列入条件，自动移出。", "system", today);
            return 1;
        }

        var crossing = await evaluate(events, after);
        if (crossing is null)
        {
            return 0;
        }

        var name = events.Where(e => !e.Voided).OrderByDescending(e => e.DecidedOn).Select(e => e.SubjectName).FirstOrDefault() ?? key;
        var entry = new BlacklistEntry
        {
            Id = Guid.CreateVersion7(), SubjectKind = kind, SubjectKey = key, SubjectName = name, Rule = rule, Status = BlacklistStatus.Proposed,
            Reason = string.Empty, CountedCaseIds = string.Empty, CountedCaseNumbers = string.Empty, ProposedAt = StoredTime.Now(clock),
        };
        await DescribeAsync(entry, crossing, ct);
        db.Add(entry);
        audit.Record("credit.propose", "credit_blacklist", entry.Id.ToString(), new { entry.Rule, entry.SubjectKind, entry.CountedCaseIds, entry.Reason });
        return 1;
    }

    private async Task DescribeAsync(BlacklistEntry entry, Crossing crossing, CancellationToken ct)
    {
        var ids = crossing.Counted.Select(a => a.CaseId).Distinct().ToList();
        var numbers = await db.Set<CreditEvent>().AsNoTracking().Where(e => ids.Contains(e.CaseId))
            .Select(e => new { e.CaseId, e.CaseNumber }).Distinct().ToListAsync(ct);
        var byCase = numbers.GroupBy(n => n.CaseId).ToDictionary(g => g.Key, g => g.Select(n => n.CaseNumber).FirstOrDefault(n => n is not null));
        var first = crossing.Counted.Min(a => a.ActOn);
        var last = crossing.Counted.Max(a => a.ActOn);
        var t = Thresholds;
        entry.CountedCaseIds = string.Join(",", ids);
        entry.CountedCaseNumbers = string.Join(",", ids.Select(id => byCase.GetValueOrDefault(id) ?? id.ToString()[..8]));
        entry.LastCountedActOn = last;
        entry.Reason = crossing.Rule switch
        {
            BlacklistRule.Enterprise =>
                $"{t.WindowMonths} 个月内有违法超限运输记录的车辆超过本单位登记车辆的 {t.EnterpriseMoreThanPercent}%（{ids.Count} 起处罚决定，{first:yyyy-MM-dd} 至 {last:yyyy-MM-dd}）；公路安全保护条例第六十六条。",
            BlacklistRule.Source =>
                $"{t.WindowMonths} 个月内为违法超限运输车辆装载 {ids.Count} 车次（{first:yyyy-MM-dd} 至 {last:yyyy-MM-dd}），超过 {t.SourceMoreThan} 次；超限运输车辆行驶公路管理规定第三十二条。",
            _ =>
                $"{t.WindowMonths} 个月内违法超限运输 {ids.Count} 次（{first:yyyy-MM-dd} 至 {last:yyyy-MM-dd}），超过 {(crossing.Rule == BlacklistRule.Driver ? t.DriverMoreThan : t.VehicleMoreThan)} 次；公路安全保护条例第六十六条。",
        };
    }

    public static IReadOnlyList<Guid> Ids(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
}
