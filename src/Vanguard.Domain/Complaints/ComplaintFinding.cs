namespace Vanguard.Domain.Complaints;

/// <summary>
/// 调查结论 of a 投诉举报 ticket, recorded with its handling result: whether what was complained of was found true. The
/// performance evaluation's 有效投诉 counts the substantiated and partly substantiated complaints about officers (conduct).
/// Consultations and suggestions have no finding. The wire names are stable.
/// </summary>
public static class ComplaintFinding
{
    /// <summary>属实.</summary>
    public const string Substantiated = "substantiated";

    /// <summary>部分属实.</summary>
    public const string PartlySubstantiated = "partly_substantiated";

    /// <summary>不属实.</summary>
    public const string Unsubstantiated = "unsubstantiated";

    public static IReadOnlyList<string> All { get; } = [Substantiated, PartlySubstantiated, Unsubstantiated];

    public static bool IsKnown(string? finding) => finding is not null && All.Contains(finding, StringComparer.Ordinal);

    /// <summary>Upheld (有效投诉): found true in whole or in part.</summary>
    public static bool IsUpheld(string? finding) => finding is Substantiated or PartlySubstantiated;

    /// <summary>Whether a ticket of this type takes a finding: only 投诉举报.</summary>
    public static bool AppliesTo(string type) => type == ComplaintType.Complaint;

    public static string NameZh(string finding) => finding switch
    {
        Substantiated => "属实",
        PartlySubstantiated => "部分属实",
        Unsubstantiated => "不属实",
        _ => finding,
    };
}
