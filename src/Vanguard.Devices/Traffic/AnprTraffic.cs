using System.Globalization;
using Vanguard.Devices.Client;

namespace Vanguard.Devices.Traffic;

internal sealed record AnprTrafficOptions
{
    public required string Camera { get; init; }
    public long FirstSequence { get; init; } = 1;
    public int Seed { get; init; } = 42;

    /// <summary>Distinct vehicles the camera sees.</summary>
    public int Plates { get; init; } = 5_000;

    /// <summary>Vehicles that pass again and again (suspected illegal operation, 非法营运).</summary>
    public int Hotspots { get; init; } = 20;

    /// <summary>Share of all reads that are of a hotspot vehicle.</summary>
    public double HotspotShare { get; init; } = 0.2;

    public double BadPercent { get; init; }
    public double ResendPercent { get; init; }
    public ImageMode Images { get; init; } = ImageMode.Hash;
    public int ResendMinAge { get; init; } = 500;
    public IReadOnlyList<string> Directions { get; init; } = ["in", "out"];
}

/// <summary>
/// Plate reads at one camera: a few hotspot vehicles shuttle past all day (both directions), everyone else is seen
/// now and then. Confidence is mostly 0.90–0.99, a few reads are poorer.
/// </summary>
internal sealed class AnprTraffic : ITrafficSource<AnprRead>
{
    private readonly AnprTrafficOptions _options;
    private readonly TimeProvider _clock;
    private readonly Random _rng;
    private readonly IReadOnlyList<(string Plate, string Color)> _plates;
    private readonly int _hotspots;
    private readonly RecordIds _ids;
    private readonly ResendHistory<AnprRead> _history;
    private readonly Dictionary<string, int> _lastDirection = new(StringComparer.Ordinal);
    private long _total;
    private long _hotspotReads;
    private long _resent;
    private long _bad;

    public AnprTraffic(AnprTrafficOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        _rng = new Random(options.Seed);
        _plates = Fleet.RoadPlates(options.Plates);
        _hotspots = Math.Clamp(options.Hotspots, 1, Math.Max(1, options.Plates - 1));
        _ids = new RecordIds(options.Camera, options.FirstSequence);
        _history = new ResendHistory<AnprRead>(options.ResendMinAge);
    }

    /// <summary>The first <see cref="Hotspots"/> plates of the pool are the hotspot vehicles.</summary>
    public IEnumerable<string> HotspotPlates => _plates.Take(_hotspots).Select(p => p.Plate);

    public TrafficItem<AnprRead> Next()
    {
        _total++;
        if (_options.ResendPercent > 0 && _rng.NextDouble() * 100 < _options.ResendPercent && _history.TryPick(_rng, out var again))
        {
            _resent++;
            return again;
        }

        var hotspot = _rng.NextDouble() < _options.HotspotShare;
        var (plate, color) = hotspot ? _plates[_rng.Next(_hotspots)] : _plates[_hotspots + _rng.Next(_plates.Count - _hotspots)];
        _hotspotReads += hotspot ? 1 : 0;

        var now = _clock.GetUtcNow().ToOffset(Wire.ChinaOffset);
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var confidence = _rng.NextDouble() < 0.92 ? 0.90 + (0.09 * _rng.NextDouble()) : 0.60 + (0.30 * _rng.NextDouble());

        // A shuttling vehicle comes back the other way; others pass in either direction.
        var direction = _lastDirection.TryGetValue(plate, out var last)
            ? (last + 1) % _options.Directions.Count
            : _rng.Next(_options.Directions.Count);
        if (hotspot)
        {
            _lastDirection[plate] = direction;
        }

        var read = new AnprRead(
            _ids.Next(now), now, plate, color, Math.Round(confidence, 3), _options.Directions[direction], FakeImages.Make("plate", _options.Images, _rng));

        var tag = TrafficTag.Normal;
        if (_options.BadPercent > 0 && _rng.NextDouble() * 100 < _options.BadPercent)
        {
            tag = TrafficTag.Bad;
            _bad++;
            read = _rng.Next(2) == 0
                ? read with { Plate = Plates.Broken(read.Plate, _rng) }
                : read with { CapturedAt = read.CapturedAt.AddMinutes(_rng.Next(24 * 60, 30 * 24 * 60)) };
        }

        var item = new TrafficItem<AnprRead>(read, read.ReadId, tag);
        if (item.Tag == TrafficTag.Normal)
        {
            _history.Remember(item);
        }
        return item;
    }

    public IEnumerable<string> Describe()
    {
        var fresh = Math.Max(1, _total - _resent);
        yield return string.Create(CultureInfo.InvariantCulture,
            $"generated {_total} reads: {_hotspotReads} of {_hotspots} hotspot vehicles ({100.0 * _hotspotReads / fresh:0.0} %), {_resent} resent, {_bad} deliberately bad");
    }
}
