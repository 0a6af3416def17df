using System.Globalization;
using Vanguard.Domain.Cases;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Server.Modules.Performance.Sources;

/// <summary>
/// The <c>case:{id}</c> records of the case sources and what an evaluator sees of them: from Cases' anonymised
/// <see cref="ICaseStatistics.FactsAsync"/> (no party, plate, title or facts), with the agency's name.
/// </summary>
internal static class CaseRecordFacts
{
    public const string Prefix = "case:";

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static string Ref(Guid caseId) => Prefix + caseId.ToString();

    public static async Task<IReadOnlyList<RecordFacts>> DescribeAsync(
        ICaseStatistics statistics, IAgencyDirectory agencies, IReadOnlyList<string> recordRefs, CancellationToken ct)
    {
        var ids = recordRefs
            .Select(r => r.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(r.AsSpan(Prefix.Length), out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Distinct()
            .ToList();
        var facts = await statistics.FactsAsync(ids, ct);
        var tree = agencies.Current;
        return facts.Select(c => new RecordFacts(
                Ref(c.CaseId),
                "行政处罚案件",
                (c.DecidedOn ?? c.FiledOn) is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), China) : null,
                Lines(c, tree.Find(c.AgencyId)?.Name)))
            .ToList();
    }

    private static List<KeyValuePair<string, string>> Lines(CaseFacts c, string? agencyName)
    {
        var lines = new List<KeyValuePair<string, string>>();
        void Add(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                lines.Add(new(label, value));
            }
        }

        // No case number and no review document number: both are published with the party's name (双公示) and would undo the pseudonym.
        Add("办案机构", agencyName);
        Add("办案程序", c.Procedure switch
        {
            CaseProcedure.Ordinary => "普通程序",
            CaseProcedure.Simplified => "简易程序（当场处罚）",
            CaseProcedure.Offsite => "非现场执法",
        });
        Add("案件阶段", CaseStageNames.Zh(c.Stage));
        Add("违法行为", c.OffenceName);
        Add("立案日期", Day(c.FiledOn));
        Add("决定日期", Day(c.DecidedOn));
        Add("法定决定期限", Day(c.DecisionDue));
        if (c.DecisionDue is { } due && c.DecidedOn is { } decided)
        {
            Add("是否按期", decided <= due ? "按期" : $"超期 {decided.DayNumber - due.DayNumber} 日");
        }

        Add("处理结果", Outcome(c));
        foreach (var r in c.Reviews)
        {
            Add(ReviewOutcomes.KindZh(r.Kind), $"{Day(r.DecidedOn)} {ReviewOutcomes.ResultZh(r.Kind, r.Result)}（{r.Organ}）");
        }

        return lines;
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Outcome(CaseFacts c) => c.Outcome switch
    {
        CaseOutcome.Penalty => string.Join("并", new[]
        {
            c.Warning ? "警告" : null,
            c.FineFen is > 0 ? $"罚款 {CaseWorkflow.Yuan(c.FineFen.Value)} 元" : null,
        }.Where(t => t is not null)),
        CaseOutcome.NoPenaltyMinor => "违法行为轻微，不予行政处罚",
        CaseOutcome.NoPenaltyNotEstablished => "违法事实不能成立，不予行政处罚",
        CaseOutcome.Transfer => "移送司法机关",
        null => null,
    };
}
