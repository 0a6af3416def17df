namespace Vanguard.Domain.Surveillance;

/// <summary>A plate read as the round-trip rule sees it: when, and whether the camera belongs to the hotspot (side A) or to the other group (side B).</summary>
public readonly record struct SideRead(DateTimeOffset At, bool AtHotspot);

/// <summary>
/// One round trip: the vehicle left one side (its last read there, <see cref="DepartureIndex"/>), was read on the other
/// side, and came back (its first read there again, <see cref="ReturnIndex"/>). Indexes point into the reads given.
/// </summary>
public sealed record RoundTrip(int DepartureIndex, int ReturnIndex, DateTimeOffset DepartedAt, DateTimeOffset ReturnedAt, bool FromHotspot)
{
    public TimeSpan Duration => ReturnedAt - DepartedAt;
}

/// <summary>
/// The counting behind the suspect rules (非法营运研判). 非法营运 (e.g. 黑车 at a railway station) shows as a private
/// vehicle that keeps coming back to the same hotspot on many days, or that shuttles between the hotspot and the town
/// again and again. These functions count that; which vehicles are licensed and what the thresholds are is the rule's.
/// </summary>
public static class SuspectDetection
{
    /// <summary>China Standard Time (UTC+8, no daylight saving): a "day" of a rule is a China calendar day.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The offset in milliseconds, for counting days in SQL: <c>(capturedAtMs + ChinaOffsetMs) / DayMs</c>.</summary>
    public const long ChinaOffsetMs = 8 * 3_600_000L;

    public const long DayMs = 86_400_000L;

    /// <summary>The China calendar day of an instant: 23:30 UTC is 07:30 the next day in China.</summary>
    public static DateOnly ChinaDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime);

    /// <summary>
    /// The China day as a day number since 1970-01-01 (China), from Unix milliseconds — the same integer the database
    /// computes with <c>(ms + ChinaOffsetMs) / DayMs</c> (reads are after 1970, so integer division is floor).
    /// </summary>
    public static long ChinaDayNumber(long unixMs)
    {
        var shifted = unixMs + ChinaOffsetMs;
        return shifted >= 0 ? shifted / DayMs : ((shifted + 1) / DayMs) - 1;
    }

    /// <summary>On how many distinct China calendar days the vehicle was read.</summary>
    public static int DistinctChinaDays(IEnumerable<DateTimeOffset> reads) => reads.Select(ChinaDay).Distinct().Count();

    /// <summary>
    /// The round trips in one vehicle's reads, which must be ordered by time (oldest first).
    /// <para>What counts, exactly:</para>
    /// <list type="number">
    /// <item>Consecutive reads on the same side are one visit (a car crawling past three station cameras is at the station once).</item>
    /// <item>A round trip is three consecutive visits X, Y, X with X ≠ Y — A→B→A (from the hotspot to town and back) or
    /// B→A→B (from town to the hotspot and back); both count.</item>
    /// <item>Its span runs from the last read of the first visit (leaving) to the first read of the third (back); time
    /// spent waiting at either end before leaving or after coming back is not part of it. It counts only when the span is
    /// at most <paramref name="maxTrip"/>.</item>
    /// <item>Trips do not overlap, except that the visit a trip returns to may be where the next trip starts:
    /// A B A B A is two trips (A→B→A twice), not three. Trips are taken greedily from the oldest, which gives the
    /// largest such count.</item>
    /// </list>
    /// </summary>
    /// <exception cref="ArgumentException">The reads are not ordered by time (a caller's bug).</exception>
    public static IReadOnlyList<RoundTrip> RoundTrips(IReadOnlyList<SideRead> reads, TimeSpan maxTrip)
    {
        ArgumentNullException.ThrowIfNull(reads);
        for (var i = 1; i < reads.Count; i++)
        {
            if (reads[i].At < reads[i - 1].At)
            {
                throw new ArgumentException("Reads must be ordered by time.", nameof(reads));
            }
        }

        var visits = Visits(reads);
        var trips = new List<RoundTrip>();
        var v = 0;
        while (v + 2 < visits.Count)
        {
            var (_, leaveIndex) = visits[v];
            var (backIndex, _) = visits[v + 2];
            var departed = reads[leaveIndex].At;
            var returned = reads[backIndex].At;
            if (returned - departed <= maxTrip)
            {
                trips.Add(new RoundTrip(leaveIndex, backIndex, departed, returned, reads[leaveIndex].AtHotspot));
                v += 2;
            }
            else
            {
                v++;
            }
        }

        return trips;
    }

    /// <summary>Runs of reads on one side, as (first index, last index).</summary>
    private static List<(int First, int Last)> Visits(IReadOnlyList<SideRead> reads)
    {
        var visits = new List<(int First, int Last)>();
        for (var i = 0; i < reads.Count; i++)
        {
            if (i > 0 && reads[i].AtHotspot == reads[i - 1].AtHotspot)
            {
                visits[^1] = (visits[^1].First, i);
            }
            else
            {
                visits.Add((i, i));
            }
        }

        return visits;
    }
}
