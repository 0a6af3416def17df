using System.Buffers.Binary;

namespace Vanguard.Server.Modules.Cases.Documents;

/// <summary>
/// One TrueType face as PDFsharp wants it: a stand-alone <c>.ttf</c> image (a face of a <c>.ttc</c> collection is
/// copied out, because PDFsharp 6.2 fails on collections) and the set of characters it has glyphs for, so that
/// the renderer can fall back to another face instead of printing a box.
/// </summary>
internal sealed class TrueTypeFace
{
    private readonly HashSet<int> _coverage;

    private TrueTypeFace(byte[] data, HashSet<int> coverage)
    {
        Data = data;
        _coverage = coverage;
    }

    public byte[] Data { get; }

    public bool Covers(int codePoint) => _coverage.Contains(codePoint);

    public static TrueTypeFace Load(string path, int faceIndex)
    {
        var file = File.ReadAllBytes(path);
        var data = IsCollection(file) ? ExtractFace(file, faceIndex) : file;
        return new TrueTypeFace(data, ReadCoverage(data));
    }

    private static bool IsCollection(byte[] file) =>
        file.Length >= 12 && file[0] == 't' && file[1] == 't' && file[2] == 'c' && file[3] == 'f';

    private static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at, 4));

    private static ushort U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at, 2));

    /// <summary>
    /// Rebuilds face <paramref name="faceIndex"/> of a collection as a single font: the same table directory, with
    /// the tables copied behind it (table offsets in a collection are relative to the start of the whole file).
    /// </summary>
    internal static byte[] ExtractFace(byte[] collection, int faceIndex)
    {
        var faces = (int)U32(collection, 8);
        if (faceIndex < 0 || faceIndex >= faces)
        {
            throw new InvalidDataException($"The font collection has {faces} faces; face {faceIndex} does not exist.");
        }

        var directory = (int)U32(collection, 12 + (4 * faceIndex));
        var tableCount = U16(collection, directory + 4);
        var headerLength = 12 + (16 * tableCount);
        var tables = new (int Record, int Offset, int Length)[tableCount];
        var total = headerLength;
        for (var i = 0; i < tableCount; i++)
        {
            var record = directory + 12 + (16 * i);
            tables[i] = (record, (int)U32(collection, record + 8), (int)U32(collection, record + 12));
            total += (tables[i].Length + 3) & ~3;
        }

        var font = new byte[total];
        collection.AsSpan(directory, headerLength).CopyTo(font);
        var cursor = headerLength;
        for (var i = 0; i < tableCount; i++)
        {
            collection.AsSpan(tables[i].Offset, tables[i].Length).CopyTo(font.AsSpan(cursor));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(12 + (16 * i) + 8, 4), (uint)cursor);
            cursor += (tables[i].Length + 3) & ~3;
        }

        return font;
    }

    /// <summary>Characters mapped by the Unicode <c>cmap</c> subtable (format 12 if present, else format 4).</summary>
    internal static HashSet<int> ReadCoverage(byte[] font)
    {
        var cmap = FindTable(font, "cmap") ?? throw new InvalidDataException("The font has no cmap table.");
        var count = U16(font, cmap + 2);
        int? format4 = null;
        int? format12 = null;
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + (8 * i);
            var platform = U16(font, record);
            var encoding = U16(font, record + 2);
            var subtable = cmap + (int)U32(font, record + 4);
            var unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (!unicode)
            {
                continue;
            }

            switch (U16(font, subtable))
            {
                case 4:
                    format4 ??= subtable;
                    break;
                case 12:
                    format12 ??= subtable;
                    break;
                default:
                    break;
            }
        }

        var covered = new HashSet<int>();
        if (format12 is { } f12)
        {
            var groups = U32(font, f12 + 12);
            for (var g = 0; g < groups; g++)
            {
                var at = f12 + 16 + (12 * g);
                for (var c = U32(font, at); c <= U32(font, at + 4); c++)
                {
                    covered.Add((int)c);
                }
            }

            return covered;
        }

        if (format4 is not { } f4)
        {
            throw new InvalidDataException("The font has no Unicode cmap (format 4 or 12).");
        }

        var segments = U16(font, f4 + 6) / 2;
        var ends = f4 + 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            int end = U16(font, ends + (2 * s));
            int start = U16(font, starts + (2 * s));
            var delta = U16(font, deltas + (2 * s));
            var rangeOffsetAt = rangeOffsets + (2 * s);
            int rangeOffset = U16(font, rangeOffsetAt);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var glyphAt = rangeOffsetAt + rangeOffset + (2 * (c - start));
                    glyph = glyphAt + 1 < font.Length ? U16(font, glyphAt) : 0;
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    covered.Add(c);
                }
            }
        }

        return covered;
    }

    private static int? FindTable(byte[] font, string tag)
    {
        var tableCount = U16(font, 4);
        for (var i = 0; i < tableCount; i++)
        {
            var record = 12 + (16 * i);
            if (font[record] == tag[0] && font[record + 1] == tag[1] && font[record + 2] == tag[2] && font[record + 3] == tag[3])
            {
                return (int)U32(font, record + 8);
            }
        }

        return null;
    }
}
