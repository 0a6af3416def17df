namespace Vanguard.Domain.Surveillance;

/// <summary>
/// 号牌易混字符: the characters a plate camera (车牌识别) most often mistakes for one another — 0/D/Q, 1/I, 8/B, 2/Z, 5/S.
/// Two plates are confusable when they have the same length, the same province character (省份简称, never folded: it is
/// not a Latin character and a wrong province is a different vehicle) and, at every other position, characters of the
/// same confusion class. Folding every character to its class's first member gives a <em>canonical key</em>: confusable
/// plates share it, so one dictionary look-up by key finds the exact entry and every entry a misread could mean.
/// </summary>
public static class PlateConfusions
{
    /// <summary>The confusion classes (模糊匹配字符组), each written with its canonical member first.</summary>
    public static IReadOnlyList<string> Classes { get; } = ["0DQ", "1I", "8B", "2Z", "5S"];

    /// <summary>The longest plate a key is made for (GA 36 new-energy plates have 8 characters).</summary>
    public const int MaxLength = 16;

    /// <summary>The canonical member of <paramref name="c"/>'s confusion class, or <paramref name="c"/> itself.</summary>
    public static char Canonical(char c) => c switch
    {
        'D' or 'Q' => '0',
        'I' => '1',
        'B' => '8',
        'Z' => '2',
        'S' => '5',
        _ => c,
    };

    /// <summary>
    /// Writes the canonical key of a normalised plate into <paramref name="destination"/> without allocating: the first
    /// (province) character as it is, every other character folded to its class. Returns the key's length, or -1 when the
    /// destination is too short.
    /// </summary>
    public static int WriteKey(ReadOnlySpan<char> plate, Span<char> destination)
    {
        if (plate.Length > destination.Length)
        {
            return -1;
        }

        if (plate.IsEmpty)
        {
            return 0;
        }

        destination[0] = plate[0];
        for (var i = 1; i < plate.Length; i++)
        {
            destination[i] = Canonical(plate[i]);
        }

        return plate.Length;
    }

    /// <summary>The canonical key as a string (for building the index; matching uses <see cref="WriteKey"/>).</summary>
    public static string Key(string plate)
    {
        if (!NeedsFolding(plate))
        {
            return plate;
        }

        return string.Create(plate.Length, plate, static (span, p) => WriteKey(p, span));
    }

    /// <summary>Whether any character after the province one would change when folded (if not, the plate is its own key).</summary>
    public static bool NeedsFolding(ReadOnlySpan<char> plate)
    {
        for (var i = 1; i < plate.Length; i++)
        {
            if (Canonical(plate[i]) != plate[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a camera reading <paramref name="a"/> may have seen <paramref name="b"/>: same length, identical province
    /// character, and each other pair of characters equal or in one confusion class. Identical plates are confusable too;
    /// the caller tells an exact match from a fuzzy one by comparing the plates themselves.
    /// </summary>
    public static bool AreConfusable(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length || a.IsEmpty || a[0] != b[0])
        {
            return false;
        }

        for (var i = 1; i < a.Length; i++)
        {
            if (a[i] != b[i] && Canonical(a[i]) != Canonical(b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
