using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Online.Contracts;
using Vanguard.Server.Modules.Online.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Online.Features;

/// <summary>
/// The staff side: statements and hearing requests made online, in the officer's jurisdiction (the DbContext filters
/// <see cref="OnlineSubmission"/> as <see cref="IAgencyOwned"/>), answered back to the portal; and electronic service.
/// </summary>
internal sealed class QueueHandler(
    VanguardDbContext db, ICasePortal cases, ISmsSender sms, IAuditLog audit, ICurrentActor actor, IOptions<OnlineOptions> options, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound("online.submission_not_found", "该网上申请不存在或不在您的管辖范围内。", "No such online submission in your jurisdiction.");

    public async Task<Page<OnlineQueueItem>> ListAsync(string? status, string? kind, bool overdueOnly, PageRequest page, CancellationToken ct)
    {
        var today = LegalClock.Today(clock);
        var q = db.Set<OnlineSubmission>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status) && status != "all")
        {
            q = q.Where(s => s.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(kind) && kind != "all")
        {
            q = q.Where(s => s.Kind == kind);
        }

        if (overdueOnly)
        {
            q = q.Where(s => s.Status == "pending" && s.AnswerDueOn < today);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(s => s.Status == "pending" ? 0 : 1).ThenBy(s => s.AnswerDueOn).ThenBy(s => s.SubmittedAt)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<OnlineQueueItem>(await ItemsAsync(rows, ct), page.Page, page.PageSize, total);
    }

    public async Task<Result<OnlineQueueItem>> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Set<OnlineSubmission>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return row is null ? NotFound : (await ItemsAsync([row], ct))[0];
    }

    public async Task<Result<OnlineQueueItem>> AnswerAsync(Guid id, AnswerRequest request, CancellationToken ct)
    {
        var check = new Validator().Require("answer", request.Answer, "回复内容", "Answer").MaxLength("answer", request.Answer, 4000, "回复内容", "Answer");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var row = await db.Set<OnlineSubmission>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (row is null)
        {
            return NotFound;
        }

        if (row.Status != "pending")
        {
            return Error.Conflict("online.already_answered", "该申请已回复或无需回复。", "This submission was already answered or needs no answer.");
        }

        row.Status = "answered";
        row.Answer = request.Answer!.Trim();
        row.AnsweredBy = actor.Name;
        row.AnsweredAt = clock.GetUtcNow();
        audit.Record("online.answer", "online-submission", row.Id.ToString(), new { row.CaseId, row.Kind }, row.AgencyId);
        await db.SaveChangesAsync(ct);
        return (await ItemsAsync([row], ct))[0];
    }

    public async Task<OnlineFileContent?> AttachmentAsync(Guid submissionId, Guid attachmentId, CancellationToken ct)
    {
        var a = await db.Set<OnlineAttachment>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == attachmentId && x.SubmissionId == submissionId, ct);
        return a is null ? null : new OnlineFileContent(a.FileName, a.MediaType, a.Sha256, a.Content);
    }

    /// <summary>
    /// 电子送达: sends the document to the address the party confirmed. When the sending is recorded the document is
    /// served on that day (交通运输行政执法程序规定, 2021); a 处罚决定书 then takes the case's <c>serve</c> step (electronic).
    /// </summary>
    public async Task<Result<OnlineDeliveryView>> DeliverAsync(Guid caseId, DeliveryRequest request, CancellationToken ct)
    {
        var kind = request.Kind;
        if (kind is not ("violation_notice" or "penalty_decision"))
        {
            return Validator.Invalid("kind", "invalid", "送达文书须为 violation_notice（违法行为通知书）或 penalty_decision（行政处罚决定书）。",
                "Kind must be violation_notice or penalty_decision.");
        }

        var c = await cases.PartyCaseAsync(caseId, ct);
        if (c is null)
        {
            return Error.NotFound("cases.not_found", "案件不存在或不在您的管辖范围内。", "No such case in your jurisdiction.");
        }

        if (kind == "penalty_decision" && c.ServedOn is not null)
        {
            return Error.Conflict("online.already_served", "处罚决定书已经送达，不能再次送达。", "The decision has already been served.");
        }

        var consent = await db.Set<OnlineServiceConsent>().AsNoTracking().Where(x => x.CaseId == caseId).OrderByDescending(x => x.ConsentedAt).FirstOrDefaultAsync(ct);
        if (consent is null || !c.ElectronicServiceConsent)
        {
            return Error.Conflict("online.no_consent", "当事人尚未签署送达地址确认书同意电子送达（《行政处罚法》第六十一条）。",
                "The party has not consented to electronic service (art. 61).");
        }

        var document = await cases.DocumentAsync(caseId, kind, ct);
        if (!document.IsSuccess)
        {
            return document.Error!;
        }

        // One transaction for the case's serve step, the delivery row and the text (the default sender stages it in the outbox
        // with the same save): a serve that fails leaves no delivery and no text; a text that fails leaves the case unserved.
        var now = clock.GetUtcNow();
        var delivery = new OnlineDelivery
        {
            Id = Guid.CreateVersion7(), AgencyId = c.AgencyId, CaseId = caseId, DocumentId = document.Value.DocumentId, Kind = kind, Title = document.Value.Title,
            Sha256 = document.Value.Sha256, Recipient = consent.Phone, Status = "pending", CreatedAt = now, SentBy = actor.Name,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (kind == "penalty_decision")
        {
            // Served the day the system sends it (交通运输行政执法程序规定, 2021). The case step joins this transaction.
            var served = await cases.ActAsync(caseId, "serve", LegalClock.Today(clock), null, "online-delivery:" + delivery.Id, ct);
            if (!served.IsSuccess)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return served.Error!;
            }
        }

        db.Add(delivery);
        var o = options.Value;
        var plate = c.Plate is { } p ? PlateNumber.Mask(p) : "您";
        try
        {
            await sms.SendAsync(consent.Phone,
                $"{o.SmsSignature}{c.AgencyName}向您电子送达《{delivery.Title}》（案号 {c.CaseNumber ?? "—"}，{plate}），请登录“不见面执法”平台 {o.PortalUrl} 查看下载。", "delivery", ct);
            delivery.Status = "sent";
            delivery.SentAt = clock.GetUtcNow();
        }
        catch (HttpRequestException)
        {
            // Not sent: undo the serve step, keep only the failed delivery for the record.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            delivery.Status = "failed";
            db.Add(delivery);
            audit.Record("online.deliver", "online-delivery", delivery.Id.ToString(), new { caseId, kind, delivery.Sha256, delivery.Status }, c.AgencyId);
            await db.SaveChangesAsync(ct);
            return Error.Conflict("online.sms_failed", "短信发送失败，文书未送达，请稍后重试。", "The text could not be sent; the document is not served. Try again later.");
        }

        audit.Record("online.deliver", "online-delivery", delivery.Id.ToString(), new { caseId, kind, delivery.Sha256, delivery.Status }, c.AgencyId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new OnlineDeliveryView(delivery.Id, kind, delivery.Title, delivery.Sha256, delivery.Status, delivery.SentAt, null, null,
            $"/api/v1/online/cases/{caseId}/deliveries/{delivery.Id}/file");
    }

    /// <summary>The 送达地址确认书 (phone masked) and the electronic deliveries of a case, for the case page.</summary>
    public async Task<OnlineServiceState> ServiceStateAsync(Guid caseId, CancellationToken ct)
    {
        var consent = await db.Set<OnlineServiceConsent>().AsNoTracking().Where(x => x.CaseId == caseId).OrderByDescending(x => x.ConsentedAt)
            .FirstOrDefaultAsync(ct);
        return new OnlineServiceState(
            consent is null ? null : new OnlineConsentView(consent.Phone.Length == 11 ? consent.Phone[..3] + "****" + consent.Phone[7..] : consent.Phone, consent.Email, consent.ConsentedAt),
            await DeliveriesAsync(caseId, ct));
    }

    /// <summary>The deliveries of a case in the caller's jurisdiction: 404 for any other, as for every case endpoint, rather than an
    /// empty list that would answer the same for a case that is not there.</summary>
    public async Task<Result<IReadOnlyList<OnlineDeliveryView>>> CaseDeliveriesAsync(Guid caseId, CancellationToken ct) =>
        await cases.PartyCaseAsync(caseId, ct) is null
            ? Error.NotFound("cases.not_found", "案件不存在或不在您的管辖范围内。", "No such case in your jurisdiction.")
            : Result<IReadOnlyList<OnlineDeliveryView>>.Success(await DeliveriesAsync(caseId, ct));

    public async Task<IReadOnlyList<OnlineDeliveryView>> DeliveriesAsync(Guid caseId, CancellationToken ct) =>
        await db.Set<OnlineDelivery>().AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.CreatedAt)
            .Select(d => new OnlineDeliveryView(d.Id, d.Kind, d.Title, d.Sha256, d.Status, d.SentAt, d.OpenedAt, d.DownloadedAt,
                "/api/v1/online/cases/" + d.CaseId + "/deliveries/" + d.Id + "/file")).ToListAsync(ct);

    private async Task<List<OnlineQueueItem>> ItemsAsync(List<OnlineSubmission> rows, CancellationToken ct)
    {
        var today = LegalClock.Today(clock);
        var ids = rows.Select(r => r.Id).ToList();
        var files = await db.Set<OnlineAttachment>().AsNoTracking().Where(a => ids.Contains(a.SubmissionId))
            .Select(a => new { a.Id, a.SubmissionId, a.FileName, a.MediaType, a.Sha256, a.Length }).ToListAsync(ct);
        return rows.Select(s => new OnlineQueueItem(
            s.Id, s.CaseId, s.CaseNumber, s.CaseTitle, s.Kind, OnlineText.KindName(s.Kind), s.Text, s.SubmittedAt, s.AnswerDueOn,
            s.Status == "pending" && s.AnswerDueOn < today, s.Status, s.Answer, s.AnsweredBy, s.AnsweredAt,
            files.Where(f => f.SubmissionId == s.Id).Select(f => new OnlineFileView(
                "attachment", f.FileName, f.MediaType, f.Sha256, f.Length, $"/api/v1/online/staff/queue/{s.Id}/attachments/{f.Id}")).ToList())).ToList();
    }
}
