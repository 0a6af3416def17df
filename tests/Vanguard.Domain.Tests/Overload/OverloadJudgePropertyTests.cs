using Vanguard.Domain.Overload;
using Vanguard.Domain.Penalties;

namespace Vanguard.Domain.Tests.Overload;

/// <summary>Properties checked over many generated weighings rather than single examples.</summary>
public sealed class OverloadJudgePropertyTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    public static TheoryData<int, VehicleKind, bool, int, decimal?> Vehicles => new()
    {
        { 2, VehicleKind.Truck, false, 0, null },
        { 3, VehicleKind.Combination, false, 0, 0.2m },
        { 4, VehicleKind.Truck, false, 1, 2m },
        { 5, VehicleKind.Combination, false, 0, 0.5m },
        { 6, VehicleKind.Combination, false, 0, 5m },
        { 6, VehicleKind.Combination, true, 0, 10m },
    };

    [Theory]
    [MemberData(nameof(Vehicles))]
    public void OverManyWeights_ArithmeticHolds_AndEverythingIsMonotonicInWeight(int axles, VehicleKind kind, bool singleDrive, int singleTyre, decimal? accuracyClass)
    {
        var vehicle = new VehicleAxles(axles, kind, singleDrive, singleTyre);
        var limit = OverloadLimits.LimitKg(vehicle);
        // Integer reference: the classes used here are whole per-mille amounts, so floor(g × (1000 − ‰) / 1000) is exact.
        var perMille = (int)((accuracyClass ?? 0m) * 10m);
        var previous = (Over: false, OverKg: 0, Fen: 0L, Rank: 0);

        for (var gross = 1; gross <= 120_000; gross += 23)
        {
            var j = OverloadJudge.Judge(new WeighingInput(vehicle, gross, AccuracyClass: accuracyClass), onDate: Day);

            j.LimitKg.ShouldBe(limit);
            j.AdjustedKg.ShouldBeLessThanOrEqualTo(gross);
            j.AdjustedKg.ShouldBe((int)((long)gross * (1_000 - perMille) / 1_000), $"gross {gross}");
            (j.AdjustedKg + j.ToleranceKg).ShouldBe(gross);
            j.ToleranceKg.ShouldBeGreaterThanOrEqualTo(0);
            j.OverKg.ShouldBe(Math.Max(0, j.AdjustedKg - limit));
            j.MassOver.ShouldBe(j.AdjustedKg > limit);
            (j.Verdict == OverloadVerdict.Overloaded).ShouldBe(j.MassOver);
            j.OverPercent.ShouldBe(j.MassOver ? Math.Round(j.OverKg * 100m / limit, 2, MidpointRounding.AwayFromZero) : 0m);
            j.Penalty.AmountFen.GetValueOrDefault().ShouldBeLessThanOrEqualTo(3_000_000);

            var rank = j.Penalty.Kind switch { "none" => 0, "warning" => 1, "fine" => 2, _ => throw new InvalidOperationException(j.Penalty.Kind) };
            var current = (Over: j.MassOver, j.OverKg, Fen: j.Penalty.AmountFen.GetValueOrDefault(), Rank: rank);
            (previous.Over && !current.Over).ShouldBeFalse($"verdict went back to compliant at {gross} kg");
            current.OverKg.ShouldBeGreaterThanOrEqualTo(previous.OverKg);
            current.Fen.ShouldBeGreaterThanOrEqualTo(previous.Fen);
            current.Rank.ShouldBeGreaterThanOrEqualTo(previous.Rank);
            previous = current;
        }

        previous.Over.ShouldBeTrue(); // the loop does reach the overloaded side
    }

    [Theory]
    [InlineData(OverloadUnitRounding.Floor)]
    [InlineData(OverloadUnitRounding.Ceiling)]
    public void EveryKgAroundTheLimit_WarningUpTo1000_ThenFines(OverloadUnitRounding rounding)
    {
        var settings = new OverloadSettings(rounding);
        var vehicle = new VehicleAxles(6, VehicleKind.Combination);
        for (var gross = 46_000; gross <= 53_000; gross++)
        {
            var j = OverloadJudge.Judge(new WeighingInput(vehicle, gross), settings, Day);
            var over = gross - 49_000;
            var units = rounding == OverloadUnitRounding.Floor ? over / 1_000 : (over + 999) / 1_000;
            var (kind, fen) = over switch
            {
                <= 0 => ("none", (long?)null),
                <= 1_000 => ("warning", null),
                _ => ("fine", units * 50_000L),
            };

            j.Penalty.Kind.ShouldBe(kind, $"gross {gross}");
            j.Penalty.AmountFen.ShouldBe(fen, $"gross {gross}");
        }
    }

    [Fact]
    public void EveryMmAroundTheDimensionLimits_OverIffAboveTheLimit_AndTheProposalNeverFalls()
    {
        var vehicle = new VehicleAxles(6, VehicleKind.Combination);
        foreach (var (limit, make) in new (int, Func<int, WeighingInput>)[]
        {
            (OverloadLimits.HeightLimitMm, mm => new WeighingInput(vehicle, 30_000, HeightMm: mm)),
            (OverloadLimits.WidthLimitMm, mm => new WeighingInput(vehicle, 30_000, WidthMm: mm)),
            (OverloadLimits.LengthLimitMm, mm => new WeighingInput(vehicle, 30_000, LengthMm: mm)),
        })
        {
            var previousMin = 0L;
            foreach (var mm in AroundTierBoundaries(limit))
            {
                var j = OverloadJudge.Judge(make(mm), onDate: Day);

                j.Dimensions.Over.ShouldBe(mm > limit, $"{mm} mm against {limit}");
                j.Verdict.ShouldBe(mm > limit ? OverloadVerdict.Overloaded : OverloadVerdict.Compliant);
                var min = j.Penalty.MinFen.GetValueOrDefault();
                min.ShouldBeGreaterThanOrEqualTo(previousMin);
                previousMin = min;
            }

            previousMin.ShouldBe(100_000); // reached the top tier
        }
    }

    /// <summary>Every mm within 3 of the art. 3 limit and of each art. 43 tier bound (4.2/4.5 m, 3/3.75 m, 20/28 m), and a stride through the rest.</summary>
    private static IEnumerable<int> AroundTierBoundaries(int limit)
    {
        int[] bounds = limit switch
        {
            OverloadLimits.HeightLimitMm => [4_000, 4_200, 4_500],
            OverloadLimits.WidthLimitMm => [2_550, 3_000, 3_750],
            _ => [18_100, 20_000, 28_000],
        };
        return Enumerable.Range(limit - 500, 11_000).Where(mm => mm % 31 == 0 || bounds.Any(b => Math.Abs(mm - b) <= 3));
    }
}
