using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Common;
using Vanguard.Server.Common.Idempotency;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Modules.Surveillance.Matching;

namespace Vanguard.Server.Modules.Surveillance.Watchlists;

/// <summary>
/// 布控名单与布控车辆: lists, entries, approval (布控审批: never by the requester), import. Every change is audited, and
/// once committed it reaches this node's matching index at once (other nodes within <c>IndexSyncSeconds</c>).
/// </summary>
internal sealed class WatchlistHandler(
    VanguardDbContext db, IAuditLog audit, ICurrentActor actor, IJurisdiction jurisdiction, IAgencyDirectory agencies, TimeProvider clock,
    WatchlistIndexSync index, ILogger<WatchlistHandler> logger)
{
    /// <summary>An entry is in force for at most a year; a longer watch must be asked for again (and approved again).</summary>
    public static readonly TimeSpan MaxValidity = TimeSpan.FromDays(365);

    public const int MaxReasonLength = 500;

    /// <summary>Manual entries may say where they came from; <c>import</c> and <c>suspect_model</c> are set by their own paths.</summary>
    private static readonly string[] ManualSources = [EntrySources.Manual, EntrySources.Report, EntrySources.Case];

    public async Task<IReadOnlyList<WatchlistView>> ListsAsync(CancellationToken ct)
    {
        var lists = await db.Set<Watchlist>().AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct);
        var counts = await db.Set<WatchlistEntry>().AsNoTracking()
            .Where(e => e.Status == EntryStatuses.Active || e.Status == EntryStatuses.Pending)
            .GroupBy(e => new { e.WatchlistId, e.Status })
            .Select(g => new { g.Key.WatchlistId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return lists.Select(l => ToView(
                l,
                counts.Where(c => c.WatchlistId == l.Id && c.Status == EntryStatuses.Active).Sum(c => c.Count),
                counts.Where(c => c.WatchlistId == l.Id && c.Status == EntryStatuses.Pending).Sum(c => c.Count)))
            .ToList();
    }

    public async Task<Result<WatchlistView>> CreateListAsync(CreateWatchlistRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Require("name", request.Name, "名单名称", "Name")
            .MaxLength("name", request.Name?.Trim(), 100, "名单名称", "Name")
            .MaxLength("description", request.Description?.Trim(), 1000, "说明", "Description");
        var agencyId = OwningAgency(check, request.AgencyCode);
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var now = StoredNow();
        var list = new Watchlist
        {
            Id = Guid.CreateVersion7(), AgencyId = agencyId!.Value, Name = request.Name!.Trim(), Description = Blank(request.Description), IsActive = true,
            CreatedAt = now, CreatedBy = actor.Name, UpdatedAt = now, Version = 1,
        };
        db.Add(list);
        audit.Record("surveillance.watchlist_created", "watchlist", list.Id.ToString(), new { list.Name, list.Description, list.AgencyId }, list.AgencyId);
        await db.SaveChangesAsync(ct);
        return ToView(list, 0, 0);
    }

    public async Task<Result<WatchlistView>> UpdateListAsync(Guid id, UpdateWatchlistRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Check(request.Name is null || !string.IsNullOrWhiteSpace(request.Name), "name", "required", "名单名称不能为空。", "Name must not be empty.")
            .MaxLength("name", request.Name?.Trim(), 100, "名单名称", "Name")
            .MaxLength("description", request.Description?.Trim(), 1000, "说明", "Description")
            .Check(request.Version is not null, "version", "required", "请提供版本号（version）。", "version is required.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var list = await db.Set<Watchlist>().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (list is null)
        {
            return WatchlistErrors.ListNotFound;
        }

        if (list.Version != request.Version)
        {
            return WatchlistErrors.ConcurrentUpdate;
        }

        var wasActive = list.IsActive;
        list.Name = request.Name?.Trim() ?? list.Name;
        list.Description = request.Description is null ? list.Description : Blank(request.Description);
        list.IsActive = request.IsActive ?? list.IsActive;
        list.UpdatedAt = StoredNow();
        list.Version++;
        var action = list.IsActive == wasActive ? "surveillance.watchlist_updated"
            : list.IsActive ? "surveillance.watchlist_activated" : "surveillance.watchlist_deactivated";
        audit.Record(action, "watchlist", list.Id.ToString(), new { list.Name, list.Description, list.IsActive, list.Version }, list.AgencyId);
        if (!await TrySaveAsync(ct))
        {
            return WatchlistErrors.ConcurrentUpdate;
        }

        if (list.IsActive != wasActive)
        {
            await index.RefreshListAsync(list.Id, ct);
        }

        var counts = await db.Set<WatchlistEntry>().AsNoTracking().Where(e => e.WatchlistId == id)
            .GroupBy(e => e.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        return ToView(
            list, counts.Where(c => c.Status == EntryStatuses.Active).Sum(c => c.Count), counts.Where(c => c.Status == EntryStatuses.Pending).Sum(c => c.Count));
    }

    public async Task<Page<EntryView>> EntriesAsync(EntryQuery query, CancellationToken ct)
    {
        var paging = PageRequest.From(query.Page, query.PageSize);
        var entries = db.Set<WatchlistEntry>().AsNoTracking();
        if (query.WatchlistId is { } listId)
        {
            entries = entries.Where(e => e.WatchlistId == listId);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var fragment = PlateNumber.Normalise(query.Q);
            entries = entries.Where(e => e.Plate.Contains(fragment));
        }

        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            entries = entries.Where(e => e.Status == query.Status);
        }

        if (!string.IsNullOrWhiteSpace(query.Source))
        {
            entries = entries.Where(e => e.Source == query.Source);
        }

        var total = await entries.CountAsync(ct);
        var page = await entries.OrderByDescending(e => e.RequestedAt).ThenBy(e => e.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var lists = await ListsOfAsync(page, ct);
        return new Page<EntryView>(page.Select(e => ToView(e, lists[e.WatchlistId])).ToList(), paging.Page, paging.PageSize, total);
    }

    public async Task<Result<EntryView>> CreateEntryAsync(CreateEntryRequest request, CancellationToken ct)
    {
        var now = StoredNow();
        var plate = request.Plate is null ? null : PlateNumber.Normalise(request.Plate);
        var color = PlateColor.Parse(request.PlateColor);
        var check = new Validator().Check(request.WatchlistId is not null, "watchlistId", "required", "请选择布控名单。", "watchlistId is required.");
        CheckVehicle(check, request.Plate, plate, request.PlateColor, color);
        CheckReason(check, request.Reason);
        var source = string.IsNullOrWhiteSpace(request.Source) ? EntrySources.Manual : request.Source.Trim();
        check.Check(ManualSources.Contains(source), "source", "unknown", "布控来源须为 manual（人工录入）、report（群众举报）或 case（案件）之一。",
                "source must be one of " + string.Join(", ", ManualSources) + ".")
            .MaxLength("sourceRef", request.SourceRef, 64, "来源编号", "Source reference");
        var validFrom = request.ValidFrom is { } from ? StoredTime.Of(from) : now;
        CheckValidity(check, validFrom, request.ValidUntil, now);
        var channels = CheckChannels(check, request.Channels);
        var alertAgencies = CheckAlertAgencies(check, request.AlertAgencyCodes);
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var list = await db.Set<Watchlist>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == request.WatchlistId, ct);
        if (list is null)
        {
            return WatchlistErrors.ListNotFound;
        }

        if (!list.IsActive)
        {
            return WatchlistErrors.ListInactive;
        }

        if (await LiveEntryExistsAsync(list.Id, plate!, color!, null, ct))
        {
            return WatchlistErrors.EntryExists;
        }

        var entry = new WatchlistEntry
        {
            Id = Guid.CreateVersion7(), WatchlistId = list.Id, AgencyId = list.AgencyId, Plate = plate!, PlateColor = color!, Reason = request.Reason!.Trim(),
            Source = source, SourceRef = Blank(request.SourceRef), Status = EntryStatuses.Pending, ValidFrom = validFrom, ValidUntil = StoredTime.Of(request.ValidUntil!.Value),
            AlertAgencyIdsJson = JsonSerializer.Serialize(alertAgencies), Channels = string.Join(',', channels), FuzzyMatch = request.FuzzyMatch ?? false,
            RequestedAt = now, RequestedBy = actor.Name, RequestedById = actor.Id, UpdatedAt = now, Version = 1,
        };
        db.Add(entry);
        audit.Record("surveillance.entry_created", "watchlist_entry", entry.Id.ToString(), AuditPayload(entry), entry.AgencyId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IdempotentWrites.IsUniqueViolation(e))
        {
            return WatchlistErrors.EntryExists; // the same vehicle was put on the list at the same moment by someone else
        }

        return ToView(entry, list);
    }

    public async Task<Result<EntryView>> UpdateEntryAsync(Guid id, UpdateEntryRequest request, CancellationToken ct)
    {
        var now = StoredNow();
        var check = new Validator()
            .Check(request.Reason is null || !string.IsNullOrWhiteSpace(request.Reason), "reason", "required", "布控事由不能为空。", "The reason must not be empty.")
            .MaxLength("reason", request.Reason?.Trim(), MaxReasonLength, "布控事由", "Reason")
            .Check(request.Version is not null, "version", "required", "请提供版本号（version）。", "version is required.");
        var channels = request.Channels is null ? null : CheckChannels(check, request.Channels);
        var alertAgencies = request.AlertAgencyCodes is null ? null : CheckAlertAgencies(check, request.AlertAgencyCodes);
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var entry = await db.Set<WatchlistEntry>().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return WatchlistErrors.EntryNotFound;
        }

        if (entry.Version != request.Version)
        {
            return WatchlistErrors.ConcurrentUpdate;
        }

        if (entry.Status is not (EntryStatuses.Pending or EntryStatuses.Active))
        {
            return WatchlistErrors.Closed(entry.Status);
        }

        // An entry in force was approved as it stands: a longer watch, fuzzy matching, other channels or agencies would bypass 布控审批,
        // so only an approver may change it. A pending one is still the requester's request to edit.
        if (entry.Status == EntryStatuses.Active && !SurveillancePolicies.IsApprover(actor))
        {
            return SurveillanceErrors.ApproverRequired;
        }

        if (request.ValidUntil is { } until)
        {
            CheckValidity(check, entry.ValidFrom, until, now);
            if (!check.IsValid)
            {
                return check.ToError();
            }

            entry.ValidUntil = StoredTime.Of(until);
        }

        entry.Reason = request.Reason?.Trim() ?? entry.Reason;
        entry.Channels = channels is null ? entry.Channels : string.Join(',', channels);
        entry.AlertAgencyIdsJson = alertAgencies is null ? entry.AlertAgencyIdsJson : JsonSerializer.Serialize(alertAgencies);
        entry.FuzzyMatch = request.FuzzyMatch ?? entry.FuzzyMatch;
        return await CommitAsync(entry, "surveillance.entry_updated", now, ct);
    }

    public async Task<Result<EntryView>> ApproveAsync(Guid id, CancellationToken ct)
    {
        if (!SurveillancePolicies.IsApprover(actor))
        {
            return SurveillanceErrors.ApproverRequired;
        }

        var now = StoredNow();
        var entry = await db.Set<WatchlistEntry>().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return WatchlistErrors.EntryNotFound;
        }

        if (entry.Status != EntryStatuses.Pending)
        {
            return WatchlistErrors.NotPending(entry.Status);
        }

        if (entry.RequestedById == actor.Id)
        {
            return WatchlistErrors.SamePerson;
        }

        if (entry.ValidUntil <= now)
        {
            return WatchlistErrors.Expired;
        }

        entry.Status = EntryStatuses.Active;
        entry.ApprovedAt = now;
        entry.ApprovedBy = actor.Name;
        entry.ApprovedById = actor.Id;
        return await CommitAsync(entry, "surveillance.entry_approved", now, ct);
    }

    public async Task<Result<EntryView>> RejectAsync(Guid id, ReasonRequest request, CancellationToken ct)
    {
        if (!SurveillancePolicies.IsApprover(actor))
        {
            return SurveillanceErrors.ApproverRequired;
        }

        var check = new Validator();
        CheckReason(check, request.Reason, "驳回理由", "Reason for rejecting");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var now = StoredNow();
        var entry = await db.Set<WatchlistEntry>().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return WatchlistErrors.EntryNotFound;
        }

        if (entry.Status != EntryStatuses.Pending)
        {
            return WatchlistErrors.NotPending(entry.Status);
        }

        entry.Status = EntryStatuses.Rejected;
        entry.ClosingReason = request.Reason!.Trim();
        // 审批人 is whoever decided the request, whichever way.
        entry.ApprovedAt = now;
        entry.ApprovedBy = actor.Name;
        entry.ApprovedById = actor.Id;
        return await CommitAsync(entry, "surveillance.entry_rejected", now, ct);
    }

    public async Task<Result<EntryView>> RevokeAsync(Guid id, ReasonRequest request, CancellationToken ct)
    {
        if (!SurveillancePolicies.IsApprover(actor))
        {
            return SurveillanceErrors.ApproverRequired;
        }

        var check = new Validator();
        CheckReason(check, request.Reason, "撤控理由", "Reason for revoking");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var now = StoredNow();
        var entry = await db.Set<WatchlistEntry>().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return WatchlistErrors.EntryNotFound;
        }

        if (entry.Status is not (EntryStatuses.Pending or EntryStatuses.Active))
        {
            return WatchlistErrors.Closed(entry.Status);
        }

        entry.Status = EntryStatuses.Revoked;
        entry.ClosingReason = request.Reason!.Trim();
        entry.RevokedAt = now;
        entry.RevokedBy = actor.Name;
        return await CommitAsync(entry, "surveillance.entry_revoked", now, ct);
    }

    public async Task<Result<ImportResult>> ImportAsync(Guid listId, Stream csv, CancellationToken ct)
    {
        var list = await db.Set<Watchlist>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == listId, ct);
        if (list is null)
        {
            return WatchlistErrors.ListNotFound;
        }

        if (!list.IsActive)
        {
            return WatchlistErrors.ListInactive;
        }

        var now = StoredNow();
        var parsed = await WatchlistCsv.ReadAsync(csv, now, ct);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var (rows, rejected) = parsed.Value;
        var lines = rows.Count + rejected.Count;
        // A vehicle already pending or active on the list is refused line by line, like any other bad row.
        var live = new HashSet<(string, string)>();
        foreach (var chunk in rows.Select(r => r.Plate).Distinct().Chunk(500))
        {
            var existing = await db.Set<WatchlistEntry>().AsNoTracking()
                .Where(e => e.WatchlistId == listId && chunk.Contains(e.Plate) && (e.Status == EntryStatuses.Pending || e.Status == EntryStatuses.Active))
                .Select(e => new { e.Plate, e.PlateColor }).ToListAsync(ct);
            live.UnionWith(existing.Select(e => (e.Plate, e.PlateColor)));
        }

        var batchId = Guid.CreateVersion7();
        var created = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var row in rows)
        {
            if (!live.Add((row.Plate, row.PlateColor)))
            {
                rejected.Add(new ImportRejection(row.Line, WatchlistErrors.EntryExists.Code, WatchlistErrors.EntryExists.MessageZh));
                continue;
            }

            db.Add(new WatchlistEntry
            {
                Id = Guid.CreateVersion7(), WatchlistId = listId, AgencyId = list.AgencyId, Plate = row.Plate, PlateColor = row.PlateColor, Reason = row.Reason,
                Source = EntrySources.Import, Status = EntryStatuses.Pending, ValidFrom = now, ValidUntil = row.ValidUntil,
                Channels = string.Join(',', AlertChannels.All), FuzzyMatch = row.FuzzyMatch, ImportBatchId = batchId, RequestedAt = now,
                RequestedBy = actor.Name, RequestedById = actor.Id, UpdatedAt = now, Version = 1,
            });
            created++;
        }

        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        audit.Record(
            "surveillance.entries_imported", "watchlist", listId.ToString(),
            new { batchId, created, rejected = rejected.Count, lines }, list.AgencyId);
        db.ChangeTracker.DetectChanges();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IdempotentWrites.IsUniqueViolation(e))
        {
            return WatchlistErrors.EntryExists; // another import or entry of one of these vehicles landed meanwhile: nothing stored, import again
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Watch-list import {BatchId}: {Created} entries pending approval, {Rejected} lines refused", batchId, created, rejected.Count);
        }

        return new ImportResult(batchId, created, rejected);
    }

    public async Task<Result<int>> ApproveBatchAsync(Guid batchId, CancellationToken ct)
    {
        if (!SurveillancePolicies.IsApprover(actor))
        {
            return SurveillanceErrors.ApproverRequired;
        }

        var now = StoredNow();
        var batch = db.Set<WatchlistEntry>().Where(e => e.ImportBatchId == batchId);
        var requesters = await batch.Select(e => e.RequestedById).Distinct().ToListAsync(ct);
        if (requesters.Count == 0)
        {
            return WatchlistErrors.BatchNotFound;
        }

        if (requesters.Contains(actor.Id))
        {
            return WatchlistErrors.SamePerson;
        }

        var approvable = batch.Where(e => e.Status == EntryStatuses.Pending && e.ValidUntil > now);
        var ids = await approvable.Select(e => e.Id).ToListAsync(ct);
        ids.Sort(); // the audit lists them in a stable order
        var agencyId = await batch.Select(e => e.AgencyId).FirstAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        var approved = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var count = await approvable.ExecuteUpdateAsync(
                set => set.SetProperty(e => e.Status, EntryStatuses.Active).SetProperty(e => e.ApprovedAt, now).SetProperty(e => e.ApprovedBy, actor.Name)
                    .SetProperty(e => e.ApprovedById, actor.Id).SetProperty(e => e.UpdatedAt, now).SetProperty(e => e.Version, e => e.Version + 1),
                ct);
            audit.Record("surveillance.batch_approved", "watchlist_import", batchId.ToString(), new { batchId, approved = count, entryIds = ids }, agencyId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return count;
        });
        await index.RefreshAsync(ids, ct);
        return approved;
    }

    /// <summary>Audits, saves with the version check, and tells the index: an approved, changed or revoked entry matches (or stops) at once.</summary>
    private async Task<Result<EntryView>> CommitAsync(WatchlistEntry entry, string action, DateTimeOffset now, CancellationToken ct)
    {
        entry.UpdatedAt = now;
        entry.Version++;
        audit.Record(action, "watchlist_entry", entry.Id.ToString(), AuditPayload(entry), entry.AgencyId);
        if (!await TrySaveAsync(ct))
        {
            return WatchlistErrors.ConcurrentUpdate;
        }

        await index.RefreshAsync([entry.Id], ct);
        var list = await db.Set<Watchlist>().AsNoTracking().SingleAsync(l => l.Id == entry.WatchlistId, ct);
        return ToView(entry, list);
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static object AuditPayload(WatchlistEntry e) => new
    {
        e.WatchlistId, e.Plate, e.PlateColor, e.Reason, e.Source, e.SourceRef, e.Status, e.ValidFrom, e.ValidUntil, e.Channels, e.AlertAgencyIdsJson,
        e.FuzzyMatch, e.ClosingReason, e.Version,
    };

    private async Task<bool> LiveEntryExistsAsync(Guid listId, string plate, string color, Guid? except, CancellationToken ct) =>
        await db.Set<WatchlistEntry>().AnyAsync(
            e => e.WatchlistId == listId && e.Plate == plate && e.PlateColor == color && e.Id != except
                && (e.Status == EntryStatuses.Pending || e.Status == EntryStatuses.Active),
            ct);

    private async Task<Dictionary<Guid, Watchlist>> ListsOfAsync(IReadOnlyCollection<WatchlistEntry> entries, CancellationToken ct)
    {
        var ids = entries.Select(e => e.WatchlistId).Distinct().ToList();
        return await db.Set<Watchlist>().AsNoTracking().IgnoreQueryFilters().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
    }

    /// <summary>The caller's agency, or the one named by code if it is inside the caller's jurisdiction.</summary>
    private Guid? OwningAgency(Validator check, string? agencyCode)
    {
        if (string.IsNullOrWhiteSpace(agencyCode))
        {
            if (actor.AgencyId is null)
            {
                check.Add("agencyCode", "required", "请指定名单所属单位。", "agencyCode is required.");
            }

            return actor.AgencyId;
        }

        var agency = agencies.Current.FindByCode(agencyCode.Trim());
        if (agency is null || !jurisdiction.Covers(agency.Id))
        {
            check.Add("agencyCode", "out_of_jurisdiction", "所属单位不存在或不在您的管辖范围内。", "No such agency in your jurisdiction.");
            return null;
        }

        return agency.Id;
    }

    private static void CheckVehicle(Validator check, string? rawPlate, string? plate, string? rawColor, string? color)
    {
        check.Require("plate", rawPlate, "号牌号码", "Plate")
            .Check(string.IsNullOrWhiteSpace(rawPlate) || PlateNumber.IsValid(plate), "plate", "format",
                "号牌号码格式不正确（如 豫A12345）。", "The plate is not a valid plate number (e.g. 豫A12345).")
            .Require("plateColor", rawColor, "号牌颜色", "Plate colour")
            .Check(string.IsNullOrWhiteSpace(rawColor) || color is not null, "plateColor", "unknown",
                "号牌颜色须为 蓝、黄、绿、黄绿、白、黑 之一。", "plateColor must be one of " + string.Join(", ", PlateColor.All) + ".")
            .Check(color is null || !PlateNumber.IsValid(plate) || PlateColor.IsConsistent(plate!, color), "plateColor", "inconsistent",
                "号牌颜色与号牌不符（新能源号牌为绿色或黄绿色，挂车号牌为黄色）。",
                "The colour does not fit the plate (new-energy plates are green or yellow-green, trailer plates yellow).");
    }

    private static void CheckReason(Validator check, string? reason, string nameZh = "布控事由", string nameEn = "Reason") =>
        check.Require("reason", reason, nameZh, nameEn).MaxLength("reason", reason?.Trim(), MaxReasonLength, nameZh, nameEn);

    private static void CheckValidity(Validator check, DateTimeOffset validFrom, DateTimeOffset? validUntil, DateTimeOffset now)
    {
        if (validUntil is not { } until)
        {
            check.Add("validUntil", "required", "请填写布控有效期至。", "validUntil is required.");
            return;
        }

        check.Check(until > validFrom && until > now, "validUntil", "not_after_start", "有效期至须晚于生效时间和当前时间。",
                "validUntil must be after validFrom and after now.")
            .Check(until - validFrom <= MaxValidity, "validUntil", "too_long", "布控有效期最长 365 天，到期后如需继续布控请重新申请。",
                "An entry is valid for at most 365 days.");
    }

    private static List<string> CheckChannels(Validator check, IReadOnlyList<string>? channels)
    {
        if (channels is null)
        {
            return [.. AlertChannels.All];
        }

        var cleaned = channels.Select(c => c?.Trim().ToLowerInvariant() ?? string.Empty).Distinct().ToList();
        check.Check(cleaned.Count > 0, "channels", "required", "请至少选择一种预警方式。", "At least one channel is required.")
            .Check(cleaned.All(AlertChannels.All.Contains), "channels", "unknown", "预警方式须为 command（指挥中心）、terminal（执法终端）、webhook 之一。",
                "channels must be among " + string.Join(", ", AlertChannels.All) + ".");
        return cleaned;
    }

    private List<Guid> CheckAlertAgencies(Validator check, IReadOnlyList<string>? codes)
    {
        var ids = new List<Guid>();
        foreach (var code in (codes ?? []).Select(c => c?.Trim() ?? string.Empty).Distinct())
        {
            var agency = agencies.Current.FindByCode(code);
            if (agency is null || !jurisdiction.Covers(agency.Id))
            {
                check.Add("alertAgencyCodes", "out_of_jurisdiction", $"预警单位“{code}”不存在或不在您的管辖范围内。",
                    $"Agency '{code}' does not exist or is outside your jurisdiction.");
                continue;
            }

            ids.Add(agency.Id);
        }

        return ids;
    }

    private WatchlistView ToView(Watchlist l, int active, int pending)
    {
        var agency = agencies.Current.Find(l.AgencyId);
        return new WatchlistView(
            l.Id, l.Name, l.Description, l.IsActive, agency?.Code ?? string.Empty, agency?.Name ?? string.Empty, active, pending, l.WebhookEnabled, l.WebhookUrl,
            l.CreatedAt, l.Version);
    }

    private EntryView ToView(WatchlistEntry e, Watchlist list)
    {
        var now = clock.GetUtcNow();
        var alertIds = JsonSerializer.Deserialize<Guid[]>(e.AlertAgencyIdsJson) ?? [];
        return new EntryView(
            e.Id, e.WatchlistId, list.Name, e.Plate, e.PlateColor, e.Reason, e.Source, e.SourceRef, e.Status,
            InForce: e.Status == EntryStatuses.Active && list.IsActive && e.ValidFrom <= now && now < e.ValidUntil, e.ValidFrom, e.ValidUntil,
            alertIds.Select(id => agencies.Current.Find(id)?.Code ?? id.ToString()).ToList(),
            e.Channels.Split(',', StringSplitOptions.RemoveEmptyEntries), e.FuzzyMatch, e.RequestedBy, e.RequestedAt, e.ApprovedBy, e.ApprovedAt,
            e.ClosingReason, e.Version);
    }

    private DateTimeOffset StoredNow() => StoredTime.Now(clock);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
