using Vanguard.Domain.Penalties;

namespace Vanguard.Domain.Cases;

/// <summary>办案程序 (procedure of a case).</summary>
public enum CaseProcedure
{
    /// <summary>普通程序 (ordinary procedure: 立案 → 调查 → 告知 → 决定 → 送达; 行政处罚法 arts. 54–65).</summary>
    Ordinary,

    /// <summary>简易程序 / 当场处罚 (行政处罚法 arts. 51–52; 交通运输行政执法程序规定 arts. 60–61).</summary>
    Simplified,

    /// <summary>非现场执法 (off-site: evidence from technical monitoring devices, 行政处罚法 art. 41).</summary>
    Offsite,
}

/// <summary>卷宗材料 (one document or piece of evidence the case file should hold).</summary>
public sealed record ChecklistItem(string Code, string NameZh, string NameEn, bool Required);

/// <summary>卷宗检查结果: the required items missing (the file is incomplete while any are) and the optional ones.</summary>
public sealed record ChecklistResult(IReadOnlyList<ChecklistItem> MissingRequired, IReadOnlyList<ChecklistItem> MissingOptional)
{
    public bool IsComplete => MissingRequired.Count == 0;
}

/// <summary>
/// 案卷材料清单 (case-file checklists) per offence and procedure, after the MOT 2021 document templates (24 式样,
/// 交通运输行政执法程序规定) and the evidence rules: 行政处罚法 art. 41 (reviewed device records), art. 46 (evidence types),
/// art. 47 (full-process recording); 河南省治超条例 art. 10 (no evidence from an unverified scale). An unknown offence code
/// gets the general list of its procedure.
/// </summary>
public static class CaseChecklists
{
    public static readonly ChecklistItem CaseFilingForm = new("case_filing_form", "立案登记表", "Case filing form", true);
    public static readonly ChecklistItem OnSiteRecord = new("on_site_record", "现场笔录", "On-site record", true);
    public static readonly ChecklistItem InterviewRecord = new("interview_record", "询问笔录", "Interview record", true);
    public static readonly ChecklistItem BodyCamClip = new("bodycam_clip", "执法记录仪音像记录", "Body-camera clip", true);
    public static readonly ChecklistItem ViolationNotice = new("violation_notice", "违法行为通知书", "Notice of violation", true);
    public static readonly ChecklistItem PenaltyDecision = new("penalty_decision", "行政处罚决定书", "Penalty decision", true);
    public static readonly ChecklistItem ServiceReceipt = new("service_receipt", "送达回证", "Proof of service", true);
    public static readonly ChecklistItem ClosingReport = new("closing_report", "结案报告", "Closing report", true);
    public static readonly ChecklistItem OnSpotDecision = new("on_spot_decision", "当场行政处罚决定书", "On-the-spot penalty decision", true);
    public static readonly ChecklistItem WeighingRecord = new("weighing_record", "称重检测单", "Weighing record", true);
    public static readonly ChecklistItem DeviceCertificate = new("device_certificate", "检测设备检定证书", "Device verification certificate", true);
    public static readonly ChecklistItem DimensionRecord = new("dimension_record", "外廓尺寸检测记录", "Dimension measurement record", true);
    public static readonly ChecklistItem VehiclePhotos = new("vehicle_photos", "车辆照片", "Vehicle photos", true);
    public static readonly ChecklistItem AnprImage = new("anpr_image", "车牌识别图像", "ANPR image", true);
    public static readonly ChecklistItem OffsiteReviewRecord = new("offsite_review_record", "非现场执法记录审核记录", "Off-site record review", true);
    public static readonly ChecklistItem PassengerStatements = new("passenger_statements", "乘客询问笔录", "Passenger interview records", false);
    public static readonly ChecklistItem PaymentEvidence = new("payment_evidence", "收费凭证（转账记录等）", "Evidence of fares paid", false);
    public static readonly ChecklistItem HearingRecord = new("hearing_record", "听证笔录", "Hearing transcript", false);
    public static readonly ChecklistItem LegalReviewOpinion = new("legal_review_opinion", "法制审核意见", "Legal review opinion", false);
    public static readonly ChecklistItem ServiceAddressConfirmation = new("service_address_confirmation", "送达地址确认书", "Service address confirmation", false);

    public static IReadOnlyList<ChecklistItem> For(string offenceCode, CaseProcedure procedure)
    {
        ArgumentNullException.ThrowIfNull(offenceCode);
        var items = procedure switch
        {
            // 行政处罚法 arts. 54–65; templates 立案登记表 … 结案报告; art. 47 full-process recording.
            CaseProcedure.Ordinary => new List<ChecklistItem>
            {
                CaseFilingForm, OnSiteRecord, InterviewRecord, BodyCamClip, ViolationNotice, PenaltyDecision, ServiceReceipt, ClosingReport,
            },

            // 交通运输行政执法程序规定 art. 61: pre-numbered 当场行政处罚决定书; recording under 行政处罚法 art. 47.
            CaseProcedure.Simplified => [OnSpotDecision, BodyCamClip],

            // 行政处罚法 art. 41: device records must be reviewed before they are evidence; the party is notified and can
            // state a defence, so the ordinary documents follow.
            CaseProcedure.Offsite => [AnprImage, VehiclePhotos, OffsiteReviewRecord, CaseFilingForm, ViolationNotice, PenaltyDecision, ServiceReceipt, ClosingReport],
        };

        items.AddRange(Evidence(offenceCode, procedure));
        if (procedure != CaseProcedure.Simplified)
        {
            // Only when the case has a hearing (art. 64) or needs 法制审核 (art. 58); present → kept, absent → not a defect.
            items.Add(HearingRecord);
            items.Add(LegalReviewOpinion);
        }

        if (procedure == CaseProcedure.Offsite)
        {
            // Electronic service needs the party's consent (行政处罚法 art. 61; MOT rule art. 18(3)).
            items.Add(ServiceAddressConfirmation);
        }

        return items.DistinctBy(i => i.Code).ToList();
    }

    /// <summary>Which items are missing, given the codes of the documents in the file (compared exactly).</summary>
    public static ChecklistResult Evaluate(IReadOnlyList<ChecklistItem> items, IReadOnlySet<string> presentCodes)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(presentCodes);
        var missing = items.Where(i => !presentCodes.Contains(i.Code)).ToList();
        return new ChecklistResult(missing.Where(i => i.Required).ToList(), missing.Where(i => !i.Required).ToList());
    }

    private static IEnumerable<ChecklistItem> Evidence(string offenceCode, CaseProcedure procedure) => offenceCode switch
    {
        // The weight and the scale's 检定 are the case (河南省治超条例 art. 10: no evidence from an unverified device).
        OffenceCodes.OverloadMass => [WeighingRecord, DeviceCertificate, VehiclePhotos],
        OffenceCodes.OverloadDimensions => [DimensionRecord, VehiclePhotos],
        OffenceCodes.UnlicensedFreight or OffenceCodes.UnlicensedDangerousGoods => procedure == CaseProcedure.Simplified ? [] : [VehiclePhotos, PaymentEvidence],
        OffenceCodes.UnlicensedPassenger => procedure == CaseProcedure.Simplified ? [] : [VehiclePhotos, PassengerStatements, PaymentEvidence],
        _ => [],
    };
}
