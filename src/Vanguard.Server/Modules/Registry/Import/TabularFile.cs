using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Registry.Import;

/// <summary>One data row of an uploaded table: its row number as a spreadsheet shows it (the header is row 1) and its cells.</summary>
internal sealed record TabularRow(int Row, IReadOnlyList<string?> Cells);

/// <summary>The header and the non-empty rows of an uploaded CSV or XLSX file, every cell as text.</summary>
internal sealed record TabularFile(IReadOnlyList<string> Headers, IReadOnlyList<TabularRow> Rows)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 50_000;

    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public static readonly Error TooManyRows = new(
        "registry.import_too_many_rows",
        $"导入文件最多 {MaxRows:N0} 行数据，请拆分后分批导入。",
        $"An import file may hold at most {MaxRows:N0} data rows; split it.",
        ErrorKind.Validation);

    public static readonly Error Empty = new(
        "registry.import_empty", "导入文件没有表头行。", "The file has no header row.", ErrorKind.Validation);

    public static readonly Error Unreadable = new(
        "registry.import_unreadable", "无法读取该文件，请上传 UTF-8/GB18030 编码的 CSV 或 XLSX 文件。",
        "The file cannot be read; upload a CSV (UTF-8 or GB18030) or an XLSX file.", ErrorKind.Validation);

    public static readonly Error LegacyExcel = new(
        "registry.import_xls_unsupported", "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后导入。",
        "Legacy Excel (.xls) files are not supported; save as .xlsx or CSV.", ErrorKind.Validation);

    // The OLE compound-file signature of a legacy .xls workbook.
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>XLSX when the bytes are a ZIP package, CSV otherwise.</summary>
    public static Result<TabularFile> Read(byte[] content, string? charset) =>
        content.AsSpan().StartsWith(ZipMagic) ? ReadXlsx(content)
        : content.AsSpan().StartsWith(OleMagic) ? LegacyExcel
        : ReadCsv(content, charset);

    /// <summary>
    /// CSV in UTF-8 (with or without BOM) or GB18030 (GBK, GB2312 are subsets): the charset the client names wins; without one,
    /// bytes that are not valid UTF-8 are read as GB18030, which is what Excel on a Chinese Windows saves as "CSV".
    /// </summary>
    public static Result<TabularFile> ReadCsv(byte[] content, string? charset)
    {
        var encoding = EncodingOf(charset) ?? (Utf8.IsValid(content) ? null : Gb18030);
        var options = CsvReaderOptions.Default with
        {
            TrackLineNumbers = true,
            IncludeValuesInExceptions = false,
            Encoding = encoding,
        };
        try
        {
            using var reader = CsvReader.Create(content, options);
            var headers = reader.Headers.ToArray();
            if (headers.Length == 0)
            {
                return Empty;
            }

            var rows = new List<TabularRow>();
            while (reader.Read())
            {
                var cells = new string?[headers.Length];
                for (var i = 0; i < cells.Length && i < reader.FieldCount; i++)
                {
                    cells[i] = reader.GetString(i);
                }

                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (rows.Count == MaxRows)
                {
                    return TooManyRows;
                }

                rows.Add(new TabularRow((int)reader.LineNumber, cells));
            }

            return new TabularFile(headers, rows);
        }
        catch (Exception e) when (e is CsvFormatException or DecoderFallbackException or InvalidDataException)
        {
            return Unreadable;
        }
    }

    /// <summary>The first worksheet; dates become yyyy-MM-dd, numbers their shortest invariant text.</summary>
    public static Result<TabularFile> ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var configuration = new OpenXmlConfiguration { IgnoreEmptyRows = false, FillMergedCells = true };
            string[]? headers = null;
            var rows = new List<TabularRow>();
            var rowNumber = 0;
            foreach (IDictionary<string, object?> sheetRow in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX, configuration: configuration))
            {
                rowNumber++;
                var values = sheetRow.Values.Select(CellText).ToList();
                if (headers is null)
                {
                    if (values.All(string.IsNullOrWhiteSpace))
                    {
                        continue;
                    }

                    headers = values.Select(v => v ?? string.Empty).ToArray();
                    continue;
                }

                if (values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (rows.Count == MaxRows)
                {
                    return TooManyRows;
                }

                rows.Add(new TabularRow(rowNumber, [.. values.Take(headers.Length), .. Enumerable.Repeat<string?>(null, Math.Max(0, headers.Length - values.Count))]));
            }

            return headers is null ? Empty : new TabularFile(headers, rows);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or NotSupportedException)
        {
            return Unreadable;
        }
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("s", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static Encoding Gb18030 => CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    private static Encoding? EncodingOf(string? charset) => charset?.Trim('"', ' ').ToLowerInvariant() switch
    {
        "gb18030" or "gbk" or "gb2312" or "cp936" => Gb18030,
        _ => null,
    };
}
