namespace Vanguard.Domain.Registry;

/// <summary>
/// 机动车车辆类型代码 (GA/T 16.4): a class letter, a size digit and a kind digit or letter — H = 货车 (H1x heavy, H2x medium,
/// H3x light, H4x mini), Q = 牵引车, B = 半挂车, G = 全挂车, K = 客车, Z = 专项作业车. The table holds the codes a road-freight
/// registry uses most; other well-formed codes are accepted with the name the registry supplies.
/// </summary>
public static class VehicleType
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["H11"] = "重型普通货车", ["H12"] = "重型厢式货车", ["H13"] = "重型封闭货车", ["H14"] = "重型罐式货车", ["H15"] = "重型平板货车",
        ["H16"] = "重型集装厢车", ["H17"] = "重型自卸货车", ["H18"] = "重型特殊结构货车", ["H19"] = "重型仓栅式货车",
        ["H21"] = "中型普通货车", ["H22"] = "中型厢式货车", ["H23"] = "中型封闭货车", ["H24"] = "中型罐式货车", ["H25"] = "中型平板货车",
        ["H26"] = "中型集装厢车", ["H27"] = "中型自卸货车", ["H28"] = "中型特殊结构货车", ["H29"] = "中型仓栅式货车",
        ["H31"] = "轻型普通货车", ["H32"] = "轻型厢式货车", ["H33"] = "轻型封闭货车", ["H34"] = "轻型罐式货车", ["H35"] = "轻型平板货车",
        ["H37"] = "轻型自卸货车", ["H38"] = "轻型特殊结构货车", ["H39"] = "轻型仓栅式货车",
        ["H41"] = "微型普通货车", ["H42"] = "微型厢式货车",
        ["Q11"] = "重型半挂牵引车", ["Q12"] = "重型全挂牵引车", ["Q21"] = "中型半挂牵引车", ["Q31"] = "轻型半挂牵引车",
        ["K11"] = "大型普通客车", ["K21"] = "中型普通客车", ["K31"] = "小型普通客车", ["K33"] = "轿车",
        ["Z11"] = "大型专项作业车", ["Z21"] = "中型专项作业车", ["Z31"] = "小型专项作业车",
    };

    /// <summary>Letter + digit + digit or letter, upper case (H11, Q11, B1A).</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: 3 } && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiDigit(code[1]) && (char.IsAsciiDigit(code[2]) || char.IsAsciiLetterUpper(code[2]));

    /// <summary>The standard name of a code in the table, or null.</summary>
    public static string? NameOf(string code) => Names.GetValueOrDefault(code);

    public static IReadOnlyCollection<string> KnownCodes => Names.Keys;

    /// <summary>The code of a standard name (重型半挂牵引车 → Q11), for exports that give the name only; null when not in the table.</summary>
    public static string? CodeOf(string name) => Names.FirstOrDefault(n => n.Value == name.Trim()).Key;

    /// <summary>A goods vehicle or a tractor (H, Q): what overload and road-freight rules are about.</summary>
    public static bool IsFreight(string code) => code.Length > 0 && code[0] is 'H' or 'Q';

    /// <summary>Heavy (重型) trucks and tractors, which GA 36 gives yellow plates.</summary>
    public static bool IsHeavy(string code) => code.Length > 1 && code[0] is 'H' or 'Q' && code[1] == '1';
}
