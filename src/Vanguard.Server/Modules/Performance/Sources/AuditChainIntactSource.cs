using System.Globalization;
using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Modules.Performance.Sources;

/// <summary>
/// 审计链完整 from Audit's <see cref="IAuditChainCheck"/>. The chain is one for the whole platform, so a break cannot be pinned on
/// one agency: the month's span of the chain is verified once, and an agency with audited entries in the month reads 1 of 1
/// failed when any of its entries comes at or after the first broken entry (their integrity can no longer be shown), else 0 of
/// 1; an agency without entries reads 0 of 0. The record is the first broken entry, <c>audit:{sequence}</c>.
/// </summary>
internal sealed class AuditChainIntactSource(IAuditChainCheck chain, IAgencyDirectory agencies) : IIndicatorSource
{
    public const string Prefix = "audit:";

    public string Key => SourceKeys.AuditChainIntact;

    public async Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> agencies, ScoringMonth month, CancellationToken ct)
    {
        var check = await chain.CheckPeriodAsync(month.From, month.To, ct);
        return agencies.ToDictionary(a => a.AgencyId, a =>
        {
            var spans = check.Agencies.Where(s => a.Subtree.Contains(s.AgencyId)).ToList();
            if (spans.Count == 0)
            {
                return new SourceReading(new Measurement(0, 0), []);
            }

            return check.BrokenAt is { } broken && spans.Any(s => s.LastSequence >= broken)
                ? new SourceReading(new Measurement(1, 1), [Prefix + broken.ToString(CultureInfo.InvariantCulture)])
                : new SourceReading(new Measurement(0, 1), []);
        });
    }

    public async Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct)
    {
        var sequences = recordRefs
            .Select(r => r.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(r.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0)
            .Where(s => s > 0)
            .Distinct()
            .ToList();
        var tree = agencies.Current;
        return (await chain.FactsAsync(sequences, ct)).Select(e =>
        {
            var facts = new List<KeyValuePair<string, string>> { new("序号", e.Sequence.ToString(CultureInfo.InvariantCulture)) };
            if (!e.Found)
            {
                facts.Add(new("状态", "缺失：该序号的审计记录已不存在（被删除）"));
                return new RecordFacts(Prefix + e.Sequence.ToString(CultureInfo.InvariantCulture), "审计记录", null, facts);
            }

            facts.Add(new("状态", e.HashMatches == true ? "本条哈希与链接可验证，断点在其前后" : "哈希或链接不符：记录内容或顺序被改动"));
            facts.Add(new("操作", e.Action!));
            facts.Add(new("对象类型", e.TargetType!));
            if (e.AgencyId is { } id && tree.Find(id) is { } agency)
            {
                facts.Add(new("机构", agency.Name));
            }

            return new RecordFacts(Prefix + e.Sequence.ToString(CultureInfo.InvariantCulture), "审计记录", e.At, facts);
        }).ToList();
    }
}
