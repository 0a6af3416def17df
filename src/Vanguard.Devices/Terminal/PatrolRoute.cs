namespace Vanguard.Devices.Terminal;

/// <summary>A point on the WGS 84 ellipsoid, in degrees.</summary>
internal readonly record struct GeoPoint(double Lat, double Lon);

/// <summary>Great-circle arithmetic on a sphere: plenty for a few tens of kilometres.</summary>
internal static class Geo
{
    private const double EarthRadiusM = 6_371_008.8;

    public static double DistanceM(GeoPoint a, GeoPoint b)
    {
        var (φ1, φ2) = (Rad(a.Lat), Rad(b.Lat));
        var dφ = φ2 - φ1;
        var dλ = Rad(b.Lon - a.Lon);
        var h = (Math.Sin(dφ / 2) * Math.Sin(dφ / 2)) + (Math.Cos(φ1) * Math.Cos(φ2) * Math.Sin(dλ / 2) * Math.Sin(dλ / 2));
        return 2 * EarthRadiusM * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Initial bearing from <paramref name="a"/> to <paramref name="b"/>, 0–360° clockwise from north.</summary>
    public static double BearingDeg(GeoPoint a, GeoPoint b)
    {
        var (φ1, φ2) = (Rad(a.Lat), Rad(b.Lat));
        var dλ = Rad(b.Lon - a.Lon);
        var y = Math.Sin(dλ) * Math.Cos(φ2);
        var x = (Math.Cos(φ1) * Math.Sin(φ2)) - (Math.Sin(φ1) * Math.Cos(φ2) * Math.Cos(dλ));
        return Normalise(Math.Atan2(y, x) * 180 / Math.PI);
    }

    public static GeoPoint Move(GeoPoint from, double bearingDeg, double distanceM)
    {
        var δ = distanceM / EarthRadiusM;
        var θ = Rad(bearingDeg);
        var φ1 = Rad(from.Lat);
        var λ1 = Rad(from.Lon);
        var φ2 = Math.Asin((Math.Sin(φ1) * Math.Cos(δ)) + (Math.Cos(φ1) * Math.Sin(δ) * Math.Cos(θ)));
        var λ2 = λ1 + Math.Atan2(Math.Sin(θ) * Math.Sin(δ) * Math.Cos(φ1), Math.Cos(δ) - (Math.Sin(φ1) * Math.Sin(φ2)));
        return new GeoPoint(φ2 * 180 / Math.PI, λ2 * 180 / Math.PI);
    }

    public static double Normalise(double degrees) => ((degrees % 360) + 360) % 360;

    private static double Rad(double degrees) => degrees * Math.PI / 180;
}

/// <summary>Where an agency's officers patrol: the city centre and how far out they go.</summary>
internal sealed record PatrolArea(string Name, GeoPoint Centre, double RadiusM)
{
    public const double DefaultRadiusM = 20_000;

    private static readonly (string Prefix, string Name, GeoPoint Centre)[] Cities =
    [
        ("4101", "郑州", new GeoPoint(34.7466, 113.6253)),
        ("4113", "南阳", new GeoPoint(32.9990, 112.5283)),
        ("4110", "许昌", new GeoPoint(34.0357, 113.8523)),
        ("4102", "开封", new GeoPoint(34.7972, 114.3076)),
        ("4103", "洛阳", new GeoPoint(34.6197, 112.4540)),
        ("4104", "平顶山", new GeoPoint(33.7662, 113.1925)),
        ("4107", "新乡", new GeoPoint(35.3030, 113.9268)),
        ("4111", "漯河", new GeoPoint(33.5816, 114.0166)),
        ("4116", "周口", new GeoPoint(33.6258, 114.6965)),
        ("4117", "驻马店", new GeoPoint(32.9800, 114.0220)),
    ];

    /// <summary>The area of the city the agency belongs to by its code (GB/T 2260 prefix); the province and anything else patrol 郑州.</summary>
    public static PatrolArea ForAgency(string? agencyCode, double radiusM = DefaultRadiusM)
    {
        foreach (var (prefix, name, centre) in Cities)
        {
            if (agencyCode is not null && agencyCode.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new PatrolArea(name, centre, radiusM);
            }
        }

        return new PatrolArea(Cities[0].Name, Cities[0].Centre, radiusM);
    }
}

/// <summary>Where the officer is, how fast and which way they are going.</summary>
internal readonly record struct Fix(GeoPoint Position, double SpeedKmh, double HeadingDeg);

/// <summary>
/// A patrol car's track: 30–80 km/h on a heading that wanders a little each step, turning back towards the centre
/// before it leaves the area. With a <see cref="Target"/> it drives straight there instead and waits on the spot.
/// </summary>
internal sealed class PatrolRoute
{
    public const double MinSpeedKmh = 30;
    public const double MaxSpeedKmh = 80;

    /// <summary>Responding to a task, the car may go faster than on patrol (lights on), but not absurdly.</summary>
    public const double MaxResponseSpeedKmh = 120;

    private static readonly TimeSpan MaxStep = TimeSpan.FromSeconds(10);

    private readonly PatrolArea _area;
    private readonly Random _random;
    private GeoPoint _position;
    private double _speedKmh;
    private double _headingDeg;
    private bool _waiting;
    private double _targetSpeedKmh;

    public PatrolRoute(PatrolArea area, Random random)
    {
        _area = area;
        _random = random;
        _position = Geo.Move(area.Centre, random.NextDouble() * 360, Math.Sqrt(random.NextDouble()) * area.RadiusM / 2);
        _speedKmh = MinSpeedKmh + (random.NextDouble() * (MaxSpeedKmh - MinSpeedKmh));
        _headingDeg = random.NextDouble() * 360;
    }

    public PatrolArea Area => _area;

    public GeoPoint? Target { get; private set; }

    public Fix Current => new(_position, _waiting ? 0 : _speedKmh, _headingDeg);

    /// <summary>True when there is a target and the car is on it.</summary>
    public bool AtTarget => Target is { } t && Geo.DistanceM(_position, t) < 1;

    /// <summary>Drive to <paramref name="target"/> so as to be there in about <paramref name="within"/> (30–120 km/h).</summary>
    public void DriveTo(GeoPoint target, TimeSpan within)
    {
        Target = target;
        _waiting = false;
        var kmh = Geo.DistanceM(_position, target) / 1000 / Math.Max(within.TotalHours, 1e-9);
        _targetSpeedKmh = Math.Clamp(kmh, MinSpeedKmh, MaxResponseSpeedKmh);
    }

    /// <summary>Stop at the current position (on scene) until <see cref="Resume"/>.</summary>
    public void Wait() => _waiting = true;

    /// <summary>Back to patrol from wherever the car is.</summary>
    public void Resume()
    {
        Target = null;
        _waiting = false;
        _speedKmh = MinSpeedKmh + (_random.NextDouble() * (MaxSpeedKmh - MinSpeedKmh));
    }

    public Fix Advance(TimeSpan elapsed)
    {
        while (elapsed > TimeSpan.Zero)
        {
            var step = elapsed < MaxStep ? elapsed : MaxStep;
            Step(step.TotalHours);
            elapsed -= step;
        }

        return Current;
    }

    private void Step(double hours)
    {
        if (Target is { } target)
        {
            var remaining = Geo.DistanceM(_position, target);
            if (_waiting || remaining < 1)
            {
                _waiting = true;
                return;
            }

            _speedKmh = _targetSpeedKmh;
            _headingDeg = Geo.BearingDeg(_position, target);
            var go = _speedKmh * 1000 * hours;
            if (go >= remaining)
            {
                _position = target;
                _waiting = true;
            }
            else
            {
                _position = Geo.Move(_position, _headingDeg, go);
            }

            return;
        }

        if (_waiting)
        {
            return;
        }

        // Speed drifts by a few km/h a step; the heading wanders by up to ±25°, and once past 70 % of the radius the car
        // turns towards the centre (give or take 40°), so it stays in its area without driving in straight lines.
        _speedKmh = Math.Clamp(_speedKmh + ((_random.NextDouble() - 0.5) * 8), MinSpeedKmh, MaxSpeedKmh);
        var fromCentre = Geo.DistanceM(_area.Centre, _position);
        _headingDeg = fromCentre > _area.RadiusM * 0.7
            ? Geo.Normalise(Geo.BearingDeg(_position, _area.Centre) + ((_random.NextDouble() - 0.5) * 80))
            : Geo.Normalise(_headingDeg + ((_random.NextDouble() - 0.5) * 50));
        var distance = _speedKmh * 1000 * hours;
        var next = Geo.Move(_position, _headingDeg, distance);
        if (Geo.DistanceM(_area.Centre, next) > _area.RadiusM * 0.98)
        {
            // Rare: a long step near the edge. Head straight back instead.
            _headingDeg = Geo.BearingDeg(_position, _area.Centre);
            next = Geo.Move(_position, _headingDeg, distance);
        }

        _position = next;
    }
}
