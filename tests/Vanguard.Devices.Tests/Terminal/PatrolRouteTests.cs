using Vanguard.Devices.Terminal;

namespace Vanguard.Devices.Tests.Terminal;

public sealed class PatrolRouteTests
{
    public static TheoryData<string> Agencies => ["410100", "411300", "411000", "410122"];

    [Theory]
    [MemberData(nameof(Agencies))]
    public void AWholeShift_StaysWithinTheRadius(string agency)
    {
        var area = PatrolArea.ForAgency(agency);
        for (var seed = 1; seed <= 20; seed++)
        {
            var route = new PatrolRoute(area, new Random(seed));
            var farthest = 0.0;
            for (var step = 0; step < 8 * 360; step++) // 8 h in 10 s steps
            {
                var fix = route.Advance(TimeSpan.FromSeconds(10));
                farthest = Math.Max(farthest, Geo.DistanceM(area.Centre, fix.Position));
            }

            farthest.ShouldBeLessThanOrEqualTo(area.RadiusM, $"seed {seed}");
            farthest.ShouldBeGreaterThan(area.RadiusM / 3, $"seed {seed}: an 8 h patrol should get about");
        }
    }

    [Fact]
    public void Patrol_MovesAt30To80KmhAndTurns()
    {
        var route = new PatrolRoute(PatrolArea.ForAgency("410100"), new Random(42));
        var previous = route.Current;
        var headings = new HashSet<int>();
        for (var step = 0; step < 2_000; step++)
        {
            var fix = route.Advance(TimeSpan.FromSeconds(10));
            var kmh = Geo.DistanceM(previous.Position, fix.Position) / 10 * 3.6;
            kmh.ShouldBeInRange(PatrolRoute.MinSpeedKmh - 0.1, PatrolRoute.MaxSpeedKmh + 0.1, $"step {step}");
            fix.SpeedKmh.ShouldBeInRange(PatrolRoute.MinSpeedKmh, PatrolRoute.MaxSpeedKmh);
            fix.HeadingDeg.ShouldBeInRange(0, 360);
            headings.Add((int)(fix.HeadingDeg / 30));
            previous = fix;
        }

        headings.Count.ShouldBe(12, "the car should head every way in a long patrol, not drive in a straight line");
    }

    [Fact]
    public void ALongGap_IsDrivenInSmallStepsAndStaysInside()
    {
        var area = PatrolArea.ForAgency("411300");
        var route = new PatrolRoute(area, new Random(3));

        var fix = route.Advance(TimeSpan.FromHours(3));

        Geo.DistanceM(area.Centre, fix.Position).ShouldBeLessThanOrEqualTo(area.RadiusM);
    }

    [Fact]
    public void DriveTo_GetsThereInAboutTheTimeGivenThenWaits()
    {
        var area = PatrolArea.ForAgency("411000");
        var route = new PatrolRoute(area, new Random(5));
        var target = Geo.Move(route.Current.Position, 90, 2_000);

        route.DriveTo(target, TimeSpan.FromSeconds(120)); // 2 km in 2 min: 60 km/h
        for (var i = 0; i < 11; i++)
        {
            route.Advance(TimeSpan.FromSeconds(10));
            route.Current.SpeedKmh.ShouldBe(60, 0.5);
        }

        route.AtTarget.ShouldBeFalse();
        route.Advance(TimeSpan.FromSeconds(10));
        route.AtTarget.ShouldBeTrue();
        route.Advance(TimeSpan.FromSeconds(10));
        route.Current.SpeedKmh.ShouldBe(0);
        Geo.DistanceM(route.Current.Position, target).ShouldBeLessThan(1);

        route.Resume();
        route.Advance(TimeSpan.FromSeconds(10));
        route.Current.SpeedKmh.ShouldBeInRange(PatrolRoute.MinSpeedKmh, PatrolRoute.MaxSpeedKmh);
        route.Target.ShouldBeNull();
    }

    [Fact]
    public void DriveTo_AFarPlace_GoesNoFasterThan120()
    {
        var route = new PatrolRoute(PatrolArea.ForAgency("410100"), new Random(8));
        var start = route.Current.Position;
        route.DriveTo(Geo.Move(start, 180, 30_000), TimeSpan.FromSeconds(60));

        route.Advance(TimeSpan.FromSeconds(60));

        Geo.DistanceM(start, route.Current.Position).ShouldBe(2_000, 5); // 120 km/h for a minute
    }

    [Theory]
    [InlineData("410100", "郑州", 34.75, 113.62)]
    [InlineData("410122", "郑州", 34.75, 113.62)]
    [InlineData("411300", "南阳", 33.0, 112.53)]
    [InlineData("411381", "南阳", 33.0, 112.53)]
    [InlineData("411000", "许昌", 34.03, 113.85)]
    [InlineData("410000", "郑州", 34.75, 113.62)]
    [InlineData(null, "郑州", 34.75, 113.62)]
    public void ForAgency_IsTheAgencysCity(string? code, string city, double lat, double lon)
    {
        var area = PatrolArea.ForAgency(code);

        area.Name.ShouldBe(city);
        area.Centre.Lat.ShouldBe(lat, 0.01);
        area.Centre.Lon.ShouldBe(lon, 0.01);
        area.RadiusM.ShouldBe(20_000);
    }

    [Fact]
    public void Geo_DistanceAndMove_AgreeWithEachOther()
    {
        var zhengzhou = new GeoPoint(34.7466, 113.6253);
        var xuchang = new GeoPoint(34.0357, 113.8523);

        Geo.DistanceM(zhengzhou, xuchang).ShouldBe(81_500, 1_500); // about 81 km as the crow flies
        var moved = Geo.Move(zhengzhou, Geo.BearingDeg(zhengzhou, xuchang), Geo.DistanceM(zhengzhou, xuchang));
        Geo.DistanceM(moved, xuchang).ShouldBeLessThan(1);
    }
}
