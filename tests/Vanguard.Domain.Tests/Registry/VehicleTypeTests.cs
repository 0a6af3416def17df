using Vanguard.Domain.Registry;

namespace Vanguard.Domain.Tests.Registry;

public sealed class VehicleTypeTests
{
    [Theory]
    [InlineData("H11", true)]
    [InlineData("Q11", true)]
    [InlineData("B1A", true)]
    [InlineData("h11", false)]
    [InlineData("H1", false)]
    [InlineData("1H1", false)]
    [InlineData(null, false)]
    public void IsWellFormed_IsLetterDigitAndDigitOrLetter(string? code, bool expected) => VehicleType.IsWellFormed(code).ShouldBe(expected);

    [Fact]
    public void NameOf_KnowsTheCommonFreightCodes()
    {
        VehicleType.NameOf("H11").ShouldBe("重型普通货车");
        VehicleType.NameOf("Q11").ShouldBe("重型半挂牵引车");
        VehicleType.NameOf("X99").ShouldBeNull();
    }

    [Fact]
    public void CodeOf_FindsTheCodeOfAStandardName()
    {
        VehicleType.CodeOf("重型半挂牵引车").ShouldBe("Q11");
        VehicleType.CodeOf("飞行汽车").ShouldBeNull();
    }

    [Theory]
    [InlineData("H11", true)]
    [InlineData("Q11", true)]
    [InlineData("H31", false)]
    [InlineData("K11", false)]
    public void IsHeavy_MeansHeavyTrucksAndTractors(string code, bool expected) => VehicleType.IsHeavy(code).ShouldBe(expected);
}
