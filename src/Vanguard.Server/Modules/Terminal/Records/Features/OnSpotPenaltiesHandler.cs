using System.Globalization;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Common;
using Vanguard.Server.Common.Idempotency;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Online.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal.Features;
using Vanguard.Server.Modules.Terminal.Records.Data;

namespace Vanguard.Server.Modules.Terminal.Records.Features;

/// <summary>
/// 简易程序 / 当场处罚 from the terminal (行政处罚法 arts. 51–52; 交通运输行政执法程序规定 arts. 60–61): the case is opened,
/// decided and its 当场行政处罚决定书 stored by the cases module through <see cref="ICaseIntake"/>; this module keeps
/// what the terminal needs (the payment reference for the QR code, the recorded payments).
/// </summary>
internal sealed class OnSpotPenaltiesHandler(
    VanguardDbContext db,
    ICurrentActor actor,
    IAgencyDirectory directory,
    ICaseIntake intake,
    ICaseDocuments documents,
    ICaseExecution execution,
    IEvidenceArchive evidence,
    IAuditLog audit,
    IOnlinePayLinks payLinks,
    TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound(
        "terminal.penalty_not_found", "当场处罚不存在或不在您的管辖范围内。", "No such on-the-spot penalty in your jurisdiction.");

    public static readonly Error NoFine = Error.NotFound(
        "terminal.no_fine", "该当场处罚没有罚款，无需缴款。", "This on-the-spot penalty has no fine to pay.");

    public static readonly Error PaymentDuplicate = Error.Conflict(
        "terminal.payment_duplicate", "该缴款凭证号已为本案登记过。", "This payment reference is already recorded for the case.");

    /// <summary>
    /// The payment reference (缴款编号) printed on the decision, for payment at a bank, in cash or by POS and recorded with
    /// <c>POST …/payments</c>. The QR code carries the portal's pay link instead (<see cref="IOnlinePayLinks"/>).
    /// </summary>
    public static string PaymentReferenceOf(string caseNumber, long fineFen) =>
        string.Create(CultureInfo.InvariantCulture, $"VANGUARD-PAY:{caseNumber}:{fineFen}");

    public async Task<Result<WriteOutcome<OnSpotPenaltyView>>> DecideAsync(OnSpotPenaltyRequest request, CancellationToken ct)
    {
        if (!Guid.TryParse(actor.OfficerId, out var officerId) || actor.AgencyId is not { } agencyId
            || directory.Current.Find(agencyId) is not { } agency)
        {
            return TerminalErrors.NotAnOfficer;
        }

        var today = LegalClock.Today(clock);
        var check = new Validator()
            .Require("offenceCode", request.OffenceCode, "违法行为代码", "Offence code")
            .MaxLength("offenceCode", request.OffenceCode, 64, "违法行为代码", "Offence code")
            .Require("facts", request.Facts, "违法事实", "Facts")
            .MaxLength("facts", request.Facts, 4_000, "违法事实", "Facts")
            .Require("place", request.Place, "违法地点", "Place")
            .MaxLength("place", request.Place, 200, "违法地点", "Place")
            .Check(request.ActOn is not null, "actOn", "required", "违法行为发生日期不能为空。", "The date of the act is required.")
            .Check(request.ActOn is null || request.ActOn <= today, "actOn", "in_future", "违法行为发生日期不能晚于今天。", "The act cannot be in the future.")
            .Check(request.FineFen is null or >= 0, "fineFen", "negative", "罚款金额不能为负数。", "The fine cannot be negative.")
            .Check(request.PlateColor is null || PlateColor.IsKnown(request.PlateColor), "plateColor", "invalid", "号牌颜色不正确。", "Unknown plate colour.")
            .MaxLength("statement", request.Statement, 2_000, "陈述申辩", "Statement");
        PartyRules.Check(check, request.Party);
        var plate = request.Plate is { Length: > 0 } p ? PlateNumber.Normalise(p) : null;
        check.Check(plate is null || PlateNumber.IsValid(plate), "plate", "invalid", "号牌号码格式不正确（GA 36）。", "The plate number is malformed (GA 36).");
        var record = request.RecordId is { } recordId
            ? await db.Set<TerminalRecord>().AsNoTracking().Where(r => r.Id == recordId).Select(r => new { r.Id, r.Kind }).SingleOrDefaultAsync(ct)
            : null;
        check.Check(request.RecordId is null || record is not null, "recordId", "unknown", "笔录不存在或不在您的管辖范围内。", "No such record in your jurisdiction.");
        if (request.BodycamEvidenceId is { } clip && !await evidence.ExistsAsync(clip, ct))
        {
            check.Add("bodycamEvidenceId", "unknown", "执法记录仪视频不存在或不在您的管辖范围内。", "No such body-camera clip in your jurisdiction.");
        }

        if (!check.IsValid)
        {
            return check.ToError();
        }

        var fine = request.FineFen ?? 0;
        var files = new List<CaseFileEntry>();
        if (record is not null)
        {
            files.Add(record.Kind == RecordKind.Inquiry
                ? new CaseFileEntry("interview_record", "询问笔录（手持执法终端）", $"terminal-record:{record.Id}")
                : new CaseFileEntry("on_site_record", "现场检查笔录（手持执法终端）", $"terminal-record:{record.Id}"));
        }

        if (request.BodycamEvidenceId is { } bodycam)
        {
            files.Add(new CaseFileEntry("bodycam_clip", "执法记录仪音像记录", $"evidence:{bodycam}"));
        }

        var now = clock.GetUtcNow();
        var facts = request.Facts!.Trim();
        var party = request.Party!;
        var opened = await intake.OpenOnSpotCaseAsync(
            new OnSpotCaseRequest(
                agency.Code, request.OffenceCode!.Trim(), facts.Length > 60 ? facts[..60] + "…" : facts, facts, request.Place!.Trim(),
                request.ActOn!.Value,
                request.ActOn == today ? now.ToOffset(LegalClock.ChinaOffset) : LegalClock.StartOf(request.ActOn.Value),
                new CaseParty(party.Kind!, party.Name!.Trim(), PartyRules.NormaliseId(party.IdNumber), PartyRules.Trimmed(party.Address), PartyRules.Trimmed(party.Phone)),
                plate, PartyRules.Trimmed(request.PlateColor), fine, request.Warning == true, request.CoOfficerIds ?? [],
                fine > 0 ? $"当场扫描执法人员出示的缴款二维码，或凭缴款编号 {PaymentReferenceOf("{caseNumber}", fine)} 到指定银行缴纳" : null,
                PartyRules.Trimmed(request.Statement), files),
            ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var c = opened.Value;
        var penalty = new TerminalOnSpotPenalty
        {
            CaseId = c.CaseId, AgencyId = c.AgencyId, CaseNumber = c.CaseNumber, OffenceCode = request.OffenceCode!.Trim(), FineFen = fine,
            Warning = request.Warning == true, OfficerId = officerId, RecordId = record?.Id, BodycamEvidenceId = request.BodycamEvidenceId,
            DecidedOn = c.DecidedOn, PayBy = c.PayBy, PaymentReference = PaymentReferenceOf(c.CaseNumber, fine), CreatedById = actor.Id, CreatedAt = now,
        };
        db.Add(penalty);
        audit.Record("terminal.on_spot_penalty", "case", c.CaseId.ToString(), new { c.CaseNumber, fine, penalty.Warning, penalty.RecordId }, c.AgencyId);
        await db.SaveChangesAsync(ct);
        return new WriteOutcome<OnSpotPenaltyView>(View(penalty), "case", c.CaseId.ToString(), $"/api/v1/terminal/on-spot-penalties/{c.CaseId}");
    }

    public async Task<Result<CaseDocumentFileRef>> DecisionAsync(Guid caseId, CancellationToken ct) =>
        await db.Set<TerminalOnSpotPenalty>().AsNoTracking().AnyAsync(x => x.CaseId == caseId, ct)
            ? await documents.OnSpotDecisionAsync(caseId, ct)
            : NotFound;

    public async Task<Result<byte[]>> PaymentQrAsync(Guid caseId, CancellationToken ct)
    {
        var penalty = await db.Set<TerminalOnSpotPenalty>().AsNoTracking().SingleOrDefaultAsync(x => x.CaseId == caseId, ct);
        if (penalty is null)
        {
            return NotFound;
        }

        if (penalty.FineFen == 0)
        {
            return NoFine;
        }

        using var generator = new QRCodeGenerator();
        // The portal's pay page for this case (absolute URL with a time-limited proof of the case): the party scans it and
        // pays online without the SMS notice code.
        using var data = generator.CreateQrCode(payLinks.PayUrl(caseId), QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(8);
    }

    public async Task<Result<WriteOutcome<PaymentView>>> RecordPaymentAsync(Guid caseId, PaymentRequest request, CancellationToken ct)
    {
        var penalty = await db.Set<TerminalOnSpotPenalty>().AsNoTracking().SingleOrDefaultAsync(x => x.CaseId == caseId, ct);
        if (penalty is null)
        {
            return NotFound;
        }

        var now = clock.GetUtcNow();
        var check = new Validator()
            .Require("reference", request.Reference, "缴款凭证号", "Payment reference")
            .MaxLength("reference", request.Reference, 100, "缴款凭证号", "Payment reference")
            .Require("channel", request.Channel, "缴款渠道", "Channel")
            .MaxLength("channel", request.Channel, 32, "缴款渠道", "Channel")
            .MaxLength("cashReason", request.CashReason, 500, "当场收缴理由", "Reason for collecting cash")
            .Check(request.PaidAt is not null, "paidAt", "required", "缴款时间不能为空。", "The payment time is required.")
            .Check(request.AmountFen is > 0, "amountFen", "must_be_positive", "缴款金额须大于零。", "The amount must be positive.");
        // The payment time decides the art. 72 late fee: it is no earlier than the decision and not back-dated beyond 3 days.
        var when = request.PaidAt is { } at ? OnSpotCollection.CheckPaidAt(at, penalty.DecidedOn, now, LegalClock.ChinaOffset) : PaidAtProblem.None;
        check
            .Check(when != PaidAtProblem.InFuture, "paidAt", "in_future", "缴款时间不能晚于现在。", "The payment cannot be in the future.")
            .Check(when != PaidAtProblem.BeforeDecision, "paidAt", "before_decision",
                $"缴款时间不能早于处罚决定日期（{penalty.DecidedOn:yyyy-MM-dd}）。", "The payment cannot precede the decision.")
            .Check(when != PaidAtProblem.TooLongAgo, "paidAt", "too_long_ago",
                "缴款时间不能早于 3 天前：逾期缴款须按《行政处罚法》第七十二条加处罚款，请按实际缴款时间登记或到执法机构处理。",
                "The payment time cannot be more than 3 days back (the art. 72 late fee); record it at the agency.")
            // 当场收缴 (cash) only up to 100 yuan, or with the reason of art. 68(2) / art. 69 on the file.
            .Check(request.Channel?.Trim() != "cash" || OnSpotCollection.CashAllowed(penalty.FineFen, request.CashReason), "cashReason", "cash_not_allowed",
                "罚款超过 100 元，不得当场收缴，除非不当场收缴事后难以执行（《行政处罚法》第六十八条第二项），须填写理由；否则请当事人到银行或通过电子支付缴纳。",
                "Cash above 100 yuan may be collected on the spot only with a reason (art. 68(2)).")
            // The receipt the officer holds, not the code the party pays with.
            .Check(string.IsNullOrWhiteSpace(request.Reference) || !string.Equals(request.Reference.Trim(), penalty.PaymentReference, StringComparison.OrdinalIgnoreCase),
                "reference", "is_payment_code", "请填写专用票据号（现金）或银行 / POS 交易流水号，不能填写本案的缴款识别码。",
                "Enter the receipt number or the bank/POS reference, not the case's payment code.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var reference = request.Reference!.Trim();
        if (await db.Set<TerminalOnSpotPayment>().AsNoTracking().AnyAsync(x => x.CaseId == caseId && x.Reference == reference, ct))
        {
            return PaymentDuplicate;
        }

        var paidOn = LegalClock.DayOf(request.PaidAt!.Value);
        var paid = await execution.RecordPaymentAsync(caseId, request.AmountFen!.Value, paidOn, idempotencyKey: null, ct);
        if (!paid.IsSuccess)
        {
            return paid.Error!;
        }

        var payment = new TerminalOnSpotPayment
        {
            Id = Guid.CreateVersion7(), CaseId = caseId, AgencyId = penalty.AgencyId, Reference = reference, PaidAt = request.PaidAt.Value,
            AmountFen = request.AmountFen.Value, Channel = request.Channel!.Trim(), RecordedById = actor.Id, RecordedByName = actor.Name, RecordedAt = now,
        };
        db.Add(payment);
        audit.Record("terminal.payment_recorded", "case", caseId.ToString(), new { penalty.CaseNumber, payment.AmountFen, payment.Channel, payment.Reference, CashReason = request.CashReason?.Trim() }, penalty.AgencyId);
        await db.SaveChangesAsync(ct);
        var p = paid.Value;
        return new WriteOutcome<PaymentView>(
            new PaymentView(caseId, p.CaseNumber, reference, payment.PaidAt, payment.AmountFen, payment.Channel, p.PaidFen, p.OwedFen, p.Stage),
            "terminal-payment", payment.Id.ToString(), null);
    }

    private OnSpotPenaltyView View(TerminalOnSpotPenalty p)
    {
        var url = $"/api/v1/terminal/on-spot-penalties/{p.CaseId}";
        return new OnSpotPenaltyView(
            p.CaseId, p.CaseNumber, $"{url}/decision.pdf", p.FineFen > 0 ? $"{url}/payment-qr.png" : null, p.FineFen, p.Warning, p.PayBy,
            p.FineFen > 0 ? p.PaymentReference : null, p.FineFen > 0 ? payLinks.PayUrl(p.CaseId) : null);
    }
}
