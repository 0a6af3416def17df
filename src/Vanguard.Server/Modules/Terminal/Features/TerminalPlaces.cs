namespace Vanguard.Server.Modules.Terminal.Features;

/// <summary>Where positions may be: the mainland's bounding box, as the contract states it.</summary>
internal static class ChinaArea
{
    public const double MinLat = 3;
    public const double MaxLat = 54;
    public const double MinLon = 73;
    public const double MaxLon = 136;

    public static bool Contains(double lat, double lon) =>
        double.IsFinite(lat) && double.IsFinite(lon) && lat is >= MinLat and <= MaxLat && lon is >= MinLon and <= MaxLon;

    /// <summary>Great-circle distance in metres (haversine, mean Earth radius); plenty for "who is nearest".</summary>
    public static double DistanceM(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_000;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
