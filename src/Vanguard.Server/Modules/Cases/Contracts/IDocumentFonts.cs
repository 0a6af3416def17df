namespace Vanguard.Server.Modules.Cases.Contracts;

/// <summary>
/// The CJK fonts of the case documents, for other modules' PDFs. PDFsharp allows one font resolver per process and the
/// cases module owns it; these family names are what it serves (<c>new XFont(family, size, …)</c>).
/// </summary>
public interface IDocumentFonts
{
    /// <summary>宋体-like face for body text.</summary>
    string SerifFamily { get; }

    /// <summary>黑体-like face for titles and for characters the serif face lacks (the serif face when none is configured).</summary>
    string SansFamily { get; }

    /// <summary>Whether <paramref name="codePoint"/> should be drawn with the sans face.</summary>
    bool UseSans(int codePoint, bool preferSans);
}
