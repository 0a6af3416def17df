using System.Text;

namespace Vanguard.Server.Modules.Cases.Documents;

/// <summary>A piece of text drawn with one face.</summary>
internal readonly record struct TextRun(string Text, bool Sans, double Width);

/// <summary>
/// What a line may be broken after or before: one CJK character, one Latin word or number (kept whole unless it
/// is longer than a line), or one space.
/// </summary>
internal sealed record TextUnit(IReadOnlyList<TextRun> Runs, double Width, bool IsSpace, string Text);

internal sealed record TextLine(IReadOnlyList<TextUnit> Units, double Width, bool EndsParagraph)
{
    /// <summary>Neighbouring units of the same face merged, for drawing unjustified.</summary>
    public IEnumerable<TextRun> Runs()
    {
        var text = new StringBuilder();
        bool? sans = null;
        var width = 0d;
        foreach (var run in Units.SelectMany(u => u.Runs))
        {
            if (sans is { } current && current != run.Sans)
            {
                yield return new TextRun(text.ToString(), current, width);
                text.Clear();
                width = 0;
            }

            sans = run.Sans;
            text.Append(run.Text);
            width += run.Width;
        }

        if (sans is { } last)
        {
            yield return new TextRun(text.ToString(), last, width);
        }
    }
}

/// <summary>
/// Breaks text into lines that never pass the given width. Chinese has no spaces, so any two CJK characters may be
/// parted; Latin words and numbers (豫A12345, 〔2026〕0001, GB 1589-2016) stay whole, a number with the unit
/// after it (9时, 30分, 12月). Simple 禁则: closing
/// punctuation never starts a line and opening punctuation never ends one (a character moves to the next line
/// instead; nothing hangs into the margin).
/// </summary>
internal static class LineBreaker
{
    private const string NoLineStart = "，。、；：？！）》」』】〕〉”’…—·%‰,.;:?!)]}";
    private const string NumberUnits = "年月日时分秒号条款项元角个次人辆吨％";
    private const string NoLineEnd = "（《「『【〔〈“‘([{￥$";

    /// <param name="measure">Width of a string drawn with the sans (true) or serif (false) face.</param>
    /// <param name="useSans">Which face a character is drawn with.</param>
    public static List<TextLine> Wrap(
        string text, double firstWidth, double width, Func<string, bool, double> measure, Func<int, bool> useSans)
    {
        var lines = new List<TextLine>();
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        foreach (var paragraph in paragraphs)
        {
            var units = Split(paragraph, measure, useSans, Math.Min(firstWidth, width));
            WrapParagraph(units, lines.Count == 0 ? firstWidth : width, width, lines);
        }

        return lines;
    }

    private static void WrapParagraph(List<TextUnit> units, double firstWidth, double width, List<TextLine> lines)
    {
        var current = new List<TextUnit>();
        var available = firstWidth;
        foreach (var unit in units)
        {
            if (current.Count == 0 && unit.IsSpace)
            {
                continue;
            }

            if (Width(current) + unit.Width <= available + 0.01)
            {
                current.Add(unit);
                continue;
            }

            if (unit.IsSpace)
            {
                lines.Add(Line(current, false));
                current = [];
                available = width;
                continue;
            }

            var carried = new List<TextUnit>();
            if (IsNoLineStart(unit) && current.Count > 1)
            {
                carried.Insert(0, current[^1]);
                current.RemoveAt(current.Count - 1);
            }

            while (current.Count > 1 && (IsNoLineEnd(current[^1]) || current[^1].IsSpace))
            {
                if (!current[^1].IsSpace)
                {
                    carried.Insert(0, current[^1]);
                }

                current.RemoveAt(current.Count - 1);
            }

            lines.Add(Line(current, false));
            carried.Add(unit);
            current = carried;
            available = width;
        }

        lines.Add(Line(current, true));
    }

    private static TextLine Line(List<TextUnit> units, bool endsParagraph)
    {
        var trimmed = units.ToList();
        while (trimmed.Count > 0 && trimmed[^1].IsSpace)
        {
            trimmed.RemoveAt(trimmed.Count - 1);
        }

        return new TextLine(trimmed, Width(trimmed), endsParagraph);
    }

    private static double Width(List<TextUnit> units) => units.Sum(u => u.Width);

    private static bool IsNoLineStart(TextUnit unit) => unit.Text.Length > 0 && NoLineStart.Contains(unit.Text[0]);

    private static bool IsNoLineEnd(TextUnit unit) => unit.Text.Length > 0 && NoLineEnd.Contains(unit.Text[^1]);

    /// <summary>True for characters after which a line may break on either side (CJK, full-width forms, symbols).</summary>
    private static bool IsWide(Rune rune) => rune.Value >= 0x2000;

    private static List<TextUnit> Split(
        string text, Func<string, bool, double> measure, Func<int, bool> useSans, double maxWidth)
    {
        var units = new List<TextUnit>();
        var word = new List<Rune>();

        void FlushWord()
        {
            if (word.Count == 0)
            {
                return;
            }

            var unit = Unit(word, measure, useSans);
            if (unit.Width <= maxWidth)
            {
                units.Add(unit);
            }
            else
            {
                // Longer than a line (a URL, an account number): break it anywhere rather than pass the margin.
                units.AddRange(word.Select(r => Unit([r], measure, useSans)));
            }

            word.Clear();
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                FlushWord();
                // An ideographic space (U+3000) is as wide as a character; forms use it to leave room to sign.
                var space = rune.ToString();
                var spaceWidth = measure(space, false);
                units.Add(new TextUnit([new TextRun(space, false, spaceWidth)], spaceWidth, true, space));
            }
            else if (word.Count > 0 && NumberUnits.Contains(rune.ToString(), StringComparison.Ordinal)
                && word.All(r => Rune.IsDigit(r) || r.Value is ',' or '.'))
            {
                // 9时 | 30分, not 9时30 | 分: a number keeps the unit that follows it.
                word.Add(rune);
                FlushWord();
            }
            else if (IsWide(rune) || Rune.IsControl(rune))
            {
                FlushWord();
                if (!Rune.IsControl(rune))
                {
                    units.Add(Unit([rune], measure, useSans));
                }
            }
            else
            {
                word.Add(rune);
            }
        }

        FlushWord();
        return units;
    }

    private static TextUnit Unit(IReadOnlyList<Rune> runes, Func<string, bool, double> measure, Func<int, bool> useSans)
    {
        var runs = new List<TextRun>();
        var text = new StringBuilder();
        var all = new StringBuilder();
        bool? sans = null;
        foreach (var rune in runes)
        {
            var runeSans = useSans(rune.Value);
            if (sans is { } current && current != runeSans)
            {
                runs.Add(new TextRun(text.ToString(), current, measure(text.ToString(), current)));
                text.Clear();
            }

            sans = runeSans;
            text.Append(rune.ToString());
            all.Append(rune.ToString());
        }

        if (sans is { } last)
        {
            runs.Add(new TextRun(text.ToString(), last, measure(text.ToString(), last)));
        }

        return new TextUnit(runs, runs.Sum(r => r.Width), false, all.ToString());
    }
}
