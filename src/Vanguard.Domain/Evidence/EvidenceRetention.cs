namespace Vanguard.Domain.Evidence;

/// <summary>What a recording shows; some kinds must be kept permanently. The wire names are stable.</summary>
public static class EvidenceCategory
{
    /// <summary>日常执法: patrols, inspections, on-the-spot handling.</summary>
    public const string Routine = "routine";

    /// <summary>投诉处置: handling a complaint (12328).</summary>
    public const string Complaint = "complaint";

    /// <summary>事故现场.</summary>
    public const string Accident = "accident";

    /// <summary>阻碍执法: enforcement was obstructed.</summary>
    public const string Obstruction = "obstruction";

    /// <summary>重大突发事件.</summary>
    public const string Emergency = "emergency";

    /// <summary>疑难复杂案件.</summary>
    public const string Complex = "complex";

    public static IReadOnlyList<string> All { get; } = [Routine, Complaint, Accident, Obstruction, Emergency, Complex];

    public static bool IsKnown(string? category) => category is not null && All.Contains(category, StringComparer.Ordinal);

    public static string NameZh(string category) => category switch
    {
        Routine => "日常执法",
        Complaint => "投诉处置",
        Accident => "事故现场",
        Obstruction => "阻碍执法",
        Emergency => "重大突发事件",
        Complex => "疑难复杂案件",
        _ => category,
    };
}

/// <summary>How long a recording is kept. The wire names are stable.</summary>
public static class RetentionClass
{
    /// <summary>The configured period (at least <see cref="EvidenceRetention.MinimumMonths"/>), then deleted.</summary>
    public const string Standard = "standard";

    /// <summary>Never deleted by the retention job.</summary>
    public const string Permanent = "permanent";

    public static IReadOnlyList<string> All { get; } = [Standard, Permanent];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

/// <summary>Why the retention job keeps or deletes a recording.</summary>
public enum RetentionVerdict
{
    Delete,
    KeepNotDue,
    KeepPermanent,
    KeepLinkedToCase,
    KeepLegalHold,
}

/// <summary>
/// 《公安机关现场执法视音频记录工作规定》 (2016) art. 16, reused by transport agencies for body cameras (GA/T 947):
/// recordings are kept for at least six months; permanently when used as evidence (a clip linked to a case inherits the
/// case's retention, so it is kept while linked), when enforcement was obstructed, for major emergencies and for
/// complex cases. A legal hold stops deletion whatever the period says.
/// </summary>
public static class EvidenceRetention
{
    public const int MinimumMonths = 6;

    /// <summary>The class a new recording gets from its category.</summary>
    public static string DefaultClass(string category) => category switch
    {
        EvidenceCategory.Obstruction or EvidenceCategory.Emergency or EvidenceCategory.Complex => RetentionClass.Permanent,
        _ => RetentionClass.Standard,
    };

    /// <summary>
    /// When a standard recording becomes deletable: the configured months (never fewer than six) after the later of the
    /// end of the recording and its upload, so a clip uploaded late is still kept its full period. Null when permanent.
    /// </summary>
    public static DateTimeOffset? DueAt(string retentionClass, DateTimeOffset recordedTo, DateTimeOffset uploadedAt, int months) =>
        retentionClass == RetentionClass.Permanent
            ? null
            : (recordedTo > uploadedAt ? recordedTo : uploadedAt).AddMonths(Math.Max(months, MinimumMonths));

    public static RetentionVerdict Decide(string retentionClass, DateTimeOffset? dueAt, bool linkedToCase, bool legalHold, DateTimeOffset now) =>
        legalHold ? RetentionVerdict.KeepLegalHold
        : linkedToCase ? RetentionVerdict.KeepLinkedToCase
        : retentionClass == RetentionClass.Permanent || dueAt is null ? RetentionVerdict.KeepPermanent
        : now < dueAt ? RetentionVerdict.KeepNotDue
        : RetentionVerdict.Delete;
}
