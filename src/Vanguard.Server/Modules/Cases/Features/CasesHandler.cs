using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Common;
using Vanguard.Server.Components;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Cases.Features;

/// <summary>Create, read, list and act on cases. Every change is checked by <see cref="CaseWorkflow"/> and audited.</summary>
internal sealed class CasesHandler(
    VanguardDbContext db,
    IAgencyDirectory directory,
    ICurrentActor actor,
    IAuditLog audit,
    TimeProvider clock,
    CaseNumbers numbers,
    CaseCalendars calendars,
    Microsoft.Extensions.Options.IOptions<CasesOptions> options)
{
    public static readonly Error NotFound = Error.NotFound("cases.not_found", "案件不存在或不在您的管辖范围内。", "No such case in your jurisdiction.");

    public static readonly Error ConcurrentUpdate = Error.Conflict(
        "cases.concurrent_update", "案件已被他人修改，请刷新后重试。", "Someone else changed the case; reload and try again.");

    public static readonly Error ReviewOutcomeExists = Error.Conflict(
        "cases.review_outcome_exists", "该复议决定书或判决书已登记。", "That review decision or judgment is already recorded.");

    /// <param name="evidenceReviewed">Set only by <see cref="CaseIntake"/> for device evidence that passed review (art. 41).</param>
    public async Task<Result<CaseDetail>> CreateAsync(CreateCaseRequest request, CancellationToken ct, bool evidenceReviewed = false)
    {
        var today = LegalClock.Today(clock);
        var check = new Validator()
            .Check(ParseProcedure(request.Procedure) is not null, "procedure", "invalid", "办案程序须为 ordinary（普通程序）、simplified（简易程序）或 offsite（非现场）。",
                "Procedure must be ordinary, simplified or offsite.")
            .Require("agencyCode", request.AgencyCode, "办案机构", "Agency")
            .Require("offenceCode", request.OffenceCode, "违法行为代码", "Offence code")
            .Check(request.OffenceCode is null || CaseLaw.IsKnownOffence(request.OffenceCode, request.ActOn ?? today), "offenceCode", "unknown",
                "裁量基准中没有该违法行为（或违法行为发生时尚无适用的裁量规则）。", "The discretion standard has no such offence in force on that day.")
            .MaxLength("title", request.Title, 200, "案由", "Title")
            .Check(request.Source is null or (>= 1 and <= 6), "source", "invalid", "案件来源须为 1–6。", "Source must be 1–6.")
            .Check(request.ActOn is null || request.ActOn <= today, "actOn", "in_future", "违法行为发生日期不能晚于今天。", "The act cannot be in the future.")
            .Check(request.AcceptedOn is null || request.AcceptedOn <= today, "acceptedOn", "in_future", "受案日期不能晚于今天。", "The case cannot be received in the future.")
            .Check(request.AcceptedOn is null || request.ActOn is null || request.AcceptedOn >= request.ActOn, "acceptedOn", "before_act",
                "受案日期不能早于违法行为发生日期。", "A case cannot be received before the act.")
            .Require("party.name", request.Party?.Name, "当事人", "Party name")
            .MaxLength("party.name", request.Party?.Name, 100, "当事人", "Party name")
            .MaxLength("facts", request.Facts, 4000, "违法事实", "Facts");
        var partyKind = request.Party?.Kind switch
        {
            "organisation" => PartyKind.Organisation,
            "person" or null => PartyKind.Person,
            _ => (PartyKind?)null,
        };
        check.Check(partyKind is not null, "party.kind", "invalid", "当事人类型须为 person（个人）或 organisation（单位）。", "Party kind must be person or organisation.");
        if (request.Party?.IdNumber is { Length: > 0 } id)
        {
            var valid = partyKind == PartyKind.Organisation ? UnifiedSocialCreditCode.IsValid(id) : ResidentIdNumber.IsValid(id);
            check.Check(valid, "party.idNumber", "invalid",
                partyKind == PartyKind.Organisation ? "统一社会信用代码校验不通过（GB 32100）。" : "身份证号码校验不通过（GB 11643）。",
                partyKind == PartyKind.Organisation ? "The unified social credit code fails its check (GB 32100)." : "The ID number fails its check (GB 11643).");
        }

        var plate = request.Vehicle?.Plate is { Length: > 0 } p ? PlateNumber.Normalise(p) : null;
        check.Check(plate is null || PlateNumber.IsValid(plate), "vehicle.plate", "invalid", "号牌号码格式不正确（GA 36）。", "The plate number is malformed (GA 36).");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == request.AgencyCode, ct);
        if (agency is null)
        {
            return Error.NotFound("agencies.not_found", "执法机构不存在或不在您的管辖范围内。", "No such agency in your jurisdiction.");
        }

        var officerIds = (request.OfficerIds ?? []).Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id) && o.Active).Select(o => o.Id).ToListAsync(ct);
        if (officers.Count != officerIds.Count)
        {
            return Validator.Invalid("officerIds", "unknown", "承办人员不存在或不在您的管辖范围内。", "An officer does not exist in your jurisdiction.");
        }

        var now = clock.GetUtcNow();
        var entity = new Case
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agency.Id,
            Title = string.IsNullOrWhiteSpace(request.Title) ? request.OffenceCode! : request.Title.Trim(),
            OffenceCode = request.OffenceCode!.Trim(),
            Source = request.Source ?? 1,
            PartyName = request.Party!.Name!.Trim(),
            PartyIdNumber = request.Party.IdNumber?.Trim().ToUpperInvariant(),
            PartyAddress = request.Party.Address?.Trim(),
            PartyPhone = request.Party.Phone?.Trim(),
            VehiclePlate = plate,
            PlateColor = request.Vehicle?.Color,
            Facts = request.Facts?.Trim(),
            PenaltyFactsJson = request.PenaltyFacts is null ? null : JsonSerializer.Serialize(request.PenaltyFacts),
            State = new CaseSnapshot
            {
                Procedure = ParseProcedure(request.Procedure)!.Value,
                PartyKind = partyKind!.Value,
                ActOn = request.ActOn ?? today,
                AcceptedOn = request.AcceptedOn ?? today,
                LegalReviewRequired = request.LegalReviewRequired,
                CollectiveDiscussionRequired = request.CollectiveDiscussionRequired,
                RevokesLicence = request.RevokesLicence,
                EvidenceReviewed = evidenceReviewed,
            },
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(entity);
        db.AddRange(officerIds.Select(o => new CaseOfficerLink { CaseId = entity.Id, OfficerId = o, Investigating = true }));
        db.Add(NewEvent(entity, entity.State.AcceptedOn!.Value, "accept", "受案登记", "Case received", []));
        audit.Record("cases.accept", "case", entity.Id.ToString(), new { request.OffenceCode, request.Procedure, request.AgencyCode }, agency.Id);
        await db.SaveChangesAsync(ct);
        return await GetAsync(entity.Id, ct);
    }

    public async Task<Result<CaseDetail>> ActAsync(Guid id, string action, CaseActionRequest request, string? idempotencyKey, CancellationToken ct)
    {
        var entity = await db.Set<Case>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (entity is null)
        {
            return NotFound;
        }

        if (idempotencyKey is { Length: > 0 }
            && await db.Set<CaseEvent>().AnyAsync(e => e.CaseId == id && e.IdempotencyKey == idempotencyKey, ct))
        {
            return await GetAsync(id, ct);
        }

        var today = LegalClock.Today(clock);
        var command = CaseActions.Parse(action, request, today, actor);
        if (!command.IsSuccess)
        {
            return command.Error!;
        }

        if (command.Value is CompleteLegalReview && !actor.IsInRole(Vanguard.Domain.Organisation.Role.LegalReviewer))
        {
            return Error.Forbidden("cases.legal_reviewer_required", "只有法制审核人员可以完成法制审核。", "Only a legal reviewer can complete a legal review.");
        }

        // 行政复议答复 and 行政应诉 are the legal office's work (法制机构); its reviewers and the administrators record the outcome.
        if (command.Value is RecordReviewOutcome
            && !actor.IsInRole(Vanguard.Domain.Organisation.Role.LegalReviewer)
            && !actor.IsInRole(Vanguard.Domain.Organisation.Role.AgencyAdmin)
            && !actor.IsInRole(Vanguard.Domain.Organisation.Role.ProvinceAdmin))
        {
            return Error.Forbidden("cases.review_outcome_role", "复议诉讼结果由法制审核人员或管理员登记。",
                "Review and lawsuit outcomes are recorded by legal reviewers or administrators.");
        }

        if (command.Value is AssignOfficers assign)
        {
            // Only active officers the caller's jurisdiction can see (the query filter), with their 执法证 as recorded.
            var ids = assign.Officers.Select(o => o.OfficerId).ToList();
            var found = await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id) && o.Active)
                .Select(o => new CaseOfficer(o.Id, o.Name, o.CertificateNo, o.CertificateValidUntil, true)).ToListAsync(ct);
            if (found.Count != ids.Count)
            {
                return Validator.Invalid("officerIds", "unknown", "承办人员不存在、已停用或不在您的管辖范围内。", "An officer does not exist, is inactive or is outside your jurisdiction.");
            }

            command = (CaseCommand)(assign with { Officers = ids.Select(i => found.Single(o => o.OfficerId == i)).ToList() });
        }

        var calendar = await calendars.CurrentAsync(ct);
        var context = new CaseRuleContext(
            today, calendar, await HearingThresholdsAsync(ct), await OfficersAsync(id, today, ct),
            // Only closing looks at the case file; every other action skips the two queries.
            command.Value is CloseCase ? await ChecklistCompleteAsync(entity, ct) : true,
            options.Value.StatementDays);
        var transition = CaseWorkflow.Apply(entity.State, command.Value, context);
        if (!transition.IsSuccess)
        {
            return transition.Error!;
        }

        if (command.Value is RecordReviewOutcome outcome
            && await db.Set<CaseReviewOutcome>().AnyAsync(o => o.CaseId == id && o.Kind == outcome.Kind && o.DocumentNumber == outcome.DocumentNumber, ct))
        {
            return ReviewOutcomeExists;
        }

        // Joins the caller's transaction when there is one (ICaseIntake.OpenOnSpotCaseAsync, terminal writes).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var after = transition.Value.After;
        if (entity.CaseNumber is null && after.Stage != CaseStage.Dropped && (after.FiledOn is not null || after.DecidedOn is not null))
        {
            var agency = directory.Current.Find(entity.AgencyId)!;
            entity.CaseNumber = await numbers.NextAsync(db, agency.Code, agency.ShortName ?? agency.Name, command.Value.On.Year, ct);
        }

        entity.State = after;
        entity.UpdatedAt = clock.GetUtcNow();
        entity.Version++;
        var warnings = transition.Value.Warnings.ToList();
        if (command.Value is Decide { Outcome: CaseOutcome.Penalty } && CaseLaw.Proposal(entity, entity.State.ActOn ?? today).DecisionDeparts == true)
        {
            // 裁量基准: a decision outside the standard is allowed but must stand out for review.
            warnings.Add(CaseLaw.WarningDepartsFromStandard);
        }

        if (command.Value is AssignOfficers assigned)
        {
            // Links for the officers not linked yet; those already on the case keep their link as it is.
            var ids = assigned.Officers.Select(o => o.OfficerId).ToList();
            var linked = await db.Set<CaseOfficerLink>().Where(l => l.CaseId == id && ids.Contains(l.OfficerId)).Select(l => l.OfficerId).ToListAsync(ct);
            db.AddRange(ids.Except(linked).Select(officerId => new CaseOfficerLink { CaseId = id, OfficerId = officerId, Investigating = true }));
        }

        if (command.Value is RecordReviewOutcome review)
        {
            db.Add(new CaseReviewOutcome
            {
                CaseId = id, Kind = review.Kind, Result = review.Result, DecidedOn = review.On, Organ = review.Organ, DocumentNumber = review.DocumentNumber,
                RecordedAt = clock.GetUtcNow(), RecordedBy = actor.Name,
            });
        }

        var evt = NewEvent(entity, command.Value.On, transition.Value.ActionCode, transition.Value.DescriptionZh, transition.Value.DescriptionEn, warnings);
        evt.IdempotencyKey = idempotencyKey;
        db.Add(evt);
        audit.Record("cases." + transition.Value.ActionCode, "case", entity.Id.ToString(), new { action, request, entity.CaseNumber }, entity.AgencyId);
        try
        {
            await db.SaveChangesAsync(ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConcurrentUpdate;
        }

        return await GetAsync(id, ct);
    }

    public async Task<Result<CaseDetail>> AddFileItemAsync(Guid id, string? code, string? description, string? reference, CancellationToken ct)
    {
        var check = new Validator()
            .Require("code", code, "材料类别", "Item code")
            .MaxLength("code", code, 64, "材料类别", "Item code")
            .Require("description", description, "材料说明", "Description")
            .MaxLength("description", description, 500, "材料说明", "Description")
            .MaxLength("reference", reference, 200, "材料编号", "Reference");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var entity = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (entity is null)
        {
            return NotFound;
        }

        if (entity.State.Stage is CaseStage.Closed or CaseStage.Archived)
        {
            return Error.Conflict("cases.closed", "案件已结案，卷宗不能再变更。", "The case is closed; its file can no longer change.");
        }

        db.Add(new CaseFileItem { CaseId = id, Code = code!.Trim(), Description = description!.Trim(), Reference = reference?.Trim(), AddedAt = clock.GetUtcNow(), AddedBy = actor.Name });
        audit.Record("cases.add_file_item", "case", id.ToString(), new { code, reference }, entity.AgencyId);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<Result<CaseDetail>> GetAsync(Guid id, CancellationToken ct)
    {
        var entity = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (entity is null)
        {
            return NotFound;
        }

        var today = LegalClock.Today(clock);
        var calendar = await calendars.CurrentAsync(ct);
        var officers = await (from link in db.Set<CaseOfficerLink>().AsNoTracking()
                              join o in db.Officers.IgnoreQueryFilters().AsNoTracking() on link.OfficerId equals o.Id
                              where link.CaseId == id
                              select new CaseOfficerView(o.Id, o.Name, o.OfficerNo, o.CertificateNo, o.CertificateValidUntil, link.Investigating)).ToListAsync(ct);
        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var documents = await db.Set<CaseDocumentFile>().AsNoTracking().Where(d => d.CaseId == id).OrderBy(d => d.CreatedAt)
            .Select(d => new CaseDocumentView(d.Id, d.Kind, d.Title, d.Sha256, d.CreatedAt, $"/api/v1/cases/{id}/documents/{d.Id}")).ToListAsync(ct);
        var items = await db.Set<CaseFileItem>().AsNoTracking().Where(i => i.CaseId == id).OrderBy(i => i.Id)
            .Select(i => new CaseFileItemView(i.Code, i.Description, i.Reference, i.AddedAt, i.AddedBy)).ToListAsync(ct);
        var checklist = CaseLaw.Checklist(entity, PresentCodes(items, documents));
        var english = L.IsEnglish;
        return new CaseDetail(
            Summarise(entity, calendar, today),
            entity.PartyIdNumber,
            entity.PartyAddress,
            entity.PartyPhone,
            entity.PlateColor,
            entity.Facts,
            entity.Source,
            entity.State,
            CaseLaw.Deadlines(entity, calendar, today, options.Value.StatementDays),
            CaseLaw.Proposal(entity, entity.State.ActOn ?? today),
            officers,
            events.Select(e => new CaseEventView(e.On, e.At, e.ActionCode, english ? e.DescriptionEn : e.DescriptionZh, e.ActorName,
                e.Warnings is { Length: > 0 } w ? w.Split(',') : [])).ToList(),
            documents,
            items,
            checklist,
            checklist.All(c => !c.Required || c.Present),
            CaseWorkflow.AvailableActions(entity.State),
            CaseWorkflow.AmountOwedFen(entity.State, today, calendar),
            entity.Version);
    }

    public async Task<Page<CaseSummary>> ListAsync(CaseListQuery query, PageRequest page, CancellationToken ct)
    {
        var cases = db.Set<Case>().AsNoTracking();
        if (query.Stage is { } stage)
        {
            cases = cases.Where(c => c.State.Stage == stage);
        }

        if (!string.IsNullOrWhiteSpace(query.AgencyCode) && directory.Current.FindByCode(query.AgencyCode) is { } agency)
        {
            var subtree = directory.Current.Subtree(agency.Id);
            cases = cases.Where(c => subtree.Contains(c.AgencyId));
        }

        if (query.OfficerId is { } officer)
        {
            cases = cases.Where(c => db.Set<CaseOfficerLink>().Any(l => l.CaseId == c.Id && l.OfficerId == officer));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            cases = cases.Where(c => c.Title.Contains(term) || c.PartyName.Contains(term)
                || (c.CaseNumber != null && c.CaseNumber.Contains(term)) || (c.VehiclePlate != null && c.VehiclePlate.Contains(term)));
        }

        var today = LegalClock.Today(clock);
        var calendar = await calendars.CurrentAsync(ct);
        if (query.Due is not null)
        {
            // Deadlines depend on the holiday calendar, so "due soon / overdue" is decided in memory over the open cases.
            var open = await cases.Where(c => c.State.Stage != CaseStage.Closed && c.State.Stage != CaseStage.Archived && c.State.Stage != CaseStage.Dropped)
                .ToListAsync(ct);
            var due = open.Select(c => Summarise(c, calendar, today))
                .Where(s => s.NextDueOn is { } d && (query.Due == "overdue" ? s.Overdue : d.DayNumber - today.DayNumber <= 7))
                .OrderBy(s => s.NextDueOn).ToList();
            return new Page<CaseSummary>(due.Skip(page.Skip).Take(page.PageSize).ToList(), page.Page, page.PageSize, due.Count);
        }

        var total = await cases.CountAsync(ct);
        var rows = await cases.OrderByDescending(c => c.CreatedAt).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<CaseSummary>(rows.Select(c => Summarise(c, calendar, today)).ToList(), page.Page, page.PageSize, total);
    }

    private CaseSummary Summarise(Case c, Vanguard.Domain.Calendar.IHolidayCalendar calendar, DateOnly today)
    {
        var agency = directory.Current.Find(c.AgencyId);
        var next = CaseLaw.Next(c, calendar, today, options.Value.StatementDays);
        return new CaseSummary(
            c.Id, c.CaseNumber, c.Title, c.OffenceCode, c.State.Procedure, c.State.Stage,
            L.IsEnglish ? CaseStageNames.En(c.State.Stage) : CaseStageNames.Zh(c.State.Stage),
            c.PartyName, c.VehiclePlate, agency?.Code ?? string.Empty, agency?.Name ?? string.Empty, c.State.FiledOn,
            next.DueOn, next.Name, next.Overdue, c.UpdatedAt);
    }

    private static HashSet<string> PresentCodes(IEnumerable<CaseFileItemView> items, IEnumerable<CaseDocumentView> documents) =>
        items.Select(i => i.Code).Concat(documents.Select(d => d.Kind)).ToHashSet(StringComparer.Ordinal);

    private async Task<bool> ChecklistCompleteAsync(Case c, CancellationToken ct)
    {
        var items = await db.Set<CaseFileItem>().AsNoTracking().Where(i => i.CaseId == c.Id).Select(i => i.Code).ToListAsync(ct);
        var kinds = await db.Set<CaseDocumentFile>().AsNoTracking().Where(d => d.CaseId == c.Id).Select(d => d.Kind).ToListAsync(ct);
        var present = items.Concat(kinds).ToHashSet(StringComparer.Ordinal);
        return CaseLaw.Checklist(c, present).All(i => !i.Required || i.Present);
    }

    private async Task<IReadOnlyList<CaseOfficer>> OfficersAsync(Guid caseId, DateOnly today, CancellationToken ct) =>
        await (from link in db.Set<CaseOfficerLink>().AsNoTracking()
               join o in db.Officers.IgnoreQueryFilters().AsNoTracking() on link.OfficerId equals o.Id
               where link.CaseId == caseId && o.Active
               select new CaseOfficer(o.Id, o.Name, o.CertificateNo, o.CertificateValidUntil, link.Investigating)).ToListAsync(ct);

    private async Task<HearingThresholds> HearingThresholdsAsync(CancellationToken ct)
    {
        var settings = await db.Set<CaseSettings>().AsNoTracking().SingleOrDefaultAsync(ct);
        return settings is null
            ? HearingThresholds.Default
            : new HearingThresholds(settings.HearingThresholdPersonFen, settings.HearingThresholdOrganisationFen);
    }

    private CaseEvent NewEvent(Case c, DateOnly on, string action, string zh, string en, IReadOnlyList<string> warnings) => new()
    {
        CaseId = c.Id,
        At = clock.GetUtcNow(),
        On = on,
        ActionCode = action,
        DescriptionZh = zh,
        DescriptionEn = en,
        ActorId = actor.Id,
        ActorName = actor.Name,
        Warnings = warnings.Count == 0 ? null : string.Join(',', warnings),
    };

    private static CaseProcedure? ParseProcedure(string? text) => text switch
    {
        "ordinary" or null => CaseProcedure.Ordinary,
        "simplified" => CaseProcedure.Simplified,
        "offsite" => CaseProcedure.Offsite,
        _ => null,
    };
}

public sealed record CaseListQuery(CaseStage? Stage, string? AgencyCode, Guid? OfficerId, string? Search, string? Due);
