using Vanguard.Devices.Traffic;
using Vanguard.Domain.Identifiers;

namespace Vanguard.Devices.Tests.Traffic;

public sealed class PlatesTests
{
    [Fact]
    public void GeneratedPlates_AreValidGa36()
    {
        var rng = new Random(1);
        for (var i = 0; i < 5_000; i++)
        {
            PlateNumber.IsValid(Plates.Regular(rng)).ShouldBeTrue();
            Plates.NewEnergySmall(rng).ShouldSatisfyAllConditions(p => PlateNumber.IsValid(p).ShouldBeTrue(), p => p.Length.ShouldBe(8));
            Plates.NewEnergyLarge(rng).ShouldSatisfyAllConditions(p => PlateNumber.IsValid(p).ShouldBeTrue(), p => p.Length.ShouldBe(8));
        }
    }

    [Fact]
    public void BrokenPlates_AreInvalid()
    {
        var rng = new Random(1);
        for (var i = 0; i < 3_000; i++)
        {
            var plate = (i % 3) switch { 0 => Plates.Regular(rng), 1 => Plates.NewEnergySmall(rng), _ => Plates.NewEnergyLarge(rng) };
            PlateNumber.IsValid(Plates.Broken(plate, rng)).ShouldBeFalse();
        }
    }

    [Fact]
    public void Fleet_IsTheSameEveryTime() =>
        Fleet.Freight(500).Vehicles.Select(v => v.Plate).ShouldBe(Fleet.Freight(500).Vehicles.Select(v => v.Plate));

    [Fact]
    public void Fleet_PlatesAreUnique() =>
        Fleet.Freight(20_000).Vehicles.Select(v => v.Plate).Distinct().Count().ShouldBe(20_000);
}
