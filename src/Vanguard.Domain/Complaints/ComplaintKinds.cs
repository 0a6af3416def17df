namespace Vanguard.Domain.Complaints;

/// <summary>12328 ticket types (交办运〔2021〕60号): the wire names are stable.</summary>
public static class ComplaintType
{
    /// <summary>信息咨询.</summary>
    public const string Consultation = "consultation";

    /// <summary>意见建议.</summary>
    public const string Suggestion = "suggestion";

    /// <summary>投诉举报.</summary>
    public const string Complaint = "complaint";

    public static IReadOnlyList<string> All { get; } = [Consultation, Suggestion, Complaint];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);

    public static string NameZh(string type) => type switch
    {
        Consultation => "咨询",
        Suggestion => "意见建议",
        Complaint => "投诉举报",
        _ => type,
    };
}

/// <summary>The business domain a ticket is about (12328 domains, plus 港航); the wire names are stable.</summary>
public static class ComplaintDomain
{
    public const string RoadTransport = "road_transport";
    public const string WaterTransport = "water_transport";
    public const string HighwayAdministration = "highway_administration";
    public const string PortAndShipping = "port_shipping";
    public const string UrbanPassenger = "urban_passenger";
    public const string Expressway = "expressway";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
        [RoadTransport, WaterTransport, HighwayAdministration, PortAndShipping, UrbanPassenger, Expressway, Other];

    public static bool IsKnown(string? domain) => domain is not null && All.Contains(domain, StringComparer.Ordinal);

    public static string NameZh(string domain) => domain switch
    {
        RoadTransport => "道路运输",
        WaterTransport => "水路运输",
        HighwayAdministration => "公路路政",
        PortAndShipping => "港航",
        UrbanPassenger => "城市客运",
        Expressway => "高速公路",
        Other => "其他",
        _ => domain,
    };
}

/// <summary>Personal data of a complainant as lists show it.</summary>
public static class ComplainantMask
{
    /// <summary>138****5678; short numbers are hidden entirely.</summary>
    public static string Phone(string phone) =>
        phone.Length < 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];

    /// <summary>张*, 欧阳** : the surname's first character only.</summary>
    public static string Name(string name) => name.Length <= 1 ? "*" : name[..1] + new string('*', name.Length - 1);
}
