using Vanguard.Domain.Overload;

namespace Vanguard.Domain.Tests.Overload;

public sealed class OverloadLimitsTests
{
    [Theory]
    [InlineData(2, VehicleKind.Truck, 18_000)]        // art. 3 para. 1(4)
    [InlineData(2, VehicleKind.Combination, 18_000)]
    [InlineData(3, VehicleKind.Truck, 25_000)]        // (5)
    [InlineData(3, VehicleKind.Combination, 27_000)]
    [InlineData(4, VehicleKind.Truck, 31_000)]        // (6)
    [InlineData(4, VehicleKind.Combination, 36_000)]
    [InlineData(5, VehicleKind.Truck, 43_000)]        // (7)
    [InlineData(5, VehicleKind.Combination, 43_000)]
    [InlineData(6, VehicleKind.Truck, 49_000)]        // (8)
    [InlineData(6, VehicleKind.Combination, 49_000)]
    [InlineData(7, VehicleKind.Combination, 49_000)]
    [InlineData(12, VehicleKind.Combination, 49_000)]
    public void LimitKg_FollowsTheArticle3Table(int axles, VehicleKind kind, int expected) =>
        OverloadLimits.LimitKg(new VehicleAxles(axles, kind)).ShouldBe(expected);

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void LimitKg_SixOrMoreAxles_TractorWithSingleDriveAxle_Is46000(int axles) =>
        OverloadLimits.LimitKg(new VehicleAxles(axles, VehicleKind.Combination, TractorSingleDriveAxle: true)).ShouldBe(46_000);

    [Theory]
    [InlineData(3, VehicleKind.Combination, 27_000)]
    [InlineData(4, VehicleKind.Combination, 36_000)]
    [InlineData(5, VehicleKind.Combination, 43_000)]
    public void LimitKg_SingleDriveAxle_OnlyMattersFromSixAxles(int axles, VehicleKind kind, int expected) =>
        OverloadLimits.LimitKg(new VehicleAxles(axles, kind, TractorSingleDriveAxle: true)).ShouldBe(expected);

    [Theory]
    [InlineData(6, VehicleKind.Combination, false, 1, 46_000)]
    [InlineData(6, VehicleKind.Combination, false, 2, 43_000)]
    [InlineData(6, VehicleKind.Combination, true, 1, 43_000)]
    [InlineData(3, VehicleKind.Truck, false, 1, 22_000)]
    [InlineData(2, VehicleKind.Truck, false, 1, 15_000)]
    [InlineData(2, VehicleKind.Truck, false, 2, 12_000)]
    public void LimitKg_Minus3000PerSingleTyreAxle(int axles, VehicleKind kind, bool singleDrive, int singleTyre, int expected) =>
        OverloadLimits.LimitKg(new VehicleAxles(axles, kind, singleDrive, singleTyre)).ShouldBe(expected);

    [Fact]
    public void LimitKg_TwoAxleTruck_RegisteredMassLower_IsTheLimit() =>
        OverloadLimits.LimitKg(new VehicleAxles(2, VehicleKind.Truck), registeredMassKg: 16_500).ShouldBe(16_500);

    [Theory]
    [InlineData(18_000)]
    [InlineData(18_001)]
    [InlineData(25_000)]
    public void LimitKg_TwoAxleTruck_RegisteredMassNotLower_TableWins(int registered) =>
        OverloadLimits.LimitKg(new VehicleAxles(2, VehicleKind.Truck), registered).ShouldBe(18_000);

    [Fact]
    public void LimitKg_TwoAxleTruck_RegisteredMassAndSingleTyre_TheLowerWins()
    {
        OverloadLimits.LimitKg(new VehicleAxles(2, VehicleKind.Truck, SingleTyreAxleCount: 1), 16_000).ShouldBe(15_000);
        OverloadLimits.LimitKg(new VehicleAxles(2, VehicleKind.Truck, SingleTyreAxleCount: 1), 14_000).ShouldBe(14_000);
    }

    [Theory]
    [InlineData(2, VehicleKind.Combination, 18_000)]
    [InlineData(3, VehicleKind.Truck, 25_000)]
    [InlineData(6, VehicleKind.Combination, 49_000)]
    public void LimitKg_RegisteredMass_IgnoredExceptForTwoAxleTrucks(int axles, VehicleKind kind, int expected) =>
        OverloadLimits.LimitKg(new VehicleAxles(axles, kind), registeredMassKg: 10_000).ShouldBe(expected);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 0)]
    [InlineData(-3, 0)]
    [InlineData(6, -1)]
    [InlineData(3, 4)]   // more single-tyre axles than axles
    [InlineData(2, 2 + 4)]
    public void LimitKg_ImpossibleAxles_Throw(int axles, int singleTyre) =>
        Should.Throw<ArgumentOutOfRangeException>(() => OverloadLimits.LimitKg(new VehicleAxles(axles, VehicleKind.Truck, SingleTyreAxleCount: singleTyre)));

    [Fact]
    public void LimitKg_ReductionsToZeroOrBelow_Throw()
    {
        // 16 axles, all single-tyred: 49 000 − 48 000 = 1 000 kg is still a limit; 17: 49 000 − 51 000 is not.
        OverloadLimits.LimitKg(new VehicleAxles(16, VehicleKind.Combination, SingleTyreAxleCount: 16)).ShouldBe(1_000);
        Should.Throw<ArgumentOutOfRangeException>(() => OverloadLimits.LimitKg(new VehicleAxles(17, VehicleKind.Combination, SingleTyreAxleCount: 17)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void LimitKg_NonPositiveRegisteredMass_Throws(int registered) =>
        Should.Throw<ArgumentOutOfRangeException>(() => OverloadLimits.LimitKg(new VehicleAxles(2, VehicleKind.Truck), registered))
            .ParamName.ShouldBe("registeredMassKg");

    [Fact]
    public void LimitKg_NullVehicle_Throws() =>
        Should.Throw<ArgumentNullException>(() => OverloadLimits.LimitKg(null!));

    [Fact]
    public void DimensionLimits_AreTheArticle3Values()
    {
        OverloadLimits.HeightLimitMm.ShouldBe(4_000);
        OverloadLimits.WidthLimitMm.ShouldBe(2_550);
        OverloadLimits.LengthLimitMm.ShouldBe(18_100);
    }
}
