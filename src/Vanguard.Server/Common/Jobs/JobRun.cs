using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Common.Jobs;

/// <summary>
/// One slot of a scheduled job, claimed by the node that runs it (ADR 0014). The key (job, slot) is what makes the slot run
/// once across the cluster: a second node's insert of the same key does nothing, and that node skips the slot.
/// </summary>
public sealed class JobRun
{
    public const int JobMaxLength = 64;

    /// <summary>The job's stable name, e.g. <c>warnings.rules</c>.</summary>
    public required string Job { get; set; }

    /// <summary>When the run was due, as UTC text (<c>2026-11-27T12:15:00Z</c>): the start of its period for a periodic job.</summary>
    public required string Slot { get; set; }

    /// <summary>The node that claimed it (<c>Vanguard:NodeName</c>, by default host name and process id).</summary>
    public required string Node { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Null while it runs, or for ever when the node died mid-run: the slot stays taken and the next one runs.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary><c>ok</c>, <c>failed: ExceptionType</c> (never the message: it may quote a plate or a name), or <c>stopped</c>.</summary>
    public string? Outcome { get; set; }
}

public static class JobRunsModel
{
    public static void Configure(ModelBuilder b) => b.Entity<JobRun>(e =>
    {
        e.ToTable("job_runs");
        e.HasKey(x => new { x.Job, x.Slot });
        e.HasIndex(x => x.StartedAt);
        e.Property(x => x.Job).HasMaxLength(JobRun.JobMaxLength);
        e.Property(x => x.Slot).HasMaxLength(32);
        e.Property(x => x.Node).HasMaxLength(128);
        e.Property(x => x.Outcome).HasMaxLength(128);
    });
}
