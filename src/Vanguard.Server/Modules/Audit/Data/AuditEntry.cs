namespace Vanguard.Server.Modules.Audit.Data;

/// <summary>
/// One audited action. Written unchained (no <see cref="Sequence"/>) in the same transaction as the change;
/// <see cref="Jobs.AuditChainer"/> then gives it the next sequence number and
/// Hash = SHA-256(previous hash ‖ sequence ‖ every field below).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Position in the chain, 1-based; null until chained.</summary>
    public long? Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>person, device or system.</summary>
    public required string ActorKind { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    public Guid? AgencyId { get; set; }

    /// <summary>Stable action name, <c>module.verb</c> (<c>devices.register</c>).</summary>
    public required string Action { get; set; }

    public required string TargetType { get; set; }

    public required string TargetId { get; set; }

    /// <summary>Hex SHA-256 of the action's payload as JSON; the payload itself stays with the module that owns it.</summary>
    public required string PayloadDigest { get; set; }

    public string? PreviousHash { get; set; }

    public string? Hash { get; set; }
}

/// <summary>The end of the chain: lets a verifier notice entries cut off the tail.</summary>
public sealed class AuditChainHead
{
    public int Id { get; set; }

    public long LastSequence { get; set; }

    public string? LastHash { get; set; }
}
