using Vanguard.Domain.Identifiers;

namespace Vanguard.Devices.Traffic;

/// <summary>A freight vehicle that keeps coming back: its plate, axle layout and body size stay the same.</summary>
internal sealed record Vehicle(
    string Plate, string PlateColor, VehicleClass Class, int SingleTyreAxleCount, int HeightMm, int WidthMm, int LengthMm)
{
    public int LimitKg => Class.LimitKg(SingleTyreAxleCount);
}

/// <summary>
/// A fixed pool of vehicles. It comes from its own seed, not the traffic seed, so every run (and the WIM and ANPR
/// simulators alike) sees the same vehicles.
/// </summary>
internal sealed class Fleet
{
    public const int DefaultSeed = 2022;

    private Fleet(IReadOnlyList<Vehicle> vehicles) => Vehicles = vehicles;

    public IReadOnlyList<Vehicle> Vehicles { get; }

    public Vehicle Pick(Random rng) => Vehicles[rng.Next(Vehicles.Count)];

    /// <summary>Freight vehicles: yellow plates, some new-energy ones (green on light trucks, yellow-green on heavy).</summary>
    public static Fleet Freight(int size, int seed = DefaultSeed)
    {
        var rng = new Random(seed);
        var plates = new HashSet<string>(StringComparer.Ordinal);
        var vehicles = new List<Vehicle>(size);
        while (vehicles.Count < size)
        {
            var cls = VehicleClass.Pick(rng);
            var u = rng.NextDouble();
            var (plate, color) = cls.AxleCount == 2
                ? u switch
                {
                    < 0.75 => (Plates.Regular(rng), PlateColor.Yellow),
                    < 0.90 => (Plates.Regular(rng), PlateColor.Blue),
                    _ => (Plates.NewEnergySmall(rng), PlateColor.Green),
                }
                : u < 0.97 ? (Plates.Regular(rng), PlateColor.Yellow) : (Plates.NewEnergyLarge(rng), PlateColor.YellowGreen);
            if (!plates.Add(plate))
            {
                continue;
            }

            var singleTyre = rng.NextDouble() < cls.SingleTyreAxleShare ? 1 : 0;
            vehicles.Add(new Vehicle(
                plate, color, cls, singleTyre,
                HeightMm: rng.Next(cls.HeightMm.Min, cls.HeightMm.Max + 1),
                WidthMm: rng.Next(2_300, 2_551),
                LengthMm: rng.Next(cls.LengthMm.Min, cls.LengthMm.Max + 1)));
        }

        return new Fleet(vehicles);
    }

    /// <summary>What an ANPR camera on an ordinary road sees: mostly cars on blue plates, some new-energy, some trucks.</summary>
    public static IReadOnlyList<(string Plate, string Color)> RoadPlates(int size, int seed = DefaultSeed)
    {
        var rng = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var plates = new List<(string, string)>(size);
        while (plates.Count < size)
        {
            var (plate, color) = rng.NextDouble() switch
            {
                < 0.70 => (Plates.Regular(rng), PlateColor.Blue),
                < 0.85 => (Plates.NewEnergySmall(rng), PlateColor.Green),
                < 0.97 => (Plates.Regular(rng), PlateColor.Yellow),
                _ => (Plates.NewEnergyLarge(rng), PlateColor.YellowGreen),
            };
            if (seen.Add(plate))
            {
                plates.Add((plate, color));
            }
        }

        return plates;
    }
}
