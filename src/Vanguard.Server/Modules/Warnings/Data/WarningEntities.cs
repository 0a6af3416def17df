using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Warnings.Data;

/// <summary>
/// 预警: one rule's finding about one subject (a case, an officer, a station, an evidence item, an agency), owned by the agency of
/// the subject and addressed to its responsible leader, with a deadline to respond. Closed only with a response.
/// </summary>
public sealed class Warning : IAgencyOwned
{
    public Guid Id { get; set; }

    /// <summary>The agency of the subject: its administrators (and those above it) see and answer the warning.</summary>
    public Guid AgencyId { get; set; }

    /// <summary>One of <c>WarningRules.All</c>.</summary>
    public required string RuleCode { get; set; }

    /// <summary><c>case:{id}</c>, <c>officer:{id}</c>, <c>station:{code}</c>, <c>evidence:{id}</c>, <c>agency:{id}</c>.</summary>
    public required string Subject { get; set; }

    /// <summary>
    /// rule|subject|occurrence: what was found, unique for ever, so neither a second run nor a second node writes it twice, and a
    /// closed warning is not raised again for the same occurrence (a new complaint, a new silence is a new occurrence).
    /// </summary>
    public required string FindingKey { get; set; }

    /// <summary>rule|subject while open, null once closed: unique, so a subject has at most one open warning per rule.</summary>
    public string? OpenKey { get; set; }

    /// <summary>What was found, in one line (中文).</summary>
    public required string Summary { get; set; }

    /// <summary>The figures behind it as JSON: [{"label":"…","value":"…"}].</summary>
    public required string FiguresJson { get; set; }

    /// <summary>The records behind it, comma-separated: <c>case:…</c>, <c>officer:…</c>, <c>complaint:…</c>, <c>station:…</c>, <c>evidence:…</c>.</summary>
    public required string EvidenceRefs { get; set; }

    /// <summary>The agency whose administrators answer (the subject's, or the nearest above it that has an administrator).</summary>
    public Guid LeaderAgencyId { get; set; }

    /// <summary>Their accounts when raised, comma-separated user names (may be empty when no agency up the tree has an administrator).</summary>
    public required string LeaderAccounts { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>The end (China time) of the last working day the leader has to respond.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>条件已消除: when the engine last found the condition gone (self-clearing rules only); null while it holds.</summary>
    public DateTimeOffset? ClearedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? Response { get; set; }

    public string? RespondedById { get; set; }

    public string? RespondedByName { get; set; }

    public int Version { get; set; }
}

/// <summary>A rule's thresholds in one province (the province agency owns them); a rule without a row runs on its defaults.</summary>
public sealed class WarningRuleSetting : IAgencyOwned
{
    public long Id { get; set; }

    /// <summary>The province agency (the root of the tree).</summary>
    public Guid AgencyId { get; set; }

    public required string RuleCode { get; set; }

    public bool Enabled { get; set; } = true;

    public decimal Value { get; set; }

    public decimal? Percent { get; set; }

    public int ResponseDays { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
