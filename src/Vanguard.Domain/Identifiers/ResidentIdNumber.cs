namespace Vanguard.Domain.Identifiers;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6 address digits + 8 birth date (yyyyMMdd) + 3 sequence (odd = male) + 1 check.
/// Check: s = Σ d[i]·W[i] mod 11 with W[i] = 2^(17−i) mod 11; check character = "10X98765432"[s].
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool IsValid(string? text)
    {
        if (text is not { Length: 18 })
        {
            return false;
        }

        if (CheckCharacterOf(text.AsSpan(0, 17)) is not { } check || char.ToUpperInvariant(text[17]) != check)
        {
            return false;
        }

        return DateOnly.TryParseExact(text.AsSpan(6, 8), "yyyyMMdd", out _);
    }

    /// <summary>The check character for the first 17 digits, or null when they are not 17 digits.</summary>
    public static char? CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                return null;
            }

            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Shows the first 6 and last 4 characters only, as the personal-information rules expect.</summary>
    public static string Mask(string text) => text.Length <= 10 ? new string('*', text.Length) : text[..6] + new string('*', text.Length - 10) + text[^4..];
}
