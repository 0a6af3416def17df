using System.Text;
using Vanguard.Domain.Identifiers;

namespace Vanguard.Devices.Traffic;

/// <summary>Makes GA 36-2018 plates of the provinces whose trucks cross Henan, most of them 豫.</summary>
internal static class Plates
{
    // Share of traffic and the issuing-authority letters in use (no I or O, GA 36).
    private static readonly (char Province, double Share, string Letters)[] Provinces =
    [
        ('豫', 0.55, "ABCDEFGHJKLMNPQRSU"),
        ('冀', 0.08, "ABCDEFGHJRT"),
        ('鲁', 0.07, "ABCDEFGHJKLMNPQRSUV"),
        ('晋', 0.06, "ABCDEFHJKLM"),
        ('陕', 0.05, "ABCDEFGHJKV"),
        ('皖', 0.05, "ABCDEFGHJKLMNPRS"),
        ('鄂', 0.05, "ABCDEFGHJKLMNPQRS"),
        ('苏', 0.03, "ABCDEFGHJKLMN"),
        ('京', 0.02, "ACEFGHJKLMNPQY"),
        ('蒙', 0.02, "ABCDEFGHJKLM"),
        ('湘', 0.02, "ABCDEFGHJKLMNU"),
    ];

    private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>省 + letter + five letters or digits, at most two letters (blue or yellow plates).</summary>
    public static string Regular(Random rng)
    {
        var sb = Start(rng);
        var letters = 0;
        for (var i = 0; i < 5; i++)
        {
            if (letters < 2 && rng.NextDouble() < 0.15)
            {
                sb.Append(Letters[rng.Next(Letters.Length)]);
                letters++;
            }
            else
            {
                sb.Append((char)('0' + rng.Next(10)));
            }
        }

        return sb.ToString();
    }

    /// <summary>Small new-energy plate (green): 省 + letter + D/F + letter or digit + four digits.</summary>
    public static string NewEnergySmall(Random rng)
    {
        var sb = Start(rng);
        sb.Append(rng.NextDouble() < 0.7 ? 'D' : 'F');
        sb.Append(rng.NextDouble() < 0.5 ? Letters[rng.Next(Letters.Length)] : (char)('0' + rng.Next(10)));
        for (var i = 0; i < 4; i++)
        {
            sb.Append((char)('0' + rng.Next(10)));
        }

        return sb.ToString();
    }

    /// <summary>Large new-energy plate (yellow-green): 省 + letter + five digits + D/F.</summary>
    public static string NewEnergyLarge(Random rng)
    {
        var sb = Start(rng);
        for (var i = 0; i < 5; i++)
        {
            sb.Append((char)('0' + rng.Next(10)));
        }

        sb.Append(rng.NextDouble() < 0.7 ? 'D' : 'F');
        return sb.ToString();
    }

    /// <summary>A plate a badly configured camera might send: an I or O, a character missing, or no province.</summary>
    public static string Broken(string plate, Random rng)
    {
        var broken = rng.Next(3) switch
        {
            0 => plate[..3] + (rng.Next(2) == 0 ? 'I' : 'O') + plate[4..],
            1 => plate[..^1],
            _ => "台" + plate[1..],
        };
        return PlateNumber.IsValid(broken) ? plate[..^2] : broken;
    }

    private static StringBuilder Start(Random rng)
    {
        var u = rng.NextDouble();
        var (province, _, letters) = Provinces[^1];
        foreach (var p in Provinces)
        {
            u -= p.Share;
            if (u < 0)
            {
                (province, _, letters) = p;
                break;
            }
        }

        return new StringBuilder(8).Append(province).Append(letters[rng.Next(letters.Length)]);
    }
}
