namespace Vanguard.Server.Modules.Registry.Contracts;

/// <summary>The registry's state of a vehicle (营运状态). Stored as the English value.</summary>
public static class VehicleStatus
{
    public const string Active = "active";
    public const string Suspended = "suspended";
    public const string Deregistered = "deregistered";

    public static IReadOnlyList<string> All { get; } = [Active, Suspended, Deregistered];

    public static string NameZh(string status) => status switch
    {
        Active => "营运",
        Suspended => "停运",
        Deregistered => "注销",
        _ => status,
    };

    /// <summary>Reads the English value or the Chinese word a registry export uses (营运/正常, 停运/报停, 注销/报废).</summary>
    public static string? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        Active or "营运" or "正常" or "在用" => Active,
        Suspended or "停运" or "报停" or "暂停" => Suspended,
        Deregistered or "注销" or "报废" or "转出" => Deregistered,
        _ => null,
    };
}
