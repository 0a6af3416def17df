using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Common;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Data;
using Vanguard.Server.Modules.Cases.Documents;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Cases.Features;

/// <summary>
/// 文书: renders an official document from the case as it stands, stores the PDF with its SHA-256, puts the hash on the
/// timeline and into the audit chain. The API names documents by their case-file checklist code.
/// </summary>
internal sealed class CaseDocumentsHandler(
    VanguardDbContext db, IAgencyDirectory directory, ICurrentActor actor, IAuditLog audit, TimeProvider clock, CaseDocumentRenderer renderer,
    Microsoft.Extensions.Options.IOptions<CasesOptions> options)
{
    /// <summary>Checklist code → document kind.</summary>
    public static IReadOnlyDictionary<string, CaseDocumentKind> Kinds { get; } = new Dictionary<string, CaseDocumentKind>(StringComparer.Ordinal)
    {
        [CaseChecklists.CaseFilingForm.Code] = CaseDocumentKind.FilingRecord,
        [CaseChecklists.ViolationNotice.Code] = CaseDocumentKind.ViolationNotice,
        [CaseChecklists.PenaltyDecision.Code] = CaseDocumentKind.PenaltyDecision,
        [CaseChecklists.OnSpotDecision.Code] = CaseDocumentKind.OnSpotPenaltyDecision,
        [CaseChecklists.ServiceReceipt.Code] = CaseDocumentKind.ServiceReceipt,
        [CaseChecklists.ClosingReport.Code] = CaseDocumentKind.ClosingReport,
        ["hearing_notice"] = CaseDocumentKind.HearingNotice,
    };

    private const string ReviewBody = "本机关的上一级主管部门或者本级人民政府";
    private const string Court = "有管辖权的人民法院";

    public Task<Result<CaseDocumentView>> GenerateAsync(Guid caseId, string code, CancellationToken ct) => GenerateAsync(caseId, code, null, ct);

    /// <param name="onSpot">What the terminal knows of an on-the-spot decision that the case does not keep (place, time, how to pay).</param>
    public async Task<Result<CaseDocumentView>> GenerateAsync(Guid caseId, string code, OnSpotDecisionDetails? onSpot, CancellationToken ct)
    {
        if (!Kinds.TryGetValue(code, out var kind))
        {
            return Error.NotFound("cases.unknown_document", $"没有“{code}”这种文书。", $"There is no document kind '{code}'.");
        }

        var c = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return CasesHandler.NotFound;
        }

        var s = c.State;
        var agency = directory.Current.Find(c.AgencyId)!;
        var officers = await (from link in db.Set<CaseOfficerLink>().AsNoTracking()
                              join o in db.Officers.IgnoreQueryFilters().AsNoTracking() on link.OfficerId equals o.Id
                              where link.CaseId == caseId
                              select new { o.Name, o.CertificateNo }).ToListAsync(ct);
        var officerLines = officers.Select(o => $"{o.Name}（执法证号：{o.CertificateNo ?? "无"}）").ToList();
        var header = new CaseDocumentHeader(c.CaseNumber ?? "（未立案）", agency.Name, LegalClock.Today(clock), $"{agency.Name}（印章）");
        var party = new PartyInfo(c.PartyName, c.PartyIdNumber ?? "—", c.PartyAddress ?? "—", c.PartyPhone, s.PartyKind == PartyKind.Organisation);
        var rule = CaseLaw.Standard.Find(c.OffenceCode, s.ActOn ?? header.IssuedOn);
        var violated = rule?.ViolationBasis ?? rule?.LegalBasis ?? "—";
        var penaltyBasis = rule?.LegalBasis ?? "—";
        var facts = c.Facts ?? c.Title;

        CaseDocumentData? data = kind switch
        {
            CaseDocumentKind.FilingRecord when s.FiledOn is not null => CaseDocumentTemplates.FilingRecord(header, new FilingRecordInput(
                (CaseSource)c.Source, null, c.Title, c.CreatedAt, party, facts, penaltyBasis, officerLines)),
            CaseDocumentKind.ViolationNotice when s.NoticeServedOn is not null => CaseDocumentTemplates.ViolationNotice(header, new ViolationNoticeInput(
                party, facts, null, violated, penaltyBasis, PenaltyText(s.ProposedFineFen, s.ProposedWarning),
                HearingThresholds.IsHearingEligible(s.PartyKind, s.ProposedFineFen ?? 0, s.RevokesLicence, HearingThresholds.Default),
                options.Value.StatementDays)),
            CaseDocumentKind.PenaltyDecision when s.Outcome == CaseOutcome.Penalty && s.Procedure != CaseProcedure.Simplified =>
                CaseDocumentTemplates.PenaltyDecision(header, new PenaltyDecisionInput(
                    party, facts, null, violated, penaltyBasis, PenaltyText(s.DecidedFineFen, s.DecidedWarning), Proceedings(s),
                    s.DecidedFineFen is > 0 ? "自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款。" : null, ReviewBody, Court)),
            CaseDocumentKind.OnSpotPenaltyDecision when s.Procedure == CaseProcedure.Simplified && s.DecidedOn is not null =>
                CaseDocumentTemplates.OnSpotPenaltyDecision(header, new OnSpotPenaltyDecisionInput(
                    party, c.VehiclePlate, onSpot?.ViolationAt ?? c.CreatedAt, onSpot?.Place ?? "—", facts, violated, penaltyBasis,
                    PenaltyText(s.DecidedFineFen, s.DecidedWarning),
                    s.DecidedFineFen is > 0 ? onSpot?.Payment ?? "当场或自收到本决定书之日起十五日内缴纳罚款。" : null, onSpot?.Statement, ReviewBody, Court, officerLines)),
            CaseDocumentKind.ServiceReceipt when s.ServedOn is not null => CaseDocumentTemplates.ServiceReceipt(header, new ServiceReceiptInput(
                s.Procedure == CaseProcedure.Simplified ? "当场行政处罚决定书" : "行政处罚决定书", c.CaseNumber ?? "—", c.PartyName,
                new DateTimeOffset(s.ServedOn.Value.ToDateTime(new TimeOnly(9, 0)), LegalClock.ChinaOffset), null, MethodText(s.ServiceMethod),
                officers.Select(o => o.Name).ToList())),
            CaseDocumentKind.ClosingReport when s.DecidedOn is not null && s.FiledOn is { } filedOn => CaseDocumentTemplates.ClosingReport(header, new ClosingReportInput(
                c.Title, party, filedOn, c.CaseNumber, s.DecidedOn, OutcomeText(s), ExecutionText(s), officers.Select(o => o.Name).ToList())),
            CaseDocumentKind.ClosingReport when s.DecidedOn is { } decided && s.Procedure == CaseProcedure.Simplified =>
                CaseDocumentTemplates.ClosingReport(header, new ClosingReportInput(
                    c.Title, party, decided, c.CaseNumber, s.DecidedOn, OutcomeText(s), ExecutionText(s), officers.Select(o => o.Name).ToList())),
            CaseDocumentKind.HearingNotice when s.HearingDate is { } hearing => CaseDocumentTemplates.HearingNotice(header, new HearingNoticeInput(
                party, c.Title, s.HearingRequestedOn, new DateTimeOffset(hearing.ToDateTime(new TimeOnly(9, 0)), LegalClock.ChinaOffset),
                agency.Name + "听证室", "（由非本案调查人员担任）", null)),
            _ => null,
        };
        if (data is null)
        {
            return Error.Conflict("cases.document_not_ready", "案件尚未进行到可以制作该文书的环节。", "The case has not reached the step this document belongs to.");
        }

        var pdf = renderer.Render(data);
        var sha = CaseDocumentRenderer.Sha256Hex(pdf);
        var file = new CaseDocumentFile
        {
            Id = Guid.CreateVersion7(), CaseId = caseId, Kind = code, Title = kind.Title(), Sha256 = sha, Content = pdf,
            CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Name,
        };
        db.Add(file);
        db.Add(new CaseEvent
        {
            CaseId = caseId, At = file.CreatedAt, On = header.IssuedOn, ActionCode = "document", ActorId = actor.Id, ActorName = actor.Name,
            DescriptionZh = $"制作《{kind.Title()}》（SHA-256 {sha[..16]}…）", DescriptionEn = $"Generated {code} (SHA-256 {sha[..16]}…)",
        });
        // The hash is the audit target itself, so the chain vouches for exactly this file.
        audit.Record("cases.document", "case-document", $"{caseId:N}/{sha}", new { code, sha, c.CaseNumber }, c.AgencyId);
        await db.SaveChangesAsync(ct);
        return new CaseDocumentView(file.Id, code, file.Title, sha, file.CreatedAt, $"/api/v1/cases/{caseId}/documents/{file.Id}");
    }

    public async Task<CaseDocumentFile?> FindAsync(Guid caseId, Guid documentId, CancellationToken ct) =>
        await db.Set<Case>().AsNoTracking().AnyAsync(c => c.Id == caseId, ct)
            ? await db.Set<CaseDocumentFile>().AsNoTracking().SingleOrDefaultAsync(d => d.CaseId == caseId && d.Id == documentId, ct)
            : null;

    private static string PenaltyText(long? fineFen, bool warning) =>
        string.Join("，并处", new[] { warning ? "警告" : null, fineFen is > 0 ? "罚款" + ChineseText.Money(fineFen.Value) : null }.Where(t => t is not null));

    private static string? Proceedings(CaseSnapshot s) => string.Join("", new[]
    {
        s.NoticeServedOn is { } n ? $"本机关于{ChineseText.Date(n)}向当事人送达了违法行为通知书，告知了拟作出的行政处罚内容及事实、理由、依据，并告知其依法享有的陈述、申辩权利。" : null,
        s.DefenceMade ? "当事人提出了陈述、申辩，本机关进行了复核。" : null,
        s.HearingHeldOn is { } h ? $"应当事人申请，本机关于{ChineseText.Date(h)}举行了听证。" : null,
        s.LegalReviewPassed ? "本案经法制审核。" : null,
        s.CollectiveDiscussionOn is not null ? "本案经本机关负责人集体讨论决定。" : null,
    }.Where(t => t is not null));

    private static string MethodText(ServiceMethod? method) => method switch
    {
        ServiceMethod.Direct => "直接送达",
        ServiceMethod.Post => "邮寄送达",
        ServiceMethod.Electronic => "电子送达",
        ServiceMethod.PublicNotice => "公告送达",
        null => "—",
    };

    private static string OutcomeText(CaseSnapshot s) => s.Outcome switch
    {
        CaseOutcome.Penalty => "给予行政处罚：" + PenaltyText(s.DecidedFineFen, s.DecidedWarning),
        CaseOutcome.NoPenaltyMinor => "违法行为轻微，不予行政处罚",
        CaseOutcome.NoPenaltyNotEstablished => "违法事实不能成立，不予行政处罚",
        CaseOutcome.Transfer => "移送司法机关",
        null => "—",
    };

    private static string ExecutionText(CaseSnapshot s) =>
        s.PaidFen > 0 ? $"当事人已缴纳{ChineseText.Money(s.PaidFen)}" + (s.PaidOn is { } p ? $"（{ChineseText.Date(p)}）" : string.Empty)
        : s.EnforcementApplied ? "已申请人民法院强制执行"
        : "无需缴纳罚款";
}

/// <summary>Facts of an on-the-spot decision that only the officer's terminal knows.</summary>
internal sealed record OnSpotDecisionDetails(string Place, DateTimeOffset ViolationAt, string? Payment, string? Statement);

internal static class CaseDocumentEndpoints
{
    public static void MapCaseDocuments(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/cases/{id:guid}/documents").WithTags("Cases");
        documents.MapPost("/{code}", GenerateAsync).RequireAuthorization(CasesPolicies.Handle)
            .WithSummary("Generate an official document (PDF) from the case: case_filing_form, violation_notice, penalty_decision, on_spot_decision, service_receipt, closing_report, hearing_notice.");
        documents.MapGet("/{documentId:guid}", DownloadAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Download a generated document; the ETag is its SHA-256.");
    }

    private static async Task<Results<Created<CaseDocumentView>, ProblemHttpResult>> GenerateAsync(
        Guid id, string code, CaseDocumentsHandler handler, HttpContext http)
    {
        var result = await handler.GenerateAsync(id, code, http.RequestAborted);
        return result.IsSuccess ? TypedResults.Created(result.Value.Url, result.Value) : result.Error!.ToProblem(http);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, Guid documentId, CaseDocumentsHandler handler, HttpContext http)
    {
        var file = await handler.FindAsync(id, documentId, http.RequestAborted);
        if (file is null)
        {
            return Error.NotFound("cases.document_not_found", "文书不存在。", "No such document.").ToProblem(http);
        }

        return TypedResults.File(file.Content, "application/pdf", $"{file.Title}.pdf",
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }
}
