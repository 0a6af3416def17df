using System.Globalization;

namespace Vanguard.Devices.Traffic;

/// <summary>
/// Record ids as a station numbers them: <c>{station}-{yyyyMMdd}-{sequence}</c>, the date in China time. The platform
/// keeps one record per (device, record id), so ids must never repeat for a station.
/// </summary>
internal sealed class RecordIds(string station, long firstSequence)
{
    private long _next = firstSequence;

    public string Next(DateTimeOffset capturedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{station}-{capturedAt:yyyyMMdd}-{_next++:D9}");

    /// <summary>
    /// A real station persists its counter; the simulator does not, so it starts from the time of day (10 000 numbers per
    /// second since midnight, China time) and a second run the same day does not reuse the first run's ids.
    /// </summary>
    public static long StartFromTimeOfDay(DateTimeOffset now)
    {
        var local = now.ToOffset(Client.Wire.ChinaOffset);
        return (long)local.TimeOfDay.TotalSeconds * 10_000;
    }
}
