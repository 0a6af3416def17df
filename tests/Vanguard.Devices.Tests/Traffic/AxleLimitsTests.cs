using Vanguard.Devices.Traffic;

namespace Vanguard.Devices.Tests.Traffic;

public sealed class AxleLimitsTests
{
    [Theory]
    [InlineData(2, "truck", false, 0, 18_000)]
    [InlineData(3, "truck", false, 0, 25_000)]
    [InlineData(3, "combination", false, 0, 27_000)]
    [InlineData(4, "truck", false, 0, 31_000)]
    [InlineData(4, "combination", false, 0, 36_000)]
    [InlineData(5, "combination", false, 0, 43_000)]
    [InlineData(6, "combination", false, 0, 49_000)]
    [InlineData(6, "combination", true, 0, 46_000)]
    [InlineData(3, "truck", false, 1, 22_000)] // art. 3 para. 2 (2): single tyres → −3 000 kg
    public void GrossLimit_FollowsArt3(int axles, string kind, bool singleDrive, int singleTyreAxles, int expected) =>
        AxleLimits.GrossLimitKg(axles, kind, singleDrive, singleTyreAxles).ShouldBe(expected);

    [Fact]
    public void ClassMix_SharesAddUpToOne() => VehicleClass.Mix.Sum(c => c.TrafficShare).ShouldBe(1.0, tolerance: 1e-9);

    [Fact]
    public void ClassMix_AxleSharesMatchTheAxleCount() => VehicleClass.Mix.ShouldAllBe(c => c.AxleShares.Length == c.AxleCount);
}
