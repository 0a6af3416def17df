using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Vanguard.Server.Modules.Cases.Documents;

/// <summary>Where a band landed: its page, its top, and whether a page starts or ends with it.</summary>
internal readonly record struct BandPlacement(int Page, double Top, bool FirstOnPage, bool LastOnPage);

/// <summary>
/// A horizontal strip of the document (one line of text, one line of a table row, a gap). Documents are laid out
/// as a list of bands, then paginated, then drawn: a table row split by a page break closes its borders at the
/// bottom of one page and reopens them at the top of the next.
/// </summary>
internal sealed class Band
{
    public required double Height { get; init; }

    public required Action<XGraphics, BandPlacement> Draw { get; init; }

    /// <summary>Moves to the next page together with the band before it.</summary>
    public bool KeepWithPrevious { get; init; }

    /// <summary>A gap: dropped at the top of a page.</summary>
    public bool IsSpacer { get; init; }

    public static Band Space(double height) => new() { Height = height, Draw = static (_, _) => { }, IsSpacer = true };
}

/// <summary>A4 page geometry, fonts and text measuring for one document being rendered.</summary>
internal sealed class PageLayout : IDisposable
{
    // A4 with the margins of GB/T 9704-2012 for the binding side (left 28 mm, right 26 mm); top and bottom are
    // narrower than a 公文's because these are forms.
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double Left = 28 * Mm;
    public const double Right = PageWidth - (26 * Mm);
    public const double Top = 25 * Mm;
    public const double Bottom = PageHeight - (25 * Mm);
    public const double Width = Right - Left;
    private const double Mm = 72 / 25.4;

    private readonly CaseDocumentFonts _fonts;
    private readonly XGraphics _measure;
    private readonly Dictionary<(bool Sans, double Size, bool Bold), XFont> _xfonts = [];
    private readonly Dictionary<(string Text, bool Sans, double Size), double> _widths = [];

    public PageLayout(CaseDocumentFonts fonts)
    {
        _fonts = fonts;
        _measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
    }

    public XFont Font(bool sans, double size, bool bold = false)
    {
        if (!_xfonts.TryGetValue((sans, size, bold), out var font))
        {
            font = new XFont(
                sans ? CaseDocumentFonts.SansFamily : CaseDocumentFonts.SerifFamily,
                size,
                bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                new XPdfFontOptions(PdfFontEncoding.Unicode));
            _xfonts[(sans, size, bold)] = font;
        }

        return font;
    }

    public double Measure(string text, bool sans, double size)
    {
        if (!_widths.TryGetValue((text, sans, size), out var width))
        {
            width = _measure.MeasureString(text, Font(sans, size)).Width;
            _widths[(text, sans, size)] = width;
        }

        return width;
    }

    public List<TextLine> Wrap(string text, double size, double firstWidth, double width, bool preferSans = false) =>
        LineBreaker.Wrap(
            text,
            firstWidth,
            width,
            (s, sans) => Measure(s, sans, size),
            c => _fonts.UseSans(c, preferSans));

    /// <summary>
    /// Draws a line with its top at <paramref name="top"/> in a box <paramref name="lineHeight"/> high, the em
    /// box centred vertically. <paramref name="justifyTo"/> spreads a full line to end at that x, as Chinese
    /// documents are set flush on both sides.
    /// </summary>
    public void DrawLine(
        XGraphics gfx, TextLine line, double x, double top, double lineHeight, double size, double? justifyTo = null,
        double tracking = 0, bool bold = false)
    {
        var baseline = top + ((lineHeight - size) / 2) + (0.86 * size);
        var gaps = line.Units.Count - 1;
        var extra = tracking;
        if (justifyTo is { } right && !line.EndsParagraph && gaps > 0)
        {
            var slack = right - x - line.Width;
            if (slack > 0 && slack < 3 * size)
            {
                extra = slack / gaps;
            }
        }

        if (extra == 0)
        {
            foreach (var run in line.Runs())
            {
                gfx.DrawString(run.Text, Font(run.Sans, size, bold), XBrushes.Black, x, baseline, XStringFormats.BaseLineLeft);
                x += run.Width;
            }

            return;
        }

        foreach (var unit in line.Units)
        {
            var at = x;
            foreach (var run in unit.Runs)
            {
                gfx.DrawString(run.Text, Font(run.Sans, size, bold), XBrushes.Black, at, baseline, XStringFormats.BaseLineLeft);
                at += run.Width;
            }

            x += unit.Width + extra;
        }
    }

    /// <summary>
    /// Assigns bands to pages. A band that does not fit starts a new page, taking along the bands it is kept
    /// with (unless they already start the page, which would loop); a band taller than a page is placed anyway.
    /// </summary>
    public static (BandPlacement[] Placements, int Pages) Paginate(IReadOnlyList<Band> bands)
    {
        var placements = new BandPlacement[bands.Count];
        var page = 0;
        var y = Top;
        var firstOnPage = 0;
        var i = 0;
        while (i < bands.Count)
        {
            var band = bands[i];
            if (band.IsSpacer && i == firstOnPage)
            {
                placements[i] = new BandPlacement(page, y, true, false);
                i++;
                firstOnPage = i;
                continue;
            }

            if (y + band.Height > Bottom + 0.01 && i > firstOnPage)
            {
                var start = i;
                while (start > firstOnPage && bands[start].KeepWithPrevious)
                {
                    start--;
                }

                if (start == firstOnPage)
                {
                    start = i;
                }

                page++;
                y = Top;
                firstOnPage = start;
                i = start;
                continue;
            }

            placements[i] = new BandPlacement(page, y, i == firstOnPage, false);
            y += band.Height;
            i++;
        }

        for (var b = 0; b < bands.Count; b++)
        {
            var last = b == bands.Count - 1 || placements[b + 1].Page != placements[b].Page;
            placements[b] = placements[b] with { LastOnPage = last };
        }

        return (placements, page + 1);
    }

    public void Dispose() => _measure.Dispose();
}
