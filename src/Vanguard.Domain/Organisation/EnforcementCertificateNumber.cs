namespace Vanguard.Domain.Organisation;

/// <summary>
/// 执法证号 — the number on an officer's 交通运输行政执法证. The national format is not fixed in the domain
/// reference (§13), so the platform accepts the common shape: the issuing province's two-digit GB/T 2260 prefix
/// followed by 6–13 digits. Anything stricter is a provincial setting.
/// </summary>
public static class EnforcementCertificateNumber
{
    public static bool IsValid(string? number) =>
        number is { Length: >= 8 and <= 15 } && number.All(char.IsAsciiDigit) && number[..2] != "00";

    /// <summary>An officer may act (行政处罚法 art. 42) only while the certificate is valid on that day.</summary>
    public static bool IsValidOn(DateOnly? validUntil, DateOnly day) => validUntil is { } until && day <= until;
}
