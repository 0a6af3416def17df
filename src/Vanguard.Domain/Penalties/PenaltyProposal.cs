namespace Vanguard.Domain.Penalties;

/// <summary>
/// 处罚建议 (the penalty the discretion standard proposes) with its explanation in Chinese and English.
/// <see cref="Kind"/> is the shape of the outcome: <see cref="PenaltyKind.Warning"/> (no fine),
/// <see cref="PenaltyKind.Fixed"/>/<see cref="PenaltyKind.PerUnit"/> (<see cref="AmountFen"/> set, min = max = amount),
/// or <see cref="PenaltyKind.Range"/> (choose within <see cref="MinFen"/>–<see cref="MaxFen"/>; both null when the fine
/// is a multiple of the illegal gains, see <see cref="IllegalGainsFine"/>). <see cref="Warning"/> is true when a
/// 警告 is part of the penalty.
/// </summary>
public sealed record PenaltyProposal(
    string OffenceCode,
    PenaltyKind Kind,
    long? AmountFen,
    long? MinFen,
    long? MaxFen,
    bool Warning,
    IReadOnlyList<string> ExplanationZh,
    IReadOnlyList<string> ExplanationEn,
    int RuleVersion)
{
    /// <summary>处罚依据 of the rule applied.</summary>
    public string LegalBasis { get; init; } = "";

    /// <summary>没收违法所得 (confiscate the illegal gains) as well.</summary>
    public bool ConfiscateIllegalGains => IllegalGainsFine is not null;

    /// <summary>When set, the fine is a multiple of the illegal gains (道路运输条例 art. 63) rather than a fixed range.</summary>
    public IllegalGainsFine? IllegalGainsFine { get; init; }

    /// <summary>Group and cap for <see cref="DiscretionStandard.Combine"/> (超限规定 art. 43 para. 2).</summary>
    public string? CombineGroup { get; init; }

    public long? CombinedCapFen { get; init; }

    /// <summary>For a combined proposal: the proposals it adds up.</summary>
    public IReadOnlyList<PenaltyProposal> Parts { get; init; } = [];
}
