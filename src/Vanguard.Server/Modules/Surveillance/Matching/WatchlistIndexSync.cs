using System.Diagnostics;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Modules.Surveillance.Matching;

/// <summary>
/// Keeps this node's <see cref="WatchlistIndex"/> equal to the database: loads it whole before the node takes requests,
/// applies this node's changes right after their commit (<see cref="RefreshAsync"/>, <see cref="RefreshListAsync"/>),
/// and every <c>IndexSyncSeconds</c> catches up with rows other nodes changed (by <c>UpdatedAt</c>, with an overlap so a
/// transaction that committed a little after its timestamp is not missed; applying a row twice does no harm).
/// </summary>
internal sealed class WatchlistIndexSync(
    WatchlistIndex index, IServiceScopeFactory scopes, TimeProvider clock, IOptions<SurveillanceOptions> options, ILogger<WatchlistIndexSync> logger)
    : BackgroundService, IWatchlistIndexRefresher
{
    /// <summary>Each catch-up reads again what changed this long before the previous one started (clock skew, slow commits).</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly EntryInterner _interner = new();
    private DateTimeOffset _syncedFrom = DateTimeOffset.MinValue;

    /// <summary>Loads the index before the host starts serving, so no read arrives while it is empty.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await LoadAllAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Every active, unexpired entry of every active list, streamed (no change tracking, one object per entry).</summary>
    public async Task<int> LoadAllAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var started = clock.GetUtcNow();
            var stopwatch = Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            await using var db = SystemDb.Create(scope.ServiceProvider);
            var inactive = await db.Set<Watchlist>().AsNoTracking().Where(l => !l.IsActive).Select(l => l.Id).ToListAsync(ct);
            foreach (var list in inactive)
            {
                index.DeactivateList(list);
            }

            var loaded = 0;
            await foreach (var row in Joined(db).Where(x => x.Entry.Status == EntryStatuses.Active && x.Entry.ValidUntil > started && x.List.IsActive).Select(Project).AsAsyncEnumerable().WithCancellation(ct))
            {
                index.Upsert(ToIndexed(row));
                loaded++;
            }

            _syncedFrom = started;
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Watch-list index loaded: {Count} entries in {Ms} ms", loaded, stopwatch.ElapsedMilliseconds);
            }
            return loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Re-reads the given entries and puts each in the index or takes it out, as its row now says.</summary>
    public async Task RefreshAsync(IReadOnlyCollection<Guid> entryIds, CancellationToken ct)
    {
        if (entryIds.Count == 0)
        {
            return;
        }

        // One writer at a time, so a catch-up that read a row before this change cannot put the old row back after it.
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = SystemDb.Create(scope.ServiceProvider);
            var now = clock.GetUtcNow();
            foreach (var chunk in entryIds.Distinct().Chunk(500))
            {
                var rows = await Joined(db).Where(x => chunk.Contains(x.Entry.Id)).Select(Project).ToListAsync(ct);
                foreach (var row in rows)
                {
                    Apply(row, now);
                }

                foreach (var missing in chunk.Except(rows.Select(r => r.Id)))
                {
                    index.Remove(missing);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A list changed (switched off or on): drop its entries, or load them again.</summary>
    public async Task RefreshListAsync(Guid watchlistId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = SystemDb.Create(scope.ServiceProvider);
            var active = await db.Set<Watchlist>().AsNoTracking().Where(l => l.Id == watchlistId).Select(l => (bool?)l.IsActive).SingleOrDefaultAsync(ct);
            await ApplyListAsync(db, watchlistId, active == true, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Applies every entry and list changed since the last catch-up (less the overlap).</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var started = clock.GetUtcNow();
            var since = _syncedFrom - Overlap;
            await using var scope = scopes.CreateAsyncScope();
            await using var db = SystemDb.Create(scope.ServiceProvider);
            var lists = await db.Set<Watchlist>().AsNoTracking().Where(l => l.UpdatedAt >= since).Select(l => new { l.Id, l.IsActive }).ToListAsync(ct);
            foreach (var list in lists)
            {
                // A list that is (still) active and not known as switched off needs nothing: its entries sync by their own rows.
                if (!list.IsActive || index.IsListInactive(list.Id))
                {
                    await ApplyListAsync(db, list.Id, list.IsActive, ct);
                }
            }

            var applied = 0;
            await foreach (var row in Joined(db).Where(x => x.Entry.UpdatedAt >= since).Select(Project).AsAsyncEnumerable().WithCancellation(ct))
            {
                Apply(row, started);
                applied++;
            }

            _syncedFrom = started;
            return applied;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPrune = clock.GetUtcNow();
        var every = TimeSpan.FromSeconds(Math.Max(1, options.Value.IndexSyncSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, stoppingToken);
                await CatchUpAsync(stoppingToken);
                if (clock.GetUtcNow() - lastPrune > PruneEvery)
                {
                    lastPrune = clock.GetUtcNow();
                    index.RemoveExpired(lastPrune);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Any failure: an exception escaping ExecuteAsync would stop the whole host (StopHost).
                logger.LogError(e, "Watch-list index catch-up failed; retrying in {Seconds} s", every.TotalSeconds);
            }
        }
    }

    private async Task ApplyListAsync(VanguardDbContext db, Guid watchlistId, bool active, CancellationToken ct)
    {
        if (!active)
        {
            index.DeactivateList(watchlistId);
            return;
        }

        index.ActivateList(watchlistId);
        var now = clock.GetUtcNow();
        await foreach (var row in Joined(db).Where(x => x.Entry.WatchlistId == watchlistId && x.Entry.Status == EntryStatuses.Active && x.Entry.ValidUntil > now).Select(Project)
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            Apply(row, now);
        }
    }

    private void Apply(EntryRow row, DateTimeOffset now)
    {
        if (row.Status == EntryStatuses.Active && row.ListActive && row.ValidUntil > now)
        {
            index.Upsert(ToIndexed(row));
        }
        else
        {
            index.Remove(row.Id);
        }
    }

    private IndexedEntry ToIndexed(EntryRow r) => new(
        r.Id, r.WatchlistId, r.AgencyId, r.Plate, EntryInterner.Color(r.PlateColor), r.ValidFrom, r.ValidUntil, r.FuzzyMatch,
        _interner.AgencyIds(r.AlertAgencyIdsJson), _interner.Channels(r.Channels), r.RuleId, r.Reason);

    private static IQueryable<EntryAndList> Joined(VanguardDbContext db) =>
        db.Set<WatchlistEntry>().AsNoTracking()
            .Join(db.Set<Watchlist>().AsNoTracking(), e => e.WatchlistId, l => l.Id, (e, l) => new EntryAndList { Entry = e, List = l });

    private static readonly Expression<Func<EntryAndList, EntryRow>> Project = x => new EntryRow(
        x.Entry.Id, x.Entry.WatchlistId, x.Entry.AgencyId, x.Entry.Plate, x.Entry.PlateColor, x.Entry.Status, x.Entry.ValidFrom, x.Entry.ValidUntil,
        x.Entry.FuzzyMatch, x.Entry.AlertAgencyIdsJson, x.Entry.Channels, x.Entry.RuleId, x.Entry.Reason, x.List.IsActive);

    private sealed class EntryAndList
    {
        public required WatchlistEntry Entry { get; init; }

        public required Watchlist List { get; init; }
    }

    private sealed record EntryRow(
        Guid Id, Guid WatchlistId, Guid AgencyId, string Plate, string PlateColor, string Status, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil,
        bool FuzzyMatch, string AlertAgencyIdsJson, string Channels, Guid? RuleId, string Reason, bool ListActive);

    /// <summary>
    /// Shares the few distinct colour strings, channel sets and alert-agency sets among the entries, so a million
    /// entries hold a million plates and reasons, not a million copies of "command,terminal,webhook".
    /// </summary>
    private sealed class EntryInterner
    {
        private const int MaxAgencySets = 10_000;
        private readonly Lock _lock = new();
        private readonly Dictionary<string, IReadOnlyList<string>> _channels = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<Guid>> _agencies = new(StringComparer.Ordinal);

        public static string Color(string color) => PlateColor.All.FirstOrDefault(c => c == color) ?? color;

        public IReadOnlyList<string> Channels(string csv)
        {
            lock (_lock)
            {
                if (!_channels.TryGetValue(csv, out var set))
                {
                    set = csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(c => AlertChannels.All.FirstOrDefault(a => a == c) ?? c).ToArray();
                    _channels[csv] = set;
                }

                return set;
            }
        }

        public IReadOnlyList<Guid> AgencyIds(string json)
        {
            if (json is "[]" or "")
            {
                return [];
            }

            lock (_lock)
            {
                if (_agencies.TryGetValue(json, out var set))
                {
                    return set;
                }

                set = JsonSerializer.Deserialize<Guid[]>(json) ?? [];
                if (_agencies.Count < MaxAgencySets)
                {
                    _agencies[json] = set;
                }

                return set;
            }
        }
    }
}
