using Vanguard.Domain.Cases;
using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Modules.Performance.Sources;

/// <summary>
/// 现场执法音像记录率 (行政处罚法 art. 47: 全过程记录): the on-site cases decided in the month (China time) — 简易程序, the on-the-spot
/// decisions from the officer's terminal or the case page; the case model records no other on-site origin (the terminal opens
/// only these) — and the failures: no audio-visual evidence, i.e. neither a live video item linked to the case in Evidence nor
/// a <c>bodycam_clip</c> in its case file naming a live video item (<see cref="ICaseVideoEvidence"/>).
/// </summary>
internal sealed class OnsiteCasesWithBodycamSource(ICaseStatistics statistics, ICaseVideoEvidence video, IAgencyDirectory agencies) : IIndicatorSource
{
    public string Key => SourceKeys.OnsiteCasesWithBodycam;

    public async Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> agencies, ScoringMonth month, CancellationToken ct)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var onSite = (await statistics.DecidedAsync(first, first.AddMonths(1), ct)).Where(c => c.Procedure == CaseProcedure.Simplified).ToList();
        var linked = await video.CasesWithLinkedVideoAsync(onSite.Select(c => c.CaseId).ToList(), ct);
        var clips = await video.LiveVideoAsync(onSite.SelectMany(c => c.ClipEvidenceIds).ToList(), ct);
        return agencies.ToDictionary(a => a.AgencyId, a =>
        {
            var mine = onSite.Where(c => a.Subtree.Contains(c.AgencyId)).ToList();
            var missing = mine.Where(c => !linked.Contains(c.CaseId) && !c.ClipEvidenceIds.Any(clips.Contains))
                .Select(c => CaseRecordFacts.Ref(c.CaseId)).ToList();
            return new SourceReading(new Measurement(missing.Count, mine.Count), missing);
        });
    }

    public Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct) =>
        CaseRecordFacts.DescribeAsync(statistics, agencies, recordRefs, ct);
}
