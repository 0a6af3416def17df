namespace Vanguard.Server.Modules.Warnings.Engine;

/// <summary>What one rule found about one subject in one run, before it becomes a <see cref="Data.Warning"/>.</summary>
/// <param name="Occurrence">What makes this finding new for the subject (the complaint that tipped the count, the silence since a time); empty when the subject can only be found once.</param>
/// <param name="HoldOnly">The condition of an open warning still holds in a worse form (a near deadline now passed): keep it from being marked cleared, raise nothing.</param>
internal sealed record Finding(
    string RuleCode, string Subject, string Occurrence, Guid AgencyId, string Summary, IReadOnlyList<Figure> Figures, IReadOnlyList<string> EvidenceRefs,
    bool HoldOnly = false)
{
    public string OpenKey => $"{RuleCode}|{Subject}";

    public string FindingKey => Occurrence.Length == 0 ? OpenKey : $"{OpenKey}|{Occurrence}";
}

/// <summary>A labelled figure shown with the warning (中文 label).</summary>
public sealed record Figure(string Label, string Value);
