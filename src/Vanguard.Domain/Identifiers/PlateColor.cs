namespace Vanguard.Domain.Identifiers;

/// <summary>
/// 号牌颜色 (GA 36-2018): blue for small vehicles, yellow for large vehicles, trailers and coaches, green (渐变绿) for
/// small new-energy vehicles, yellow-green (黄绿双拼) for large new-energy vehicles, white for police and military,
/// black for foreign-owned and Hong Kong / Macau vehicles. Stored as the stable English value.
/// </summary>
public static class PlateColor
{
    public const string Blue = "blue";
    public const string Yellow = "yellow";
    public const string Green = "green";
    public const string YellowGreen = "yellow-green";
    public const string White = "white";
    public const string Black = "black";

    public static IReadOnlyList<string> All { get; } = [Blue, Yellow, Green, YellowGreen, White, Black];

    public static bool IsKnown(string? color) => color is not null && All.Contains(color);

    public static string NameZh(string color) => color switch
    {
        Blue => "蓝色",
        Yellow => "黄色",
        Green => "渐变绿色",
        YellowGreen => "黄绿双拼色",
        White => "白色",
        Black => "黑色",
        _ => color,
    };

    /// <summary>Reads the English value or the Chinese name a registry export uses (黄, 黄色, 黄牌, 渐变绿 …).</summary>
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        if (IsKnown(t))
        {
            return t;
        }

        t = t.TrimEnd('牌').TrimEnd('色');
        return t switch
        {
            "蓝" => Blue,
            "黄" => Yellow,
            "绿" or "渐变绿" => Green,
            "黄绿" or "黄绿双拼" => YellowGreen,
            "白" => White,
            "黑" => Black,
            "yellowgreen" => YellowGreen,
            _ => null,
        };
    }

    /// <summary>
    /// GA 36: eight-character plates are new-energy plates and are green or yellow-green; seven-character plates are
    /// never those colours; a trailer (挂) plate is yellow.
    /// </summary>
    public static bool IsConsistent(string plate, string color) => plate.Length switch
    {
        8 => color is Green or YellowGreen,
        _ when plate.EndsWith('挂') => color == Yellow,
        _ => color is not (Green or YellowGreen),
    };
}
