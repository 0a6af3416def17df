using System.Globalization;
using Vanguard.Devices.Client;
using Vanguard.Devices.Traffic;

namespace Vanguard.Devices.Scenarios;

internal enum VehicleRole
{
    /// <summary>Ordinary traffic: seen at the cameras on one or two days of the window.</summary>
    Background,

    /// <summary>A taxi or bus with a valid 道路运输证 from the registry: at the station every day, and legally so.</summary>
    Licensed,

    /// <summary>An unlicensed private car that waits at the station on many days and shuttles passengers to town (非法营运).</summary>
    Haunting,
}

/// <summary>A vehicle of the scenario and the China days it is seen on.</summary>
internal sealed record ScenarioVehicle(string Plate, string PlateColor, VehicleRole Role, IReadOnlyList<DateOnly> Days);

/// <summary>A back-dated read, with the role of its vehicle (for the counts and the tests; not sent).</summary>
internal sealed record PlannedRead(ScenarioCamera Camera, AnprRead Read, VehicleRole Role);

internal sealed record PlanOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>The moment the backfill is made for; every read lies in the <see cref="WindowDays"/> China days before it.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The suspect rules' window (30 days).</summary>
    public int WindowDays { get; init; } = 30;

    /// <summary>The hotspot_days rule's threshold: haunting vehicles come on more days, background ones on fewer.</summary>
    public int Threshold { get; init; } = 5;

    public int HauntingVehicles { get; init; } = 4;

    public int MinHauntingDays { get; init; } = 8;

    public int MaxHauntingDays { get; init; } = 20;

    public int BackgroundVehicles { get; init; } = 1_500;

    /// <summary>Plates (with colour) of licensed taxis and buses from the registry; empty when none were found.</summary>
    public IReadOnlyList<(string Plate, string Color)> Licensed { get; init; } = [];

    public IReadOnlyList<ScenarioCamera> Cameras { get; init; } = ScenarioSites.Cameras;
}

/// <summary>
/// The 30 days of plate reads the scenario backfills, deterministic for a seed and a moment: background traffic seen on
/// one or two days (below any sensible threshold), licensed vehicles seen daily (the rules must leave them out), and the
/// haunting vehicles at the station on 8–20 distinct days, each wait followed by a trip to the city area and back.
/// </summary>
internal sealed class IllegalOperationPlan
{
    private IllegalOperationPlan(IReadOnlyList<ScenarioVehicle> vehicles, IReadOnlyList<PlannedRead> reads, IReadOnlyList<DateOnly> days)
    {
        Vehicles = vehicles;
        Reads = reads;
        Days = days;
    }

    public IReadOnlyList<ScenarioVehicle> Vehicles { get; }

    /// <summary>All reads, oldest first.</summary>
    public IReadOnlyList<PlannedRead> Reads { get; }

    /// <summary>The China days reads may fall on: from <c>WindowDays − 2</c> days ago to yesterday, so that every read is
    /// inside the rules' window however it counts its first day, and none is in the future.</summary>
    public IReadOnlyList<DateOnly> Days { get; }

    public IEnumerable<ScenarioVehicle> Of(VehicleRole role) => Vehicles.Where(v => v.Role == role);

    public static DateOnly ChinaDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Wire.ChinaOffset).DateTime);

    public static IllegalOperationPlan Build(PlanOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WindowDays, 7);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threshold, 3);
        var rng = new Random(options.Seed);
        var today = ChinaDay(options.Now);
        var days = Enumerable.Range(1, options.WindowDays - 2).Select(n => today.AddDays(-n)).Reverse().ToList();
        var station = options.Cameras.Where(c => c.Site == CameraSite.Station).ToList();
        var city = options.Cameras.Where(c => c.Site == CameraSite.CityArea).ToList();
        if (station.Count == 0 || city.Count == 0)
        {
            throw new ArgumentException("The scenario needs cameras at the station and in the city area.", nameof(options));
        }

        var taken = new HashSet<string>(options.Licensed.Select(l => l.Plate), StringComparer.Ordinal);
        var vehicles = new List<ScenarioVehicle>();
        var reads = new List<PlannedRead>();
        var sequence = 0;

        void Read(ScenarioCamera camera, DateTimeOffset at, ScenarioVehicle vehicle, string direction)
        {
            var local = at.ToOffset(Wire.ChinaOffset);
            local = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMillisecond));
            var id = string.Create(CultureInfo.InvariantCulture, $"{camera.Code}-{local:yyyyMMdd}-S{options.Seed}-{++sequence:D6}");
            var confidence = Math.Round(0.90 + (0.09 * rng.NextDouble()), 3);
            reads.Add(new PlannedRead(camera, new AnprRead(id, local, vehicle.Plate, vehicle.PlateColor, confidence, direction, FakeImages.Make("plate", ImageMode.Hash, rng)), vehicle.Role));
        }

        // Haunting vehicles: unlicensed new-energy private cars of 郑州 (豫A + D + five digits, green plates).
        var haunting = new List<ScenarioVehicle>();
        for (var i = 0; i < options.HauntingVehicles; i++)
        {
            var plate = Unique(taken, () => string.Create(CultureInfo.InvariantCulture, $"豫AD{rng.Next(0, 100_000):D5}"));
            var count = Math.Clamp(rng.Next(options.MinHauntingDays, options.MaxHauntingDays + 1), options.Threshold, days.Count);
            haunting.Add(new ScenarioVehicle(plate, "green", VehicleRole.Haunting, Pick(days, count, rng)));
        }

        foreach (var vehicle in haunting)
        {
            foreach (var day in vehicle.Days)
            {
                // Two to four fares a day: out of a station exit, to 二七广场 in 25–50 minutes, back in as long again.
                var trips = rng.Next(2, 5);
                var start = At(day, TimeSpan.FromHours(7) + TimeSpan.FromMinutes(rng.Next(0, 120)));
                for (var t = 0; t < trips; t++)
                {
                    Read(station[rng.Next(station.Count)], start, vehicle, "out");
                    var inTown = start.AddMinutes(rng.Next(25, 51));
                    Read(city[rng.Next(city.Count)], inTown, vehicle, "in");
                    var back = inTown.AddMinutes(rng.Next(25, 51));
                    Read(station[rng.Next(station.Count)], back, vehicle, "in");
                    start = back.AddMinutes(rng.Next(20, 90));
                }
            }
        }

        // Licensed taxis and buses: at the station every day, three to six times.
        var licensed = options.Licensed.Select(l => new ScenarioVehicle(l.Plate, l.Color, VehicleRole.Licensed, days)).ToList();
        foreach (var vehicle in licensed)
        {
            foreach (var day in days)
            {
                for (var n = rng.Next(3, 7); n > 0; n--)
                {
                    Read(station[rng.Next(station.Count)], At(day, TimeSpan.FromMinutes(rng.Next(6 * 60, 23 * 60))), vehicle, n % 2 == 0 ? "in" : "out");
                }
            }
        }

        // Background: one or two days each, always fewer than the threshold.
        var background = new List<ScenarioVehicle>();
        for (var i = 0; i < options.BackgroundVehicles; i++)
        {
            var green = rng.NextDouble() < 0.25;
            var plate = Unique(taken, () => green ? Plates.NewEnergySmall(rng) : Plates.Regular(rng));
            var vehicle = new ScenarioVehicle(plate, green ? "green" : "blue", VehicleRole.Background, Pick(days, Math.Min(rng.Next(1, 3), options.Threshold - 1), rng));
            background.Add(vehicle);
            foreach (var day in vehicle.Days)
            {
                for (var n = rng.Next(1, 3); n > 0; n--)
                {
                    Read(options.Cameras[rng.Next(options.Cameras.Count)], At(day, TimeSpan.FromMinutes(rng.Next(5 * 60, 24 * 60))), vehicle, rng.Next(2) == 0 ? "in" : "out");
                }
            }
        }

        vehicles.AddRange(haunting);
        vehicles.AddRange(licensed);
        vehicles.AddRange(background);
        reads.Sort((a, b) => a.Read.CapturedAt.CompareTo(b.Read.CapturedAt));
        return new IllegalOperationPlan(vehicles, reads, days);
    }

    private static DateTimeOffset At(DateOnly day, TimeSpan timeOfDay) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Wire.ChinaOffset).Add(timeOfDay);

    private static List<DateOnly> Pick(IReadOnlyList<DateOnly> days, int count, Random rng) =>
        days.OrderBy(_ => rng.Next()).Take(count).Order().ToList();

    private static string Unique(HashSet<string> taken, Func<string> make)
    {
        while (true)
        {
            var plate = make();
            if (taken.Add(plate))
            {
                return plate;
            }
        }
    }
}

/// <summary>
/// The live part: ordinary traffic at about the given rate, and each haunting vehicle coming back to a station exit once
/// in the run (an alert) and again a little later at another exit (a sighting of the same alert). Deterministic for a seed.
/// </summary>
internal sealed class LiveTraffic
{
    private readonly Random _rng;
    private readonly IReadOnlyList<ScenarioCamera> _cameras;
    private readonly IReadOnlyList<ScenarioCamera> _station;
    private readonly List<(TimeSpan At, ScenarioVehicle Vehicle, ScenarioCamera Camera)> _returns;
    private readonly int _seed;
    private int _nextReturn;
    private long _sequence;

    public LiveTraffic(int seed, IReadOnlyList<ScenarioVehicle> haunting, TimeSpan duration, IReadOnlyList<ScenarioCamera>? cameras = null)
    {
        _seed = seed;
        _rng = new Random(unchecked((seed * 7919) + 1));
        _cameras = cameras ?? ScenarioSites.Cameras;
        _station = _cameras.Where(c => c.Site == CameraSite.Station).ToList();
        _returns = [];
        for (var i = 0; i < haunting.Count; i++)
        {
            // Spread over the run, the first after a tenth of it (the officers are on duty by then), the repeat 20–40 s later.
            var at = duration * (0.1 + (0.7 * i / Math.Max(1, haunting.Count)));
            _returns.Add((at, haunting[i], _station[_rng.Next(_station.Count)]));
            _returns.Add((at + TimeSpan.FromSeconds(Math.Min(_rng.Next(20, 41), duration.TotalSeconds * 0.15)), haunting[i], _station[_rng.Next(_station.Count)]));
        }

        _returns.Sort((a, b) => a.At.CompareTo(b.At));
    }

    public IReadOnlyList<(TimeSpan At, ScenarioVehicle Vehicle, ScenarioCamera Camera)> Returns => _returns;

    /// <summary>The reads of one tick: <paramref name="count"/> ordinary ones, plus the returns due by <paramref name="elapsed"/>.</summary>
    public List<PlannedRead> Next(TimeSpan elapsed, int count, DateTimeOffset now)
    {
        var local = now.ToOffset(Wire.ChinaOffset);
        local = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMillisecond));
        var reads = new List<PlannedRead>(count + 2);
        for (var i = 0; i < count; i++)
        {
            var green = _rng.NextDouble() < 0.25;
            var vehicle = new ScenarioVehicle(green ? Plates.NewEnergySmall(_rng) : Plates.Regular(_rng), green ? "green" : "blue", VehicleRole.Background, []);
            reads.Add(Make(_cameras[_rng.Next(_cameras.Count)], vehicle, local));
        }

        while (_nextReturn < _returns.Count && _returns[_nextReturn].At <= elapsed)
        {
            var (_, vehicle, camera) = _returns[_nextReturn++];
            reads.Add(Make(camera, vehicle, local));
        }

        return reads;
    }

    private PlannedRead Make(ScenarioCamera camera, ScenarioVehicle vehicle, DateTimeOffset at)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{camera.Code}-{at:yyyyMMdd}-L{_seed}-{at:HHmmss}{++_sequence:D6}");
        var read = new AnprRead(id, at, vehicle.Plate, vehicle.PlateColor, Math.Round(0.90 + (0.09 * _rng.NextDouble()), 3),
            _rng.Next(2) == 0 ? "in" : "out", FakeImages.Make("plate", ImageMode.Hash, _rng));
        return new PlannedRead(camera, read, vehicle.Role);
    }
}
