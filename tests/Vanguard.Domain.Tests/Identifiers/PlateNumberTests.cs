using Vanguard.Domain.Identifiers;

namespace Vanguard.Domain.Tests.Identifiers;

public sealed class PlateNumberTests
{
    [Theory]
    [InlineData("豫A12345")]
    [InlineData("豫AB1234")]
    [InlineData("豫A1234挂")] // trailer
    [InlineData("京AD12345")] // small new-energy, battery electric
    [InlineData("粤BF12345")] // small new-energy, not purely electric
    [InlineData("豫A12345D")] // large new-energy
    public void IsValid_GA36Formats_AreAccepted(string plate) => PlateNumber.IsValid(plate).ShouldBeTrue();

    [Theory]
    [InlineData("豫I12345")]  // I is never an issuing-authority letter
    [InlineData("豫O12345")]
    [InlineData("X A12345")]
    [InlineData("豫A1234")]   // too short
    [InlineData("豫AZ12345")] // Z is not a new-energy letter
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_Malformed_IsRefused(string? plate) => PlateNumber.IsValid(plate).ShouldBeFalse();

    [Fact]
    public void Normalise_RemovesTheSeparatorDotAndUpperCases() => PlateNumber.Normalise("豫a·12345").ShouldBe("豫A12345");

    [Fact]
    public void Mask_HidesTheMiddle() => PlateNumber.Mask("豫A12345").ShouldBe("豫A1**45");
}
