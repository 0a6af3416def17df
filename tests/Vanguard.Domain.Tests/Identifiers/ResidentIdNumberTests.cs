using Vanguard.Domain.Identifiers;

namespace Vanguard.Domain.Tests.Identifiers;

public sealed class ResidentIdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")] // GB 11643 published sample, check character X
    [InlineData("11010519491231002x")] // lower-case x is accepted
    [InlineData("440524188001010014")]
    public void IsValid_PublishedSamples_AreAccepted(string id) => ResidentIdNumber.IsValid(id).ShouldBeTrue();

    [Theory]
    [InlineData("110105194912310021")] // wrong check digit
    [InlineData("11010519491331002X")] // month 13
    [InlineData("1101051949123100")]   // too short
    [InlineData("11010519491231002Y")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_Malformed_IsRefused(string? id) => ResidentIdNumber.IsValid(id).ShouldBeFalse();

    [Fact]
    public void Mask_KeepsOnlyRegionAndLastFour() => ResidentIdNumber.Mask("11010519491231002X").ShouldBe("110105********002X");
}
