using System.Globalization;

namespace Vanguard.Server.Components;

/// <summary>
/// UI text, Chinese first, English second, written side by side where it is used so a page reads in both languages
/// and no key can go stale. The request culture (cookie <c>.AspNetCore.Culture</c>) picks one.
/// </summary>
public static class L
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string zh, string en) => IsEnglish ? en : zh;
}
