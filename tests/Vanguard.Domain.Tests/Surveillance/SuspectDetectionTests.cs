using Vanguard.Domain.Surveillance;

namespace Vanguard.Domain.Tests.Surveillance;

public sealed class SuspectDetectionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(8));

    private static SideRead A(int minutes) => new(Start.AddMinutes(minutes), AtHotspot: true);

    private static SideRead B(int minutes) => new(Start.AddMinutes(minutes), AtHotspot: false);

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void ChinaDay_OfAReadAt2330Utc_IsTheNextDay()
    {
        var lateUtc = new DateTimeOffset(2026, 11, 2, 23, 30, 0, TimeSpan.Zero);
        var justBefore = new DateTimeOffset(2026, 11, 2, 15, 59, 59, TimeSpan.Zero);
        var midnightChina = new DateTimeOffset(2026, 11, 2, 16, 0, 0, TimeSpan.Zero);

        SuspectDetection.ChinaDay(lateUtc).ShouldBe(new DateOnly(2026, 11, 3));
        SuspectDetection.ChinaDay(justBefore).ShouldBe(new DateOnly(2026, 11, 2));
        SuspectDetection.ChinaDay(midnightChina).ShouldBe(new DateOnly(2026, 11, 3));
    }

    [Fact]
    public void ChinaDayNumber_AgreesWithTheCalendarDay()
    {
        var epochChina = new DateOnly(1970, 1, 1);
        foreach (var at in new[]
                 {
                     new DateTimeOffset(2026, 11, 2, 15, 59, 59, 999, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 16, 0, 0, TimeSpan.Zero),
                     new DateTimeOffset(2026, 11, 2, 23, 30, 0, TimeSpan.Zero), new DateTimeOffset(1969, 12, 31, 15, 0, 0, TimeSpan.Zero),
                 })
        {
            var number = SuspectDetection.ChinaDayNumber(at.ToUnixTimeMilliseconds());
            epochChina.AddDays((int)number).ShouldBe(SuspectDetection.ChinaDay(at), at.ToString("O"));
        }
    }

    [Fact]
    public void DistinctChinaDays_CountsUtcEveningAndNextChinaMorningAsOneDay()
    {
        var reads = new[]
        {
            new DateTimeOffset(2026, 11, 2, 23, 30, 0, TimeSpan.Zero),          // 11-03 07:30 China
            new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero),            // 11-03 10:00 China
            new DateTimeOffset(2026, 11, 3, 15, 0, 0, TimeSpan.Zero),           // 11-03 23:00 China
            new DateTimeOffset(2026, 11, 3, 16, 0, 0, TimeSpan.Zero),           // 11-04 00:00 China
        };

        SuspectDetection.DistinctChinaDays(reads).ShouldBe(2);
    }

    [Fact]
    public void RoundTrips_HotspotToTownAndBack_WithinTheLimit_Counts()
    {
        var trips = SuspectDetection.RoundTrips([A(0), B(20), A(45)], Hour);

        trips.Count.ShouldBe(1);
        trips[0].FromHotspot.ShouldBeTrue();
        trips[0].Duration.ShouldBe(TimeSpan.FromMinutes(45));
        (trips[0].DepartureIndex, trips[0].ReturnIndex).ShouldBe((0, 2));
    }

    [Fact]
    public void RoundTrips_TownToHotspotAndBack_CountsToo()
    {
        var trips = SuspectDetection.RoundTrips([B(0), A(25), B(50)], Hour);

        trips.Count.ShouldBe(1);
        trips[0].FromHotspot.ShouldBeFalse();
    }

    [Fact]
    public void RoundTrips_SpanRunsFromTheLastReadBeforeLeavingToTheFirstReadBack()
    {
        // Waiting 3 h at the station (reads at 0, 90, 180) and after coming back (250, 400) does not lengthen the trip 180 → 240.
        var reads = new[] { A(0), A(90), A(180), B(200), B(210), A(240), A(400) };

        var trips = SuspectDetection.RoundTrips(reads, Hour);

        trips.Count.ShouldBe(1);
        (trips[0].DepartureIndex, trips[0].ReturnIndex).ShouldBe((2, 5));
        trips[0].Duration.ShouldBe(Hour);
    }

    [Fact]
    public void RoundTrips_LongerThanTheLimit_DoNotCount()
    {
        SuspectDetection.RoundTrips([A(0), B(30), A(61)], Hour).ShouldBeEmpty();
    }

    [Fact]
    public void RoundTrips_ShareOnlyTheirEnds_SoAlternatingFiveVisitsAreTwoTrips()
    {
        var trips = SuspectDetection.RoundTrips([A(0), B(10), A(20), B(30), A(40)], Hour);

        trips.Select(t => (t.DepartureIndex, t.ReturnIndex)).ShouldBe([(0, 2), (2, 4)]);
    }

    [Fact]
    public void RoundTrips_AfterATooLongOne_TheNextVisitCanStartATrip()
    {
        // A→B→A takes 5 h; B→A→B right after it is quick.
        var trips = SuspectDetection.RoundTrips([A(0), B(290), A(300), B(320)], Hour);

        trips.Count.ShouldBe(1);
        trips[0].FromHotspot.ShouldBeFalse();
        (trips[0].DepartureIndex, trips[0].ReturnIndex).ShouldBe((1, 3));
    }

    [Fact]
    public void RoundTrips_OnOneSideOnly_OrOneWay_AreNone()
    {
        SuspectDetection.RoundTrips([A(0), A(10), A(20)], Hour).ShouldBeEmpty();
        SuspectDetection.RoundTrips([A(0), B(10)], Hour).ShouldBeEmpty();
        SuspectDetection.RoundTrips([], Hour).ShouldBeEmpty();
    }

    [Fact]
    public void RoundTrips_OutOfOrderReads_AreACallersBug()
    {
        Should.Throw<ArgumentException>(() => SuspectDetection.RoundTrips([A(10), B(0)], Hour));
    }
}
