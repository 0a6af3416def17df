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

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Charset.IndexOf(text[i], StringComparison.Ordinal);
            if (v < 0)
            {
                return false;
            }

            sum += v * Weights[i];
        }

        var c = 31 - (sum % 31);
        if (c == 31)
        {
            c = 0;
        }

        return text[17] == Charset[c] && IsValidOrganisationCode(text.AsSpan(8, 9));
    }

    // GB 11714: values 0–9 / A=10…Z=35; c = 11 − (Σ mod 11); 10 → 'X', 11 → '0'.
    private static bool IsValidOrganisationCode(ReadOnlySpan<char> code)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var ch = code[i];
            int v = ch switch
            {
                >= '0' and <= '9' => ch - '0',
                >= 'A' and <= 'Z' => ch - 'A' + 10,
                _ => -1,
            };
            if (v < 0)
            {
                return false;
            }

            sum += v * OrganisationWeights[i];
        }

        var c = 11 - (sum % 11);
        var expected = c switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + c),
        };
        return code[8] == expected;
    }
}
