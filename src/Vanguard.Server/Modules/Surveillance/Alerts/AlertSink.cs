using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Server.Common.Idempotency;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Modules.Surveillance.Matching;
using Vanguard.Server.Modules.Surveillance.Webhooks;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Alerts;

/// <summary>
/// Turns the matcher's hits into alerts (docs/surveillance.md, "Alert window"): a hit of an entry whose open alert was
/// last seen within <c>AlertWindowMinutes</c> is a sighting of it (count and time; the alert keeps its first camera),
/// any other hit raises a new alert. One save per batch (alerts, audit, webhook outbox); then the command centre is
/// told, and exact hits are queued for dispatch — the push never waits for dispatch.
/// </summary>
internal sealed class AlertSink(
    IServiceScopeFactory scopes, CameraCache cameras, AlertNotifier notifier, AlertDispatchQueue dispatchQueue, IAgencyDirectory agencies,
    IOptions<SurveillanceOptions> options, TimeProvider clock, ILogger<AlertSink> logger) : IHitSink
{
    public const string AlertRaisedEvent = "alert.raised";

    public async Task HandleAsync(IReadOnlyList<PlateHit> hits, CancellationToken ct)
    {
        hits = InTheirArea(hits);
        if (hits.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        // The matcher's loop has no user: it acts as the platform, which sees every agency's alerts.
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
        Dictionary<Guid, Change> changes;
        for (var attempt = 0; ; attempt++)
        {
            changes = await StageAsync(scope.ServiceProvider, db, hits, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException e) when (attempt < 2 && (e is DbUpdateConcurrencyException || IdempotentWrites.IsUniqueViolation(e)))
            {
                // A command user closed an alert we were adding a sighting to, or another node stored the same read
                // first: look again at what is stored now.
                logger.LogInformation("Alert batch raced another change; staging it again");
                db.ChangeTracker.Clear();
            }
        }

        if (changes.Count == 0)
        {
            return;
        }

        var views = (await AlertViews.ToViewsAsync(db, agencies.Current, changes.Values.Select(c => c.Alert).ToList(), ct)).ToDictionary(v => v.Id);
        foreach (var change in changes.Values)
        {
            if (change.Entry.Channels.Contains(AlertChannels.Command))
            {
                await notifier.PublishAsync(views[change.Alert.Id], change.IsNew, [change.Alert.AgencyId, .. change.Entry.AlertAgencyIds], ct);
            }
        }

        foreach (var change in changes.Values.Where(c => c.IsNew && ShouldAutoDispatch(c)))
        {
            dispatchQueue.Enqueue(change.Alert.Id);
        }

        await RetainAsync(scope.ServiceProvider, changes.Values.SelectMany(c => c.ReadIds).ToList(), ct);
    }

    /// <summary>
    /// A list watches its owner's area, widened by the entry's 预警单位: a hit on a camera outside the owner's subtree and
    /// outside every alert agency's subtree is none of theirs (the camera's agency would see another force's reason, its
    /// officers be sent, the owner never see it), so it raises nothing.
    /// </summary>
    private List<PlateHit> InTheirArea(IReadOnlyList<PlateHit> hits)
    {
        var tree = agencies.Current;
        var kept = new List<PlateHit>(hits.Count);
        foreach (var hit in hits)
        {
            if (Covers(tree, hit.Entry, hit.Read.AgencyId))
            {
                kept.Add(hit);
            }
        }

        if (kept.Count < hits.Count && logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("{Count} watch-list hits on cameras outside the list owner's and alert agencies' areas raise no alert", hits.Count - kept.Count);
        }

        return kept;
    }

    /// <summary>Whether the camera's agency is the entry's owner or an alert agency, or lies under one of them.</summary>
    internal static bool Covers(AgencyTree tree, IndexedEntry entry, Guid cameraAgencyId)
    {
        for (var agency = tree.Find(cameraAgencyId); agency is not null; agency = agency.ParentId is { } parent ? tree.Find(parent) : null)
        {
            if (agency.Id == entry.AgencyId || entry.AlertAgencyIds.Contains(agency.Id))
            {
                return true;
            }
        }

        return false;
    }

    private bool ShouldAutoDispatch(Change change) =>
        change.Entry.Channels.Contains(AlertChannels.Terminal) && options.Value.AutoDispatch switch
        {
            "all" => true,
            "exact" => change.Alert.MatchKind == MatchKinds.Exact,
            _ => false,
        };

    private async Task<Dictionary<Guid, Change>> StageAsync(IServiceProvider services, VanguardDbContext db, IReadOnlyList<PlateHit> hits, CancellationToken ct)
    {
        var window = TimeSpan.FromMinutes(options.Value.AlertWindowMinutes);
        var entryIds = hits.Select(h => h.Entry.EntryId).Distinct().ToList();
        var readIds = hits.Select(h => h.Read.Id).Distinct().ToList();
        var earliest = hits.Min(h => h.Read.CapturedAt).ToUniversalTime() - window;
        var open = (await db.Set<Alert>().Where(a => entryIds.Contains(a.EntryId) && a.Status != AlertStatuses.Closed && a.LastSeenAt >= earliest)
                .ToListAsync(ct))
            .GroupBy(a => a.EntryId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.LastSeenAt)!);
        // A read handed over twice (a redelivery) raised its alert the first time. Asked after the open alerts: an alert
        // another batch stores in between is then seen here (skipped) or not at all (its insert fails, we stage again) —
        // never taken for an open alert of which this read would be a sighting.
        var seen = (await db.Set<Alert>().AsNoTracking().Where(a => readIds.Contains(a.ReadId) && entryIds.Contains(a.EntryId))
            .Select(a => new { a.EntryId, a.ReadId }).ToListAsync(ct)).Select(a => (a.EntryId, a.ReadId)).ToHashSet();
        var audit = services.GetRequiredService<IAuditLog>();
        var changes = new Dictionary<Guid, Change>();
        var now = StoredTime.Now(clock);
        foreach (var hit in hits.OrderBy(h => h.Read.CapturedAt))
        {
            var read = hit.Read;
            if (!seen.Add((hit.Entry.EntryId, read.Id)))
            {
                continue;
            }

            var capturedAt = StoredTime.Of(read.CapturedAt);
            if (open.TryGetValue(hit.Entry.EntryId, out var alert) && (capturedAt - alert.LastSeenAt).Duration() <= window)
            {
                alert.Sightings++;
                if (capturedAt >= alert.LastSeenAt)
                {
                    // Where the vehicle is now is what the officer on the way needs.
                    var seenBy = await cameras.FindAsync(read.DeviceId, ct);
                    (alert.LastDeviceId, alert.LastDeviceName, alert.LastLat, alert.LastLon) =
                        (read.DeviceId, seenBy?.Name ?? read.DeviceId.ToString(), seenBy?.Latitude, seenBy?.Longitude);
                    alert.LastSeenAt = capturedAt;
                }
                alert.UpdatedAt = now;
                if (!changes.TryGetValue(alert.Id, out var change))
                {
                    alert.Version++;
                    change = changes[alert.Id] = new Change(alert, hit.Entry, IsNew: false, []);
                }

                change.ReadIds.Add(read.Id);
                continue;
            }

            var camera = await cameras.FindAsync(read.DeviceId, ct);
            alert = new Alert
            {
                Id = Guid.CreateVersion7(),
                AgencyId = read.AgencyId,
                WatchlistId = hit.Entry.WatchlistId,
                EntryId = hit.Entry.EntryId,
                RuleId = hit.Entry.RuleId,
                ReadId = read.Id,
                DeviceId = read.DeviceId,
                DeviceName = camera?.Name ?? read.DeviceId.ToString(),
                Lat = camera?.Latitude,
                Lon = camera?.Longitude,
                Plate = read.Plate,
                PlateColor = read.PlateColor,
                EntryPlate = hit.Entry.Plate,
                MatchKind = hit.MatchKind,
                ConfidencePermille = hit.ConfidencePermille,
                ImageSha256 = read.ImageSha256,
                CapturedAt = capturedAt,
                ReadReceivedAt = StoredTime.Of(read.ReceivedAt),
                RaisedAt = now,
                LastSeenAt = capturedAt,
                Status = AlertStatuses.New,
                UpdatedAt = now,
            };
            db.Add(alert);
            open[hit.Entry.EntryId] = alert;
            changes[alert.Id] = new Change(alert, hit.Entry, IsNew: true, [read.Id]);
            audit.Record("surveillance.alert_raised", "surveillance_alert", alert.Id.ToString(),
                new { alert.EntryId, alert.WatchlistId, alert.ReadId, alert.DeviceId, alert.MatchKind, alert.ConfidencePermille }, alert.AgencyId);
            if (hit.Entry.Channels.Contains(AlertChannels.Webhook))
            {
                await services.GetRequiredService<IWebhookOutbox>().EnqueueAsync(db, alert, AlertRaisedEvent, ct);
            }
        }

        return changes;
    }

    /// <summary>Reads that raised or backed an alert are evidence: kept beyond the plate-read retention (docs/offsite.md).</summary>
    private async Task RetainAsync(IServiceProvider services, List<long> readIds, CancellationToken ct)
    {
        try
        {
            await services.GetRequiredService<IPlateReadQueries>().RetainAsync(readIds, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The purge runs once a day; a hold missed now is a risk to those reads only, not to the alert.
            logger.LogWarning(ex, "Could not mark {Count} plate reads as retained", readIds.Count);
        }
    }

    private sealed record Change(Alert Alert, IndexedEntry Entry, bool IsNew, List<long> ReadIds);
}

/// <summary>
/// The plate cameras (and WIM stations, which read plates too) by id — name and position for a new alert — from the
/// device directory, reloaded every minute and on a miss (a camera registered a moment ago); callers that waited while
/// another reloaded use that load.
/// </summary>
internal sealed class CameraCache(IDeviceDirectory devices, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile IReadOnlyDictionary<Guid, DeviceInfo> _byId = new Dictionary<Guid, DeviceInfo>();
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public async Task<DeviceInfo?> FindAsync(Guid deviceId, CancellationToken ct)
    {
        var asked = clock.GetUtcNow();
        if (_byId.TryGetValue(deviceId, out var device) && asked - _loadedAt < MaxAge)
        {
            return device;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (_loadedAt < asked)
            {
                var kinds = new[] { Vanguard.Domain.Organisation.DeviceKind.AnprCamera, Vanguard.Domain.Organisation.DeviceKind.WimStation };
                _byId = (await devices.ListAsync(kinds, ct)).ToDictionary(d => d.Id);
                _loadedAt = clock.GetUtcNow();
            }
        }
        finally
        {
            _loading.Release();
        }

        return _byId.GetValueOrDefault(deviceId);
    }

    public void Dispose() => _loading.Dispose();
}
