using Vanguard.Devices.Client;
using Vanguard.Devices.Scenarios;
using Vanguard.Domain.Identifiers;

namespace Vanguard.Devices.Tests.Scenarios;

public sealed class IllegalOperationPlanTests
{
    // 10:00 in China on 27 November 2026.
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private static readonly (string, string)[] Licensed = [("豫A12345", "yellow"), ("豫AB7788", "yellow")];

    private static IllegalOperationPlan Build(int seed = 7, int haunting = 4, int background = 800) => IllegalOperationPlan.Build(new PlanOptions
    {
        Seed = seed, Now = Now, HauntingVehicles = haunting, BackgroundVehicles = background, Licensed = Licensed,
    });

    private static Dictionary<string, int> StationDays(IllegalOperationPlan plan) => plan.Reads
        .Where(r => r.Camera.Site == CameraSite.Station)
        .GroupBy(r => r.Read.Plate)
        .ToDictionary(g => g.Key, g => g.Select(r => IllegalOperationPlan.ChinaDay(r.Read.CapturedAt)).Distinct().Count());

    private static Dictionary<string, int> AllDays(IllegalOperationPlan plan) => plan.Reads
        .GroupBy(r => r.Read.Plate)
        .ToDictionary(g => g.Key, g => g.Select(r => IllegalOperationPlan.ChinaDay(r.Read.CapturedAt)).Distinct().Count());

    [Fact]
    public void HauntingVehicles_AreAtTheStationOnAtLeastTheThresholdOfDistinctChinaDays()
    {
        var plan = Build();
        var days = StationDays(plan);

        plan.Of(VehicleRole.Haunting).Count().ShouldBe(4);
        foreach (var vehicle in plan.Of(VehicleRole.Haunting))
        {
            days[vehicle.Plate].ShouldBeInRange(8, 20, vehicle.Plate);
            days[vehicle.Plate].ShouldBeGreaterThanOrEqualTo(IllegalOperationScenario.Threshold);
            days[vehicle.Plate].ShouldBe(vehicle.Days.Count);
        }
    }

    [Fact]
    public void BackgroundVehicles_StayBelowTheThresholdEverywhere()
    {
        var plan = Build();
        var days = AllDays(plan);

        plan.Of(VehicleRole.Background).Count().ShouldBe(800);
        plan.Of(VehicleRole.Background).ShouldAllBe(v => days[v.Plate] < IllegalOperationScenario.Threshold && days[v.Plate] >= 1);
    }

    [Fact]
    public void LicensedVehicles_AreAtTheStationEveryDay()
    {
        var plan = Build();
        var days = StationDays(plan);

        plan.Of(VehicleRole.Licensed).Select(v => v.Plate).ShouldBe(["豫A12345", "豫AB7788"]);
        plan.Of(VehicleRole.Licensed).ShouldAllBe(v => days[v.Plate] == plan.Days.Count);
    }

    [Fact]
    public void HauntingVehicles_ShuttleToTheCityAreaAndBackWithinNinetyMinutes()
    {
        var plan = Build();

        foreach (var vehicle in plan.Of(VehicleRole.Haunting))
        {
            var reads = plan.Reads.Where(r => r.Read.Plate == vehicle.Plate).OrderBy(r => r.Read.CapturedAt).ToList();
            var trips = reads.Zip(reads.Skip(1)).Count(p =>
                p.First.Camera.Site == CameraSite.Station && p.Second.Camera.Site == CameraSite.CityArea
                && p.Second.Read.CapturedAt - p.First.Read.CapturedAt <= TimeSpan.FromMinutes(90));
            trips.ShouldBeGreaterThanOrEqualTo(2 * vehicle.Days.Count, vehicle.Plate);
        }
    }

    [Fact]
    public void EveryPlate_IsValidGa36_AndHauntingPlatesAreZhengzhouNewEnergyCars()
    {
        var plan = Build();

        plan.Reads.ShouldAllBe(r => PlateNumber.IsValid(PlateNumber.Normalise(r.Read.Plate)));
        plan.Reads.ShouldAllBe(r => PlateColor.Parse(r.Read.PlateColor) != null);
        plan.Of(VehicleRole.Haunting).ShouldAllBe(v => v.Plate.StartsWith("豫AD", StringComparison.Ordinal) && v.Plate.Length == 8 && v.PlateColor == "green");
        plan.Vehicles.Select(v => v.Plate).Distinct().Count().ShouldBe(plan.Vehicles.Count);
    }

    [Fact]
    public void Reads_AreBackDatedInsideTheWindow_InChinaTime_WithUniqueIds()
    {
        var plan = Build();
        var today = IllegalOperationPlan.ChinaDay(Now);

        plan.Reads.ShouldNotBeEmpty();
        plan.Reads.ShouldAllBe(r => r.Read.CapturedAt < Now && r.Read.CapturedAt > Now.AddDays(-IllegalOperationScenario.WindowDays));
        plan.Reads.ShouldAllBe(r => r.Read.CapturedAt.Offset == Wire.ChinaOffset);
        plan.Reads.ShouldAllBe(r => IllegalOperationPlan.ChinaDay(r.Read.CapturedAt) < today);
        plan.Days.Count.ShouldBe(IllegalOperationScenario.WindowDays - 2);
        plan.Reads.Select(r => r.Read.ReadId).Distinct().Count().ShouldBe(plan.Reads.Count);
        plan.Reads.ShouldAllBe(r => r.Read.ReadId.Length <= 64 && r.Read.ReadId.StartsWith(r.Camera.Code, StringComparison.Ordinal));
        plan.Reads.Select(r => r.Read.CapturedAt).ShouldBeInOrder();
    }

    [Fact]
    public void TheSameSeed_GivesTheSameReads_AnotherSeedOthers()
    {
        static IEnumerable<string> Key(IllegalOperationPlan p) => p.Reads.Select(r => $"{r.Read.ReadId} {r.Read.Plate} {r.Read.CapturedAt:O} {r.Read.Confidence}");

        Key(Build(seed: 11)).ShouldBe(Key(Build(seed: 11)));
        Key(Build(seed: 12)).ShouldNotBe(Key(Build(seed: 11)));
    }

    [Fact]
    public void LiveTraffic_BringsEveryHauntingVehicleBackToTheStationTwice_WithinTheRun()
    {
        var plan = Build();
        var haunting = plan.Of(VehicleRole.Haunting).ToList();
        var live = new LiveTraffic(5, haunting, TimeSpan.FromMinutes(2));
        var reads = new List<PlannedRead>();
        for (var second = 0; second < 120; second++)
        {
            reads.AddRange(live.Next(TimeSpan.FromSeconds(second), 10, Now.AddSeconds(second)));
        }

        reads.Count.ShouldBe((120 * 10) + (2 * haunting.Count));
        foreach (var vehicle in haunting)
        {
            var back = reads.Where(r => r.Read.Plate == vehicle.Plate).ToList();
            back.Count.ShouldBe(2, vehicle.Plate);
            back.ShouldAllBe(r => r.Camera.Site == CameraSite.Station && r.Role == VehicleRole.Haunting);
        }

        reads.ShouldAllBe(r => PlateNumber.IsValid(PlateNumber.Normalise(r.Read.Plate)));
        reads.Select(r => r.Read.ReadId).Distinct().Count().ShouldBe(reads.Count);
        live.Returns.Select(r => r.At).ShouldAllBe(at => at > TimeSpan.Zero && at < TimeSpan.FromMinutes(2));
    }
}

public sealed class IllegalOperationCommandTests
{
    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await Vanguard.Devices.Commands.Cli.Build().Parse(args).InvokeAsync(
            new System.CommandLine.InvocationConfiguration { Output = output, Error = output, ProcessTerminationTimeout = null }, TestContext.Current.CancellationToken);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task AnUnknownScenario_IsRefusedByTheParser()
    {
        var (exit, output) = await RunAsync("anpr", "--scenario", "rush-hour");

        exit.ShouldNotBe(0);
        output.ShouldContain("illegal-operation");
    }

    [Fact]
    public async Task TheScenario_WithoutAPlatform_SaysSoAndExitsUnreachable()
    {
        var (exit, output) = await RunAsync("anpr", "--scenario", "illegal-operation", "--server", "http://127.0.0.1:9", "--seed", "3");

        exit.ShouldBe(ExitCodes.Unreachable, output);
        output.ShouldContain("非法营运研判演示");
        output.ShouldContain("失败");
    }

    [Fact]
    public async Task ScenarioOptions_AreChecked()
    {
        (await RunAsync("anpr", "--scenario", "illegal-operation", "--vehicles", "0")).Exit.ShouldNotBe(0);
        (await RunAsync("anpr", "--scenario", "illegal-operation", "--minutes", "0")).Exit.ShouldNotBe(0);
    }
}
