namespace Vanguard.Domain.Identifiers;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, S, V, Z).
/// Check: c = 31 − (Σ v·w mod 31) with w = 3^i mod 31, 31 → 0; the embedded 组织机构代码 (GB 11714) has its own check.
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static bool IsValid(string? text)
    {
        if (text is not { Length: 18 })
        {
            return false;
        }

        return CheckCharacterOf(text.AsSpan(0, 17)) is { } check && text[17] == check
            && OrganisationCheckCharacterOf(text.AsSpan(8, 8)) is { } organisationCheck && text[16] == organisationCheck;
    }

    /// <summary>The check character (18th) for the first 17 characters, or null when one is outside the charset.</summary>
    public static char? CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Charset.IndexOf(first17[i]);
            if (v < 0)
            {
                return null;
            }

            sum += v * Weights[i];
        }

        var c = 31 - (sum % 31);
        return Charset[c == 31 ? 0 : c];
    }

    /// <summary>
    /// The check character of the embedded 组织机构代码 (GB 11714) for its first 8 characters:
    /// values 0–9 / A=10…Z=35; c = 11 − (Σ mod 11); 10 → 'X', 11 → '0'. Null when a character is not 0–9 or A–Z.
    /// </summary>
    public static char? OrganisationCheckCharacterOf(ReadOnlySpan<char> first8)
    {
        if (first8.Length != 8)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var ch = first8[i];
            int v = ch switch
            {
                >= '0' and <= '9' => ch - '0',
                >= 'A' and <= 'Z' => ch - 'A' + 10,
                _ => -1,
            };
            if (v < 0)
            {
                return null;
            }

            sum += v * OrganisationWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var c => (char)('0' + c),
        };
    }
}
