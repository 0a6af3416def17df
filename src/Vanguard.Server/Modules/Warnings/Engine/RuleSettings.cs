using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Warnings;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Warnings.Data;

namespace Vanguard.Server.Modules.Warnings.Engine;

/// <summary>The thresholds in force: a province's stored row for the rule, else the rule's defaults.</summary>
internal sealed class RuleSettings(IReadOnlyDictionary<(Guid Province, string Rule), WarningThresholds> stored, AgencyTree tree)
{
    public static async Task<RuleSettings> LoadAsync(VanguardDbContext db, IAgencyDirectory agencies, CancellationToken ct)
    {
        var rows = await db.Set<WarningRuleSetting>().AsNoTracking().ToListAsync(ct);
        return new RuleSettings(
            rows.ToDictionary(r => (r.AgencyId, r.RuleCode), r => new WarningThresholds(r.Enabled, r.Value, r.Percent, r.ResponseDays)),
            agencies.Current);
    }

    /// <summary>The province (root of the tree) the agency belongs to; the agency itself when it is not in the tree.</summary>
    public Guid ProvinceOf(Guid agencyId) => tree.PathTo(agencyId) is [var root, ..] ? root.Id : agencyId;

    public WarningThresholds For(Guid agencyId, WarningRule rule) =>
        stored.TryGetValue((ProvinceOf(agencyId), rule.Code), out var t) ? t : rule.Defaults;
}
