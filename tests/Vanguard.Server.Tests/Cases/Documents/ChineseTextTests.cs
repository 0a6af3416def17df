using Vanguard.Server.Modules.Cases.Documents;

namespace Vanguard.Server.Tests.Cases.Documents;

public sealed class ChineseTextTests
{
    [Theory]
    [InlineData(500_000, "人民币伍仟元整（￥5,000.00）")]
    [InlineData(700_000, "人民币柒仟元整（￥7,000.00）")]
    [InlineData(20_000, "人民币贰佰元整（￥200.00）")]
    [InlineData(0, "人民币零元整（￥0.00）")]
    [InlineData(50, "人民币伍角（￥0.50）")]
    [InlineData(1_005, "人民币壹拾元零伍分（￥10.05）")]
    [InlineData(1_000_500, "人民币壹万零伍元整（￥10,005.00）")]
    [InlineData(10_000_000, "人民币壹拾万元整（￥100,000.00）")]
    [InlineData(10_700_053, "人民币壹拾万零柒仟元伍角叁分（￥107,000.53）")]
    [InlineData(10_000_500_000, "人民币壹亿零伍仟元整（￥100,005,000.00）")]
    [InlineData(3_000_000, "人民币叁万元整（￥30,000.00）")]
    public void Money_FromFen_IsWrittenInCapitalsAndFigures(long fen, string expected) =>
        ChineseText.Money(fen).ShouldBe(expected);

    [Theory]
    [InlineData(3, "三")]
    [InlineData(5, "五")]
    [InlineData(10, "十")]
    [InlineData(15, "十五")]
    [InlineData(60, "六十")]
    [InlineData(90, "九十")]
    [InlineData(105, "一百零五")]
    [InlineData(115, "一百一十五")]
    public void Number_ForPeriods_IsWrittenInWords(int value, string expected) =>
        ChineseText.Number(value).ShouldBe(expected);

    [Fact]
    public void Date_IsArabicUnpadded() =>
        ChineseText.Date(new DateOnly(2026, 1, 5)).ShouldBe("2026年1月5日");

    [Fact]
    public void DateAndTime_IsInChinaStandardTime() =>
        ChineseText.DateAndTime(new DateTimeOffset(2026, 11, 25, 17, 5, 0, TimeSpan.Zero)).ShouldBe("2026年11月26日1时05分");
}
