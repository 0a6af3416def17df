using Vanguard.Domain.Identifiers;

namespace Vanguard.Domain.Tests.Identifiers;

public sealed class PlateColorTests
{
    [Theory]
    [InlineData("yellow", PlateColor.Yellow)]
    [InlineData("黄色", PlateColor.Yellow)]
    [InlineData("黄牌", PlateColor.Yellow)]
    [InlineData("蓝", PlateColor.Blue)]
    [InlineData("渐变绿", PlateColor.Green)]
    [InlineData("黄绿双拼色", PlateColor.YellowGreen)]
    [InlineData("Yellow-Green", PlateColor.YellowGreen)]
    [InlineData("purple", null)]
    [InlineData("", null)]
    public void Parse_ReadsEnglishAndChineseNames(string text, string? expected) => PlateColor.Parse(text).ShouldBe(expected);

    [Theory]
    [InlineData("豫A12345", PlateColor.Yellow, true)]
    [InlineData("豫A12345", PlateColor.Green, false)]
    [InlineData("豫AD12345", PlateColor.Green, true)]
    [InlineData("豫A12345D", PlateColor.YellowGreen, true)]
    [InlineData("豫AD12345", PlateColor.Blue, false)]
    [InlineData("豫A1234挂", PlateColor.Yellow, true)]
    [InlineData("豫A1234挂", PlateColor.Blue, false)]
    public void IsConsistent_FollowsGa36(string plate, string color, bool expected) => PlateColor.IsConsistent(plate, color).ShouldBe(expected);
}
