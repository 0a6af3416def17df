using Vanguard.Domain.Overload;

namespace Vanguard.Server.Modules.Offsite.Features;

public sealed record PenaltyView(string Kind, long? AmountYuan);

/// <summary>The judgement fields, shared by stored records and the public calculator.</summary>
public sealed record JudgementView(
    string Verdict, int LimitKg, int ToleranceKg, int AdjustedKg, int OverKg, decimal OverPercent, bool DimensionsOver, PenaltyView Penalty,
    IReadOnlyList<string> Explanation)
{
    public static JudgementView From(OverloadJudgement j, bool english) => new(
        j.Verdict == OverloadVerdict.Overloaded ? "overloaded" : "compliant",
        j.LimitKg, j.ToleranceKg, j.AdjustedKg, j.OverKg, j.OverPercent, j.Dimensions.Over,
        new PenaltyView(j.Penalty.Kind, j.Penalty.AmountFen / 100),
        english ? j.Penalty.ExplanationEn : j.Penalty.ExplanationZh);
}

public sealed record WimRecordView(
    string StationCode, string RecordId, DateTimeOffset CapturedAt, int Lane, string Plate, string PlateColor, int AxleCount, string VehicleKind,
    bool TractorSingleDriveAxle, int SingleTyreAxleCount, IReadOnlyList<int> AxleWeightsKg, int GrossWeightKg, decimal SpeedKmh, int? HeightMm,
    int? WidthMm, int? LengthMm, string Verdict, int LimitKg, int ToleranceKg, int AdjustedKg, int OverKg, decimal OverPercent, PenaltyView Penalty,
    bool EvidenceUsable, Guid? ReviewItemId, string? ReviewStatus, Guid? CaseId, IReadOnlyList<Ingest.ImageMeta> Images);

public sealed record ReviewItemView(
    Guid Id, string Status, string StationCode, string StationName, string RecordId, string Plate, string PlateColor, DateTimeOffset CapturedAt,
    int GrossWeightKg, int LimitKg, int OverKg, decimal OverPercent, PenaltyView Penalty, DateOnly ReviewDueOn, bool ReviewOverdue,
    string? ReviewedBy, DateTimeOffset? ReviewedAt, string? InvalidReason, string? Note, Guid? CaseId, string? CaseNumber);

/// <summary>审核 queue counts; <paramref name="Overdue"/> are pending items past their review date.</summary>
public sealed record ReviewSummary(int Pending, int Overdue, int Confirmed, int Invalidated);

public sealed record InvalidateRequest(string? Reason, string? Note);

public sealed record ConfirmRequest(string? Note);

public sealed record StationHealthView(
    string Code, string Name, string Kind, string AgencyCode, DateTimeOffset? LastDataAt, bool Silent, string? CertificateNumber,
    DateOnly? CertificateValidUntil, bool CertificateExpired, bool CertificateExpiringSoon, decimal? AccuracyClass, IReadOnlyList<string> Warnings);

public sealed record CalculatorRequest(
    int? AxleCount, string? VehicleKind, bool TractorSingleDriveAxle, int SingleTyreAxleCount, int? GrossWeightKg, int? HeightMm, int? WidthMm,
    int? LengthMm, decimal? AccuracyClass);
