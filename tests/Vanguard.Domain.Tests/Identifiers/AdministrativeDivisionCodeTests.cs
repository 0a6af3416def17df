using Vanguard.Domain.Identifiers;

namespace Vanguard.Domain.Tests.Identifiers;

public sealed class AdministrativeDivisionCodeTests
{
    [Theory]
    [InlineData("410000", AdministrativeDivisionLevel.Province)]
    [InlineData("410100", AdministrativeDivisionLevel.City)]
    [InlineData("410122", AdministrativeDivisionLevel.County)]
    public void Level_FollowsTheZeroes(string text, AdministrativeDivisionLevel level)
    {
        AdministrativeDivisionCode.TryParse(text, out var code).ShouldBeTrue();
        code.Level.ShouldBe(level);
    }

    [Theory]
    [InlineData("41010")]
    [InlineData("4101001")]
    [InlineData("41A100")]
    [InlineData("000000")]
    [InlineData("410012")] // county digits under a zero city part
    [InlineData(null)]
    public void TryParse_Malformed_IsRefused(string? text) => AdministrativeDivisionCode.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Contains_CityHoldsItsCountiesOnly()
    {
        AdministrativeDivisionCode.TryParse("410100", out var zhengzhou).ShouldBeTrue();
        AdministrativeDivisionCode.TryParse("410122", out var zhongmou).ShouldBeTrue();
        AdministrativeDivisionCode.TryParse("411302", out var wancheng).ShouldBeTrue();

        zhengzhou.Contains(zhongmou).ShouldBeTrue();
        zhengzhou.Contains(wancheng).ShouldBeFalse();
        zhongmou.CityCode.ShouldBe("410100");
        zhongmou.ProvinceCode.ShouldBe("410000");
    }
}
