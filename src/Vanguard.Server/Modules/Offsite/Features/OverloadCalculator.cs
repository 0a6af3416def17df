using Vanguard.Domain.Common;
using Vanguard.Domain.Overload;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Offsite.Features;

/// <summary>
/// 超限计算器: the judgement a station's record gets, for a load described by hand. One place for its validation, so the
/// public API (<c>POST /api/v1/rules/overload</c>) and the public page (/public/overload) accept and refuse the same input.
/// </summary>
public static class OverloadCalculator
{
    public static Result<OverloadJudgement> Judge(CalculatorRequest request, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = new Validator()
            .Check(request.AxleCount is >= 2 and <= 12, "axleCount", "invalid", "轴数须为 2–12。", "Axle count must be 2–12.")
            .Check(request.VehicleKind is "truck" or "combination", "vehicleKind", "invalid", "车辆类型须为 truck（货车）或 combination（汽车列车）。",
                "Vehicle kind must be truck or combination.")
            .Check(request.SingleTyreAxleCount >= 0 && request.SingleTyreAxleCount <= (request.AxleCount ?? 0), "singleTyreAxleCount", "invalid",
                "单胎轴数不能为负，也不能多于轴数。", "Single-tyre axles cannot be negative or exceed the axle count.")
            .Check(request.GrossWeightKg is > 0 and <= 200_000, "grossWeightKg", "invalid", "车货总质量须在 1–200 000 千克之间。", "Gross weight must be 1–200 000 kg.")
            .Check(request.AccuracyClass is null or (> 0 and <= 10), "accuracyClass", "invalid", "准确度等级须在 0–10 之间。", "Accuracy class must be within 0–10.")
            .Check(request.HeightMm is null or (> 0 and <= 10_000), "heightMm", "invalid", "高度须在 1–10 000 毫米之间。", "Height must be 1–10 000 mm.")
            .Check(request.WidthMm is null or (> 0 and <= 10_000), "widthMm", "invalid", "宽度须在 1–10 000 毫米之间。", "Width must be 1–10 000 mm.")
            .Check(request.LengthMm is null or (> 0 and <= 50_000), "lengthMm", "invalid", "长度须在 1–50 000 毫米之间。", "Length must be 1–50 000 mm.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var vehicle = new VehicleAxles(request.AxleCount!.Value, request.VehicleKind == "combination" ? VehicleKind.Combination : VehicleKind.Truck,
            request.TractorSingleDriveAxle, request.SingleTyreAxleCount);
        try
        {
            return OverloadJudge.Judge(
                new WeighingInput(vehicle, request.GrossWeightKg!.Value, request.HeightMm, request.WidthMm, request.LengthMm, request.AccuracyClass),
                OverloadSettings.Default,
                LegalClock.Today(clock));
        }
        catch (ArgumentOutOfRangeException)
        {
            return Validator.Invalid("singleTyreAxleCount", "invalid", "车辆参数组合不可能存在（单胎轴过多）。", "No vehicle has that combination (too many single-tyre axles).");
        }
    }
}
