using Vanguard.Domain.Surveillance;

namespace Vanguard.Domain.Tests.Surveillance;

public sealed class PlateConfusionsTests
{
    [Theory]
    [InlineData("豫A12345", "豫AI2345")] // 1 / I
    [InlineData("豫A12345", "豫A1Z345")] // 2 / Z
    [InlineData("豫A12345", "豫A1234S")] // 5 / S
    [InlineData("豫A80000", "豫AB0000")] // 8 / B
    [InlineData("豫A10000", "豫A1D000")] // 0 / D
    [InlineData("豫A10000", "豫A100Q0")] // 0 / Q
    [InlineData("豫AD1000", "豫AQ1000")] // D / Q: same class, neither is 0
    [InlineData("豫A1S8Z0", "豫AI5B2D")] // every position confused at once
    public void AreConfusable_PlatesDifferingOnlyWithinOneClassPerPosition_AreConfusable(string a, string b)
    {
        PlateConfusions.AreConfusable(a, b).ShouldBeTrue();
        PlateConfusions.AreConfusable(b, a).ShouldBeTrue();
        PlateConfusions.Key(a).ShouldBe(PlateConfusions.Key(b));
    }

    [Theory]
    [InlineData("豫A12345", "豫A12346")] // 5 and 6 are not confused
    [InlineData("豫A12345", "豫A1S345")] // 2 and S are in different classes
    [InlineData("豫A80000", "豫A30000")]
    [InlineData("豫A12345", "京A12345")] // another province is another vehicle
    [InlineData("豫A12345", "豫A123455")] // lengths differ
    [InlineData("豫A12345", "")]
    public void AreConfusable_OtherDifferences_AreNot(string a, string b)
    {
        PlateConfusions.AreConfusable(a, b).ShouldBeFalse();
        PlateConfusions.Key(a).ShouldNotBe(PlateConfusions.Key(b));
    }

    [Fact]
    public void AreConfusable_IdenticalPlates_AreConfusable() => PlateConfusions.AreConfusable("豫A12345", "豫A12345").ShouldBeTrue();

    [Fact]
    public void Classes_AreTheFiveTheRulesName()
    {
        PlateConfusions.Classes.ShouldBe(["0DQ", "1I", "8B", "2Z", "5S"]);
        foreach (var confusion in PlateConfusions.Classes)
        {
            foreach (var c in confusion)
            {
                PlateConfusions.Canonical(c).ShouldBe(confusion[0]);
            }
        }
    }

    [Theory]
    [InlineData('A')]
    [InlineData('3')]
    [InlineData('O')] // GA 36 has no O; it is not in the 0/D/Q class the rules name
    [InlineData('挂')]
    public void Canonical_CharactersOutsideEveryClass_StayThemselves(char c) => PlateConfusions.Canonical(c).ShouldBe(c);

    [Fact]
    public void WriteKey_KeepsTheProvinceCharacter_AndFoldsTheRest()
    {
        Span<char> key = stackalloc char[PlateConfusions.MaxLength];

        var length = PlateConfusions.WriteKey("豫BD8S2Z1", key);

        length.ShouldBe(8);
        key[..length].ToString().ShouldBe("豫8085221");
    }

    [Fact]
    public void WriteKey_TooShortADestination_ReturnsMinusOne()
    {
        Span<char> key = stackalloc char[4];

        PlateConfusions.WriteKey("豫A12345", key).ShouldBe(-1);
    }

    [Theory]
    [InlineData("豫A12345", "豫A12345")] // 7 characters, already canonical
    [InlineData("豫AD12345", "豫A012345")] // 8 characters (new-energy)
    [InlineData("豫A1234挂", "豫A1234挂")]
    public void Key_OfEachLength_HasThePlatesLength(string plate, string expected)
    {
        PlateConfusions.Key(plate).ShouldBe(expected);
        PlateConfusions.Key(plate).Length.ShouldBe(plate.Length);
    }

    [Fact]
    public void Key_OfAPlateWithNothingToFold_IsThePlateItself()
    {
        var plate = "豫A12346";

        ReferenceEquals(PlateConfusions.Key(plate), plate).ShouldBeTrue();
        PlateConfusions.NeedsFolding(plate).ShouldBeFalse();
        PlateConfusions.NeedsFolding("豫A1234S").ShouldBeTrue();
    }
}
