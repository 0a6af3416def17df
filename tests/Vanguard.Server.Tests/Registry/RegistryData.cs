using Vanguard.Domain.Identifiers;

namespace Vanguard.Server.Tests.Registry;

/// <summary>Identifiers with correct check characters, unique within a test run and apart from the demo data (410381, 豫P).</summary>
internal static class RegistryData
{
    private static int _next;

    public static int Next() => Interlocked.Increment(ref _next);

    /// <summary>A valid 公民身份号码 of someone born in 巩义 (410381), which the demo registry does not use.</summary>
    public static string IdNumber(int n)
    {
        var first17 = $"410381{new DateOnly(1980, 1, 1).AddDays(n * 3):yyyyMMdd}{n % 1000:D3}";
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    }

    /// <summary>The same number with a wrong check character.</summary>
    public static string WithWrongCheck(string id) => id[..17] + (id[17] == '1' ? '2' : '1');

    public static string CreditCode(int n)
    {
        var organisation = $"{(n * 7_919) + 30_000_000:D8}";
        var first16 = "91410381" + organisation + UnifiedSocialCreditCode.OrganisationCheckCharacterOf(organisation);
        return first16 + UnifiedSocialCreditCode.CheckCharacterOf(first16);
    }

    public static string Plate(int n) => $"豫P{n % 10_000:D4}8";
}
