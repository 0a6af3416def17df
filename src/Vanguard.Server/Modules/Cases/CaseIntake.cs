using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Cases.Data;
using Vanguard.Server.Modules.Cases.Features;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Cases;

internal sealed class CaseIntake(
    VanguardDbContext db, CasesHandler cases, CaseDocumentsHandler documents, CaseCalendars calendars, ICurrentActor actor, TimeProvider clock,
    IAgencyDirectory directory)
    : ICaseIntake, ICaseDocuments, ICaseExecution
{
    public static readonly Error NotAnOfficer = Error.Forbidden(
        "cases.not_an_officer", "当前账号未关联执法人员，不能当场作出行政处罚决定。", "Your account is not linked to an officer; you cannot decide on the spot.");

    public async Task<Result<CaseRef>> OpenOffsiteCaseAsync(OffsiteCaseRequest request, CancellationToken ct)
    {
        var created = await cases.CreateAsync(
            new CreateCaseRequest(
                "offsite", request.AgencyCode, request.OffenceCode, request.Title, 1,
                new PartyInput(request.Party.Kind, request.Party.Name, request.Party.IdNumber, request.Party.Address, request.Party.Phone),
                new VehicleInput(request.Plate, request.PlateColor), request.ActOn, request.Facts, request.PenaltyFacts.ToDictionary(), request.OfficerIds,
                AcceptedOn: LegalClock.Today(clock)),
            ct,
            evidenceReviewed: true);
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        var id = created.Value.Summary.Id;
        foreach (var item in request.FileItems)
        {
            var added = await cases.AddFileItemAsync(id, item.Code, item.Description, item.Reference, ct);
            if (!added.IsSuccess)
            {
                return added.Error!;
            }
        }

        var filed = await cases.ActAsync(id, "file", new CaseActionRequest(ApprovedBy: request.ApprovedBy), idempotencyKey: null, ct);
        return filed.IsSuccess ? new CaseRef(id, filed.Value.Summary.CaseNumber) : filed.Error!;
    }

    public async Task<Result<OnSpotCaseRef>> OpenOnSpotCaseAsync(OnSpotCaseRequest request, CancellationToken ct)
    {
        var fine = request.FineFen ?? 0;
        if (fine < 0)
        {
            return Validator.Invalid("fineFen", "negative", "罚款金额不能为负数。", "The fine cannot be negative.");
        }

        if (fine == 0 && !request.Warning)
        {
            return CaseRules.PenaltyMissing;
        }

        // 行政处罚法 art. 51, checked before anything is written (the workflow checks it again when deciding).
        var partyKind = request.Party.Kind == "organisation" ? PartyKind.Organisation : PartyKind.Person;
        if (!OnSpotPenalty.IsAllowed(partyKind, fine, request.Warning))
        {
            return CaseRules.OnSpotLimitExceeded;
        }

        if (!Guid.TryParse(actor.OfficerId, out var officer))
        {
            return NotAnOfficer;
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            var result = await OpenOnSpotAsync(request, officer, ct);
            if (own is not null)
            {
                if (result.IsSuccess)
                {
                    await own.CommitAsync(ct);
                }
                else
                {
                    await own.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }

            return result;
        }
    }

    private async Task<Result<OnSpotCaseRef>> OpenOnSpotAsync(OnSpotCaseRequest request, Guid officer, CancellationToken ct)
    {
        var today = LegalClock.Today(clock);
        var created = await cases.CreateAsync(
            new CreateCaseRequest(
                "simplified", request.AgencyCode, request.OffenceCode, request.Title, 1,
                new PartyInput(request.Party.Kind, request.Party.Name, request.Party.IdNumber, request.Party.Address, request.Party.Phone),
                request.Plate is null ? null : new VehicleInput(request.Plate, request.PlateColor), request.ActOn, request.Facts, null,
                [officer, .. request.CoOfficerIds.Where(o => o != officer)], AcceptedOn: today),
            ct);
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        var id = created.Value.Summary.Id;
        foreach (var item in request.FileItems)
        {
            var added = await cases.AddFileItemAsync(id, item.Code, item.Description, item.Reference, ct);
            if (!added.IsSuccess)
            {
                return added.Error!;
            }
        }

        var decided = await cases.ActAsync(
            id, "decide-on-spot", new CaseActionRequest(On: today, FineFen: request.FineFen is > 0 ? request.FineFen : null, Warning: request.Warning),
            idempotencyKey: null, ct);
        if (!decided.IsSuccess)
        {
            return decided.Error!;
        }

        var caseNumber = decided.Value.Summary.CaseNumber!;
        var payment = request.Payment?.Replace("{caseNumber}", caseNumber, StringComparison.Ordinal);
        var document = await documents.GenerateAsync(
            id, CaseChecklists.OnSpotDecision.Code, new OnSpotDecisionDetails(request.Place, request.ViolationAt, payment, request.Statement), ct);
        if (!document.IsSuccess)
        {
            return document.Error!;
        }

        var payBy = request.FineFen is > 0 ? CaseDeadlines.PaymentDue(today, await calendars.CurrentAsync(ct)) : (DateOnly?)null;
        var agencyId = await db.Set<Case>().AsNoTracking().Where(c => c.Id == id).Select(c => c.AgencyId).SingleAsync(ct);
        return new OnSpotCaseRef(id, caseNumber, agencyId, today, payBy);
    }

    public async Task<Result<CaseDocumentFileRef>> OnSpotDecisionAsync(Guid caseId, CancellationToken ct)
    {
        if (!await db.Set<Case>().AsNoTracking().AnyAsync(c => c.Id == caseId, ct))
        {
            return CasesHandler.NotFound;
        }

        var code = CaseChecklists.OnSpotDecision.Code;
        var file = await db.Set<CaseDocumentFile>().AsNoTracking().Where(d => d.CaseId == caseId && d.Kind == code)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(ct);
        if (file is null)
        {
            var generated = await documents.GenerateAsync(caseId, code, ct);
            if (!generated.IsSuccess)
            {
                return generated.Error!;
            }

            file = await db.Set<CaseDocumentFile>().AsNoTracking().SingleAsync(d => d.Id == generated.Value.Id, ct);
        }

        return new CaseDocumentFileRef(file.Id, file.Title, file.Sha256, file.Content);
    }

    public async Task<Result<CasePaymentRef>> RecordPaymentAsync(Guid caseId, long amountFen, DateOnly paidOn, string? idempotencyKey, CancellationToken ct)
    {
        var paid = await cases.ActAsync(caseId, "record-payment", new CaseActionRequest(On: paidOn, AmountFen: amountFen), idempotencyKey, ct);
        if (!paid.IsSuccess)
        {
            return paid.Error!;
        }

        var detail = paid.Value;
        return new CasePaymentRef(
            caseId, detail.Summary.CaseNumber, detail.State.PaidFen, Math.Max(0, detail.AmountOwedFen - detail.State.PaidFen),
            detail.Summary.Stage.ToString().ToLowerInvariant());
    }

    public async Task<Result<CasePaymentState>> PaymentStateAsync(Guid caseId, CancellationToken ct)
    {
        var entity = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (entity is null)
        {
            return CasesHandler.NotFound;
        }

        var s = entity.State;
        var fine = s.Outcome == CaseOutcome.Penalty ? s.DecidedFineFen ?? 0 : 0;
        // The same due date the workflow charges the late fee from (CaseWorkflow.AmountOwedFen).
        DateOnly? payBy = fine > 0 && s.ServedOn is { } served ? CaseDeadlines.PaymentDue(served, await calendars.CurrentAsync(ct)) : null;
        var agency = directory.Current.Find(entity.AgencyId);
        return new CasePaymentState(
            entity.Id, entity.CaseNumber, entity.AgencyId, agency?.Name ?? "", s.Stage.ToString().ToLowerInvariant(), fine, payBy, s.PaidFen);
    }
}
