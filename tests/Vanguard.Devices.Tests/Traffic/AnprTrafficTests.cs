using Microsoft.Extensions.Time.Testing;
using Vanguard.Devices.Client;
using Vanguard.Devices.Traffic;
using Vanguard.Domain.Identifiers;

namespace Vanguard.Devices.Tests.Traffic;

public sealed class AnprTrafficTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 30, 0, TimeSpan.Zero);

    private static AnprTraffic Make(double hotspotShare = 0.2, double bad = 0, int seed = 42) => new(new AnprTrafficOptions
    {
        Camera = "SIM-ANPR-410122-01",
        Seed = seed,
        Plates = 5_000,
        Hotspots = 20,
        HotspotShare = hotspotShare,
        BadPercent = bad,
    }, new FakeTimeProvider(Now));

    private static List<TrafficItem<AnprRead>> Generate(AnprTraffic traffic, int n = 10_000) => Enumerable.Range(0, n).Select(_ => traffic.Next()).ToList();

    [Fact]
    public void HotspotVehicles_AppearOftenAndTheRestRarely()
    {
        var traffic = Make(hotspotShare: 0.2);
        var hotspots = traffic.HotspotPlates.ToHashSet();
        var reads = Generate(traffic);

        hotspots.Count.ShouldBe(20);
        (reads.Count(r => hotspots.Contains(r.Record.Plate)) / 10_000.0).ShouldBe(0.2, tolerance: 0.02);
        var perPlate = reads.GroupBy(r => r.Record.Plate).ToDictionary(g => g.Key, g => g.Count());
        hotspots.ShouldAllBe(p => perPlate[p] >= 60);
        perPlate.Where(kv => !hotspots.Contains(kv.Key)).ShouldAllBe(kv => kv.Value <= 10);
    }

    [Fact]
    public void HotspotVehicles_ShuttleBothWays()
    {
        var traffic = Make();
        var hotspot = traffic.HotspotPlates.First();
        var directions = Generate(traffic).Where(r => r.Record.Plate == hotspot).Select(r => r.Record.Direction).ToList();

        directions.Zip(directions.Skip(1)).ShouldAllBe(pair => pair.First != pair.Second);
    }

    [Fact]
    public void Reads_HaveValidPlatesAndMostlyHighConfidence()
    {
        var reads = Generate(Make());

        reads.ShouldAllBe(r => PlateNumber.IsValid(r.Record.Plate) && PlateColor.IsConsistent(r.Record.Plate, r.Record.PlateColor));
        reads.ShouldAllBe(r => r.Record.Confidence >= 0 && r.Record.Confidence <= 1);
        reads.Count(r => r.Record.Confidence >= 0.9).ShouldBeGreaterThan(8_800);
        reads.Select(r => r.Id).Distinct().Count().ShouldBe(reads.Count);
        reads.ShouldAllBe(r => r.Record.CapturedAt.Offset == TimeSpan.FromHours(8));
        reads.Count(r => r.Record.PlateColor == PlateColor.Blue).ShouldBeGreaterThan(reads.Count / 2);
    }

    [Fact]
    public void BadReads_AreMarkedAndDefective()
    {
        var reads = Generate(Make(bad: 3));

        var bad = reads.Where(r => r.Tag == TrafficTag.Bad).ToList();
        (bad.Count / 100.0).ShouldBe(3.0, tolerance: 0.6);
        bad.ShouldAllBe(r => !PlateNumber.IsValid(r.Record.Plate) || r.Record.CapturedAt > Now.AddHours(23));
    }

    [Fact]
    public void SameSeed_GivesTheSameReads() =>
        Generate(Make(seed: 3), 500).Select(r => (r.Record.Plate, r.Record.Confidence))
            .ShouldBe(Generate(Make(seed: 3), 500).Select(r => (r.Record.Plate, r.Record.Confidence)));
}
