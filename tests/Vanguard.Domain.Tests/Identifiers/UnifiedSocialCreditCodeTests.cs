using Vanguard.Domain.Identifiers;

namespace Vanguard.Domain.Tests.Identifiers;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("9135052155323005XL")] // published sample (GB 32100), embedded organisation code check X
    [InlineData("91350100M000100Y43")]
    public void IsValid_PublishedSamples_AreAccepted(string code) => UnifiedSocialCreditCode.IsValid(code).ShouldBeTrue();

    [Theory]
    [InlineData("9135052155323005XM")] // wrong check character
    [InlineData("9135052155323006XL")] // embedded organisation code no longer checks
    [InlineData("9135052155323005IL")] // I is not in the character set
    [InlineData("913505215532300")]
    [InlineData(null)]
    public void IsValid_Malformed_IsRefused(string? code) => UnifiedSocialCreditCode.IsValid(code).ShouldBeFalse();
}
