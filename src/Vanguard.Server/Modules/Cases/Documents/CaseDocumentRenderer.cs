using System.Security.Cryptography;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Vanguard.Server.Modules.Cases.Documents;

/// <summary>
/// Renders a <see cref="CaseDocumentData"/> to an A4 PDF laid out like the MOT 2021 式样: agency name and title
/// centred, 案号 on the right, the fields (a bordered table on forms), the body, the rights notice, signatures,
/// then seal line and date on the right; "第 N 页 共 M 页" at the foot when it runs over one page.
/// Thread-safe: one instance may serve the whole process (register it as a singleton).
/// </summary>
public sealed class CaseDocumentRenderer
{
    private const double AgencySize = 16;
    private const double TitleSize = 22;
    private const double BodySize = 12;
    private const double BodyLine = 21;
    private const double FormSize = 11;
    private const double FormLine = 17;
    private const double CellPadding = 4;
    private const double LabelColumn = 100;
    private const double FooterSize = 10;

    private static readonly XPen Rule = new(XColors.Black, 0.75);

    private readonly CaseDocumentFonts _fonts;

    /// <summary>Uses the Debian font paths (<see cref="CaseDocumentFontOptions"/>).</summary>
    public CaseDocumentRenderer()
        : this(new CaseDocumentFontOptions())
    {
    }

    /// <exception cref="FileNotFoundException">A font is missing; the message names the Debian package.</exception>
    /// <exception cref="InvalidOperationException">PDFsharp's font resolver was already set by other options or code.</exception>
    public CaseDocumentRenderer(CaseDocumentFontOptions fonts) => _fonts = CaseDocumentFonts.Register(fonts);

    /// <summary>The registered fonts (PDFsharp's process-wide resolver), for other PDFs drawn with the same faces.</summary>
    internal CaseDocumentFonts Fonts => _fonts;

    /// <summary>Lower-case hex SHA-256 of the PDF bytes, as recorded against the case.</summary>
    public static string Sha256Hex(byte[] pdf) => Convert.ToHexStringLower(SHA256.HashData(pdf));

    public byte[] Render(CaseDocumentData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(data.CaseNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(data.AgencyName);

        using var layout = new PageLayout(_fonts);
        var bands = new List<Band>();
        AddHeading(layout, data, bands);
        if (data.Kind.IsForm())
        {
            AddTable(layout, data.Fields, bands);
        }
        else
        {
            AddFieldLines(layout, data.Fields, bands);
        }

        if (data.Paragraphs.Count > 0)
        {
            bands.Add(Band.Space(BodyLine / 2));
            AddParagraphs(layout, data.Paragraphs, bands);
        }

        if (data.RightsNotice.Count > 0)
        {
            AddParagraphs(layout, data.RightsNotice, bands);
        }

        AddClosing(layout, data, bands);
        return Draw(layout, data, bands);
    }

    private static void AddHeading(PageLayout layout, CaseDocumentData data, List<Band> bands)
    {
        foreach (var line in layout.Wrap(data.AgencyName, AgencySize, PageLayout.Width, PageLayout.Width))
        {
            bands.Add(new Band
            {
                Height = AgencySize * 1.6,
                Draw = (gfx, at) => layout.DrawLine(
                    gfx, line, PageLayout.Left + ((PageLayout.Width - line.Width) / 2), at.Top, AgencySize * 1.6, AgencySize),
            });
        }

        // Short titles are spaced out (送 达 回 证), as on the printed forms.
        var title = layout.Wrap(data.Kind.Title(), TitleSize, PageLayout.Width, PageLayout.Width)[0];
        var tracking = title.Units.Count <= 4 ? TitleSize : title.Units.Count <= 6 ? TitleSize / 3 : 0;
        var titleWidth = title.Width + (tracking * (title.Units.Count - 1));
        bands.Add(new Band
        {
            Height = TitleSize * 2,
            Draw = (gfx, at) => layout.DrawLine(
                gfx, title, PageLayout.Left + ((PageLayout.Width - titleWidth) / 2), at.Top, TitleSize * 2, TitleSize,
                tracking: tracking, bold: true),
        });

        var number = layout.Wrap($"案号：{data.CaseNumber}", BodySize, PageLayout.Width, PageLayout.Width);
        foreach (var line in number)
        {
            bands.Add(new Band
            {
                Height = BodyLine,
                Draw = (gfx, at) => layout.DrawLine(gfx, line, PageLayout.Right - line.Width, at.Top, BodyLine, BodySize),
            });
        }

        bands.Add(Band.Space(BodyLine / 3));
    }

    /// <summary>
    /// "标签：内容" lines. Two short neighbours share a line, the second starting at the middle, as on the
    /// printed templates (当事人：…　身份证件号码：…); a long one takes the whole width and wraps to the margin.
    /// </summary>
    private static void AddFieldLines(PageLayout layout, IReadOnlyList<DocumentField> fields, List<Band> bands)
    {
        const double half = PageLayout.Width / 2;
        var texts = fields.Select(f => f.Label.Length == 0 ? f.Value : $"{f.Label}：{f.Value}").ToList();
        bool Short(int i) => fields[i].MinLines <= 1 && !texts[i].Contains('\n', StringComparison.Ordinal)
            && layout.Wrap(texts[i], BodySize, half - BodySize, half - BodySize).Count == 1;

        for (var i = 0; i < fields.Count; i++)
        {
            if (i + 1 < fields.Count && Short(i) && Short(i + 1))
            {
                var left = layout.Wrap(texts[i], BodySize, half, half)[0];
                var right = layout.Wrap(texts[i + 1], BodySize, half, half)[0];
                bands.Add(new Band
                {
                    Height = BodyLine,
                    Draw = (gfx, at) =>
                    {
                        layout.DrawLine(gfx, left, PageLayout.Left, at.Top, BodyLine, BodySize);
                        layout.DrawLine(gfx, right, PageLayout.Left + half, at.Top, BodyLine, BodySize);
                    },
                });
                i++;
                continue;
            }

            var lines = layout.Wrap(texts[i], BodySize, PageLayout.Width, PageLayout.Width);
            for (var k = 0; k < Math.Max(lines.Count, fields[i].MinLines); k++)
            {
                var line = k < lines.Count ? lines[k] : null;
                bands.Add(new Band
                {
                    Height = BodyLine,
                    KeepWithPrevious = k > 0,
                    Draw = (gfx, at) =>
                    {
                        if (line is not null)
                        {
                            layout.DrawLine(gfx, line, PageLayout.Left, at.Top, BodyLine, BodySize, justifyTo: PageLayout.Right);
                        }
                    },
                });
            }
        }
    }

    private static void AddParagraphs(PageLayout layout, IReadOnlyList<string> paragraphs, List<Band> bands)
    {
        var indent = 2 * BodySize;
        foreach (var paragraph in paragraphs)
        {
            var lines = layout.Wrap(paragraph, BodySize, PageLayout.Width - indent, PageLayout.Width);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var x = PageLayout.Left + (i == 0 ? indent : 0);
                bands.Add(new Band
                {
                    Height = BodyLine,
                    Draw = (gfx, at) => layout.DrawLine(gfx, line, x, at.Top, BodyLine, BodySize, justifyTo: PageLayout.Right),
                });
            }
        }
    }

    /// <summary>
    /// Two columns, label and value. A row of up to six lines is kept on one page; a longer one (a case summary)
    /// is split at a line, its borders closed and reopened across the break.
    /// </summary>
    private static void AddTable(PageLayout layout, IReadOnlyList<DocumentField> fields, List<Band> bands)
    {
        const double labelText = LabelColumn - (2 * CellPadding);
        const double valueText = PageLayout.Width - LabelColumn - (2 * CellPadding);
        const double fullText = PageLayout.Width - (2 * CellPadding);
        foreach (var field in fields)
        {
            var spans = field.Label.Length == 0;
            var labels = spans ? [] : layout.Wrap(field.Label, FormSize, labelText, labelText);
            var values = layout.Wrap(field.Value, FormSize, spans ? fullText : valueText, spans ? fullText : valueText);
            if (field.Value.Length == 0)
            {
                values.Clear();
            }

            var rows = Math.Max(Math.Max(labels.Count, values.Count), Math.Max(field.MinLines, 1));
            // Labels are centred in short rows; a long row that may be split keeps its label at the top.
            var labelFrom = rows <= 6 ? (rows - labels.Count) / 2 : 0;
            for (var k = 0; k < rows; k++)
            {
                var first = k == 0;
                var last = k == rows - 1;
                var label = k - labelFrom >= 0 && k - labelFrom < labels.Count ? labels[k - labelFrom] : null;
                var value = k < values.Count ? values[k] : null;
                bands.Add(new Band
                {
                    Height = FormLine + (first ? CellPadding : 0) + (last ? CellPadding : 0),
                    KeepWithPrevious = !first && rows <= 6,
                    Draw = (gfx, at) =>
                    {
                        var height = FormLine + (first ? CellPadding : 0) + (last ? CellPadding : 0);
                        var textTop = at.Top + (first ? CellPadding : 0);
                        var divider = PageLayout.Left + LabelColumn;
                        if (label is not null)
                        {
                            layout.DrawLine(gfx, label, PageLayout.Left + ((LabelColumn - label.Width) / 2), textTop, FormLine, FormSize);
                        }

                        if (value is not null)
                        {
                            var x = (spans ? PageLayout.Left : divider) + CellPadding;
                            layout.DrawLine(gfx, value, x, textTop, FormLine, FormSize, justifyTo: PageLayout.Right - CellPadding);
                        }

                        gfx.DrawLine(Rule, PageLayout.Left, at.Top, PageLayout.Left, at.Top + height);
                        gfx.DrawLine(Rule, PageLayout.Right, at.Top, PageLayout.Right, at.Top + height);
                        if (!spans)
                        {
                            gfx.DrawLine(Rule, divider, at.Top, divider, at.Top + height);
                        }

                        if (first || at.FirstOnPage)
                        {
                            gfx.DrawLine(Rule, PageLayout.Left, at.Top, PageLayout.Right, at.Top);
                        }

                        if (last || at.LastOnPage)
                        {
                            gfx.DrawLine(Rule, PageLayout.Left, at.Top + height, PageLayout.Right, at.Top + height);
                        }
                    },
                });
            }
        }
    }

    /// <summary>
    /// Signature lines on the left, then the seal line and the date on the right, the date four characters in
    /// from the margin and the seal line centred over it (GB/T 9704-2012 7.3.5.1). The closing block takes the
    /// last line of text with it to a new page: a page with only a seal and a date is not allowed.
    /// </summary>
    private static void AddClosing(PageLayout layout, CaseDocumentData data, List<Band> bands)
    {
        if (data.SignatureLines.Count > 0)
        {
            bands.Add(Band.Space(BodyLine / 2));
            foreach (var text in data.SignatureLines)
            {
                foreach (var line in layout.Wrap(text, BodySize, PageLayout.Width, PageLayout.Width))
                {
                    bands.Add(new Band
                    {
                        Height = BodyLine * 1.5,
                        Draw = (gfx, at) => layout.DrawLine(gfx, line, PageLayout.Left, at.Top, BodyLine * 1.5, BodySize),
                    });
                }
            }
        }

        if (data.AgencySeal is null && data.Kind.IsForm())
        {
            // An internal form (立案登记表, 结案报告) is signed in its opinion rows; only the date it was filled in follows.
            var filled = layout.Wrap($"填表日期：{ChineseText.Date(data.IssuedOn)}", BodySize, PageLayout.Width, PageLayout.Width)[0];
            bands.Add(new Band
            {
                Height = BodyLine * 1.5,
                KeepWithPrevious = true,
                Draw = (gfx, at) => layout.DrawLine(gfx, filled, PageLayout.Right - filled.Width, at.Top + (BodyLine / 2), BodyLine, BodySize),
            });
            return;
        }

        var date = layout.Wrap(ChineseText.Date(data.IssuedOn), BodySize, PageLayout.Width, PageLayout.Width)[0];
        var centre = PageLayout.Right - (4 * BodySize) - (date.Width / 2);
        bands.Add(new Band { Height = BodyLine * 1.5, KeepWithPrevious = true, Draw = static (_, _) => { } });
        if (data.AgencySeal is { } seal)
        {
            foreach (var line in layout.Wrap(seal, BodySize, PageLayout.Width * 0.75, PageLayout.Width * 0.75))
            {
                var x = Math.Min(centre - (line.Width / 2), PageLayout.Right - line.Width);
                bands.Add(new Band
                {
                    Height = BodyLine,
                    KeepWithPrevious = true,
                    Draw = (gfx, at) => layout.DrawLine(gfx, line, x, at.Top, BodyLine, BodySize),
                });
            }
        }

        bands.Add(new Band
        {
            Height = BodyLine,
            KeepWithPrevious = true,
            Draw = (gfx, at) => layout.DrawLine(gfx, date, centre - (date.Width / 2), at.Top, BodyLine, BodySize),
        });
    }

    private static byte[] Draw(PageLayout layout, CaseDocumentData data, List<Band> bands)
    {
        var (placements, pageCount) = PageLayout.Paginate(bands);
        using var document = new PdfDocument();
        document.Info.Title = $"{data.Kind.Title()} {data.CaseNumber}";
        document.Info.Author = data.AgencyName;
        document.Info.Creator = "Vanguard";
        var pages = new List<PdfPage>();
        var graphics = new List<XGraphics>();
        try
        {
            for (var p = 0; p < pageCount; p++)
            {
                var page = document.AddPage();
                page.Width = XUnit.FromPoint(PageLayout.PageWidth);
                page.Height = XUnit.FromPoint(PageLayout.PageHeight);
                pages.Add(page);
                graphics.Add(XGraphics.FromPdfPage(page));
            }

            for (var b = 0; b < bands.Count; b++)
            {
                bands[b].Draw(graphics[placements[b].Page], placements[b]);
            }

            if (pageCount > 1)
            {
                for (var p = 0; p < pageCount; p++)
                {
                    var footer = layout.Wrap($"第 {p + 1} 页 共 {pageCount} 页", FooterSize, PageLayout.Width, PageLayout.Width)[0];
                    layout.DrawLine(
                        graphics[p], footer, PageLayout.Left + ((PageLayout.Width - footer.Width) / 2),
                        PageLayout.Bottom + (8 * 72 / 25.4), FooterSize * 1.5, FooterSize);
                }
            }
        }
        finally
        {
            foreach (var gfx in graphics)
            {
                gfx.Dispose();
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}
