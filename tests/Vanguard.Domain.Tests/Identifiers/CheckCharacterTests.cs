using Vanguard.Domain.Identifiers;

namespace Vanguard.Domain.Tests.Identifiers;

public sealed class CheckCharacterTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    public void ResidentId_CheckCharacterOf_RebuildsThePublishedSamples(string id) =>
        ResidentIdNumber.CheckCharacterOf(id.AsSpan(0, 17)).ShouldBe(id[17]);

    [Fact]
    public void ResidentId_CheckCharacterOf_RefusesNonDigits() => ResidentIdNumber.CheckCharacterOf("1101051949123100A").ShouldBeNull();

    [Theory]
    [InlineData("9135052155323005XL")]
    [InlineData("91350100M000100Y43")]
    public void CreditCode_CheckCharactersOf_RebuildThePublishedSamples(string code)
    {
        UnifiedSocialCreditCode.CheckCharacterOf(code.AsSpan(0, 17)).ShouldBe(code[17]);
        UnifiedSocialCreditCode.OrganisationCheckCharacterOf(code.AsSpan(8, 8)).ShouldBe(code[16]);
    }

    [Fact]
    public void CreditCode_BuiltFromItsParts_IsValid()
    {
        // 9 工商 + 1 企业 + 410100 郑州 + organisation code 12345678 + its check, then the USCC check.
        var first16 = "91410100" + "12345678" + UnifiedSocialCreditCode.OrganisationCheckCharacterOf("12345678");
        var code = first16 + UnifiedSocialCreditCode.CheckCharacterOf(first16);

        UnifiedSocialCreditCode.IsValid(code).ShouldBeTrue(code);
    }
}
