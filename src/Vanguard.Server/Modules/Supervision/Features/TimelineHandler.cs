using System.Globalization;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal.Contracts;

namespace Vanguard.Server.Modules.Supervision.Features;

/// <summary>
/// 执法人员全过程轨迹 (可溯): what one officer did over a period — every audited action of the officer's accounts, the stretches
/// of terminal positions and the recordings — merged by time, newest first. Reading a trace is itself audited.
/// </summary>
internal sealed class TimelineHandler(
    VanguardDbContext db, IAgencyDirectory agencies, IOfficerDirectory officers, IOfficerAccounts accounts, IAuditTrail trail, IOfficerTrack track,
    IOfficerClips clips, ICaseDirectory cases, IAuditLog audit, TimeProvider clock)
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);

    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(31);

    private const int MaxActions = 5_000;
    private const int MaxPositions = 5_000;
    private const int MaxClips = 500;

    /// <summary>Positions further apart than this start a new stretch on the timeline.</summary>
    private static readonly TimeSpan StretchGap = TimeSpan.FromMinutes(15);

    public async Task<Result<OfficerTimelineView>> TimelineAsync(
        Guid officerId, DateTimeOffset? from, DateTimeOffset? to, string? kind, PageRequest paging, CancellationToken ct)
    {
        // UTC to the millisecond, as times are stored (PostgreSQL takes no other offset in a query).
        var end = StoredTime.Of(to ?? clock.GetUtcNow());
        var start = StoredTime.Of(from ?? end - DefaultPeriod);
        var check = new Validator()
            .Check(start < end, "from", "order", "开始时间须早于结束时间。", "The start must be before the end.")
            .Check(end - start <= MaxPeriod, "to", "too_long", "每次最多查询 31 天。", "At most 31 days per request.")
            .Check(kind is null || ActionNames.Kinds.Contains(kind), "kind", "unknown",
                $"kind 须为：{string.Join("、", ActionNames.Kinds)}。", $"kind must be one of: {string.Join(", ", ActionNames.Kinds)}.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var officer = await officers.FindAsync(officerId, ct);
        if (officer is null)
        {
            return SupervisionErrors.OfficerNotFound;
        }

        var accountIds = await accounts.AccountIdsAsync(officerId, ct);
        var actions = await trail.ByActorAsync(accountIds, start, end, MaxActions, null, ct);
        var positions = await track.PositionsAsync(officerId, start, end, MaxPositions, ct);
        var recordings = await clips.RecordedByAsync(officerId, start, end, MaxClips, ct);

        var caseIds = actions.Entries.Where(e => e.TargetType == "case" && Guid.TryParse(e.TargetId, out _)).Select(e => Guid.Parse(e.TargetId)).Distinct().ToList();
        var caseNumbers = caseIds.Count == 0 ? new Dictionary<Guid, string?>() : await cases.CaseNumbersAsync(caseIds, ct);

        var lines = new List<TimelineLine>();
        foreach (var e in actions.Entries)
        {
            var k = ActionNames.KindOf(e.Action, e.TargetType);
            var (label, url) = Target(e.TargetType, e.TargetId, caseNumbers);
            lines.Add(new TimelineLine(e.At, null, k, ActionNames.KindNameZh(k), ActionNames.NameZh(e.Action), e.Action, e.TargetType, e.TargetId, label, url,
                e.Sequence, e.HashVerifies));
        }

        foreach (var c in recordings)
        {
            lines.Add(new TimelineLine(c.RecordedFrom, c.RecordedTo, "clip", ActionNames.KindNameZh("clip"), $"执法记录：{c.FileName}", null, "evidence",
                c.EvidenceId.ToString(), $"{c.DeviceSerial}{(c.DurationSeconds is { } s ? $" · {Math.Round(s / 60, 1).ToString(CultureInfo.InvariantCulture)} 分钟" : "")}",
                $"/evidence/{c.EvidenceId}", null, null));
        }

        foreach (var stretch in Stretches(positions))
        {
            var (first, last) = (stretch[0], stretch[^1]);
            lines.Add(new TimelineLine(first.At, last.At, "position", ActionNames.KindNameZh("position"), $"终端上报位置 {stretch.Count} 个", null, null, null,
                $"{Coord(first)} → {Coord(last)}", null, null, null));
        }

        var summary = new TimelineSummary(
            actions.Entries.Count,
            lines.Count(l => l.Kind == "case"),
            lines.Count(l => l.Kind == "record"),
            lines.Count(l => l.Kind == "evidence"),
            lines.Count(l => l.Kind == "lookup"),
            lines.Count(l => l.Kind == "complaint"),
            lines.Count(l => l.Kind == "task"),
            recordings.Count,
            positions.Count,
            DutyHours(actions.Entries, start, end),
            actions.Entries.Count(e => !e.HashVerifies));

        var shown = lines.Where(l => kind is null || l.Kind == kind).OrderByDescending(l => l.At).ThenByDescending(l => l.Sequence ?? 0).ToList();
        var page = new Page<TimelineLine>(shown.Skip(paging.Skip).Take(paging.PageSize).ToList(), paging.Page, paging.PageSize, shown.Count);
        var agency = agencies.Current.Find(officer.AgencyId);

        audit.Record("supervision.officer_trace", "officer", officer.Id.ToString(), new { from = start, to = end, kind, paging.Page }, officer.AgencyId);
        await db.SaveChangesAsync(ct);

        return new OfficerTimelineView(
            new TimelineOfficer(officer.Id, officer.OfficerNo, officer.Name, agency?.Code ?? string.Empty, agency?.Name ?? string.Empty),
            start, end, kind, summary, page, positions,
            actions.NextCursor is not null || positions.Count >= MaxPositions || recordings.Count >= MaxClips);
    }

    private static (string? Label, string? Url) Target(string type, string id, IReadOnlyDictionary<Guid, string?> caseNumbers) => type switch
    {
        "case" when Guid.TryParse(id, out var caseId) => (caseNumbers.GetValueOrDefault(caseId) ?? "案件（未立案）", $"/cases/{caseId}"),
        "evidence" => ("证据", $"/evidence/{id}"),
        "complaint" => ("投诉举报", "/complaints"),
        "terminal_task" => ("指挥任务", null),
        "inspection" => ("督查记录", "/supervision/inspections"),
        "officer" => ("执法人员", $"/supervision/officers/{id}"),
        "registry_vehicle" => ("车辆", null),
        "registry_person" => ("驾驶员 / 从业人员", null),
        "registry_organisation" => ("企业", null),
        "user" => ("账号", null),
        "surveillance_alert" => ("布控预警", "/watchlist/alerts"),
        "accountability" => ("问责记录", "/supervision/inspections"),
        _ => (type, null),
    };

    private static string Coord(TrackPoint p) =>
        $"{p.Lat.ToString("F5", CultureInfo.InvariantCulture)},{p.Lon.ToString("F5", CultureInfo.InvariantCulture)}";

    private static List<List<TrackPoint>> Stretches(IReadOnlyList<TrackPoint> positions)
    {
        var stretches = new List<List<TrackPoint>>();
        foreach (var p in positions.OrderBy(p => p.At))
        {
            if (stretches.Count == 0 || p.At - stretches[^1][^1].At > StretchGap)
            {
                stretches.Add([]);
            }

            stretches[^1].Add(p);
        }

        return stretches;
    }

    /// <summary>
    /// Hours on duty from the officer's own 上岗/下岗 entries in the period: each 上岗 to the next 下岗 (a period that starts on
    /// duty counts from its start, one still on duty to its end or now). Null when the period holds no duty entry.
    /// </summary>
    private double? DutyHours(IReadOnlyList<AuditTrailEntry> entries, DateTimeOffset start, DateTimeOffset end)
    {
        var duty = entries.Where(e => e.Action is "terminal.duty_on" or "terminal.duty_off").OrderBy(e => e.At).ToList();
        if (duty.Count == 0)
        {
            return null;
        }

        var stop = end < clock.GetUtcNow() ? end : clock.GetUtcNow();
        var total = TimeSpan.Zero;
        DateTimeOffset? since = duty[0].Action == "terminal.duty_off" ? start : null;
        foreach (var e in duty)
        {
            if (e.Action == "terminal.duty_on")
            {
                since ??= e.At;
            }
            else if (since is { } on)
            {
                total += e.At - on;
                since = null;
            }
        }

        if (since is { } open && stop > open)
        {
            total += stop - open;
        }

        return Math.Round(total.TotalHours, 2);
    }
}
