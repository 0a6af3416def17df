using Vanguard.Server.Modules.Cases.Documents;

namespace Vanguard.Server.Tests.Cases.Documents;

/// <summary>Line breaking with a fixed-width stand-in font: CJK 10 wide, everything else 5.</summary>
public sealed class LineBreakerTests
{
    private static double Measure(string text, bool sans) => text.EnumerateRunes().Sum(r => r.Value >= 0x2000 ? 10d : 5d);

    private static List<string> Wrap(string text, double width) =>
        LineBreaker.Wrap(text, width, width, Measure, _ => false)
            .Select(l => string.Concat(l.Units.Select(u => u.Text))).ToList();

    [Fact]
    public void Wrap_Chinese_BreaksBetweenAnyCharacters()
    {
        Wrap("一二三四五六七", 30).ShouldBe(["一二三", "四五六", "七"]);
    }

    [Fact]
    public void Wrap_ClosingPunctuation_NeverStartsALine()
    {
        // "。" would start line two: the character before it moves down with it.
        Wrap("一二三。四五", 30).ShouldBe(["一二", "三。四", "五"]);
    }

    [Fact]
    public void Wrap_OpeningPunctuation_NeverEndsALine()
    {
        // "《" would end line one: it moves down; then "》" would start line three: "四" goes with it.
        Wrap("一二《三四》", 30).ShouldBe(["一二", "《三", "四》"]);
    }

    [Fact]
    public void Wrap_LatinWordsAndNumbers_StayWhole()
    {
        Wrap("车辆豫A12345超限", 40).ShouldBe(["车辆豫", "A12345超", "限"]);
    }

    [Fact]
    public void Wrap_NumberWithItsUnit_StaysTogether()
    {
        Wrap("于9时30分", 30).ShouldBe(["于9时", "30分"]);
    }

    [Fact]
    public void Wrap_WordLongerThanALine_IsBrokenRatherThanPassingTheMargin()
    {
        var lines = LineBreaker.Wrap("账号6228480402564890018", 40, 40, Measure, _ => false);

        lines.ShouldAllBe(l => l.Width <= 40);
        string.Concat(lines.SelectMany(l => l.Units).Select(u => u.Text)).ShouldBe("账号6228480402564890018");
    }

    [Fact]
    public void Wrap_LineBreaksInTheText_AreKept()
    {
        Wrap("张伟\n刘洋", 100).ShouldBe(["张伟", "刘洋"]);
    }

    [Fact]
    public void Wrap_FirstLineIndent_UsesTheNarrowerFirstWidth()
    {
        var lines = LineBreaker.Wrap("一二三四五六", 20, 40, Measure, _ => false);

        lines.Select(l => l.Units.Count).ShouldBe([2, 4]);
        lines[^1].EndsParagraph.ShouldBeTrue();
        lines[0].EndsParagraph.ShouldBeFalse();
    }

    [Fact]
    public void Wrap_CharacterTheSerifFaceLacks_IsDrawnWithSans()
    {
        var line = LineBreaker.Wrap("王堃", 100, 100, Measure, c => c == '堃').Single();

        line.Runs().Select(r => (r.Text, r.Sans)).ShouldBe([("王", false), ("堃", true)]);
    }
}
