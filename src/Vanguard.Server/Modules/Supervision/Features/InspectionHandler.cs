using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Organisation;
using Vanguard.Domain.Supervision;
using Vanguard.Server.Common;
using Vanguard.Server.Common.Idempotency;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Supervision.Data;

namespace Vanguard.Server.Modules.Supervision.Features;

/// <summary>
/// "八六四" inspections (督查): a supervisor records the 14 items as found; a breach produces the accountability records the
/// 四必究 rules call for (<see cref="EightSixFourDiscipline.Accountable"/>), each handled later with the measure taken. Every
/// change is audited.
/// </summary>
internal sealed class InspectionHandler(
    VanguardDbContext db, IAgencyDirectory agencies, IJurisdiction jurisdiction, ICurrentActor actor, IAuditLog audit, IOfficerDirectory officers,
    IAgencyLeaders agencyLeaders, ICaseDirectory cases, IOfficerClips clips, TimeProvider clock)
{
    public static IReadOnlyList<DisciplineItemView> Rules() => EightSixFourDiscipline.Items
        .Select(i => new DisciplineItemView(i.Code, i.Group, i.GroupNameZh, i.Number, i.TextZh, i.TextEn)).ToList();

    /// <summary>The write's name for <see cref="IdempotentWrites"/> (and part of the request hash).</summary>
    public const string CreateOperation = "supervision.inspections.create";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The API's creation (<c>POST /inspections</c> through <see cref="IdempotentWrites"/>): the answer and where the inspection lives.
    /// </summary>
    public async Task<Result<WriteOutcome<InspectionView>>> CreateWriteAsync(CreateInspectionRequest r, CancellationToken ct)
    {
        var result = await CreateAsync(r, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        var id = result.Value.Inspection.Id.ToString();
        return new WriteOutcome<InspectionView>(result.Value, "inspection", id, $"/api/v1/supervision/inspections/{id}");
    }

    /// <summary>
    /// The page's save: <see cref="CreateAsync"/> once per <paramref name="key"/> (one key per opening of the form), kept in the
    /// same idempotency keys as the API's <c>Idempotency-Key</c> and in one transaction with the inspection. A second save with
    /// the key (a double click, a retry after a lost answer) gets the inspection the first one created, and creates no second set
    /// of accountability records; the key with a different request is refused. A refused save stores nothing: the form may be
    /// corrected and saved again with its key.
    /// </summary>
    public async Task<Result<InspectionView>> CreateOnceAsync(CreateInspectionRequest r, string key, CancellationToken ct)
    {
        var hash = IdempotentWrites.HashOf(CreateOperation, r);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // Inside the transaction (on SQLite: behind the write gate) an earlier save with the key is committed or absent.
                if (await ReplayAsync(key, hash, ct) is { } earlier)
                {
                    return earlier;
                }

                var result = await CreateWriteAsync(r, ct);
                if (!result.IsSuccess)
                {
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return result.Error!;
                }

                var created = result.Value;
                db.Add(new IdempotencyKey
                {
                    ActorId = actor.Id, Key = key, Operation = CreateOperation, RequestSha256 = hash, StatusCode = StatusCodes.Status201Created,
                    ResponseJson = JsonSerializer.Serialize(created.Value, Json), Location = created.Location, ResourceType = created.ResourceType,
                    ResourceId = created.ResourceId, CreatedAt = clock.GetUtcNow(),
                });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return created.Value;
            }
            catch (DbUpdateException e) when (attempt == 1 && IdempotentWrites.IsUniqueViolation(e))
            {
                // PostgreSQL: a concurrent save with the key committed first; once more, the replay finds it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Result<InspectionView>?> ReplayAsync(string key, string hash, CancellationToken ct)
    {
        var earlier = await db.Set<IdempotencyKey>().AsNoTracking().SingleOrDefaultAsync(k => k.ActorId == actor.Id && k.Key == key, ct);
        if (earlier is null)
        {
            return null;
        }

        return earlier.Operation == CreateOperation && earlier.RequestSha256 == hash && Guid.TryParse(earlier.ResourceId, out var id)
            ? await GetAsync(id, ct)
            : IdempotentWrites.KeyReused;
    }

    /// <param name="inspector">Who inspected, when it is not the signed-in person (the demo's 督查组).</param>
    public async Task<Result<InspectionView>> CreateAsync(CreateInspectionRequest r, CancellationToken ct, string? inspector = null)
    {
        var today = LegalClock.Today(clock);
        var items = r.Items ?? [];
        var check = new Validator()
            .Check(r.OfficerId is null != string.IsNullOrWhiteSpace(r.AgencyCode), "officerId", "target",
                "须指定一名执法人员或一个执法单位（二选一）。", "Name either an officer or a team (one of them).")
            .Check(r.InspectedOn is not null, "inspectedOn", "required", "督查日期不能为空。", "The date of the inspection is required.")
            .Check(r.InspectedOn is null || r.InspectedOn <= today, "inspectedOn", "in_future", "督查日期不能晚于今天。", "The date cannot be in the future.")
            .Require("place", r.Place, "督查地点", "Place")
            .MaxLength("place", r.Place, 200, "督查地点", "Place")
            .MaxLength("note", r.Note, 2000, "备注", "Note")
            .Check(items.Any(i => i.Result is ItemResult.Compliant or ItemResult.Breach), "items", "none_checked",
                "至少须检查一项（符合或违反）。", "Check at least one item (compliant or breach).");
        for (var n = 0; n < items.Count; n++)
        {
            var i = items[n];
            check.Check(EightSixFourDiscipline.IsKnown(i.Code), $"items[{n}].code", "unknown", "未知的纪律条目。", "Unknown discipline item.")
                .Check(ItemResult.IsKnown(i.Result), $"items[{n}].result", "unknown", "结果须为 compliant、breach 或 unchecked。",
                    "The result must be compliant, breach or unchecked.")
                .Check(i.Result != ItemResult.Breach || !string.IsNullOrWhiteSpace(i.Finding), $"items[{n}].finding", "required",
                    "违反的条目须写明发现的问题。", "A breach needs the finding.")
                .MaxLength($"items[{n}].finding", i.Finding, 1000, "发现的问题", "Finding");
        }

        check.Check(items.Select(i => i.Code).Distinct().Count() == items.Count, "items", "duplicate", "纪律条目不能重复。", "An item is listed twice.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        OfficerInfo? officer = null;
        AgencyInfo? team;
        if (r.OfficerId is { } officerId)
        {
            officer = await officers.FindAsync(officerId, ct);
            if (officer is null)
            {
                return SupervisionErrors.OfficerNotFound;
            }

            team = agencies.Current.Find(officer.AgencyId);
        }
        else
        {
            team = agencies.Current.FindByCode(r.AgencyCode!.Trim());
        }

        if (team is null || !jurisdiction.Covers(team.Id))
        {
            return officer is null ? SupervisionErrors.AgencyNotFound : SupervisionErrors.OfficerNotFound;
        }

        var caseIds = items.Where(i => i.CaseId is not null).Select(i => i.CaseId!.Value).Distinct().ToList();
        var caseNumbers = caseIds.Count == 0 ? new Dictionary<Guid, string?>() : await cases.CaseNumbersAsync(caseIds, ct);
        // A finding's evidence must be a real clip the inspector may see: an unknown id would link the record to nothing.
        var clipIds = items.Where(i => i.ClipId is not null).Select(i => i.ClipId!.Value).Distinct().ToList();
        var knownClips = clipIds.Count == 0 ? new HashSet<Guid>() : await clips.ExistingAsync(clipIds, ct);
        for (var n = 0; n < items.Count; n++)
        {
            if (items[n].CaseId is { } caseId && !caseNumbers.ContainsKey(caseId))
            {
                check.Add($"items[{n}].caseId", "not_found", "案件不存在或不在您的管辖范围内。", "No such case in your jurisdiction.");
            }

            if (items[n].ClipId is { } clipId && !knownClips.Contains(clipId))
            {
                check.Add($"items[{n}].clipId", "not_found", "执法记录不存在或不在您的管辖范围内。", "No such recording in your jurisdiction.");
            }
        }

        if (!check.IsValid)
        {
            return check.ToError();
        }

        var now = StoredTime.Now(clock);
        var enforcement = EnforcementAgencyOf(team);
        var inspection = new Inspection
        {
            Id = Guid.CreateVersion7(),
            AgencyId = team.Id,
            EnforcementAgencyId = enforcement.Id,
            OfficerId = officer?.Id,
            OfficerNo = officer?.OfficerNo,
            OfficerName = officer?.Name,
            InspectedOn = r.InspectedOn!.Value,
            Place = r.Place!.Trim(),
            Serious = r.Serious == true,
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
            InspectorId = actor.Id,
            InspectorName = inspector ?? actor.Name,
            CreatedAt = now,
        };
        var byCode = items.ToDictionary(i => i.Code!);
        var rows = EightSixFourDiscipline.Items.Select(d => byCode.TryGetValue(d.Code, out var i)
            ? new InspectionItem
            {
                InspectionId = inspection.Id, Code = d.Code, Result = i.Result!,
                Finding = i.Result == ItemResult.Breach ? i.Finding!.Trim() : string.IsNullOrWhiteSpace(i.Finding) ? null : i.Finding.Trim(),
                ClipId = i.ClipId, CaseId = i.CaseId, CaseNumber = i.CaseId is { } c ? caseNumbers[c] : null,
            }
            : new InspectionItem { InspectionId = inspection.Id, Code = d.Code, Result = ItemResult.Unchecked }).ToList();
        inspection.Breaches = rows.Count(i => i.Result == ItemResult.Breach);

        var year = inspection.InspectedOn.Year;
        var before = inspection.Breaches == 0 ? 0 : await PersonTimesAsync(enforcement.Id, year, ct);
        var levels = EightSixFourDiscipline.Accountable(
            rows.Select(i => new ItemFinding(i.Code, i.Result)).ToList(), officer is not null, inspection.Serious, before);
        var records = new List<AccountabilityRecord>();
        foreach (var level in levels)
        {
            var (holder, holderAgency) = level switch
            {
                AccountabilityLevel.Officer => ($"{officer!.Name}（{officer.OfficerNo}）", (Guid?)team.Id),
                AccountabilityLevel.StationHead => (await LeaderAsync(team, HeadTitle(team.Name), ct), team.Id),
                AccountabilityLevel.AgencyHead => (await LeaderAsync(enforcement, "负责人", ct), enforcement.Id),
                _ => (AuthorityOf(enforcement), (Guid?)null),
            };
            records.Add(new AccountabilityRecord
            {
                Id = Guid.CreateVersion7(), InspectionId = inspection.Id, AgencyId = team.Id, Level = level, Holder = holder, HolderAgencyId = holderAgency,
                OfficerId = level == AccountabilityLevel.Officer ? officer!.Id : null, Year = year, Status = AccountabilityStatus.Pending,
                CreatedAt = now, Version = 1,
            });
        }

        db.Add(inspection);
        db.AddRange(rows);
        db.AddRange(records);
        audit.Record("supervision.inspection_recorded", "inspection", inspection.Id.ToString(), new
        {
            inspection.OfficerId, agency = team.Code, inspection.InspectedOn, inspection.Place, inspection.Serious,
            items = rows.Where(i => i.Result != ItemResult.Unchecked).Select(i => new { i.Code, i.Result, i.Finding, i.ClipId, i.CaseId }),
            accountability = records.Select(a => new { a.Id, a.Level }),
        }, team.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (records.Any(a => a.Level == AccountabilityLevel.AgencyHead))
        {
            // Another inspection was counted as the agency's 3rd person-time at the same moment and holds the head already.
            var head = records.Single(a => a.Level == AccountabilityLevel.AgencyHead);
            if (!await HeadHeldAsync(head.HolderAgencyId!.Value, year, ct))
            {
                throw;
            }

            db.Entry(head).State = EntityState.Detached;
            records.Remove(head);
            await db.SaveChangesAsync(ct);
        }

        return await ViewAsync(inspection, rows, ct);
    }

    public async Task<Result<InspectionView>> GetAsync(Guid id, CancellationToken ct)
    {
        var inspection = await db.Set<Inspection>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (inspection is null)
        {
            return SupervisionErrors.InspectionNotFound;
        }

        var rows = await db.Set<InspectionItem>().AsNoTracking().Where(i => i.InspectionId == id).ToListAsync(ct);
        return await ViewAsync(inspection, rows, ct);
    }

    public async Task<Page<InspectionSummary>> ListAsync(InspectionQuery q, CancellationToken ct)
    {
        var query = db.Set<Inspection>().AsNoTracking();
        if (q.OfficerId is { } officerId)
        {
            query = query.Where(i => i.OfficerId == officerId);
        }

        if (!string.IsNullOrWhiteSpace(q.AgencyCode) && agencies.Current.FindByCode(q.AgencyCode.Trim()) is { } agency)
        {
            var subtree = agencies.Current.Subtree(agency.Id);
            query = query.Where(i => subtree.Contains(i.AgencyId));
        }

        if (q.Breach is { } breach)
        {
            query = breach ? query.Where(i => i.Breaches > 0) : query.Where(i => i.Breaches == 0);
        }

        if (q.From is { } from)
        {
            query = query.Where(i => i.InspectedOn >= from);
        }

        if (q.To is { } to)
        {
            query = query.Where(i => i.InspectedOn <= to);
        }

        var total = await query.CountAsync(ct);
        var page = await query.OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id).Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToListAsync(ct);
        return new Page<InspectionSummary>(page.Select(Summary).ToList(), q.Page, q.PageSize, total);
    }

    public async Task<Page<AccountabilityView>> AccountabilityAsync(AccountabilityQuery q, CancellationToken ct)
    {
        var query = db.Set<AccountabilityRecord>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Status))
        {
            query = query.Where(a => a.Status == q.Status);
        }

        if (!string.IsNullOrWhiteSpace(q.Level))
        {
            query = query.Where(a => a.Level == q.Level);
        }

        if (q.InspectionId is { } inspectionId)
        {
            query = query.Where(a => a.InspectionId == inspectionId);
        }

        var total = await query.CountAsync(ct);
        var page = await query.OrderByDescending(a => a.Id).Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToListAsync(ct);
        return new Page<AccountabilityView>(await AccountabilityViewsAsync(page, ct), q.Page, q.PageSize, total);
    }

    public async Task<Result<AccountabilityView>> MeasureAsync(Guid id, MeasureRequest r, CancellationToken ct)
    {
        var check = new Validator()
            .Check(AccountabilityMeasure.IsKnown(r.Measure), "measure", "unknown",
                $"处理措施须为：{string.Join("、", AccountabilityMeasure.All.Select(m => $"{m}（{AccountabilityMeasure.NameZh(m)}）"))}。",
                $"The measure must be one of: {string.Join(", ", AccountabilityMeasure.All)}.")
            .MaxLength("note", r.Note, 1000, "处理情况", "Note");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var record = await db.Set<AccountabilityRecord>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (record is null)
        {
            return SupervisionErrors.AccountabilityNotFound;
        }

        if (record.Status == AccountabilityStatus.Handled)
        {
            return SupervisionErrors.AlreadyHandled;
        }

        if (r.Version is { } version && version != record.Version)
        {
            return SupervisionErrors.VersionConflict;
        }

        record.Status = AccountabilityStatus.Handled;
        record.Measure = r.Measure;
        record.MeasureNote = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        record.HandledAt = StoredTime.Now(clock);
        record.HandledBy = actor.Name;
        record.Version++;
        audit.Record("supervision.accountability_handled", "accountability", record.Id.ToString(),
            new { record.InspectionId, record.Level, record.Measure, record.MeasureNote }, record.AgencyId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SupervisionErrors.VersionConflict;
        }

        return (await AccountabilityViewsAsync([record], ct))[0];
    }

    /// <summary>四必究 (3): the enforcement agency's inspections with a breach in the year, whoever may see them (counted, not shown).</summary>
    private Task<int> PersonTimesAsync(Guid enforcementAgencyId, int year, CancellationToken ct)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return db.Set<Inspection>().IgnoreQueryFilters().AsNoTracking()
            .CountAsync(i => i.EnforcementAgencyId == enforcementAgencyId && i.InspectedOn >= first && i.InspectedOn <= last && i.Breaches > 0, ct);
    }

    private Task<bool> HeadHeldAsync(Guid enforcementAgencyId, int year, CancellationToken ct) =>
        db.Set<AccountabilityRecord>().IgnoreQueryFilters().AsNoTracking()
            .AnyAsync(a => a.Level == AccountabilityLevel.AgencyHead && a.HolderAgencyId == enforcementAgencyId && a.Year == year, ct);

    /// <summary>A team or station (中队/超限检测站) belongs to the 大队 or 支队 above it; that is the enforcement agency with a head.</summary>
    private AgencyInfo EnforcementAgencyOf(AgencyInfo agency)
    {
        var current = agency;
        while (current.Level == (int)AgencyLevel.Team && current.ParentId is { } parent && agencies.Current.Find(parent) is { } up)
        {
            current = up;
        }

        return current;
    }

    /// <summary>The 站(队)长 by the kind of unit: 站长 of a station, 中队长, 大队长, 支队长; 负责人 otherwise.</summary>
    internal static string HeadTitle(string agencyName) => agencyName switch
    {
        _ when agencyName.EndsWith('站') => "站长",
        _ when agencyName.EndsWith("中队", StringComparison.Ordinal) => "中队长",
        _ when agencyName.EndsWith("大队", StringComparison.Ordinal) => "大队长",
        _ when agencyName.EndsWith("支队", StringComparison.Ordinal) => "支队长",
        _ => "负责人",
    };

    /// <summary>"中牟县交通运输综合行政执法大队大队长（王建国）": named by the agency's administrators where it has any on the platform.</summary>
    private async Task<string> LeaderAsync(AgencyInfo agency, string title, CancellationToken ct)
    {
        var leaders = await agencyLeaders.OfAgencyAsync(agency.Id, ct);
        var holder = agency.Name + title;
        return leaders.Count == 0 ? holder : $"{holder}（{string.Join("、", leaders.Select(l => l.DisplayName))}）";
    }

    /// <summary>
    /// The transport authority (交通运输主管部门) over an enforcement agency, by name: the 交通运输局 of its city or county, the
    /// 交通运输厅 over the provincial bureau.
    /// </summary>
    internal static string AuthorityOf(AgencyInfo agency) => agency.Level == (int)AgencyLevel.Province
        ? agency.Name.Replace("交通运输综合行政执法局", "交通运输厅", StringComparison.Ordinal)
        : agency.Name.Replace("交通运输综合行政执法大队", "交通运输局", StringComparison.Ordinal)
            .Replace("交通运输综合行政执法支队", "交通运输局", StringComparison.Ordinal) is var name && name != agency.Name
            ? name
            : agency.Name + "的交通运输主管部门";

    private InspectionSummary Summary(Inspection i)
    {
        var agency = agencies.Current.Find(i.AgencyId);
        return new InspectionSummary(i.Id, i.InspectedOn, i.Place, agency?.Code ?? string.Empty, agency?.Name ?? string.Empty, i.OfficerId, i.OfficerNo,
            i.OfficerName, i.Breaches, i.Serious, i.InspectorName, i.CreatedAt);
    }

    private async Task<InspectionView> ViewAsync(Inspection inspection, IReadOnlyList<InspectionItem> rows, CancellationToken ct)
    {
        var records = await db.Set<AccountabilityRecord>().AsNoTracking().Where(a => a.InspectionId == inspection.Id).ToListAsync(ct);
        var personTimes = await PersonTimesAsync(inspection.EnforcementAgencyId, inspection.InspectedOn.Year, ct);
        var order = EightSixFourDiscipline.Items.Select(i => i.Code).ToList();
        var items = rows.OrderBy(i => order.IndexOf(i.Code)).Select(i => new InspectionItemView(
            i.Code, EightSixFourDiscipline.LabelZh(i.Code), i.Result, ItemResult.NameZh(i.Result), i.Finding, i.ClipId, i.CaseId, i.CaseNumber)).ToList();
        return new InspectionView(Summary(inspection), inspection.Note, agencies.Current.Find(inspection.EnforcementAgencyId)?.Name ?? string.Empty,
            personTimes, items, await AccountabilityViewsAsync(records.OrderBy(a => AccountabilityLevel.All.ToList().IndexOf(a.Level)).ToList(), ct));
    }

    private async Task<List<AccountabilityView>> AccountabilityViewsAsync(IReadOnlyList<AccountabilityRecord> records, CancellationToken ct)
    {
        var ids = records.Select(a => a.InspectionId).Distinct().ToList();
        var inspections = await db.Set<Inspection>().AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.InspectedOn, i.AgencyId }).ToDictionaryAsync(i => i.Id, ct);
        return records.Select(a =>
        {
            var i = inspections.GetValueOrDefault(a.InspectionId);
            return new AccountabilityView(a.Id, a.InspectionId, i?.InspectedOn ?? default, i is null ? string.Empty : agencies.Current.Find(i.AgencyId)?.Name ?? string.Empty,
                a.Level, AccountabilityLevel.NameZh(a.Level), a.Holder, a.OfficerId, a.Year, a.Status, AccountabilityStatus.NameZh(a.Status), a.Measure,
                a.Measure is null ? null : AccountabilityMeasure.NameZh(a.Measure), a.MeasureNote, a.HandledAt, a.HandledBy, a.CreatedAt, a.Version);
        }).ToList();
    }
}
