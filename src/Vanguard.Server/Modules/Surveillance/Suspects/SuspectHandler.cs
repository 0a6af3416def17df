using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Common;
using Vanguard.Server.Common.Idempotency;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Modules.Surveillance.Matching;

namespace Vanguard.Server.Modules.Surveillance.Suspects;

/// <summary>热点区域、研判规则、疑似车辆: hotspot groups, suspect rules (非法营运研判), and the review list with promotion to a watch-list.</summary>
internal sealed class SuspectHandler(
    VanguardDbContext db, SuspectDetector detector, IDeviceDirectory devices, IAgencyDirectory agencies, IJurisdiction jurisdiction, ICurrentActor actor,
    IAuditLog audit, IWatchlistIndexRefresher indexRefresher, TimeProvider clock)
{
    public static IReadOnlyList<string> HotspotKinds { get; } = ["railway_station", "highway_exit", "bus_station", "airport", "city_area", "other"];

    /// <summary>A group's device ids are stored as a JSON array of at most 8 000 characters: 200 ids fit with room to spare.</summary>
    public const int MaxDevicesPerGroup = 200;

    public async Task<IReadOnlyList<HotspotView>> HotspotsAsync(CancellationToken ct)
    {
        var groups = await db.Set<HotspotGroup>().AsNoTracking().OrderBy(g => g.Name).ToListAsync(ct);
        var cameras = await CamerasAsync(ct);
        return groups.Select(g => View(g, cameras)).ToList();
    }

    public async Task<Result<HotspotView>> CreateHotspotAsync(HotspotRequest request, CancellationToken ct)
    {
        var check = CheckHotspot(request, creating: true);
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var agency = OwningAgency(request.AgencyCode);
        if (agency is null)
        {
            return SuspectErrors.AgencyNotFound;
        }

        var cameras = await CamerasAsync(ct);
        var resolved = ResolveCameras(request.DeviceCodes!, cameras);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        var now = StoredTime.Of(clock.GetUtcNow());
        var group = new HotspotGroup
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agency.Id,
            Name = request.Name!.Trim(),
            Kind = request.Kind!,
            DeviceIdsJson = JsonSerializer.Serialize(resolved.Value),
            Lat = request.Lat,
            Lon = request.Lon,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        db.Add(group);
        audit.Record("surveillance.hotspot_created", "hotspot_group", group.Id.ToString(),
            new { group.Name, group.Kind, deviceCodes = request.DeviceCodes, group.Lat, group.Lon }, group.AgencyId);
        await db.SaveChangesAsync(ct);
        return View(group, cameras);
    }

    public async Task<Result<HotspotView>> UpdateHotspotAsync(Guid id, HotspotRequest request, CancellationToken ct)
    {
        var check = CheckHotspot(request, creating: false);
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var group = await db.Set<HotspotGroup>().SingleOrDefaultAsync(g => g.Id == id, ct);
        if (group is null)
        {
            return SuspectErrors.HotspotNotFound;
        }

        if (request.Version != group.Version)
        {
            return SuspectErrors.VersionConflict;
        }

        if (request.AgencyCode is { Length: > 0 } code && agencies.Current.Find(group.AgencyId)?.Code != code)
        {
            return Validator.Invalid("agencyCode", "immutable", "热点区域的所属机构不能修改。", "A hotspot group's agency cannot be changed.");
        }

        var cameras = await CamerasAsync(ct);
        if (request.DeviceCodes is { } codes)
        {
            var resolved = ResolveCameras(codes, cameras);
            if (!resolved.IsSuccess)
            {
                return resolved.Error!;
            }

            group.DeviceIdsJson = JsonSerializer.Serialize(resolved.Value);
        }

        group.Name = request.Name?.Trim() ?? group.Name;
        group.Kind = request.Kind ?? group.Kind;
        if (request.Lat is not null)
        {
            (group.Lat, group.Lon) = (request.Lat, request.Lon);
        }

        group.UpdatedAt = StoredTime.Of(clock.GetUtcNow());
        group.Version++;
        audit.Record("surveillance.hotspot_updated", "hotspot_group", group.Id.ToString(), request with { Version = null }, group.AgencyId);
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        return View(group, cameras);
    }

    public async Task<IReadOnlyList<RuleView>> RulesAsync(CancellationToken ct)
    {
        var rules = await db.Set<SuspectRule>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        return await ViewsAsync(rules, ct);
    }

    public async Task<Result<RuleView>> CreateRuleAsync(RuleRequest request, CancellationToken ct)
    {
        var rule = new SuspectRule { Name = string.Empty, Kind = string.Empty, Version = 1 };
        var applied = await ApplyAsync(rule, request, creating: true, ct);
        if (applied is { } error)
        {
            return error;
        }

        rule.Id = Guid.CreateVersion7();
        rule.CreatedAt = rule.UpdatedAt = StoredTime.Of(clock.GetUtcNow());
        db.Add(rule);
        audit.Record("surveillance.suspect_rule_created", "suspect_rule", rule.Id.ToString(), RuleAudit(rule), rule.AgencyId);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([rule], ct))[0];
    }

    public async Task<Result<RuleView>> UpdateRuleAsync(Guid id, RuleRequest request, CancellationToken ct)
    {
        var rule = await db.Set<SuspectRule>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return SuspectErrors.RuleNotFound;
        }

        if (request.Version is null)
        {
            return Validator.Invalid("version", "required", "请提供版本号（version）。", "version is required.");
        }

        if (request.Version != rule.Version)
        {
            return SuspectErrors.VersionConflict;
        }

        if (await ApplyAsync(rule, request, creating: false, ct) is { } error)
        {
            return error;
        }

        rule.UpdatedAt = StoredTime.Of(clock.GetUtcNow());
        rule.Version++;
        audit.Record("surveillance.suspect_rule_updated", "suspect_rule", rule.Id.ToString(), RuleAudit(rule), rule.AgencyId);
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        return (await ViewsAsync([rule], ct))[0];
    }

    public async Task<Result<RunResult>> RunRuleAsync(Guid id, CancellationToken ct)
    {
        var rule = await db.Set<SuspectRule>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return SuspectErrors.RuleNotFound;
        }

        try
        {
            return await detector.RunAsync(rule, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The rule or one of its suspects changed while it ran (a promotion, an edit): nothing was saved.
            return SuspectErrors.VersionConflict;
        }
    }

    public async Task<Page<SuspectView>> SuspectsAsync(SuspectQuery query, CancellationToken ct)
    {
        var paging = PageRequest.From(query.Page, query.PageSize);
        var suspects = db.Set<Suspect>().AsNoTracking();
        if (!string.IsNullOrEmpty(query.Status) && query.Status != "all")
        {
            suspects = suspects.Where(s => s.Status == query.Status);
        }

        if (query.RuleId is { } ruleId)
        {
            suspects = suspects.Where(s => s.RuleId == ruleId);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var fragment = Vanguard.Domain.Identifiers.PlateNumber.Normalise(query.Q);
            suspects = suspects.Where(s => s.Plate.Contains(fragment));
        }

        var total = await suspects.CountAsync(ct);
        var page = await suspects.OrderByDescending(s => s.DetectedAt).ThenByDescending(s => s.Score).ThenBy(s => s.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var names = await RuleNamesAsync(page.Select(s => s.RuleId), ct);
        // The list is for choosing: evidence comes with GET /suspects/{id}.
        return new Page<SuspectView>(page.Select(s => View(s, names, withEvidence: false)).ToList(), paging.Page, paging.PageSize, total);
    }

    public async Task<Result<SuspectView>> GetSuspectAsync(Guid id, CancellationToken ct)
    {
        var suspect = await db.Set<Suspect>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return suspect is null ? SuspectErrors.SuspectNotFound : View(suspect, await RuleNamesAsync([suspect.RuleId], ct), withEvidence: true);
    }

    /// <summary>
    /// 转布控: the approver puts the vehicle on a list, active at once (promoting is the approval, so the promoter is both
    /// requester and approver, which the approval rule allows only here).
    /// </summary>
    public async Task<Result<SuspectView>> PromoteAsync(Guid id, PromoteRequest request, CancellationToken ct)
    {
        if (!SurveillancePolicies.IsApprover(actor))
        {
            return SurveillanceErrors.ApproverRequired; // promoting puts the vehicle in force at once: it is an approval
        }

        var check = new Validator()
            .Check(request.WatchlistId is not null, "watchlistId", "required", "请选择布控名单。", "watchlistId is required.")
            .Check(request.ValidDays is >= 1 and <= 365, "validDays", "out_of_range", "布控期限须为 1–365 天。", "validDays must be 1–365.")
            .MaxLength("reason", request.Reason, 500, "布控事由", "Reason");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var suspect = await db.Set<Suspect>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (suspect is null)
        {
            return SuspectErrors.SuspectNotFound;
        }

        if (suspect.Status != SuspectStatuses.Pending)
        {
            return SuspectErrors.AlreadyDecided(suspect.Status);
        }

        var list = await db.Set<Watchlist>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == request.WatchlistId, ct);
        if (list is null)
        {
            return SuspectErrors.WatchlistNotFound;
        }

        if (!list.IsActive)
        {
            return SuspectErrors.WatchlistInactive;
        }

        var now = StoredTime.Of(clock.GetUtcNow());
        var live = await db.Set<WatchlistEntry>().IgnoreQueryFilters().AnyAsync(
            e => e.WatchlistId == list.Id && e.Plate == suspect.Plate && e.PlateColor == suspect.PlateColor
                && (e.Status == EntryStatuses.Pending || (e.Status == EntryStatuses.Active && e.ValidUntil > now)),
            ct);
        if (live)
        {
            return SuspectErrors.EntryExists;
        }

        var rule = await db.Set<SuspectRule>().IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == suspect.RuleId, ct);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? await DefaultReasonAsync(rule, suspect, ct) : request.Reason.Trim();
        var entry = new WatchlistEntry
        {
            Id = Guid.CreateVersion7(),
            WatchlistId = list.Id,
            AgencyId = list.AgencyId,
            Plate = suspect.Plate,
            PlateColor = suspect.PlateColor,
            Reason = reason.Length > 500 ? reason[..500] : reason,
            Source = EntrySources.SuspectModel,
            SourceRef = suspect.Id.ToString(),
            RuleId = suspect.RuleId,
            Status = EntryStatuses.Active,
            ValidFrom = now,
            ValidUntil = now.AddDays(request.ValidDays!.Value),
            Channels = string.Join(',', AlertChannels.All),
            FuzzyMatch = request.FuzzyMatch ?? false,
            RequestedAt = now,
            RequestedBy = actor.Name,
            RequestedById = actor.Id,
            ApprovedAt = now,
            ApprovedBy = actor.Name,
            ApprovedById = actor.Id,
            UpdatedAt = now,
            Version = 1,
        };
        db.Add(entry);
        suspect.Status = SuspectStatuses.Promoted;
        suspect.DecidedAt = now;
        suspect.DecidedBy = actor.Name;
        suspect.DecisionNote = entry.Reason;
        suspect.WatchlistEntryId = entry.Id;
        suspect.UpdatedAt = now;
        suspect.Version++;
        audit.Record("surveillance.suspect_promoted", "suspect", suspect.Id.ToString(),
            new { entryId = entry.Id, watchlistId = list.Id, entry.ValidUntil, entry.FuzzyMatch }, suspect.AgencyId);
        audit.Record("surveillance.entry_created", "watchlist_entry", entry.Id.ToString(),
            new { entry.WatchlistId, entry.Source, entry.SourceRef, entry.RuleId, entry.Status, entry.ValidFrom, entry.ValidUntil, entry.Reason }, entry.AgencyId);
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        await indexRefresher.RefreshAsync([entry.Id], ct);
        return View(suspect, new Dictionary<Guid, string> { [rule.Id] = rule.Name }, withEvidence: true);
    }

    /// <summary>排除: a person looked and found nothing illegal; the rule files the vehicle again only if it is seen after this.</summary>
    public async Task<Result<SuspectView>> DismissAsync(Guid id, DismissRequest request, CancellationToken ct)
    {
        var check = new Validator().Require("note", request.Note, "排除理由", "Note").MaxLength("note", request.Note, 1000, "排除理由", "Note");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var suspect = await db.Set<Suspect>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (suspect is null)
        {
            return SuspectErrors.SuspectNotFound;
        }

        if (suspect.Status != SuspectStatuses.Pending)
        {
            return SuspectErrors.AlreadyDecided(suspect.Status);
        }

        var now = StoredTime.Of(clock.GetUtcNow());
        suspect.Status = SuspectStatuses.Dismissed;
        suspect.DecidedAt = now;
        suspect.DecidedBy = actor.Name;
        suspect.DecisionNote = request.Note!.Trim();
        suspect.UpdatedAt = now;
        suspect.Version++;
        audit.Record("surveillance.suspect_dismissed", "suspect", suspect.Id.ToString(), new { note = suspect.DecisionNote }, suspect.AgencyId);
        if (await SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        return View(suspect, await RuleNamesAsync([suspect.RuleId], ct), withEvidence: true);
    }

    private static Validator CheckHotspot(HotspotRequest r, bool creating)
    {
        var check = new Validator();
        if (creating)
        {
            check.Require("name", r.Name, "区域名称", "Name")
                .Require("kind", r.Kind, "区域类型", "Kind")
                .Check(r.DeviceCodes is { Count: > 0 }, "deviceCodes", "required", "请至少选择一个车牌识别卡口。", "Choose at least one plate camera.");
        }
        else
        {
            check.Check(r.Version is not null, "version", "required", "请提供版本号（version）。", "version is required.")
                .Check(r.Name is null || r.Name.Trim().Length > 0, "name", "required", "区域名称不能为空。", "Name is required.")
                .Check(r.DeviceCodes is null || r.DeviceCodes.Count > 0, "deviceCodes", "required", "请至少选择一个车牌识别卡口。", "Choose at least one plate camera.");
        }

        return check
            .MaxLength("name", r.Name?.Trim(), 100, "区域名称", "Name")
            .Check(r.Kind is null || HotspotKinds.Contains(r.Kind), "kind", "unknown",
                "区域类型须为 " + string.Join("、", HotspotKinds) + " 之一。", "kind must be one of " + string.Join(", ", HotspotKinds) + ".")
            .Check(r.DeviceCodes is null || r.DeviceCodes.Count <= MaxDevicesPerGroup, "deviceCodes", "too_many",
                $"一个热点区域最多 {MaxDevicesPerGroup} 个卡口。", $"At most {MaxDevicesPerGroup} cameras per group.")
            .Check((r.Lat is null) == (r.Lon is null), "lat", "incomplete", "经度和纬度须同时提供。", "lat and lon go together.")
            .Check(r.Lat is not { } lat || r.Lon is not { } lon || (double.IsFinite(lat) && double.IsFinite(lon) && lat is >= 3 and <= 54 && lon is >= 73 and <= 136),
                "lat", "out_of_area", "位置不在中国境内。", "The place is outside China.");
    }

    /// <summary>The codes as camera ids, each an ANPR camera in the caller's jurisdiction; all unknown or foreign codes named at once.</summary>
    private Result<List<Guid>> ResolveCameras(IReadOnlyList<string> codes, IReadOnlyDictionary<Guid, DeviceInfo> cameras)
    {
        var byCode = cameras.Values.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var check = new Validator();
        var ids = new List<Guid>();
        foreach (var code in codes.Select(c => c?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal))
        {
            if (byCode.TryGetValue(code, out var camera) && jurisdiction.Covers(camera.AgencyId))
            {
                ids.Add(camera.Id);
            }
            else
            {
                check.Add("deviceCodes", "unknown_camera", $"“{code}”不是您管辖范围内的车牌识别卡口。", $"'{code}' is not a plate camera in your jurisdiction.");
            }
        }

        return check.IsValid ? ids : check.ToError();
    }

    /// <summary>Validates the request against what the rule would become, then applies it. Null when applied.</summary>
    private async Task<Error?> ApplyAsync(SuspectRule rule, RuleRequest r, bool creating, CancellationToken ct)
    {
        var name = r.Name?.Trim() ?? rule.Name;
        var kind = r.Kind ?? rule.Kind;
        var hotspotId = r.HotspotId ?? (creating ? null : rule.HotspotGroupId);
        var otherId = r.OtherHotspotId ?? rule.OtherGroupId;
        var windowDays = r.WindowDays ?? (creating ? 30 : rule.WindowDays);
        var threshold = r.Threshold ?? (creating ? 5 : rule.Threshold);
        var maxTrip = r.MaxTripMinutes ?? rule.MaxTripMinutes;
        var roundTrips = kind == SuspectRuleKinds.RoundTrips;
        var check = new Validator()
            .Check(name.Length > 0, "name", "required", "规则名称不能为空。", "Name is required.")
            .MaxLength("name", name, 100, "规则名称", "Name")
            .Check(SuspectRuleKinds.All.Contains(kind), "kind", "unknown",
                "规则类型须为 " + string.Join("、", SuspectRuleKinds.All) + " 之一。", "kind must be one of " + string.Join(", ", SuspectRuleKinds.All) + ".")
            .Check(hotspotId is not null, "hotspotId", "required", "请选择热点区域。", "hotspotId is required.")
            .Check(windowDays is >= 1 and <= 90, "windowDays", "out_of_range", "统计周期须为 1–90 天。", "windowDays must be 1–90.");
        if (roundTrips)
        {
            check.Check(threshold is >= 1 and <= 500, "threshold", "out_of_range", "往返次数阈值须为 1–500。", "threshold must be 1–500 trips.")
                .Check(otherId is not null, "otherHotspotId", "required", "往返研判须选择另一端区域（如城区卡口组）。", "otherHotspotId is required for round_trips.")
                .Check(otherId is null || otherId != hotspotId, "otherHotspotId", "same_group", "另一端区域不能与热点区域相同。", "The other group must differ from the hotspot.")
                .Check(maxTrip is >= 5 and <= 720, "maxTripMinutes", "out_of_range", "单次往返时限须为 5–720 分钟。", "maxTripMinutes must be 5–720.");
        }
        else
        {
            check.Check(threshold is >= 1 and <= 31, "threshold", "out_of_range", "出现天数阈值须为 1–31 天。", "threshold must be 1–31 days.")
                .Check(threshold <= windowDays, "threshold", "exceeds_window", "出现天数阈值不能大于统计周期天数。", "threshold cannot exceed windowDays.");
        }

        if (!check.IsValid)
        {
            return check.ToError();
        }

        var wanted = roundTrips ? new[] { hotspotId!.Value, otherId!.Value } : [hotspotId!.Value];
        var found = await db.Set<HotspotGroup>().AsNoTracking().Where(g => wanted.Contains(g.Id)).Select(g => new { g.Id, g.AgencyId }).ToListAsync(ct);
        if (found.Count != wanted.Length)
        {
            return SuspectErrors.HotspotNotFound;
        }

        rule.Name = name;
        rule.Kind = kind;
        rule.HotspotGroupId = hotspotId.Value;
        rule.OtherGroupId = roundTrips ? otherId : null;
        rule.MaxTripMinutes = roundTrips ? maxTrip : null;
        rule.WindowDays = windowDays;
        rule.Threshold = threshold;
        rule.ExcludeLicensed = r.ExcludeLicensed ?? (creating || rule.ExcludeLicensed);
        rule.Enabled = r.Enabled ?? (creating || rule.Enabled);
        // The rule belongs to its hotspot's agency: its suspects go to that agency's review list.
        rule.AgencyId = found.Single(g => g.Id == hotspotId.Value).AgencyId;
        return null;
    }

    private async Task<string> DefaultReasonAsync(SuspectRule rule, Suspect suspect, CancellationToken ct)
    {
        var names = await db.Set<HotspotGroup>().IgnoreQueryFilters().AsNoTracking()
            .Where(g => g.Id == rule.HotspotGroupId || g.Id == rule.OtherGroupId).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var hotspot = names.GetValueOrDefault(rule.HotspotGroupId) ?? "热点区域";
        return rule.Kind == SuspectRuleKinds.RoundTrips
            ? $"疑似非法营运：{rule.Name}，{suspect.Score} 次往返于{hotspot}与{names.GetValueOrDefault(rule.OtherGroupId ?? Guid.Empty) ?? "城区"}"
            : $"疑似非法营运：{rule.Name}，{suspect.Score} 天出现于{hotspot}";
    }

    private AgencyInfo? OwningAgency(string? agencyCode)
    {
        var agency = string.IsNullOrWhiteSpace(agencyCode)
            ? actor.AgencyId is { } own ? agencies.Current.Find(own) : null
            : agencies.Current.FindByCode(agencyCode.Trim());
        return agency is not null && jurisdiction.Covers(agency.Id) ? agency : null;
    }

    private async Task<Dictionary<Guid, DeviceInfo>> CamerasAsync(CancellationToken ct) =>
        (await devices.ListAsync([DeviceKind.AnprCamera], ct)).ToDictionary(d => d.Id);

    private async Task<Dictionary<Guid, string>> RuleNamesAsync(IEnumerable<Guid> ruleIds, CancellationToken ct)
    {
        var ids = ruleIds.Distinct().ToList();
        return await db.Set<SuspectRule>().IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
    }

    private async Task<IReadOnlyList<RuleView>> ViewsAsync(IReadOnlyList<SuspectRule> rules, CancellationToken ct)
    {
        var ruleIds = rules.Select(r => r.Id).ToList();
        var groupIds = rules.Select(r => r.HotspotGroupId).Concat(rules.Where(r => r.OtherGroupId != null).Select(r => r.OtherGroupId!.Value)).Distinct().ToList();
        var groups = await db.Set<HotspotGroup>().IgnoreQueryFilters().AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var pending = await db.Set<Suspect>().AsNoTracking().Where(s => ruleIds.Contains(s.RuleId) && s.Status == SuspectStatuses.Pending)
            .GroupBy(s => s.RuleId).Select(g => new { RuleId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.RuleId, x => x.Count, ct);
        return rules.Select(r => new RuleView(
                r.Id, r.Name, r.Kind, r.HotspotGroupId, groups.GetValueOrDefault(r.HotspotGroupId) ?? string.Empty, r.OtherGroupId,
                r.OtherGroupId is { } other ? groups.GetValueOrDefault(other) : null, r.WindowDays, r.Threshold, r.MaxTripMinutes, r.ExcludeLicensed, r.Enabled,
                r.LastRunAt, pending.GetValueOrDefault(r.Id), r.Version))
            .ToList();
    }

    private HotspotView View(HotspotGroup g, IReadOnlyDictionary<Guid, DeviceInfo> cameras) => new(
        g.Id, g.Name, g.Kind,
        SuspectDetector.DeviceIds(g).Select(id => cameras.TryGetValue(id, out var d) ? new DeviceRef(d.Id, d.Code, d.Name) : new DeviceRef(id, string.Empty, "未知设备")).ToList(),
        g.Lat, g.Lon, agencies.Current.Find(g.AgencyId)?.Code ?? string.Empty, g.Version);

    private static SuspectView View(Suspect s, IReadOnlyDictionary<Guid, string> ruleNames, bool withEvidence) => new(
        s.Id, s.RuleId, ruleNames.GetValueOrDefault(s.RuleId) ?? string.Empty, s.Plate, s.PlateColor, s.Score, s.Status, s.FirstSeenAt, s.LastSeenAt,
        s.DetectedAt, withEvidence ? JsonSerializer.Deserialize<List<SuspectEvidence>>(s.EvidenceJson, SuspectDetector.Json) ?? [] : [],
        s.DecidedBy, s.DecidedAt, s.DecisionNote, s.WatchlistEntryId, s.Version);

    private static object RuleAudit(SuspectRule r) =>
        new { r.Name, r.Kind, r.HotspotGroupId, r.OtherGroupId, r.WindowDays, r.Threshold, r.MaxTripMinutes, r.ExcludeLicensed, r.Enabled };

    /// <summary>Saves; a concurrent change to the same row (its version moved) is a conflict for the caller, not a crash.</summary>
    private async Task<Error?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SuspectErrors.VersionConflict;
        }
        catch (DbUpdateException e) when (IdempotentWrites.IsUniqueViolation(e))
        {
            return SuspectErrors.EntryExists; // the vehicle was put on that list at the same moment by someone else
        }
    }
}
