using System.Text.RegularExpressions;

namespace Vanguard.Domain.Identifiers;

/// <summary>
/// 机动车号牌 (GA 36-2018). Regular plates have 7 characters: province + issuing-authority letter (no I or O)
/// + 4 letters or digits + a letter, digit or 挂/学/警/港/澳. New-energy plates have 8: small
/// (省 + letter + D/A/B/C/E/F/G/H/J/K + letter or digit + 4 digits) or large (省 + letter + 5 digits + D/A/…/K).
/// </summary>
public static partial class PlateNumber
{
    private const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    public static bool IsValid(string? plate) => plate is not null && (plate.Length switch
    {
        7 => Regular().IsMatch(plate),
        8 => NewEnergySmall().IsMatch(plate) || NewEnergyLarge().IsMatch(plate),
        _ => false,
    });

    /// <summary>Upper-cases letters and removes spaces and the separator dot some cameras print (豫A·12345).</summary>
    public static string Normalise(string plate) =>
        string.Concat(plate.Where(c => !char.IsWhiteSpace(c) && c != '·' && c != '.' && c != '-')).ToUpperInvariant();

    /// <summary>Hides the middle of a plate for logs and public pages: 豫A1**45.</summary>
    public static string Mask(string plate) => plate.Length < 5 ? plate : plate[..3] + new string('*', plate.Length - 5) + plate[^2..];

    [GeneratedRegex("^[" + Provinces + "][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]$")]
    private static partial Regex Regular();

    [GeneratedRegex("^[" + Provinces + "][A-HJ-NP-Z][DABCEFGHJK][A-HJ-NP-Z0-9][0-9]{4}$")]
    private static partial Regex NewEnergySmall();

    [GeneratedRegex("^[" + Provinces + "][A-HJ-NP-Z][0-9]{5}[DABCEFGHJK]$")]
    private static partial Regex NewEnergyLarge();
}
