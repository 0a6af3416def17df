using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Calendar;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Online.Access;
using Vanguard.Server.Modules.Online.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Payments.Contracts;

namespace Vanguard.Server.Modules.Online.Features;

/// <summary>
/// What a party does on a case it has proven (<see cref="PartySession"/>): read it with its evidence and deadlines, accept,
/// state and defend, ask for a hearing, consent to electronic service, open what was served. Every step goes through the
/// case workflow (so the law's rules apply exactly as for staff) and, for statements and hearing requests, into the
/// officer's queue.
/// </summary>
internal sealed class PortalHandler(
    VanguardDbContext db,
    IPublicPartyScope party,
    ICasePortal cases,
    IOffsiteCaseEvidence offsite,
    IEvidenceArchive evidence,
    ILegalCalendar calendars,
    IAuditLog audit,
    IServiceProvider services,
    IOptions<OnlineOptions> options,
    TimeProvider clock)
{
    public const int MaxAttachments = 5;
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;

    public static readonly Error CaseNotFound = Error.NotFound(
        "online.case_not_found", "找不到该案件，或您尚未用通知码或验证码验证该案件。", "No such case, or you have not proven it with a notice code or a one-time code.");

    private static readonly HashSet<string> PartyDocumentKinds = new(StringComparer.Ordinal)
    {
        "violation_notice", "penalty_decision", "hearing_notice", "on_spot_decision", "service_receipt",
    };

    /// <summary>Checks the session covers the case and enters the party's scope; false → answer <see cref="CaseNotFound"/>.</summary>
    public bool Enter(PartySession? session, Guid caseId)
    {
        if (session is null || !session.Covers(caseId))
        {
            return false;
        }

        party.Enter("online:" + session.Id, "当事人（网上办理）");
        return true;
    }

    public void EnterList(PartySession session) => party.Enter("online:" + session.Id, "当事人（网上办理）");

    public async Task<IReadOnlyList<PartyCaseSummary>> ListAsync(PartySession session, CancellationToken ct)
    {
        var list = new List<PartyCaseSummary>();
        foreach (var id in session.CaseIds)
        {
            if (await cases.PartyCaseAsync(id, ct) is { } c)
            {
                list.Add(new PartyCaseSummary(c.Id, c.CaseNumber, c.Title, c.Stage, c.StageName, c.ActOn, c.AgencyName));
            }
        }

        return list;
    }

    public async Task<Result<OnlineCaseView>> ViewAsync(Guid caseId, CancellationToken ct)
    {
        var c = await cases.PartyCaseAsync(caseId, ct);
        if (c is null)
        {
            return CaseNotFound;
        }

        var now = clock.GetUtcNow();
        var weighing = await offsite.WeighingOfCaseAsync(caseId, ct);
        var clips = (await evidence.OfCaseAsync(caseId, ct))
            .Select(e => new OnlineFileView("clip", e.FileName, e.MediaType, e.Sha256, e.Length, $"/api/v1/online/cases/{caseId}/clips/{e.EvidenceId}")).ToList();
        var documents = c.Documents.Where(d => Shows(c, d.Kind))
            .Select(d => new OnlineFileView(d.Kind, d.Title, "application/pdf", d.Sha256, null, $"/api/v1/online/cases/{caseId}/documents/{d.Id}")).ToList();
        var submissions = await SubmissionsAsync(caseId, ct);
        var consent = await db.Set<OnlineServiceConsent>().AsNoTracking().Where(x => x.CaseId == caseId).OrderByDescending(x => x.ConsentedAt)
            .Select(x => new OnlineConsentView(x.Phone, x.Email, x.ConsentedAt)).FirstOrDefaultAsync(ct);
        var deliveries = await db.Set<OnlineDelivery>().Where(d => d.CaseId == caseId && d.Status == "sent").OrderBy(d => d.CreatedAt).ToListAsync(ct);
        var opened = false;
        foreach (var d in deliveries.Where(d => d.OpenedAt is null))
        {
            // The party's receipt (送达回执): the first time the portal shows a served document to the party.
            d.OpenedAt = now;
            opened = true;
            audit.Record("online.delivery_opened", "online-delivery", d.Id.ToString(), new { d.Kind, d.Sha256 }, d.AgencyId);
        }

        if (opened)
        {
            await db.SaveChangesAsync(ct);
        }

        var payments = services.GetService<IPayments>() is { Available: true } on ? on : null;
        var payment = new OnlinePaymentView(c.DecidedFineFen ?? 0, c.LateFeeFen, c.AmountOwedFen, c.PaymentDue, c.PaidFen, c.PaidOn, payments is not null);
        if (payments is not null && c.AmountOwedFen > 0 && await payments.AmountDueAsync(caseId, ct) is { IsSuccess: true } due)
        {
            // Once online payment is on, the amount shown is the one the payment order will charge.
            payment = payment with { FineFen = due.Value.FineFen, LateFeeFen = due.Value.LateFeeFen, OwedFen = due.Value.TotalFen, PayBy = due.Value.PayBy };
        }

        var calendar = await calendars.CurrentAsync(ct);
        return new OnlineCaseView(
            c,
            weighing is null ? null : new OnlineWeighingView(weighing, weighing.Photos.Select(p => new OnlineFileView(
                p.Kind, PhotoName(p.Kind), p.ContentType, p.Sha256, null, p.Stored ? $"/api/v1/online/cases/{caseId}/photos/{p.Sha256}" : null)).ToList()),
            clips,
            documents,
            submissions,
            consent,
            deliveries.Select(d => new OnlineDeliveryView(d.Id, d.Kind, d.Title, d.Sha256, d.Status, d.SentAt, d.OpenedAt, d.DownloadedAt,
                $"/api/v1/online/cases/{caseId}/deliveries/{d.Id}/file")).ToList(),
            OnlineText.Deadlines(c, LegalClock.Today(clock)),
            Appeal(c, calendar),
            payment);
    }

    public Task<Result<OnlineCaseView>> WaiveAsync(Guid caseId, string? ip, CancellationToken ct) =>
        SubmitAsync(caseId, "waiver", "waive-rights", null, [], ip, ct);

    public Task<Result<OnlineCaseView>> RequestHearingAsync(Guid caseId, string? ip, CancellationToken ct) =>
        SubmitAsync(caseId, "hearing", "request-hearing", null, [], ip, ct);

    public async Task<Result<OnlineCaseView>> StatementAsync(Guid caseId, string? text, IReadOnlyList<(string FileName, byte[] Bytes)> files, string? ip, CancellationToken ct)
    {
        var check = new Validator()
            .Require("text", text, "陈述申辩内容", "Statement")
            .MaxLength("text", text, 4000, "陈述申辩内容", "Statement")
            .Check(files.Count <= MaxAttachments, "attachments", "too_many", $"附件最多 {MaxAttachments} 个。", $"At most {MaxAttachments} attachments.");
        var typed = new List<(string FileName, string MediaType, byte[] Bytes)>();
        foreach (var (name, bytes) in files)
        {
            var type = Sniff(bytes);
            check.Check(bytes.Length <= MaxAttachmentBytes, "attachments", "too_large", $"附件“{name}”超过 10 MB。", $"'{name}' is over 10 MB.");
            check.Check(bytes.Length > 0 && type is not null, "attachments", "type", $"附件“{name}”不是 JPG、PNG 图片或 PDF 文件。", $"'{name}' is not a JPEG, PNG or PDF.");
            typed.Add((Path.GetFileName(name), type ?? "application/octet-stream", bytes));
        }

        return check.IsValid ? await SubmitAsync(caseId, "statement", "record-statement", text!.Trim(), typed, ip, ct) : check.ToError();
    }

    public async Task<Result<OnlineCaseView>> ConsentAsync(Guid caseId, ConsentRequest request, string? ip, string? userAgent, CancellationToken ct)
    {
        var phone = request.Phone?.Trim();
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        var check = new Validator()
            .Require("phone", phone, "接收送达的手机号码", "Phone")
            .Check(phone is null || (phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit)), "phone", "invalid",
                "手机号码应为 11 位数字。", "The mobile number has 11 digits.")
            .Check(email is null || (email.Length <= 200 && email.IndexOf('@', StringComparison.Ordinal) > 0), "email", "invalid",
                "电子邮箱格式不正确。", "The e-mail address is malformed.")
            .Check(request.Agree, "agree", "required", "请阅读并勾选同意《送达地址确认书》。", "Read and accept the service address confirmation.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var c = await cases.PartyCaseAsync(caseId, ct);
        if (c is null)
        {
            return CaseNotFound;
        }

        var acted = await cases.ActAsync(caseId, "record-service-consent", LegalClock.Today(clock), null, null, ct);
        if (!acted.IsSuccess)
        {
            return acted.Error!;
        }

        var consent = new OnlineServiceConsent
        {
            Id = Guid.CreateVersion7(), AgencyId = c.AgencyId, CaseId = caseId, Phone = phone!, Email = email, ConsentedAt = clock.GetUtcNow(),
            ClientIp = ip, UserAgent = userAgent is { Length: > 300 } ua ? ua[..300] : userAgent,
        };
        db.Add(consent);
        audit.Record("online.service_consent", "case", caseId.ToString(), new { consent.Id, email = email is not null }, c.AgencyId);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(caseId, ct);
    }

    public async Task<OnlinePhotoFile?> PhotoAsync(Guid caseId, string sha256, CancellationToken ct) =>
        await offsite.ImageOfCaseAsync(caseId, sha256, ct) is { } image ? new OnlinePhotoFile(image.Path, image.ContentType, image.Sha256) : null;

    public async Task<ArchivedContent?> ClipAsync(Guid caseId, Guid evidenceId, CancellationToken ct) =>
        (await evidence.OfCaseAsync(caseId, ct)).Any(e => e.EvidenceId == evidenceId) ? await evidence.OpenAsync(evidenceId, ct) : null;

    public async Task<CaseDocumentFileRef?> DocumentAsync(Guid caseId, Guid documentId, CancellationToken ct)
    {
        var c = await cases.PartyCaseAsync(caseId, ct);
        if (c is null || !c.Documents.Any(d => d.Id == documentId && Shows(c, d.Kind)))
        {
            return null;
        }

        return await cases.DocumentByIdAsync(caseId, documentId, ct);
    }

    /// <summary>A served document, downloaded by the party: the receipt is recorded.</summary>
    public async Task<CaseDocumentFileRef?> DeliveredAsync(Guid caseId, Guid deliveryId, CancellationToken ct)
    {
        var delivery = await db.Set<OnlineDelivery>().SingleOrDefaultAsync(d => d.Id == deliveryId && d.CaseId == caseId && d.Status == "sent", ct);
        if (delivery is null || await cases.DocumentByIdAsync(caseId, delivery.DocumentId, ct) is not { } file)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        delivery.OpenedAt ??= now;
        delivery.DownloadedAt ??= now;
        delivery.Downloads++;
        audit.Record("online.delivery_downloaded", "online-delivery", delivery.Id.ToString(), new { delivery.Kind, delivery.Sha256 }, delivery.AgencyId);
        await db.SaveChangesAsync(ct);
        return file;
    }

    public async Task<OnlineFileContent?> AttachmentAsync(Guid caseId, Guid attachmentId, CancellationToken ct)
    {
        var a = await (from x in db.Set<OnlineAttachment>().AsNoTracking()
                       join s in db.Set<OnlineSubmission>().AsNoTracking() on x.SubmissionId equals s.Id
                       where x.Id == attachmentId && s.CaseId == caseId
                       select x).SingleOrDefaultAsync(ct);
        return a is null ? null : new OnlineFileContent(a.FileName, a.MediaType, a.Sha256, a.Content);
    }

    public async Task<Result<PaymentOrderView>> StartPaymentAsync(Guid caseId, string returnUrl, CancellationToken ct)
    {
        if (services.GetService<IPayments>() is not { Available: true } payments)
        {
            return Error.Conflict("online.payments_unavailable", "在线缴款暂未开通，请按处罚决定书载明的方式缴纳罚款。",
                "Online payment is not available yet; pay as the decision says.");
        }

        return await payments.CreateOrderAsync(caseId, returnUrl, ct);
    }

    private async Task<Result<OnlineCaseView>> SubmitAsync(
        Guid caseId, string kind, string action, string? text, IReadOnlyList<(string FileName, string MediaType, byte[] Bytes)> files, string? ip,
        CancellationToken ct)
    {
        var before = await cases.PartyCaseAsync(caseId, ct);
        if (before is null)
        {
            return CaseNotFound;
        }

        var today = LegalClock.Today(clock);
        var summary = text is null ? null : files.Count == 0 ? text : $"{text}（网上提交，附件 {files.Count} 件）";
        var submissionId = Guid.CreateVersion7();
        // One transaction: the case step (which joins it) and the queue item commit together or not at all. Joins the
        // caller's when there is one (an Idempotency-Key: the key row commits with them).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var acted = await cases.ActAsync(caseId, action, today, summary is { Length: > 2000 } ? summary[..2000] : summary, "online:" + submissionId, ct);
        if (!acted.IsSuccess)
        {
            return acted.Error!;
        }

        var calendar = await calendars.CurrentAsync(ct);
        var due = today;
        for (var n = 0; n < options.Value.AnswerWorkingDays;)
        {
            due = due.AddDays(1);
            if (calendar.IsWorkingDay(due))
            {
                n++;
            }
        }

        db.Add(new OnlineSubmission
        {
            Id = submissionId, AgencyId = before.AgencyId, CaseId = caseId, CaseNumber = before.CaseNumber, CaseTitle = before.Title, Kind = kind, Text = text,
            SubmittedAt = clock.GetUtcNow(), AnswerDueOn = due, Status = kind == "waiver" ? "noted" : "pending", ClientIp = ip,
        });
        foreach (var (name, type, bytes) in files)
        {
            db.Add(new OnlineAttachment
            {
                Id = Guid.CreateVersion7(), AgencyId = before.AgencyId, SubmissionId = submissionId, FileName = name.Length > 200 ? name[^200..] : name,
                MediaType = type, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Length = bytes.Length, Content = bytes,
            });
        }

        audit.Record("online." + kind, "online-submission", submissionId.ToString(), new { caseId, attachments = files.Count }, before.AgencyId);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return await ViewAsync(caseId, ct);
    }

    private async Task<IReadOnlyList<OnlineSubmissionView>> SubmissionsAsync(Guid caseId, CancellationToken ct)
    {
        var rows = await db.Set<OnlineSubmission>().AsNoTracking().Where(s => s.CaseId == caseId).OrderBy(s => s.SubmittedAt).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var files = await db.Set<OnlineAttachment>().AsNoTracking().Where(a => ids.Contains(a.SubmissionId))
            .Select(a => new { a.Id, a.SubmissionId, a.FileName, a.MediaType, a.Sha256, a.Length }).ToListAsync(ct);
        return rows.Select(s => new OnlineSubmissionView(
            s.Id, s.Kind, OnlineText.KindName(s.Kind), s.Text, s.SubmittedAt, s.AnswerDueOn, s.Status, s.Answer, s.AnsweredAt,
            files.Where(f => f.SubmissionId == s.Id).Select(f => new OnlineFileView(
                "attachment", f.FileName, f.MediaType, f.Sha256, f.Length, $"/api/v1/online/cases/{caseId}/attachments/{f.Id}")).ToList())).ToList();
    }

    /// <summary>
    /// A party-facing document the party may open: the 行政处罚决定书 only once served (before, a draft or an unserved
    /// decision is not yet the party's — the page says "决定书送达后可查看").
    /// </summary>
    private static bool Shows(PartyCaseView c, string kind) =>
        PartyDocumentKinds.Contains(kind) && (kind != "penalty_decision" || c.ServedOn is not null);

    private OnlineAppealView? Appeal(PartyCaseView c, IHolidayCalendar calendar)
    {
        // Both periods run from the day the party receives (is served) the decision (行政复议法 art. 20; 行政诉讼法 art. 46):
        // no dates before service. A last day that is not a working day moves to the next working day (LegalPeriod,
        // 民事诉讼法 art. 85 by analogy, as for the case's other calendar-day periods).
        if (c.DecidedOn is null || c.Outcome is null || c.ServedOn is not { } from)
        {
            return null;
        }

        var o = options.Value;
        var reviewBody = o.ReviewBody.Replace("{agency}", c.AgencyName, StringComparison.Ordinal);
        var court = o.Court.Replace("{agency}", c.AgencyName, StringComparison.Ordinal);
        var reviewBy = LegalPeriod.EndOfCalendarDays(from, 60, calendar);
        var lawsuitBy = LegalPeriod.NextWorkingDayOnOrAfter(from.AddMonths(6), calendar);
        var text =
            $"如不服本处罚决定，可以自收到决定书之日起六十日内（至 {OnlineText.Date(reviewBy)}，含当日）向{reviewBody}申请行政复议；" +
            $"也可以自收到决定书之日起六个月内（至 {OnlineText.Date(lawsuitBy)}，含当日）向{court}提起行政诉讼。" +
            "复议和诉讼期间，罚款决定不停止执行（《行政处罚法》第七十三条）。";
        return new OnlineAppealView(from, reviewBy, reviewBody, lawsuitBy, court, text);
    }

    private static string PhotoName(string kind) => kind switch
    {
        "plate" => "号牌识别图像",
        "front" => "车辆前方照片",
        "side" => "车辆侧面照片",
        "rear" => "车辆后方照片",
        _ => "车辆照片",
    };

    private static string? Sniff(byte[] b) => b switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "application/pdf",
        _ => null,
    };
}

public sealed record OnlinePhotoFile(string Path, string ContentType, string Sha256);

public sealed record OnlineFileContent(string FileName, string MediaType, string Sha256, byte[] Content);
