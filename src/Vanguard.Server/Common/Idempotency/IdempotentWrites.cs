using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Vanguard.Domain.Common;
using Vanguard.Server.Common.Jobs;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Common.Idempotency;

/// <summary>What a write created: the answer's body and where the resource lives.</summary>
public sealed record WriteOutcome<T>(T Value, string ResourceType, string ResourceId, string? Location);

/// <summary>
/// Runs a write once per <c>Idempotency-Key</c> (conventions.md §7; docs/terminal.md): the key is required (400
/// <c>idempotency.key_required</c>); a repeat with the same request gets the first answer again, with status 200 and
/// <c>Idempotent-Replayed: true</c> (the first answer was 201); the same key with a different request is refused (422
/// <c>idempotency.key_reused</c>). The write and the key row are saved in one transaction, so of two concurrent
/// requests with one key only one creates anything: on SQLite the write gate queues the second behind the first, which
/// then finds the key; on PostgreSQL the second hits the unique index on (actor, key), rolls back, and replays.
/// A write that fails with an expected error stores nothing: the caller may fix the request and send it with the key
/// again.
/// </summary>
public sealed class IdempotentWrites(VanguardDbContext db, ICurrentActor actor, TimeProvider clock, ILogger<IdempotentWrites> logger)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static readonly Error KeyRequired = new(
        "idempotency.key_required", "此操作须提供 Idempotency-Key 请求头（1–100 个可见字符），以免重试时重复保存。",
        "This write needs an Idempotency-Key header (1–100 visible characters) so that a retry is not stored twice.", ErrorKind.Validation);

    public static readonly Error KeyReused = new(
        "idempotency.key_reused", "该 Idempotency-Key 已用于另一个不同的请求；新的请求请使用新的键。",
        "This Idempotency-Key was used for a different request; use a new key for a new request.");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The key from the request, or null when it is missing or malformed.</summary>
    public static string? KeyOf(HttpContext http)
    {
        var key = http.Request.Headers[Header].ToString().Trim();
        return key.Length is > 0 and <= IdempotencyKey.KeyMaxLength && key.All(c => c is > ' ' and <= '~') ? key : null;
    }

    /// <summary>SHA-256 of the operation and of the request as read (camelCase JSON), so whitespace or property order do not matter.</summary>
    public static string HashOf(string operation, object? request)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, Json);
        var prefix = Encoding.UTF8.GetBytes(operation + "\n");
        return Convert.ToHexStringLower(SHA256.HashData([.. prefix, .. body]));
    }

    /// <param name="operation">A stable name of the write, e.g. <c>terminal.records.create</c>.</param>
    /// <param name="request">The request as bound: what "the same request" means.</param>
    /// <param name="write">Stages and saves the write (it may call <c>SaveChangesAsync</c>) inside the transaction opened here.</param>
    public async Task<IResult> RunAsync<T>(
        HttpContext http, string operation, object? request, Func<CancellationToken, Task<Result<WriteOutcome<T>>>> write)
    {
        var ct = http.RequestAborted;
        var key = KeyOf(http);
        if (key is null)
        {
            return KeyRequired.ToProblem(http);
        }

        var hash = HashOf(operation, request);
        if (await FindAsync(key, ct) is { } earlier)
        {
            return Answer(http, earlier, hash);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await OnceAsync(http, operation, key, hash, write, ct);
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                // PostgreSQL: a concurrent request with the same key committed first.
                if (await FindAsync(key, ct) is { } winner)
                {
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Idempotency key used concurrently for {Operation}; replaying the first answer", operation);
                    }

                    return Answer(http, winner, hash);
                }

                // Another write stored the same unique content first (two requests with one photo): once more, the write finds it.
                if (attempt == 2)
                {
                    throw;
                }
            }
        }
    }

    private async Task<IResult> OnceAsync<T>(
        HttpContext http, string operation, string key, string hash, Func<CancellationToken, Task<Result<WriteOutcome<T>>>> write, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Inside the transaction (on SQLite: behind the write gate) a request that raced us may have committed.
        if (await FindAsync(key, ct) is { } raced)
        {
            return Answer(http, raced, hash);
        }

        var result = await write(ct);
        if (!result.IsSuccess)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return result.Error!.ToProblem(http);
        }

        var created = result.Value;
        db.Add(new IdempotencyKey
        {
            ActorId = actor.Id, Key = key, Operation = operation, RequestSha256 = hash, StatusCode = StatusCodes.Status201Created,
            ResponseJson = JsonSerializer.Serialize(created.Value, Json), Location = created.Location,
            ResourceType = created.ResourceType, ResourceId = created.ResourceId, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return created.Location is null ? TypedResults.Json(created.Value, Json, statusCode: StatusCodes.Status201Created)
            : TypedResults.Created(created.Location, created.Value);
    }

    private async Task<IdempotencyKey?> FindAsync(string key, CancellationToken ct) =>
        await db.Set<IdempotencyKey>().AsNoTracking().SingleOrDefaultAsync(k => k.ActorId == actor.Id && k.Key == key, ct);

    private static IResult Answer(HttpContext http, IdempotencyKey earlier, string hash)
    {
        if (!string.Equals(earlier.RequestSha256, hash, StringComparison.Ordinal))
        {
            return KeyReused.ToProblem(http);
        }

        http.Response.Headers[ReplayedHeader] = "true";
        if (earlier.Location is not null)
        {
            http.Response.Headers.Location = earlier.Location;
        }

        // A replay of a 201 answers 200: nothing was created this time (docs/terminal.md).
        var status = earlier.StatusCode == StatusCodes.Status201Created ? StatusCodes.Status200OK : earlier.StatusCode;
        return TypedResults.Content(earlier.ResponseJson, "application/json", Encoding.UTF8, status);
    }

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}

/// <summary>
/// Deletes keys older than <see cref="KeepDays"/> once a day. 90 days, not 30: the terminal keeps a refused write under
/// 同步失败 and the officer may resubmit it with its original key long after; the PWA refuses to resubmit one older than
/// 85 days (docs/terminal.md), so a key is never reused after the server forgot it.
/// </summary>
internal sealed class IdempotencyPurge(IServiceScopeFactory scopes, JobClaims claims, TimeProvider clock, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    public const int KeepDays = 90;

    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var before = clock.GetUtcNow().AddDays(-KeepDays);
        return await db.Set<IdempotencyKey>().Where(k => k.CreatedAt < before).ExecuteDeleteAsync(ct);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => claims.RunEachPeriodAsync("idempotency.purge", TimeSpan.FromDays(1), async ct =>
    {
        var purged = await PurgeAsync(ct);
        if (purged > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Purged {Count} idempotency keys older than {Days} days", purged, KeepDays);
        }
    }, stoppingToken);
}

public static class IdempotencySetup
{
    /// <summary>Safe to call from every module that needs it.</summary>
    public static IServiceCollection AddIdempotency(this IServiceCollection services)
    {
        services.TryAddScoped<IdempotentWrites>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, IdempotencyPurge>());
        return services;
    }
}
