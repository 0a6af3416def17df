using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Modules.Surveillance.Webhooks;
using Vanguard.Server.Modules.Terminal.Contracts;

namespace Vanguard.Server.Modules.Surveillance.Alerts;

/// <summary>布控预警: list, dispatch, close, precision (命中率), the command summary. Everything is in the caller's jurisdiction.</summary>
internal sealed class AlertHandler(
    VanguardDbContext db, IAgencyDirectory agencies, IJurisdiction jurisdiction, ICurrentActor actor, IAuditLog audit, ITaskDispatch tasks,
    AlertDispatching dispatching, AlertNotifier notifier, IStationStatus stations, IDeviceDirectory devices, IServiceProvider services, TimeProvider clock)
{
    public const int MaxRecent = 100;
    public const int SummaryDays = 30;
    public const int MaxPrecisionDays = 366;

    /// <summary>A camera that sent nothing for this long is <c>silent</c> on the command map.</summary>
    public static readonly TimeSpan OnlineWithin = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Where to draw each agency on the command map. Agencies carry no coordinates yet, so this stands in for the demo
    /// province (the agencies' seats); an agency not listed is not drawn.
    /// </summary>
    private static readonly Dictionary<string, (double Lat, double Lon)> AgencySeats = new(StringComparer.Ordinal)
    {
        ["410000"] = (34.7657, 113.7532), // 河南省
        ["410100"] = (34.7466, 113.6253), // 郑州
        ["411300"] = (32.9907, 112.5283), // 南阳
        ["411000"] = (34.0357, 113.8523), // 许昌
    };

    public async Task<Page<AlertView>> ListAsync(AlertQuery query, CancellationToken ct)
    {
        var paging = PageRequest.From(query.Page, query.PageSize);
        var (start, end) = DayBounds(query.Date ?? LegalClock.Today(clock));
        var alerts = db.Set<Alert>().AsNoTracking().Where(a => a.RaisedAt >= start && a.RaisedAt < end);
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            alerts = alerts.Where(a => a.Status == query.Status);
        }

        if (query.WatchlistId is { } listId)
        {
            alerts = alerts.Where(a => a.WatchlistId == listId);
        }

        var total = await alerts.CountAsync(ct);
        var page = await alerts.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<AlertView>(await AlertViews.ToViewsAsync(db, agencies.Current, page, ct), paging.Page, paging.PageSize, total);
    }

    public async Task<Result<AlertView>> GetAsync(Guid id, CancellationToken ct)
    {
        var alert = await db.Set<Alert>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return alert is null ? AlertErrors.NotFound : (await AlertViews.ToViewsAsync(db, agencies.Current, [alert], ct))[0];
    }

    /// <summary>派发 / 改派: to an officer on duty in the caller's jurisdiction (who has sent a position, so the map shows them).</summary>
    public async Task<Result<AlertView>> DispatchAsync(Guid id, DispatchAlertRequest request, CancellationToken ct)
    {
        if (request.OfficerId is not { } officerId)
        {
            return Validator.Invalid("officerId", "required", "请选择派发的执法人员。", "officerId is required.");
        }

        for (var attempt = 0; ; attempt++)
        {
            var alert = await db.Set<Alert>().SingleOrDefaultAsync(a => a.Id == id, ct);
            if (alert is null)
            {
                return AlertErrors.NotFound;
            }

            if (alert.Status == AlertStatuses.Closed)
            {
                return AlertErrors.Closed;
            }

            var officer = (await tasks.OnDutyWithPositionsAsync(ct)).FirstOrDefault(o => o.OfficerId == officerId);
            if (officer is null)
            {
                return AlertErrors.OfficerNotOnDuty;
            }

            try
            {
                return await dispatching.AssignAsync(alert, officer.OfficerId, officer.Name, automatic: false, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A sighting or the officer's step changed it meanwhile; nothing was stored (no task went out): decide
                // again once, then let the user look again rather than race on.
                if (attempt > 0)
                {
                    return SurveillanceErrors.ConcurrentUpdate;
                }
            }
        }
    }

    /// <summary>指挥中心处置: closes an open alert with an outcome (e.g. 误报 after looking at the photo).</summary>
    public async Task<Result<AlertView>> CloseAsync(Guid id, CloseAlertRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Require("outcome", request.Outcome, "处置结果", "Outcome")
            .Check(request.Outcome is null || AlertOutcomes.All.Contains(request.Outcome), "outcome", "unknown",
                "处置结果须为 " + string.Join("、", AlertOutcomes.All) + " 之一。", "outcome must be one of " + string.Join(", ", AlertOutcomes.All) + ".")
            .Check(request.Outcome is null || !AlertOutcomes.NeedsNote(request.Outcome) || !string.IsNullOrWhiteSpace(request.Note), "note", "required",
                "处置结果为“误报”或“其他”时，须填写情况说明。", "A note is required when the outcome is false_hit or other.")
            .MaxLength("note", request.Note, 1000, "情况说明", "Note");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        for (var attempt = 0; ; attempt++)
        {
            var alert = await db.Set<Alert>().SingleOrDefaultAsync(a => a.Id == id, ct);
            if (alert is null)
            {
                return AlertErrors.NotFound;
            }

            if (alert.Status == AlertStatuses.Closed)
            {
                return AlertErrors.Closed;
            }

            var now = StoredTime.Now(clock);
            (alert.Status, alert.Outcome, alert.OutcomeNote, alert.ClosedAt, alert.ClosedBy, alert.UpdatedAt) =
                (AlertStatuses.Closed, request.Outcome, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), now, actor.Name, now);
            alert.Version++;
            audit.Record("surveillance.alert_closed", "surveillance_alert", alert.Id.ToString(), new { request.Outcome, byCommand = true, alert.TaskId }, alert.AgencyId);
            var channels = await ChannelsAsync(alert.EntryId, ct);
            if (channels.Contains(AlertChannels.Webhook))
            {
                // Resolved when needed: the outbox belongs to the webhooks part and only lists with that channel use it.
                await services.GetRequiredService<IWebhookOutbox>().EnqueueAsync(db, alert, AlertTaskObserver.AlertClosedEvent, ct);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                if (attempt > 0)
                {
                    return SurveillanceErrors.ConcurrentUpdate;
                }

                continue;
            }

            if (alert.TaskId is { } taskId)
            {
                // The officer on the way is told to stop (the finished task of an alert the officer closed stays finished).
                await dispatching.CancelPreviousAsync(alert.Id, taskId, $"指挥中心已处置该预警（{actor.Name}），本任务取消，无需继续处置。", ct);
            }

            var view = (await AlertViews.ToViewsAsync(db, agencies.Current, [alert], ct))[0];
            if (channels.Contains(AlertChannels.Command))
            {
                await notifier.PublishAsync(view, isNew: false, await AlertAudience.AgenciesAsync(db, alert, ct), ct);
            }

            return view;
        }
    }

    /// <summary>
    /// 命中率 per list and per suspect rule over the alerts raised in [from, to] (China days): confirmed ÷ dispatched,
    /// where dispatched = sent to an officer and closed, confirmed = closed seized, warned or case_opened.
    /// </summary>
    public async Task<PrecisionReport> PrecisionAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, _) = DayBounds(from);
        var (_, end) = DayBounds(to);
        var rows = await db.Set<Alert>().AsNoTracking().Where(a => a.RaisedAt >= start && a.RaisedAt < end)
            .Select(a => new AlertOutcomeRow(a.WatchlistId, a.RuleId, a.Status, a.TaskId != null, a.Outcome))
            .ToListAsync(ct);
        var lists = await db.Set<Watchlist>().AsNoTracking().Select(w => new { w.Id, w.Name }).ToListAsync(ct);
        var rules = await db.Set<SuspectRule>().AsNoTracking().Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        // A camera of ours may hit another agency's list: its name is shown, though the list itself is not ours to see.
        var otherListIds = rows.Select(r => r.WatchlistId).Distinct().Except(lists.Select(l => l.Id)).ToList();
        var otherRuleIds = rows.Where(r => r.RuleId is not null).Select(r => r.RuleId!.Value).Distinct().Except(rules.Select(r => r.Id)).ToList();
        lists.AddRange(await db.Set<Watchlist>().IgnoreQueryFilters().AsNoTracking().Where(w => otherListIds.Contains(w.Id))
            .Select(w => new { w.Id, w.Name }).ToListAsync(ct));
        rules.AddRange(await db.Set<SuspectRule>().IgnoreQueryFilters().AsNoTracking().Where(r => otherRuleIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Name }).ToListAsync(ct));
        var byList = rows.ToLookup(r => r.WatchlistId);
        var byRule = rows.Where(r => r.RuleId is not null).ToLookup(r => r.RuleId!.Value);
        return new PrecisionReport(
            from,
            to,
            lists.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => Precision(l.Id, l.Name, byList[l.Id])).ToList(),
            rules.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => Precision(r.Id, r.Name, byRule[r.Id])).ToList());
    }

    public async Task<CommandSummary> SummaryAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = LegalClock.Today(clock);
        var (todayStart, todayEnd) = DayBounds(today);
        var (firstDay, _) = DayBounds(today.AddDays(-(SummaryDays - 1)));
        var alerts = db.Set<Alert>().AsNoTracking();
        var raised = await alerts.Where(a => a.RaisedAt >= firstDay).Select(a => a.RaisedAt).ToListAsync(ct);
        var seized = await alerts.Where(a => a.ClosedAt >= firstDay && a.Outcome == AlertOutcomes.Seized).Select(a => a.ClosedAt!.Value).ToListAsync(ct);
        var dispatchedToday = await alerts.CountAsync(a => a.DispatchedAt >= todayStart && a.DispatchedAt < todayEnd, ct);
        var closedToday = await alerts.CountAsync(a => a.ClosedAt >= todayStart && a.ClosedAt < todayEnd, ct);
        var since = StoredTime.Of(now.AddHours(-24));
        var recent = await alerts.Where(a => a.RaisedAt >= since).OrderByDescending(a => a.RaisedAt).Take(MaxRecent).ToListAsync(ct);
        var officers = await tasks.OnDutyWithPositionsAsync(ct);
        var tree = agencies.Current;
        return new CommandSummary(
            now,
            raised.Count(t => t >= todayStart && t < todayEnd),
            dispatchedToday,
            closedToday,
            seized.Count(t => t >= todayStart && t < todayEnd),
            officers.Count,
            ByDay(seized, today),
            ByDay(raised, today),
            await StationsAsync(now, ct),
            officers.Select(o => new OfficerOnMap(o.OfficerId, o.Name, o.OfficerNo, o.Lat, o.Lon, o.At)).ToList(),
            await AlertViews.ToViewsAsync(db, tree, recent, ct),
            AgencySeats.Select(s => (Agency: tree.FindByCode(s.Key), Seat: s.Value))
                .Where(s => s.Agency is not null && jurisdiction.Covers(s.Agency.Id))
                .Select(s => new AgencyPoint(s.Agency!.Code, s.Agency.Name, s.Seat.Lat, s.Seat.Lon))
                .ToList());
    }

    private async Task<IReadOnlyList<StationStatus>> StationsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var lastData = (await stations.LastDataAsync(ct)).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var known = await devices.ListAsync([DeviceKind.WimStation, DeviceKind.AnprCamera], ct);
        return known.Where(d => lastData.ContainsKey(d.Code))
            .Select(d =>
            {
                var last = lastData[d.Code];
                var status = !last.Certified ? "uncertified" : last.LastDataAt is { } at && now - at <= OnlineWithin ? "online" : "silent";
                return new StationStatus(d.Id, d.Code, d.Name, d.Kind, d.Latitude, d.Longitude, status, last.LastDataAt);
            })
            .ToList();
    }

    private async Task<string[]> ChannelsAsync(Guid entryId, CancellationToken ct) =>
        (await db.Set<WatchlistEntry>().IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == entryId).Select(e => e.Channels).SingleOrDefaultAsync(ct))
        ?.Split(',') ?? [];

    private static PrecisionRow Precision(Guid id, string name, IEnumerable<AlertOutcomeRow> alerts)
    {
        var all = alerts.ToList();
        var dispatched = all.Where(a => a.WasDispatched && a.Status == AlertStatuses.Closed).ToList();
        var confirmed = dispatched.Count(a => a.Outcome is { } o && AlertOutcomes.Confirmed.Contains(o));
        return new PrecisionRow(
            id, name, all.Count, dispatched.Count, confirmed, all.Count(a => a.Outcome == AlertOutcomes.NotFound), all.Count(a => a.Outcome == AlertOutcomes.FalseHit),
            dispatched.Count == 0 ? null : Math.Round((decimal)confirmed / dispatched.Count, 4, MidpointRounding.AwayFromZero));
    }

    private static List<DayCount> ByDay(IEnumerable<DateTimeOffset> times, DateOnly today)
    {
        var counts = times.GroupBy(LegalClock.DayOf).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, SummaryDays).Select(i => today.AddDays(i - (SummaryDays - 1)))
            .Select(day => new DayCount(day, counts.GetValueOrDefault(day))).ToList();
    }

    /// <summary>A China day as UTC [start, end).</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateOnly day)
    {
        var start = LegalClock.StartOf(day).ToUniversalTime();
        return (start, start.AddDays(1));
    }

    private sealed record AlertOutcomeRow(Guid WatchlistId, Guid? RuleId, string Status, bool WasDispatched, string? Outcome);
}
