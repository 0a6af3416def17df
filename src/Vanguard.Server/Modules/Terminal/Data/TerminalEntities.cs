using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Terminal.Data;

/// <summary>在岗: one shift of an officer, from going on duty to going off it. Times are UTC.</summary>
public sealed class DutySession : IAgencyOwned
{
    public Guid Id { get; set; }

    public Guid OfficerId { get; set; }

    public Guid AgencyId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Null while the officer is on duty.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>
/// One GPS fix of an officer's terminal. <see cref="At"/> is the device's fix time in UTC; (officer, at) is unique, so a
/// batch the terminal resends after a lost answer is stored once.
/// </summary>
public sealed class PositionPoint : IAgencyOwned
{
    public long Id { get; set; }

    public Guid OfficerId { get; set; }

    public Guid AgencyId { get; set; }

    public DateTimeOffset At { get; set; }

    public double Lat { get; set; }

    public double Lon { get; set; }

    public double? AccuracyM { get; set; }

    public double? SpeedKmh { get; set; }

    public double? HeadingDeg { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>An officer's newest fix, one row per officer: what the command map reads.</summary>
public sealed class LastPosition : IAgencyOwned
{
    public Guid OfficerId { get; set; }

    public Guid AgencyId { get; set; }

    public DateTimeOffset At { get; set; }

    public double Lat { get; set; }

    public double Lon { get; set; }

    public double? AccuracyM { get; set; }
}

/// <summary>任务: work sent to one officer, taken through dispatched → accepted → arrived → finished. Times are the server's, UTC.</summary>
public sealed class TerminalTask : IAgencyOwned
{
    public Guid Id { get; set; }

    /// <summary>The officer's agency: the task is in the jurisdiction of whoever may see the officer.</summary>
    public Guid AgencyId { get; set; }

    public Guid OfficerId { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public string? Detail { get; set; }

    public string? Place { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public string? SourceType { get; set; }

    public string? SourceRef { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset DispatchedAt { get; set; }

    public required string DispatchedBy { get; set; }

    public required string DispatchedById { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? ArrivedAt { get; set; }

    /// <summary>Where the terminal was when the officer reported arrival, if it sent it.</summary>
    public double? ArrivedLat { get; set; }

    public double? ArrivedLon { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Outcome { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset? DueBy { get; set; }

    /// <summary>Any change; what polling with <c>since</c> compares.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two devices of one officer cannot both move the task.</summary>
    public int Version { get; set; }
}

/// <summary>
/// 查询记录: who looked up what, why, and what it found. The audit chain holds this row's SHA-256 (the payload stays with
/// the module that owns it), so the stated purpose can be read back and checked against the chain. Personal data:
/// scoped to the officer's agency like everything else here.
/// </summary>
public sealed class LookupRecord : IAgencyOwned
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid AgencyId { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>vehicle, driver or enterprise.</summary>
    public required string Kind { get; set; }

    /// <summary>What was asked, normalised: plate/colour, ID or qualification number, credit code.</summary>
    public required string Query { get; set; }

    /// <summary>查询事由, as the officer stated it.</summary>
    public required string Purpose { get; set; }

    /// <summary>The registry record found, or null.</summary>
    public string? TargetId { get; set; }
}
