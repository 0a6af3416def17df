namespace Vanguard.Domain.Identifiers;

/// <summary>
/// 行政区划代码 (GB/T 2260): six digits, province (2) + city (2) + county (2).
/// 410000 河南省, 410100 郑州市, 410102 中原区.
/// </summary>
public readonly record struct AdministrativeDivisionCode
{
    private AdministrativeDivisionCode(string value) => Value = value;

    public string Value { get; }

    public AdministrativeDivisionLevel Level => Value switch
    {
        [_, _, '0', '0', '0', '0'] => AdministrativeDivisionLevel.Province,
        [_, _, _, _, '0', '0'] => AdministrativeDivisionLevel.City,
        _ => AdministrativeDivisionLevel.County,
    };

    /// <summary>The code of the province this division belongs to (first two digits + 0000).</summary>
    public string ProvinceCode => Value[..2] + "0000";

    /// <summary>The code of the city (prefecture) this division belongs to (first four digits + 00).</summary>
    public string CityCode => Value[..4] + "00";

    public static bool TryParse(string? text, out AdministrativeDivisionCode code)
    {
        code = default;
        if (text is not { Length: 6 } || !text.All(char.IsAsciiDigit) || text[..2] == "00")
        {
            return false;
        }

        // A county code never has a zero city part (4101 is 郑州; 4100xx does not exist).
        if (text[2..4] == "00" && text[4..] != "00")
        {
            return false;
        }

        code = new AdministrativeDivisionCode(text);
        return true;
    }

    public bool Contains(AdministrativeDivisionCode other) => Level switch
    {
        AdministrativeDivisionLevel.Province => other.Value[..2] == Value[..2],
        AdministrativeDivisionLevel.City => other.Value[..4] == Value[..4],
        AdministrativeDivisionLevel.County => other.Value == Value,
    };

    public override string ToString() => Value;
}

public enum AdministrativeDivisionLevel
{
    Province,
    City,
    County,
}
