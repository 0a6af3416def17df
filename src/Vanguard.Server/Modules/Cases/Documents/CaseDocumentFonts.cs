using PdfSharp.Fonts;

namespace Vanguard.Server.Modules.Cases.Documents;

/// <summary>
/// Where the CJK fonts are. The defaults are the paths of Debian's packages; <c>test.sh</c> installs both.
/// PDFsharp 6.2 reads <c>.ttf</c> only: a <c>.ttc</c> collection is accepted here and face
/// <see cref="SansFaceIndex"/> is copied out of it. Noto CJK (CFF outlines) is not suitable: PDFsharp cannot
/// subset it and every PDF would carry the whole font (≈ 13 MB).
/// </summary>
public sealed record CaseDocumentFontOptions
{
    public const string DebianSerifPath = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
    public const string DebianSansPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /// <summary>宋体-like face for the body (AR PL SungtiL GB, Debian <c>fonts-arphic-gbsn00lp</c>). Required.</summary>
    public string SerifFontPath { get; init; } = DebianSerifPath;

    /// <summary>
    /// 黑体-like face for titles, and the fallback for characters outside GB 2312 (e.g. 堃, 喆 in names), which the
    /// serif face lacks (WenQuanYi Micro Hei, Debian <c>fonts-wqy-microhei</c>). <c>null</c>: serif everywhere, and
    /// such characters print as empty boxes.
    /// </summary>
    public string? SansFontPath { get; init; } = DebianSansPath;

    public int SansFaceIndex { get; init; }
}

/// <summary>The two faces and the PDFsharp resolver that serves them under fixed family names.</summary>
internal sealed class CaseDocumentFonts : IFontResolver
{
    public const string SerifFamily = "Vanguard CJK Serif";
    public const string SansFamily = "Vanguard CJK Sans";
    private const string SerifFace = "vanguard-cjk-serif";
    private const string SansFace = "vanguard-cjk-sans";

    private static readonly Lock Gate = new();
    private static CaseDocumentFonts? _registered;

    private CaseDocumentFonts(CaseDocumentFontOptions options, TrueTypeFace serif, TrueTypeFace? sans)
    {
        Options = options;
        Serif = serif;
        Sans = sans;
    }

    public CaseDocumentFontOptions Options { get; }

    public TrueTypeFace Serif { get; }

    public TrueTypeFace? Sans { get; }

    /// <summary>
    /// Loads the fonts and installs them as PDFsharp's resolver, once per process. <see cref="GlobalFontSettings"/>
    /// is process-wide and may be set only once, before any font is used, so the first options win and a
    /// different set later is refused rather than silently ignored.
    /// </summary>
    public static CaseDocumentFonts Register(CaseDocumentFontOptions options)
    {
        CheckFilesExist(options);
        lock (Gate)
        {
            if (_registered is not null)
            {
                return _registered.Options == options
                    ? _registered
                    : throw new InvalidOperationException(
                        $"The case-document fonts are already registered with {_registered.Options}; PDFsharp allows one font resolver per process, so {options} cannot be used as well.");
            }

            if (GlobalFontSettings.FontResolver is { } other)
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has a font resolver ({other.GetType().FullName}); the case-document renderer needs its own and PDFsharp allows one per process.");
            }

            var fonts = Load(options);
            GlobalFontSettings.FontResolver = fonts;
            _registered = fonts;
            return fonts;
        }
    }

    internal static CaseDocumentFonts Load(CaseDocumentFontOptions options)
    {
        CheckFilesExist(options);
        var serif = TrueTypeFace.Load(options.SerifFontPath, 0);
        var sans = options.SansFontPath is null ? null : TrueTypeFace.Load(options.SansFontPath, options.SansFaceIndex);
        return new CaseDocumentFonts(options, serif, sans);
    }

    internal static void CheckFilesExist(CaseDocumentFontOptions options)
    {
        if (!File.Exists(options.SerifFontPath))
        {
            throw new FileNotFoundException(
                $"The serif CJK font for case documents was not found at {options.SerifFontPath}. On Debian install it with `apt-get install fonts-arphic-gbsn00lp`, or set {nameof(CaseDocumentFontOptions)}.{nameof(CaseDocumentFontOptions.SerifFontPath)} to a TrueType (.ttf) CJK font.",
                options.SerifFontPath);
        }

        if (options.SansFontPath is { } sans && !File.Exists(sans))
        {
            throw new FileNotFoundException(
                $"The sans CJK font for case documents was not found at {sans}. On Debian install it with `apt-get install fonts-wqy-microhei`, or set {nameof(CaseDocumentFontOptions)}.{nameof(CaseDocumentFontOptions.SansFontPath)} to another TrueType font (.ttf, or .ttc with a face index), or to null to use the serif font only.",
                sans);
        }
    }

    /// <summary>The face to draw a character with: the preferred one if it has the glyph, else the other one.</summary>
    public bool UseSans(int codePoint, bool preferSans)
    {
        if (Sans is null)
        {
            return false;
        }

        return preferSans
            ? Sans.Covers(codePoint) || !Serif.Covers(codePoint)
            : !Serif.Covers(codePoint) && Sans.Covers(codePoint);
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = familyName switch
        {
            SerifFamily => SerifFace,
            SansFamily => Sans is null ? SerifFace : SansFace,
            _ => null,
        };

        // Neither face has a bold or italic design: PDFsharp simulates them.
        return face is null ? null : new FontResolverInfo(face, bold, italic);
    }

    public byte[]? GetFont(string faceName) => faceName switch
    {
        SerifFace => Serif.Data,
        SansFace => Sans?.Data,
        _ => null,
    };
}
