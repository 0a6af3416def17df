using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Common;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Cases.Data;
using Vanguard.Server.Modules.Cases.Features;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Cases;

/// <summary>The cases module's side of <see cref="ICasePortal"/>: the party's view, and the party's steps through the same workflow staff use.</summary>
internal sealed class CasePortal(
    VanguardDbContext db, CasesHandler cases, CaseDocumentsHandler documents, CaseCalendars calendars, IAgencyDirectory agencies, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<CasesOptions> options) : ICasePortal
{
    private static readonly HashSet<string> PartyActions = new(StringComparer.Ordinal)
    {
        "record-statement", "waive-rights", "request-hearing", "record-service-consent", "serve",
    };

    public async Task<PartyCaseView?> PartyCaseAsync(Guid caseId, CancellationToken ct)
    {
        var c = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || c.State.Stage == CaseStage.Dropped)
        {
            return null;
        }

        var docs = await db.Set<CaseDocumentFile>().AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.CreatedAt)
            .Select(d => new PartyDocument(d.Id, d.Kind, d.Title, d.Sha256, d.CreatedAt)).ToListAsync(ct);
        return await ViewAsync(c, docs, ct);
    }

    public async Task<IReadOnlyList<PartyCaseSummary>> CasesOfOwnedVehicleAsync(
        string plate, string plateColor, string ownerNumber, DateOnly? registeredOn, int max, CancellationToken ct)
    {
        var owner = ownerNumber.Trim().ToUpperInvariant();
        if (owner.Length == 0)
        {
            return [];
        }

        // Plate in SQL; colour, party and date in memory (colour and id numbers may be stored in other spellings).
        var rows = await db.Set<Case>().AsNoTracking()
            .Where(c => c.VehiclePlate == plate && c.State.Stage != CaseStage.Dropped)
            .OrderByDescending(c => c.CreatedAt).Take(500).ToListAsync(ct);
        return rows
            .Where(c => string.Equals(Vanguard.Domain.Identifiers.PlateColor.Parse(c.PlateColor), plateColor, StringComparison.Ordinal))
            .Where(c => string.Equals(c.PartyIdNumber?.Trim().ToUpperInvariant(), owner, StringComparison.Ordinal))
            .Where(c => registeredOn is null || (c.State.ActOn ?? DateOnly.FromDateTime(c.CreatedAt.UtcDateTime)) >= registeredOn)
            .Take(max)
            .Select(c => new PartyCaseSummary(
                c.Id, c.CaseNumber, c.Title, StageCode(c.State.Stage), CaseStageNames.Zh(c.State.Stage), c.State.ActOn,
                agencies.Current.Find(c.AgencyId)?.Name ?? string.Empty)).ToList();
    }

    public async Task<Result<PartyCaseView>> ActAsync(Guid caseId, string action, DateOnly on, string? text, string? idempotencyKey, CancellationToken ct)
    {
        if (!PartyActions.Contains(action))
        {
            return Error.NotFound("cases.unknown_action", $"没有“{action}”这个案件操作。", $"There is no case action '{action}'.");
        }

        var request = action switch
        {
            "record-statement" => new CaseActionRequest(On: on, Summary: text),
            "waive-rights" => new CaseActionRequest(On: on, Statement: true, Hearing: true),
            "serve" => new CaseActionRequest(On: on, Method: "electronic"),
            _ => new CaseActionRequest(On: on),
        };
        var acted = await cases.ActAsync(caseId, action, request, idempotencyKey, ct);
        if (!acted.IsSuccess)
        {
            return acted.Error!;
        }

        return await PartyCaseAsync(caseId, ct) is { } view ? view : CasesHandler.NotFound;
    }

    public async Task<Result<CaseDocumentFileRef>> DocumentAsync(Guid caseId, string kind, CancellationToken ct)
    {
        var stored = await db.Set<CaseDocumentFile>().AsNoTracking().Where(d => d.CaseId == caseId && d.Kind == kind)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            var made = await documents.GenerateAsync(caseId, kind, ct);
            if (!made.IsSuccess)
            {
                return made.Error!;
            }

            stored = await db.Set<CaseDocumentFile>().AsNoTracking().SingleAsync(d => d.Id == made.Value.Id, ct);
        }

        return new CaseDocumentFileRef(stored.Id, stored.Title, stored.Sha256, stored.Content);
    }

    public async Task<CaseDocumentFileRef?> DocumentByIdAsync(Guid caseId, Guid documentId, CancellationToken ct)
    {
        var file = await documents.FindAsync(caseId, documentId, ct);
        return file is null ? null : new CaseDocumentFileRef(file.Id, file.Title, file.Sha256, file.Content);
    }

    private async Task<PartyCaseView> ViewAsync(Case c, IReadOnlyList<PartyDocument> docs, CancellationToken ct)
    {
        var today = LegalClock.Today(clock);
        var calendar = await calendars.CurrentAsync(ct);
        var s = c.State;
        var deadlines = CaseLaw.Compute(c, calendar, today, options.Value.StatementDays);
        var thresholds = await db.Set<CaseSettings>().AsNoTracking().SingleOrDefaultAsync(ct) is { } settings
            ? new HearingThresholds(settings.HearingThresholdPersonFen, settings.HearingThresholdOrganisationFen)
            : HearingThresholds.Default;
        var eligible = s.NoticeServedOn is not null && HearingThresholds.IsHearingEligible(s.PartyKind, s.ProposedFineFen ?? 0, s.RevokesLicence, thresholds);
        var notified = s.Stage == CaseStage.Notified;
        var canState = notified && !s.StatementWaived && deadlines.StatementDue is { } sd && today <= sd;
        var canHearing = notified && eligible && deadlines.HearingRequestDue is { } hd && today <= hd;
        var rule = CaseLaw.Standard.Find(c.OffenceCode, s.ActOn ?? today);
        var proposal = CaseLaw.Proposal(c, s.ActOn ?? today);
        return new PartyCaseView(
            c.Id, c.CaseNumber, c.AgencyId, agencies.Current.Find(c.AgencyId)?.Name ?? string.Empty, c.Title, c.OffenceCode,
            rule?.NameZh ?? c.OffenceCode, rule?.ViolationBasis, rule?.LegalBasis, c.PartyName, c.VehiclePlate, c.Facts,
            System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.Procedure.ToString()), StageCode(s.Stage), CaseStageNames.Zh(s.Stage),
            s.ActOn, s.FiledOn,
            new PartyProposal(proposal.AmountFen, proposal.MinFen, proposal.MaxFen, proposal.Warning, proposal.LegalBasis, proposal.Explanation),
            s.NoticeServedOn, s.ProposedFineFen, s.ProposedWarning,
            s.Outcome is { } o ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(o.ToString()) : null,
            s.DecidedOn, s.DecidedFineFen, s.DecidedWarning, s.ServedOn,
            s.ServiceMethod is { } m ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(m.ToString()) : null,
            deadlines.StatementDue, deadlines.HearingRequestDue, eligible, deadlines.PaymentDue, deadlines.LateFeeFen,
            Math.Max(0, CaseWorkflow.AmountOwedFen(s, s.PaidOn ?? today, calendar) - s.PaidFen), s.PaidFen, s.PaidOn,
            s.StatementOn, s.DefenceMade, s.StatementWaived, s.HearingWaived, s.HearingRequestedOn, s.HearingDate, s.ElectronicServiceConsent,
            canState, canHearing, notified && !s.StatementWaived && !s.DefenceMade && s.HearingRequestedOn is null,
            docs);
    }

    private static string StageCode(CaseStage stage) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(stage.ToString());
}
