using System.Globalization;
using Vanguard.Devices.Client;

namespace Vanguard.Devices.Traffic;

internal sealed record WimTrafficOptions
{
    public required string Station { get; init; }
    public long FirstSequence { get; init; } = 1;
    public int Seed { get; init; } = 42;
    public int FleetSize { get; init; } = 10_000;
    public double OverloadPercent { get; init; } = 3;
    public double OverDimensionPercent { get; init; } = 1;
    public double BadPercent { get; init; }
    public double ResendPercent { get; init; }
    public ImageMode Images { get; init; } = ImageMode.Hash;

    /// <summary>A resent record is at least this many records old, so it travels in another batch than the first time.</summary>
    public int ResendMinAge { get; init; } = 500;
}

/// <summary>The deliberate defect of a bad record.</summary>
internal enum WimDefect
{
    None,
    InvalidPlate,
    AxlesNotMatchingGross,
    CapturedInFuture,
}

/// <summary>A generated passage with what the generator meant by it, for the summary and for tests.</summary>
internal sealed record WimSample(TrafficItem<WimRecord> Item, Vehicle? Vehicle, WimDefect Defect, bool Overloaded, bool OverDimension)
{
    public WimRecord Record => Item.Record;
}

/// <summary>
/// Weigh-in-motion passages at one station: vehicles from a fixed fleet, gross mostly 60–98 % of their art. 3 limit
/// (some empty runs lower), a requested share overloaded by 2–40 %, axle loads that add up to the gross within 1 %.
/// </summary>
internal sealed class WimTraffic : ITrafficSource<WimRecord>
{
    private readonly WimTrafficOptions _options;
    private readonly TimeProvider _clock;
    private readonly Random _rng;
    private readonly Fleet _fleet;
    private readonly RecordIds _ids;
    private readonly ResendHistory<WimRecord> _history;
    private long _total;
    private long _overloaded;
    private long _overDimension;
    private long _resent;
    private readonly long[] _defects = new long[Enum.GetValues<WimDefect>().Length];

    public WimTraffic(WimTrafficOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        _rng = new Random(options.Seed);
        _fleet = Fleet.Freight(options.FleetSize);
        _ids = new RecordIds(options.Station, options.FirstSequence);
        _history = new ResendHistory<WimRecord>(options.ResendMinAge);
    }

    public TrafficItem<WimRecord> Next() => NextSample().Item;

    public WimSample NextSample()
    {
        _total++;
        if (_options.ResendPercent > 0 && _rng.NextDouble() * 100 < _options.ResendPercent && _history.TryPick(_rng, out var again))
        {
            _resent++;
            return new WimSample(again, null, WimDefect.None, false, false);
        }

        var vehicle = _fleet.Pick(_rng);
        var now = _clock.GetUtcNow().ToOffset(Wire.ChinaOffset);
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var limit = vehicle.LimitKg;
        var overloaded = _rng.NextDouble() * 100 < _options.OverloadPercent;
        var ratio = overloaded
            ? 1.02 + (0.38 * Math.Pow(_rng.NextDouble(), 2)) // most overloads are small, a few are gross
            : _rng.NextDouble() < 0.1
                ? 0.35 + (0.25 * _rng.NextDouble()) // empty or part-loaded return trips
                : 0.60 + (0.38 * _rng.NextDouble());
        var gross = RoundTo10(limit * ratio);
        if (overloaded && gross <= limit)
        {
            gross = limit + 10;
        }

        // A WIM station weighs each axle and the vehicle separately; the sum of the axles differs from the gross by < 1 %.
        var axles = SplitOverAxles(RoundTo10(gross * (1 + ((_rng.NextDouble() - 0.5) * 0.016))), vehicle.Class.AxleShares);

        var overDimension = _rng.NextDouble() * 100 < _options.OverDimensionPercent;
        var (height, width, length) = (vehicle.HeightMm + _rng.Next(-20, 21), vehicle.WidthMm + _rng.Next(-10, 11), vehicle.LengthMm + _rng.Next(-30, 31));
        (height, width, length) = (Math.Min(height, AxleLimits.MaxHeightMm), Math.Min(width, AxleLimits.MaxWidthMm), Math.Min(length, AxleLimits.MaxLengthMm));
        if (overDimension)
        {
            // Loads stick out upwards or sideways; only a tractor-trailer can get past 18.1 m.
            switch (_rng.Next(vehicle.Class.Kind == Wire.Combination ? 3 : 2))
            {
                case 0: height = _rng.Next(AxleLimits.MaxHeightMm + 20, 4_600); break;
                case 1: width = _rng.Next(AxleLimits.MaxWidthMm + 20, 3_300); break;
                default: length = _rng.Next(AxleLimits.MaxLengthMm + 50, 20_500); break;
            }
        }

        var speed = (int)Math.Clamp(Math.Round(Normal(vehicle.Class.AxleCount >= 5 ? 65 : 72, 9)), 20, 110);
        var lane = _rng.NextDouble() switch { < 0.55 => 1, < 0.9 => 2, _ => 3 };
        var images = new List<ImageRef>(3);
        foreach (var kind in (string[])["plate", "front", "side"])
        {
            if (FakeImages.Make(kind, _options.Images, _rng) is { } image)
            {
                images.Add(image);
            }
        }

        var record = new WimRecord(
            _ids.Next(now), now, lane, vehicle.Plate, vehicle.PlateColor, vehicle.Class.AxleCount, vehicle.Class.Kind,
            vehicle.Class.TractorSingleDriveAxle, vehicle.SingleTyreAxleCount, axles, gross, speed, height, width, length, images);

        var defect = WimDefect.None;
        if (_options.BadPercent > 0 && _rng.NextDouble() * 100 < _options.BadPercent)
        {
            (defect, record) = Spoil(record);
            _defects[(int)defect]++;
        }
        else
        {
            _overloaded += overloaded ? 1 : 0;
            _overDimension += overDimension ? 1 : 0;
        }

        var item = new TrafficItem<WimRecord>(record, record.RecordId, defect == WimDefect.None ? TrafficTag.Normal : TrafficTag.Bad);
        if (item.Tag == TrafficTag.Normal)
        {
            _history.Remember(item);
        }
        return new WimSample(item, vehicle, defect, overloaded, overDimension);
    }

    public IEnumerable<string> Describe()
    {
        var fresh = Math.Max(1, _total - _resent);
        yield return string.Create(CultureInfo.InvariantCulture,
            $"generated {_total} records: {_overloaded} overloaded ({100.0 * _overloaded / fresh:0.0} %), {_overDimension} over-dimension ({100.0 * _overDimension / fresh:0.0} %), {_resent} resent");
        var bad = _defects.Sum();
        if (bad > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"deliberately bad: {bad} ({_defects[(int)WimDefect.InvalidPlate]} invalid plate, {_defects[(int)WimDefect.AxlesNotMatchingGross]} axles not matching gross, {_defects[(int)WimDefect.CapturedInFuture]} captured in the future)");
        }
    }

    private (WimDefect, WimRecord) Spoil(WimRecord record)
    {
        switch (_rng.Next(3))
        {
            case 0:
                return (WimDefect.InvalidPlate, record with { Plate = Plates.Broken(record.Plate, _rng) });
            case 1:
                // A sensor fault: the axles add up to 15–30 % more or less than the gross.
                var factor = (_rng.Next(2) == 0 ? 1 : -1) * (0.15 + (0.15 * _rng.NextDouble()));
                return (WimDefect.AxlesNotMatchingGross, record with { AxleWeightsKg = [.. record.AxleWeightsKg.Select(w => RoundTo10(w * (1 + factor)))] });
            default:
                // A station whose clock has drifted: one to thirty days ahead.
                return (WimDefect.CapturedInFuture, record with { CapturedAt = record.CapturedAt.AddMinutes(_rng.Next(24 * 60, 30 * 24 * 60)) });
        }
    }

    private int[] SplitOverAxles(int total, double[] shares)
    {
        var noisy = shares.Select(s => s * (1 + (0.04 * (_rng.NextDouble() - 0.5)))).ToArray();
        var sum = noisy.Sum();
        var axles = noisy.Select(s => RoundTo10(total * s / sum)).ToArray();
        axles[^1] += total - axles.Sum();
        return axles;
    }

    private double Normal(double mean, double sd) =>
        mean + (sd * Math.Sqrt(-2 * Math.Log(1 - _rng.NextDouble())) * Math.Cos(2 * Math.PI * _rng.NextDouble()));

    private static int RoundTo10(double kg) => (int)Math.Round(kg / 10) * 10;
}
