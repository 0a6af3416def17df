using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal.Data;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Terminal.Features;

public sealed record DutyRequest(bool? OnDuty);

public sealed record PositionView(DateTimeOffset At, double Lat, double Lon, double? AccuracyM);

public sealed record DutyState(bool OnDuty, DateTimeOffset? Since, PositionView? LastPosition);

public sealed record PointInput(DateTimeOffset? At, double? Lat, double? Lon, double? AccuracyM, double? SpeedKmh, double? HeadingDeg);

public sealed record PositionsRequest(List<PointInput>? Points);

/// <summary>A point of a batch that was not stored: its index in the batch and why (<c>required</c>, <c>out_of_area</c>, <c>out_of_range</c>).</summary>
public sealed record RejectedPoint(int Index, string Field, string Code);

public sealed record PositionsResult(int Accepted, int Duplicates, IReadOnlyList<RejectedPoint> Rejected);

public sealed record OfficerPositionView(Guid OfficerId, string OfficerNo, string Name, string AgencyCode, bool OnDuty, DateTimeOffset At, double Lat, double Lon);

/// <summary>在岗 and 位置: going on and off duty, the terminal's GPS batches, the command map and an officer's track.</summary>
internal sealed class PresenceHandler(
    VanguardDbContext db, CurrentOfficer current, IOfficerDirectory officers, IAgencyDirectory agencies, IAuditLog audit, TimeProvider clock,
    ILogger<PresenceHandler> logger)
{
    public const int MaxPoints = 500;
    public static readonly TimeSpan MaxFuture = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxTrack = TimeSpan.FromHours(24);

    public async Task<Result<DutyState>> StateAsync(CancellationToken ct)
    {
        var officer = await current.GetAsync(ct);
        return officer.IsSuccess ? await StateOfAsync(officer.Value.Id, ct) : officer.Error!;
    }

    public async Task<Result<DutyState>> SetDutyAsync(DutyRequest request, CancellationToken ct)
    {
        var found = await current.GetAsync(ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (request.OnDuty is not { } onDuty)
        {
            return Validator.Invalid("onDuty", "required", "请说明上岗还是下岗（onDuty）。", "onDuty is required.");
        }

        var officer = found.Value;
        var open = await OpenSessionAsync(officer.Id, ct);
        var now = StoredTime.Now(clock);
        // Asking for the state one is already in changes nothing: a queued retry of "上岗" is harmless.
        if (onDuty && open is null)
        {
            var session = new DutySession { Id = Guid.CreateVersion7(), OfficerId = officer.Id, AgencyId = officer.AgencyId, StartedAt = now };
            db.Add(session);
            audit.Record("terminal.duty_on", "officer", officer.Id.ToString(), new { session = session.Id }, officer.AgencyId);
            await db.SaveChangesAsync(ct);
        }
        else if (!onDuty && open is not null)
        {
            open.EndedAt = now;
            audit.Record("terminal.duty_off", "officer", officer.Id.ToString(), new { session = open.Id }, officer.AgencyId);
            await db.SaveChangesAsync(ct);
        }

        return await StateOfAsync(officer.Id, ct);
    }

    public async Task<Result<PositionsResult>> AddPositionsAsync(PositionsRequest request, CancellationToken ct)
    {
        var found = await current.GetAsync(ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var officer = found.Value;
        var all = request.Points ?? [];
        var check = Validate(all);
        var error = check.IsValid ? null : check.ToError();
        if (error is not null && all.Count is 0 or > MaxPoints)
        {
            return error;
        }

        // One bad fix does not cost the batch: the valid points are stored, the others reported by index.
        List<RejectedPoint> rejected = error is null ? [] : [.. error.Fields
            .Select(f => new RejectedPoint(PointIndex(f.Key), f.Key, f.Value[0].Code))
            .GroupBy(r => r.Index).Select(g => g.First()).OrderBy(r => r.Index)];
        if (error is not null && rejected.Count == all.Count)
        {
            return error; // every point bad: nothing to store
        }

        var bad = rejected.Select(r => r.Index).ToHashSet();
        var points = all.Where((_, i) => !bad.Contains(i)).ToList();

        if (await OpenSessionAsync(officer.Id, ct) is null)
        {
            return TerminalErrors.OffDuty;
        }

        // One fix per instant: the offset the device used does not make a second one (stored as UTC).
        var batch = points.GroupBy(p => StoredTime.Of(p.At!.Value)).Select(g => (At: g.Key, Point: g.First())).ToList();
        var inserted = 0;
        for (var attempt = 0; ; attempt++)
        {
            var from = batch.Min(p => p.At);
            var to = batch.Max(p => p.At);
            var officerId = officer.Id;
            var stored = (await db.Set<PositionPoint>().AsNoTracking()
                .Where(p => p.OfficerId == officerId && p.At >= from && p.At <= to)
                .Select(p => p.At)
                .ToListAsync(ct)).ToHashSet();
            var fresh = batch.Where(p => !stored.Contains(p.At)).ToList();
            var now = StoredTime.Now(clock);
            var rows = fresh.Select(p => new PositionPoint
            {
                OfficerId = officer.Id, AgencyId = officer.AgencyId, At = p.At, Lat = p.Point.Lat!.Value, Lon = p.Point.Lon!.Value,
                AccuracyM = p.Point.AccuracyM, SpeedKmh = p.Point.SpeedKmh, HeadingDeg = p.Point.HeadingDeg, ReceivedAt = now,
            }).ToList();
            db.AddRange(rows);
            if (rows.Count > 0)
            {
                var newest = rows.MaxBy(r => r.At)!;
                var last = await db.Set<LastPosition>().SingleOrDefaultAsync(l => l.OfficerId == officerId, ct);
                if (last is null)
                {
                    db.Add(new LastPosition
                    {
                        OfficerId = officer.Id, AgencyId = officer.AgencyId, At = newest.At, Lat = newest.Lat, Lon = newest.Lon, AccuracyM = newest.AccuracyM,
                    });
                }
                else if (newest.At > last.At)
                {
                    (last.At, last.Lat, last.Lon, last.AccuracyM, last.AgencyId) = (newest.At, newest.Lat, newest.Lon, newest.AccuracyM, officer.AgencyId);
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
                inserted = rows.Count;
                break;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same batch arrived twice at once (a retry racing its original): the unique index stopped the
                // second; look again at what is stored now and insert only the rest.
                logger.LogInformation("Position batch raced a duplicate; retrying once");
                db.ChangeTracker.Clear();
            }
        }

        return new PositionsResult(inserted, points.Count - inserted, rejected);
    }

    /// <summary>The last position of every officer in the caller's jurisdiction (the context filters them).</summary>
    public async Task<IReadOnlyList<OfficerPositionView>> OfficerPositionsAsync(CancellationToken ct)
    {
        var lasts = await db.Set<LastPosition>().AsNoTracking().OrderByDescending(l => l.At).ToListAsync(ct);
        var ids = lasts.Select(l => l.OfficerId).ToList();
        var onDuty = (await db.Set<DutySession>().AsNoTracking().Where(s => s.EndedAt == null && ids.Contains(s.OfficerId))
            .Select(s => s.OfficerId).ToListAsync(ct)).ToHashSet();
        var people = await officers.FindManyAsync(ids, ct);
        var tree = agencies.Current;
        return lasts.Where(l => people.ContainsKey(l.OfficerId))
            .Select(l =>
            {
                var o = people[l.OfficerId];
                return new OfficerPositionView(o.Id, o.OfficerNo, o.Name, tree.Find(o.AgencyId)?.Code ?? string.Empty, onDuty.Contains(o.Id), l.At, l.Lat, l.Lon);
            })
            .ToList();
    }

    public async Task<Result<IReadOnlyList<PositionView>>> TrackAsync(Guid officerId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        if (await officers.FindAsync(officerId, ct) is null)
        {
            return TerminalErrors.OfficerNotFound;
        }

        // A date at the edge of the calendar (from=9999-12-31) cannot take 24 hours more or less: 400, not an overflow.
        if ((from is { } f0 && (f0.UtcDateTime > DateTime.MaxValue - MaxTrack || f0.UtcDateTime < DateTime.MinValue + MaxTrack))
            || (to is { } t0 && (t0.UtcDateTime > DateTime.MaxValue - MaxTrack || t0.UtcDateTime < DateTime.MinValue + MaxTrack)))
        {
            return Validator.Invalid(from is null ? "to" : "from", "out_of_range", "查询时间超出范围。", "The time is out of range.");
        }

        var end = (to ?? (from is { } f ? f + MaxTrack : clock.GetUtcNow())).ToUniversalTime();
        var start = (from ?? end - MaxTrack).ToUniversalTime();
        if (start > end || end - start > MaxTrack)
        {
            return Validator.Invalid("from", "range", "查询时段须在 24 小时以内，且开始时间不晚于结束时间。", "The period must be at most 24 hours, from before to.");
        }

        IReadOnlyList<PositionView> track = await db.Set<PositionPoint>().AsNoTracking()
            .Where(p => p.OfficerId == officerId && p.At >= start && p.At <= end)
            .OrderBy(p => p.At)
            .Select(p => new PositionView(p.At, p.Lat, p.Lon, p.AccuracyM))
            .ToListAsync(ct);
        return Result<IReadOnlyList<PositionView>>.Success(track);
    }

    private static int PointIndex(string field) =>
        int.Parse(field.AsSpan("points[".Length, field.IndexOf(']', StringComparison.Ordinal) - "points[".Length), CultureInfo.InvariantCulture);

    private Validator Validate(List<PointInput> points)
    {
        var check = new Validator();
        if (points.Count is 0 or > MaxPoints)
        {
            check.Add("points", "count", $"每批须上报 1 至 {MaxPoints} 个位置点。", $"Send 1 to {MaxPoints} points a batch.");
            return check;
        }

        var now = clock.GetUtcNow();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var field = $"points[{i}]";
            if (p.At is not { } at)
            {
                check.Add(field + ".at", "required", "定位时间不能为空。", "at is required.");
            }
            else if (at > now + MaxFuture || at < now - MaxAge)
            {
                check.Add(field + ".at", "out_of_range", "定位时间不能晚于当前 5 分钟，也不能早于 7 天前，请检查终端时间。",
                    "at must be at most 5 minutes ahead and at most 7 days old; check the terminal's clock.");
            }

            if (p.Lat is not { } lat || p.Lon is not { } lon)
            {
                check.Add(field, "required", "经纬度不能为空。", "lat and lon are required.");
            }
            else if (!ChinaArea.Contains(lat, lon))
            {
                check.Add(field, "out_of_area", "位置不在中国境内（纬度 3–54，经度 73–136），请检查定位。",
                    "The position is outside China (lat 3–54, lon 73–136).");
            }

            check.Check(p.AccuracyM is null or (>= 0 and <= 100_000), field + ".accuracyM", "out_of_range", "定位精度数值无效。", "accuracyM is out of range.");
            check.Check(p.SpeedKmh is null or (>= 0 and <= 400), field + ".speedKmh", "out_of_range", "速度数值无效。", "speedKmh is out of range.");
            check.Check(p.HeadingDeg is null or (>= 0 and <= 360), field + ".headingDeg", "out_of_range", "方向数值无效。", "headingDeg is out of range.");
        }

        return check;
    }

    private Task<DutySession?> OpenSessionAsync(Guid officerId, CancellationToken ct) =>
        db.Set<DutySession>().Where(s => s.OfficerId == officerId && s.EndedAt == null).OrderByDescending(s => s.StartedAt).FirstOrDefaultAsync(ct);

    private async Task<DutyState> StateOfAsync(Guid officerId, CancellationToken ct)
    {
        var open = await db.Set<DutySession>().AsNoTracking().Where(s => s.OfficerId == officerId && s.EndedAt == null)
            .OrderByDescending(s => s.StartedAt).FirstOrDefaultAsync(ct);
        var last = await db.Set<LastPosition>().AsNoTracking().Where(l => l.OfficerId == officerId)
            .Select(l => new PositionView(l.At, l.Lat, l.Lon, l.AccuracyM)).SingleOrDefaultAsync(ct);
        return new DutyState(open is not null, open?.StartedAt, last);
    }
}
