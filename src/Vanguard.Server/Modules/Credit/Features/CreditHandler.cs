using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Common;
using Vanguard.Domain.Credit;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Credit.Contracts;
using Vanguard.Server.Modules.Credit.Data;
using Vanguard.Server.Modules.Credit.Jobs;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Contracts;

namespace Vanguard.Server.Modules.Credit.Features;

/// <summary>
/// 信用监管 for staff: credit records by subject, the blacklist (confirm, delist), 信用修复, the 超限规定 art. 44 parties of a
/// decided overload case, and the 源头治超 dashboards. Credit records are province-wide (shared for joint sanctions); reading a
/// subject's record in full is audited.
/// </summary>
internal sealed class CreditHandler(
    VanguardDbContext db, ICaseDecisions decisions, IRegistry registry, BlacklistEvaluator evaluator, IAuditLog audit, ICurrentActor actor,
    TimeProvider clock, IOptions<CreditOptions> options) : ICreditLookup
{
    public const int MaxEvents = 500;

    private CreditOptions O => options.Value;

    // ---- records ----------------------------------------------------------------------------------------------------------

    public async Task<Result<SubjectRecord>> VehicleAsync(string? plate, string? color, CancellationToken ct)
    {
        var normalised = plate is null ? string.Empty : PlateNumber.Normalise(plate);
        var code = PlateColor.Parse(color);
        var check = new Validator()
            .Check(PlateNumber.IsValid(normalised), "plate", "format", "号牌号码格式不正确（如 豫A12345）。", "The plate is not a valid plate number.")
            .Check(code is not null, "color", "unknown", "号牌颜色须为 蓝、黄、绿、黄绿、白、黑 之一。", "color must be one of " + string.Join(", ", PlateColor.All) + ".");
        return check.IsValid ? await RecordAsync(CreditSubjectKind.Vehicle, CreditSubjectKind.VehicleKey(normalised, code!), ct) : check.ToError();
    }

    /// <summary>
    /// A person's record by 身份证号: asked in a body, not the URL (an ID number in a path ends up in proxy logs), with a stated
    /// purpose kept in the audit entry, as the terminal's driver look-up does (个人信息保护法 arts. 6, 34: 最小必要, 法定职责所必需).
    /// </summary>
    public async Task<Result<SubjectRecord>> PersonAsync(PersonLookupRequest request, CancellationToken ct)
    {
        var key = request.IdNumber?.Trim().ToUpperInvariant() ?? string.Empty;
        var purpose = request.Purpose?.Trim();
        var check = new Validator()
            .Check(ResidentIdNumber.IsValid(key), "idNumber", "format", "身份证号码格式或校验位不正确。", "The ID number is not valid (GB 11643).")
            .Check(!string.IsNullOrEmpty(purpose), "purpose", "required", "请填写查询事由。", "A purpose is required.")
            .Check(string.IsNullOrEmpty(purpose) || purpose.Length is >= 2 and <= 100, "purpose", "length", "查询事由须为 2 至 100 个字符。",
                "The purpose must be 2 to 100 characters.");
        return check.IsValid ? await RecordAsync(CreditSubjectKind.Person, key, ct, purpose) : check.ToError();
    }

    public async Task<Result<SubjectRecord>> EnterpriseAsync(string? creditCode, CancellationToken ct)
    {
        var key = creditCode?.Trim().ToUpperInvariant() ?? string.Empty;
        return UnifiedSocialCreditCode.IsValid(key)
            ? await RecordAsync(CreditSubjectKind.Organisation, key, ct)
            : Validator.Invalid("creditCode", "format", "统一社会信用代码格式或校验位不正确。", "The credit code is not valid (GB 32100).");
    }

    private async Task<SubjectRecord> RecordAsync(string kind, string key, CancellationToken ct, string? purpose = null)
    {
        var today = LegalClock.Today(clock);
        var events = await db.Set<CreditEvent>().AsNoTracking().Where(e => e.SubjectKind == kind && e.SubjectKey == key)
            .OrderByDescending(e => e.ActOn).ThenByDescending(e => e.Id).Take(MaxEvents).ToListAsync(ct);
        var entries = await db.Set<BlacklistEntry>().AsNoTracking().Where(e => e.SubjectKind == kind && e.SubjectKey == key)
            .OrderByDescending(e => e.ProposedAt).ToListAsync(ct);
        audit.Record("credit.read_subject", "credit_subject", kind + ":" + key, new { kind, Events = events.Count, Entries = entries.Count, purpose });
        await db.SaveChangesAsync(ct);
        return new SubjectRecord(
            kind, key, events.FirstOrDefault()?.SubjectName ?? entries.FirstOrDefault()?.SubjectName, OverloadCount(events, today),
            entries.Select(Summary).ToList(), events.Select(View).ToList());
    }

    private int OverloadCount(IEnumerable<CreditEvent> events, DateOnly today)
    {
        var from = today.AddMonths(-O.Thresholds.WindowMonths);
        return events.Where(e => e.IsOverload && !e.Voided && e.ActOn > from && e.ActOn <= today).Select(e => e.CaseId).Distinct().Count();
    }

    public async Task<VehicleCreditStanding> OfVehicleAsync(string plate, string plateColor, CancellationToken ct)
    {
        var key = CreditSubjectKind.VehicleKey(plate, plateColor);
        var today = LegalClock.Today(clock);
        var from = today.AddMonths(-O.Thresholds.WindowMonths);
        var count = await db.Set<CreditEvent>().AsNoTracking()
            .Where(e => e.SubjectKind == CreditSubjectKind.Vehicle && e.SubjectKey == key && e.IsOverload && !e.Voided && e.ActOn > from && e.ActOn <= today)
            .Select(e => e.CaseId).Distinct().CountAsync(ct);
        var open = await db.Set<BlacklistEntry>().AsNoTracking()
            .Where(e => e.SubjectKind == CreditSubjectKind.Vehicle && e.SubjectKey == key && (e.Status == BlacklistStatus.Proposed || e.Status == BlacklistStatus.Listed))
            .ToListAsync(ct);
        var listed = open.FirstOrDefault(e => e.Status == BlacklistStatus.Listed);
        return new VehicleCreditStanding(listed is not null, open.Any(e => e.Status == BlacklistStatus.Proposed), count, listed?.ExpiresOn);
    }

    // ---- blacklist ----------------------------------------------------------------------------------------------------------

    public async Task<Page<BlacklistSummary>> ListAsync(BlacklistQuery query, CancellationToken ct)
    {
        var paging = PageRequest.From(query.Page, query.PageSize);
        var q = db.Set<BlacklistEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            q = q.Where(e => e.Status == query.Status);
        }

        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            q = q.Where(e => e.SubjectKind == query.Kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            var plate = PlateNumber.Normalise(text);
            var upper = text.ToUpperInvariant();
            q = q.Where(e => e.SubjectName.Contains(text) || e.SubjectKey.StartsWith(plate) || e.SubjectKey == upper);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(e => e.Status == BlacklistStatus.Proposed ? 0 : e.Status == BlacklistStatus.Listed ? 1 : 2)
            .ThenByDescending(e => e.ProposedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<BlacklistSummary>(rows.Select(Summary).ToList(), paging.Page, paging.PageSize, total);
    }

    public async Task<Result<BlacklistView>> GetAsync(Guid id, CancellationToken ct)
    {
        var entry = await db.Set<BlacklistEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return CreditErrors.EntryNotFound;
        }

        audit.Record("credit.read_entry", "credit_blacklist", id.ToString(), new { entry.SubjectKind, entry.Rule });
        await db.SaveChangesAsync(ct);
        return await ViewAsync(entry, ct);
    }

    private async Task<BlacklistView> ViewAsync(BlacklistEntry entry, CancellationToken ct)
    {
        var ids = BlacklistEvaluator.Ids(entry.CountedCaseIds);
        var events = await db.Set<CreditEvent>().AsNoTracking().Where(e => ids.Contains(e.CaseId)).ToListAsync(ct);
        var counted = ids.Select(id => events.FirstOrDefault(e => e.CaseId == id) is { } e
                ? new CountedDecision(id, e.CaseNumber, e.ActOn, e.OffenceName, events.Any(x => x.CaseId == id && x.Voided), e.VoidReason)
                : new CountedDecision(id, null, null, null, false, null))
            .OrderBy(c => c.ActOn).ToList();
        var repairs = await db.Set<RepairApplication>().AsNoTracking().Where(r => r.EntryId == entry.Id).OrderByDescending(r => r.AppliedAt).ToListAsync(ct);
        return new BlacklistView(
            Summary(entry), entry.SubjectKey, entry.Reason, counted, entry.ListedBy, entry.ListNote, entry.DelistedOn, entry.DelistKind, entry.DelistReason,
            entry.DelistedBy, repairs.Select(r => Repair(r, entry)).ToList());
    }

    /// <summary>拟列入 → 已列入: a manager confirms with a note; the listing period runs from today.</summary>
    public async Task<Result<BlacklistView>> ConfirmAsync(Guid id, ConfirmRequest request, CancellationToken ct)
    {
        var check = new Validator().Require("note", request.Note, "确认意见", "Note").MaxLength("note", request.Note, 1000, "确认意见", "Note");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var entry = await db.Set<BlacklistEntry>().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return CreditErrors.EntryNotFound;
        }

        if (entry.Status != BlacklistStatus.Proposed)
        {
            return CreditErrors.NotProposed;
        }

        if (!await ActsOnAsync(entry, ct))
        {
            return CreditErrors.OutsideJurisdiction;
        }

        if (request.Version is { } v && v != entry.Version)
        {
            return CreditErrors.VersionConflict;
        }

        var today = LegalClock.Today(clock);
        entry.Status = BlacklistStatus.Listed;
        entry.ListedOn = today;
        entry.ExpiresOn = CreditRepair.ExpiresOn(today, O.Periods);
        entry.ListedBy = actor.Name;
        entry.ListNote = request.Note!.Trim();
        entry.Version++;
        audit.Record("credit.list", "credit_blacklist", id.ToString(),
            new { entry.Rule, entry.SubjectKind, entry.ListedOn, entry.ExpiresOn, entry.ListNote, entry.CountedCaseIds });
        return await SaveThenViewAsync(entry, ct);
    }

    /// <summary>A manager takes an entry off the list (or drops a proposal) with a reason.</summary>
    public async Task<Result<BlacklistView>> DelistAsync(Guid id, DelistRequest request, CancellationToken ct)
    {
        var check = new Validator().Require("reason", request.Reason, "移出理由", "Reason").MaxLength("reason", request.Reason, 1000, "移出理由", "Reason");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var entry = await db.Set<BlacklistEntry>().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return CreditErrors.EntryNotFound;
        }

        if (entry.Status == BlacklistStatus.Delisted)
        {
            return CreditErrors.NotOpen;
        }

        if (!await ActsOnAsync(entry, ct))
        {
            return CreditErrors.OutsideJurisdiction;
        }

        if (request.Version is { } v && v != entry.Version)
        {
            return CreditErrors.VersionConflict;
        }

        evaluator.Delist(entry, DelistKind.Manual, request.Reason!.Trim(), actor.Name, LegalClock.Today(clock));
        return await SaveThenViewAsync(entry, ct);
    }

    /// <summary>
    /// Whether the caller may act on an entry: the records are read province-wide, but listing, delisting and repair are for the
    /// agencies whose decisions the entry rests on and their superiors (at least one counted decision in the caller's jurisdiction).
    /// </summary>
    private async Task<bool> ActsOnAsync(BlacklistEntry entry, CancellationToken ct) =>
        (await decisions.OfCasesAsync(BlacklistEvaluator.Ids(entry.CountedCaseIds), ct)).Count > 0;

    private async Task<Result<BlacklistView>> SaveThenViewAsync(BlacklistEntry entry, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CreditErrors.VersionConflict;
        }

        return await ViewAsync(entry, ct);
    }

    // ---- 信用修复 ---------------------------------------------------------------------------------------------------------

    public async Task<Result<RepairView>> ApplyRepairAsync(Guid entryId, RepairRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Require("commitment", request.Commitment, "信用承诺书", "Commitment").MaxLength("commitment", request.Commitment, 4000, "信用承诺书", "Commitment")
            .Require("rectification", request.Rectification, "整改情况", "Rectification").MaxLength("rectification", request.Rectification, 4000, "整改情况", "Rectification");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var entry = await db.Set<BlacklistEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
        {
            return CreditErrors.EntryNotFound;
        }

        if (entry.Status != BlacklistStatus.Listed || entry.ListedOn is not { } listedOn)
        {
            return CreditErrors.NotListed;
        }

        if (!await ActsOnAsync(entry, ct))
        {
            return CreditErrors.OutsideJurisdiction;
        }

        var today = LegalClock.Today(clock);
        if (!CreditRepair.MayApply(listedOn, today, O.Periods))
        {
            return CreditErrors.RepairTooEarly(CreditRepair.EarliestRepairOn(listedOn, O.Periods));
        }

        if (await db.Set<RepairApplication>().AnyAsync(r => r.EntryId == entryId && r.Status == RepairStatus.Pending, ct))
        {
            return CreditErrors.RepairPending;
        }

        var repair = new RepairApplication
        {
            Id = Guid.CreateVersion7(), EntryId = entryId, Status = RepairStatus.Pending, Commitment = request.Commitment!.Trim(),
            Rectification = request.Rectification!.Trim(), AppliedAt = StoredTime.Now(clock), AppliedBy = actor.Name,
        };
        db.Add(repair);
        audit.Record("credit.repair_apply", "credit_repair", repair.Id.ToString(), new { repair.EntryId, entry.Rule, repair.Commitment, repair.Rectification });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return CreditErrors.RepairPending;
        }

        return Repair(repair, entry);
    }

    public async Task<Page<RepairView>> RepairsAsync(string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize);
        var q = from r in db.Set<RepairApplication>().AsNoTracking()
                join e in db.Set<BlacklistEntry>().AsNoTracking() on r.EntryId equals e.Id
                select new { r, e };
        if (!string.IsNullOrWhiteSpace(status))
        {
            q = q.Where(x => x.r.Status == status);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.r.AppliedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<RepairView>(rows.Select(x => Repair(x.r, x.e)).ToList(), paging.Page, paging.PageSize, total);
    }

    /// <summary>A manager approves (the entry leaves the list) or rejects with a reason.</summary>
    public async Task<Result<RepairView>> DecideRepairAsync(Guid id, RepairDecisionRequest request, CancellationToken ct)
    {
        var check = new Validator().Check(request.Approve is not null, "approve", "required", "请选择通过或不通过。", "approve is required.")
            .MaxLength("note", request.Note, 1000, "审核意见", "Note");
        if (request.Approve == false)
        {
            check.Require("note", request.Note, "不通过理由", "Reason for rejecting");
        }

        if (!check.IsValid)
        {
            return check.ToError();
        }

        var repair = await db.Set<RepairApplication>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (repair is null)
        {
            return CreditErrors.RepairNotFound;
        }

        if (repair.Status != RepairStatus.Pending)
        {
            return CreditErrors.RepairDecided;
        }

        var entry = await db.Set<BlacklistEntry>().SingleAsync(e => e.Id == repair.EntryId, ct);
        if (!await ActsOnAsync(entry, ct))
        {
            return CreditErrors.OutsideJurisdiction;
        }

        if (request.Version is { } v && v != repair.Version)
        {
            return CreditErrors.VersionConflict;
        }

        repair.Status = request.Approve == true ? RepairStatus.Approved : RepairStatus.Rejected;
        repair.Version++;
        repair.DecidedAt = StoredTime.Now(clock);
        repair.DecidedBy = actor.Name;
        repair.DecisionNote = request.Note?.Trim();
        audit.Record("credit.repair_decide", "credit_repair", repair.Id.ToString(), new { repair.EntryId, repair.Status, repair.DecisionNote });
        if (repair.Status == RepairStatus.Approved && entry.Status == BlacklistStatus.Listed)
        {
            evaluator.Delist(entry, DelistKind.Repaired, $"信用修复申请经审核通过（{actor.Name}）：{repair.DecisionNote ?? "已履行处罚并完成整改，作出信用承诺"}", actor.Name,
                LegalClock.Today(clock));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CreditErrors.VersionConflict;
        }

        return Repair(repair, entry);
    }

    // ---- 超限规定 art. 44: driver and loading source ---------------------------------------------------------------------

    public async Task<Result<OverloadPartiesView>> RecordPartiesAsync(Guid caseId, OverloadPartiesRequest request, CancellationToken ct)
    {
        var idNumber = request.DriverIdNumber?.Trim().ToUpperInvariant();
        var qualification = request.DriverQualificationNo?.Trim().ToUpperInvariant();
        var code = request.SourceCreditCode?.Trim().ToUpperInvariant();
        var check = new Validator()
            .Check(!string.IsNullOrEmpty(idNumber) || !string.IsNullOrEmpty(qualification) || !string.IsNullOrEmpty(code), "driverIdNumber", "required",
                "请至少登记驾驶人或货运源头单位之一。", "Give the driver, the loading source unit or both.")
            .Check(string.IsNullOrEmpty(idNumber) || ResidentIdNumber.IsValid(idNumber), "driverIdNumber", "format",
                "驾驶人身份证号码格式或校验位不正确。", "The driver's ID number is not valid (GB 11643).")
            .MaxLength("driverQualificationNo", qualification, 32, "从业资格证号", "Qualification number")
            .MaxLength("driverName", request.DriverName, 50, "驾驶人姓名", "Driver's name")
            .Check(string.IsNullOrEmpty(code) || UnifiedSocialCreditCode.IsValid(code), "sourceCreditCode", "format",
                "货运源头单位统一社会信用代码格式或校验位不正确。", "The source unit's credit code is not valid (GB 32100).")
            .Check(string.IsNullOrEmpty(code) || !string.IsNullOrWhiteSpace(request.SourceName), "sourceName", "required",
                "请填写货运源头单位名称。", "The source unit's name is required.")
            .MaxLength("sourceName", request.SourceName, 200, "货运源头单位名称", "Source unit name");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var decision = (await decisions.OfCasesAsync([caseId], ct)).SingleOrDefault();
        if (decision is null)
        {
            return CreditErrors.CaseNotFound;
        }

        if (!decision.IsOverload)
        {
            return CreditErrors.NotOverload;
        }

        string? driverName = request.DriverName?.Trim();
        if (string.IsNullOrEmpty(idNumber) && !string.IsNullOrEmpty(qualification))
        {
            // 从业资格证号 → the holder's 身份证号 from the registry: the blacklist keys a driver by ID number.
            var drivers = await registry.FindDriversAsync(qualification, ct);
            if (drivers.FirstOrDefault(d => d.QualificationNo.Equals(qualification, StringComparison.OrdinalIgnoreCase)) is not { } found)
            {
                return Validator.Invalid("driverQualificationNo", "unknown", "运政系统中没有该从业资格证号，请改填驾驶人身份证号。",
                    "The registry has no such qualification number; give the driver's ID number.");
            }

            idNumber = found.Person.Number;
            driverName = string.IsNullOrEmpty(driverName) ? found.Person.Name : driverName;
        }

        var row = await db.Set<OverloadParties>().SingleOrDefaultAsync(p => p.CaseId == caseId, ct);
        if (row is null)
        {
            row = new OverloadParties { CaseId = caseId, AgencyId = decision.AgencyId, RecordedBy = actor.Name };
            db.Add(row);
        }

        // A new recording replaces the earlier one for events not yet written; events already written stay (unique per role).
        row.DriverIdNumber = string.IsNullOrEmpty(idNumber) ? row.DriverIdNumber : idNumber;
        row.DriverName = string.IsNullOrEmpty(driverName) ? row.DriverName : driverName;
        row.DriverQualificationNo = string.IsNullOrEmpty(qualification) ? row.DriverQualificationNo : qualification;
        row.SourceCreditCode = string.IsNullOrEmpty(code) ? row.SourceCreditCode : code;
        row.SourceName = string.IsNullOrEmpty(code) ? row.SourceName : request.SourceName!.Trim();
        row.RecordedBy = actor.Name;
        row.RecordedAt = StoredTime.Now(clock);
        row.ProcessedAt = null;
        audit.Record("credit.overload_parties", "case", caseId.ToString(),
            new { row.DriverIdNumber, row.DriverQualificationNo, row.DriverName, row.SourceCreditCode, row.SourceName }, decision.AgencyId);
        await db.SaveChangesAsync(ct);
        return PartiesView(row);
    }

    public async Task<Result<OverloadPartiesView>> PartiesAsync(Guid caseId, CancellationToken ct)
    {
        if ((await decisions.OfCasesAsync([caseId], ct)).Count == 0)
        {
            return CreditErrors.CaseNotFound;
        }

        var row = await db.Set<OverloadParties>().AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == caseId, ct);
        return row is null ? CreditErrors.CaseNotFound : PartiesView(row);
    }

    private static OverloadPartiesView PartiesView(OverloadParties p) => new(
        p.CaseId, p.DriverIdNumber, p.DriverName, p.DriverQualificationNo, p.SourceCreditCode, p.SourceName, p.RecordedBy, p.RecordedAt, p.ProcessedAt);

    // ---- 源头治超 dashboards ----------------------------------------------------------------------------------------------

    public async Task<SourcesDashboard> DashboardAsync(int top, CancellationToken ct)
    {
        var today = LegalClock.Today(clock);
        var from = today.AddMonths(-O.Thresholds.WindowMonths);
        var open = await db.Set<BlacklistEntry>().AsNoTracking()
            .Where(e => e.SubjectKind == CreditSubjectKind.Organisation && (e.Status == BlacklistStatus.Proposed || e.Status == BlacklistStatus.Listed))
            .Select(e => new { e.SubjectKey, e.Rule, e.Status }).ToListAsync(ct);

        var sourceEvents = await db.Set<CreditEvent>().AsNoTracking()
            .Where(e => e.Role == CreditRole.Source && e.IsOverload && !e.Voided && e.ActOn > from && e.ActOn <= today).ToListAsync(ct);
        var sourceCases = sourceEvents.Select(e => e.CaseId).Distinct().ToList();
        var trucksOfCase = new Dictionary<Guid, string>();
        foreach (var chunk in sourceCases.Chunk(500))
        {
            foreach (var v in await db.Set<CreditEvent>().AsNoTracking().Where(e => chunk.Contains(e.CaseId) && e.Role == CreditRole.Vehicle)
                         .Select(e => new { e.CaseId, e.SubjectKey }).ToListAsync(ct))
            {
                trucksOfCase[v.CaseId] = v.SubjectKey;
            }
        }

        var sources = sourceEvents.GroupBy(e => e.SubjectKey)
            .Select(g => new SourceRank(
                g.Key, g.OrderByDescending(e => e.DecidedOn).First().SubjectName,
                g.Select(e => trucksOfCase.GetValueOrDefault(e.CaseId) ?? e.CaseId.ToString()).Distinct().Count(),
                g.Select(e => e.CaseId).Distinct().Count(),
                open.FirstOrDefault(o => o.SubjectKey == g.Key && o.Rule == BlacklistRule.Source)?.Status))
            .OrderByDescending(s => s.Cases).ThenBy(s => s.Name).Take(top).ToList();

        var ownerEvents = await db.Set<CreditEvent>().AsNoTracking()
            .Where(e => e.Role == CreditRole.Owner && e.IsOverload && !e.Voided && e.ActOn > from && e.ActOn <= today).ToListAsync(ct);
        var vehicleOfCase = new Dictionary<Guid, string>();
        foreach (var chunk in ownerEvents.Select(e => e.CaseId).Distinct().Chunk(500))
        {
            foreach (var v in await db.Set<CreditEvent>().AsNoTracking().Where(e => chunk.Contains(e.CaseId) && e.Role == CreditRole.Vehicle)
                         .Select(e => new { e.CaseId, e.SubjectKey }).ToListAsync(ct))
            {
                vehicleOfCase[v.CaseId] = v.SubjectKey;
            }
        }

        // Every enterprise with a violating vehicle is rated, then ranked by rate: ranking by count first would keep a small fleet
        // with a high rate (the one the 10 % line is about) off the list. Two registry reads per enterprise (docs/credit.md).
        var enterprises = new List<EnterpriseRate>();
        foreach (var g in ownerEvents.GroupBy(e => e.SubjectKey))
        {
            var violating = g.Select(e => vehicleOfCase.GetValueOrDefault(e.CaseId)).Where(k => k is not null).Distinct().Count();
            var party = await registry.FindPartyAsync(g.Key, ct);
            var fleet = party is null ? 0 : (await registry.VehiclesOfOwnerAsync(party.Id, BlacklistEvaluator.MaxFleet, ct)).Count;
            var rate = OverloadBlacklistRules.RatePercent(violating, fleet);
            enterprises.Add(new EnterpriseRate(
                g.Key, party?.Name ?? g.First().SubjectName, fleet, violating, rate,
                fleet >= O.Thresholds.EnterpriseMinimumFleet && violating * 100 > O.Thresholds.EnterpriseMoreThanPercent * fleet,
                open.FirstOrDefault(o => o.SubjectKey == g.Key && o.Rule == BlacklistRule.Enterprise)?.Status));
        }

        return new SourcesDashboard(from.AddDays(1), today, O.Thresholds.EnterpriseMoreThanPercent, O.Thresholds.EnterpriseMinimumFleet, sources,
            enterprises.OrderByDescending(e => e.Fleet >= O.Thresholds.EnterpriseMinimumFleet).ThenByDescending(e => e.RatePercent)
                .ThenByDescending(e => e.Violating).ThenBy(e => e.Name).Take(top).ToList());
    }

    // ---- views ----------------------------------------------------------------------------------------------------------

    private static CreditEventView View(CreditEvent e) => new(
        e.Id, e.CaseId, e.CaseNumber, e.SubjectKind, e.SubjectKey, e.SubjectName, e.Role, CreditRole.NameZh(e.Role), e.OffenceName, e.IsOverload, e.ActOn,
        e.DecidedOn, e.FineFen, e.Voided, e.VoidReason);

    /// <summary>The subject as a list shows it: a vehicle's plate and colour, a person's ID number masked, a credit code in full.</summary>
    public static string ShownSubject(string kind, string key) => kind switch
    {
        CreditSubjectKind.Vehicle => CreditSubjectKind.SplitVehicleKey(key) is var (plate, color) ? plate + " " + PlateColor.NameZh(color) : key,
        CreditSubjectKind.Person => ResidentIdNumber.Mask(key),
        _ => key,
    };

    private BlacklistSummary Summary(BlacklistEntry e) => new(
        e.Id, e.SubjectKind, CreditSubjectKind.NameZh(e.SubjectKind), ShownSubject(e.SubjectKind, e.SubjectKey), e.SubjectName, e.Rule,
        BlacklistRule.NameZh(e.Rule), e.Status, BlacklistStatus.NameZh(e.Status), e.ProposedAt, e.ListedOn, e.ExpiresOn,
        e.ListedOn is { } on ? CreditRepair.EarliestRepairOn(on, O.Periods) : null, BlacklistEvaluator.Ids(e.CountedCaseIds).Count,
        e.DelistKind is null ? null : DelistKind.NameZh(e.DelistKind), e.Version);

    private static RepairView Repair(RepairApplication r, BlacklistEntry e) => new(
        r.Id, r.EntryId, r.Status, RepairStatus.NameZh(r.Status), r.Commitment, r.Rectification, r.AppliedAt, r.AppliedBy, r.DecidedAt, r.DecidedBy,
        r.DecisionNote, e.SubjectName, CreditSubjectKind.NameZh(e.SubjectKind), BlacklistRule.NameZh(e.Rule), r.Version);
}
