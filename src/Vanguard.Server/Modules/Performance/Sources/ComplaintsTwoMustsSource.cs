using Vanguard.Domain.Complaints;
using Vanguard.Domain.Performance;
using Vanguard.Server.Modules.Complaints.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Modules.Performance.Sources;

/// <summary>
/// 投诉"两个必须"按时率 from Complaints' <see cref="IComplaintStatistics"/>: of the complaints received in the month by the agency's
/// subtree (the responsible agency), the failures are those whose first contact or presence on site was not recorded by its due time
/// (late, or still missing once overdue when the month is computed); records <c>complaint:{id}</c>, the first <see cref="MaxRecords"/>.
/// </summary>
internal sealed class ComplaintsTwoMustsSource(IComplaintStatistics statistics) : IIndicatorSource
{
    public const int MaxRecords = 100;

    public string Key => SourceKeys.ComplaintsTwoMustsOnTime;

    public async Task<IReadOnlyDictionary<Guid, SourceReading>> ComputeAsync(IReadOnlyList<ScoredAgency> agencies, ScoringMonth month, CancellationToken ct)
    {
        var all = await statistics.TwoMustsAsync(month.From, month.To, MaxRecords, ct);
        return agencies.ToDictionary(a => a.AgencyId, a =>
        {
            var mine = all.Where(c => a.Subtree.Contains(c.AgencyId)).ToList();
            var refs = mine.SelectMany(c => c.MissedIds).Order().Take(MaxRecords).Select(id => $"complaint:{id}").ToList();
            return new SourceReading(new Measurement(mine.Sum(c => c.Missed), mine.Sum(c => c.Received)), refs);
        });
    }

    public async Task<IReadOnlyList<RecordFacts>> DescribeAsync(IReadOnlyList<string> recordRefs, CancellationToken ct)
    {
        var ids = RecordText.GuidIds(recordRefs, "complaint");
        var facts = (await statistics.DescribeAsync(ids, ct)).ToDictionary(f => f.ComplaintId);
        return ids.Where(facts.ContainsKey).Select(id => Describe(facts[id])).ToList();
    }

    internal static RecordFacts Describe(ComplaintFacts c)
    {
        var facts = new List<KeyValuePair<string, string>>
        {
            new("来源", c.Source switch { "hotline" => "12328 热线", "public" => "网上投诉", _ => "工作人员录入" }),
            new("类型", ComplaintType.NameZh(c.Type)),
            new("领域", ComplaintDomain.NameZh(c.Domain)),
            new("办理阶段", c.StatusName),
            new("受理时间", RecordText.Time(c.ReceivedAt)),
            new("交办时间", RecordText.Time(c.AssignedAt)),
            new("首次联系期限", RecordText.Time(c.ContactDueAt)),
            new("首次联系时间", c.ContactedAt is { } contacted ? RecordText.Time(contacted) : "未记录"),
            new("首次联系", StateZh(c.ContactState)),
            new("到达现场期限", RecordText.Time(c.OnsiteDueAt)),
            new("到达现场时间", c.OnsiteAt is { } onsite ? RecordText.Time(onsite) : "未记录"),
            new("到达现场", StateZh(c.OnsiteState)),
            new("涉及执法人员", RecordText.YesNo(c.AboutOfficer)),
        };
        if (c.Finding is { } finding)
        {
            facts.Add(new("调查结论", ComplaintFinding.NameZh(finding)));
        }

        if (c.Satisfaction is { } satisfaction)
        {
            facts.Add(new("回访满意度", satisfaction));
        }

        return new RecordFacts($"complaint:{c.ComplaintId}", "投诉举报", c.ReceivedAt, facts);
    }

    private static string StateZh(string state) => state switch
    {
        "on_time" => "按时",
        "late" => "超时完成",
        "overdue" => "已超时",
        _ => "未到期",
    };
}
