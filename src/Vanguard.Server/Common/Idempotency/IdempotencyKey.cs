using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Common.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> a caller used for a write, with the answer it got (conventions.md §7): the row is written
/// in the same transaction as the record it created, so a key exists exactly when its record does.
/// </summary>
public sealed class IdempotencyKey
{
    public const int KeyMaxLength = 100;

    public long Id { get; set; }

    /// <summary>The caller: a user id or a device code (<c>ICurrentActor.Id</c>).</summary>
    public required string ActorId { get; set; }

    public required string Key { get; set; }

    /// <summary>The operation the key was used for (e.g. <c>terminal.records.create</c>); part of the request hash too.</summary>
    public required string Operation { get; set; }

    /// <summary>Lower-case hex SHA-256 of the operation and the request as the server read it.</summary>
    public required string RequestSha256 { get; set; }

    /// <summary>The status of the first answer (201 for a creation).</summary>
    public int StatusCode { get; set; }

    /// <summary>The first answer's body, replayed as it was.</summary>
    public required string ResponseJson { get; set; }

    /// <summary>Where the created resource lives (the <c>Location</c> of the first answer), when there is one.</summary>
    public string? Location { get; set; }

    public string? ResourceType { get; set; }

    public string? ResourceId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public static class IdempotencyModel
{
    public static void Configure(ModelBuilder b) => b.Entity<IdempotencyKey>(e =>
    {
        e.ToTable("idempotency_keys");
        e.HasIndex(x => new { x.ActorId, x.Key }).IsUnique();
        e.HasIndex(x => x.CreatedAt);
        e.Property(x => x.ActorId).HasMaxLength(64);
        e.Property(x => x.Key).HasMaxLength(IdempotencyKey.KeyMaxLength);
        e.Property(x => x.Operation).HasMaxLength(64);
        e.Property(x => x.RequestSha256).HasMaxLength(64);
        e.Property(x => x.ResponseJson).HasMaxLength(1_000_000);
        e.Property(x => x.Location).HasMaxLength(300);
        e.Property(x => x.ResourceType).HasMaxLength(64);
        e.Property(x => x.ResourceId).HasMaxLength(100);
    });
}
