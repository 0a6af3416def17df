using System.Globalization;
using System.Text;
using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Watchlists;

/// <summary>A good line of an import file, ready to become a pending entry.</summary>
internal sealed record ImportRow(int Line, string Plate, string PlateColor, string Reason, DateTimeOffset ValidUntil, bool FuzzyMatch);

/// <summary>
/// 批量导入布控车辆: a CSV file (RFC 4180; UTF-8, with or without BOM) with the header row
/// <c>号牌号码,号牌颜色,布控事由,有效期至[,模糊匹配]</c>. Columns are found by their header, in any order. Each line is checked
/// on its own: the good ones come back as rows, the bad ones as rejections naming their line (the header is line 1).
/// </summary>
internal static class WatchlistCsv
{
    public const int MaxRows = 50_000;
    public const int MaxBytes = 16 * 1024 * 1024;

    public const string PlateHeader = "号牌号码";
    public const string ColorHeader = "号牌颜色";
    public const string ReasonHeader = "布控事由";
    public const string ValidUntilHeader = "有效期至";
    public const string FuzzyHeader = "模糊匹配";

    public static readonly Error TooLarge = Validator.Invalid(
        "file", "surveillance.import_too_large", $"导入文件最多 {MaxRows:N0} 行、16 MB，请拆分后分批导入。",
        $"An import file may hold at most {MaxRows:N0} rows and 16 MB; split it.");

    public static readonly Error NotUtf8 = Validator.Invalid(
        "file", "surveillance.import_encoding", "文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后导入。",
        "The file is not UTF-8; save it as \"CSV UTF-8\" and import again.");

    public static Error HeaderMissing => Validator.Invalid(
        "file", "surveillance.import_header", $"首行须为表头：{PlateHeader},{ColorHeader},{ReasonHeader},{ValidUntilHeader}[,{FuzzyHeader}]。",
        $"The first line must be the header: {PlateHeader},{ColorHeader},{ReasonHeader},{ValidUntilHeader}[,{FuzzyHeader}].");

    public static async Task<Result<(List<ImportRow> Rows, List<ImportRejection> Rejected)>> ReadAsync(Stream csv, DateTimeOffset now, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await csv.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return TooLarge;
            }

            buffer.Write(chunk, 0, read);
        }

        string text;
        try
        {
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[bom..]);
        }
        catch (DecoderFallbackException)
        {
            return NotUtf8;
        }

        var lines = Parse(text);
        if (lines.Count == 0)
        {
            return HeaderMissing;
        }

        var header = lines[0].Cells.Select(h => h.Trim()).ToList();
        int Column(string name) => header.IndexOf(name);
        var (plateAt, colorAt, reasonAt, untilAt, fuzzyAt) = (Column(PlateHeader), Column(ColorHeader), Column(ReasonHeader), Column(ValidUntilHeader), Column(FuzzyHeader));
        if (plateAt < 0 || colorAt < 0 || reasonAt < 0 || untilAt < 0)
        {
            return HeaderMissing;
        }

        if (lines.Count - 1 > MaxRows)
        {
            return TooLarge;
        }

        var rows = new List<ImportRow>(lines.Count - 1);
        var rejected = new List<ImportRejection>();
        var inFile = new Dictionary<(string, string), int>();
        foreach (var (line, cells) in lines.Skip(1))
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string Cell(int at) => at >= 0 && at < cells.Count ? cells[at].Trim() : string.Empty;
            var problem = Check(Cell(plateAt), Cell(colorAt), Cell(reasonAt), Cell(untilAt), Cell(fuzzyAt), now, out var row);
            if (problem is null && inFile.TryGetValue((row!.Plate, row.PlateColor), out var first))
            {
                problem = ("surveillance.import_duplicate", $"与第 {first} 行为同一车辆（号牌号码和颜色相同）。");
            }

            if (problem is { } p)
            {
                rejected.Add(new ImportRejection(line, p.Code, p.Message));
                continue;
            }

            inFile[(row!.Plate, row.PlateColor)] = line;
            rows.Add(row with { Line = line });
        }

        return (rows, rejected);
    }

    private static (string Code, string Message)? Check(string rawPlate, string rawColor, string reason, string rawUntil, string rawFuzzy, DateTimeOffset now, out ImportRow? row)
    {
        row = null;
        var plate = PlateNumber.Normalise(rawPlate);
        if (!PlateNumber.IsValid(plate))
        {
            return ("surveillance.import_plate", $"号牌号码“{rawPlate}”格式不正确（如 豫A12345）。");
        }

        if (PlateColor.Parse(rawColor) is not { } color)
        {
            return ("surveillance.import_plate_color", $"号牌颜色“{rawColor}”无效，须为 蓝、黄、绿、黄绿、白、黑 之一。");
        }

        if (!PlateColor.IsConsistent(plate, color))
        {
            return ("surveillance.import_plate_color", "号牌颜色与号牌不符（新能源号牌为绿色或黄绿色，挂车号牌为黄色）。");
        }

        if (reason.Length == 0 || reason.Length > WatchlistHandler.MaxReasonLength)
        {
            return ("surveillance.import_reason", $"布控事由不能为空，且不超过 {WatchlistHandler.MaxReasonLength} 个字符。");
        }

        var until = ValidUntil(rawUntil, now, out var beyondLimit);
        if (until is null && !beyondLimit)
        {
            return ("surveillance.import_valid_until", $"有效期至“{rawUntil}”无法识别，请填写日期（如 2027-06-30）。");
        }

        if (beyondLimit || until <= now || until - now > WatchlistHandler.MaxValidity)
        {
            return ("surveillance.import_valid_until", "有效期至须晚于今天，且自今日起不超过 365 天。");
        }

        if (Fuzzy(rawFuzzy) is not { } fuzzy)
        {
            return ("surveillance.import_fuzzy", $"模糊匹配“{rawFuzzy}”无法识别，请填写 是 或 否（可留空，即否）。");
        }

        row = new ImportRow(0, plate, color, reason, until!.Value, fuzzy);
        return null;
    }

    /// <summary>
    /// A date means "through that day" (China time): the entry stops at the next midnight. A full timestamp with an
    /// offset is taken as it is; one without an offset is China time too (never the server's own zone). A date or time
    /// past the 365-day limit is flagged as such before any arithmetic on it (9999-12-31 has no next day).
    /// </summary>
    private static DateTimeOffset? ValidUntil(string text, DateTimeOffset now, out bool beyondLimit)
    {
        beyondLimit = false;
        var chinaToday = LegalClock.DayOf(now);
        string[] dateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"];
        if (DateOnly.TryParseExact(text, dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (day.DayNumber - chinaToday.DayNumber > WatchlistHandler.MaxValidity.Days)
            {
                beyondLimit = true;
                return null;
            }

            return LegalClock.StartOf(day.AddDays(1)).ToUniversalTime();
        }

        if (!text.Contains('T', StringComparison.Ordinal)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var stamp))
        {
            return null;
        }

        if (DateOnly.FromDateTime(stamp).DayNumber - chinaToday.DayNumber > WatchlistHandler.MaxValidity.Days + 1 || stamp.Year < 2)
        {
            beyondLimit = true; // far outside any window (or at the calendar's edges, where an offset would overflow)
            return null;
        }

        if (stamp.Kind == DateTimeKind.Unspecified)
        {
            return new DateTimeOffset(stamp, LegalClock.ChinaOffset).ToUniversalTime();
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at.ToUniversalTime() : null;
    }

    private static bool? Fuzzy(string text) => text.ToLowerInvariant() switch
    {
        "" or "否" or "n" or "no" or "false" or "0" => false,
        "是" or "y" or "yes" or "true" or "1" => true,
        _ => null,
    };

    /// <summary>RFC 4180: commas, quoted fields with doubled quotes, CRLF or LF; each record with the line it starts on.</summary>
    private static List<(int Line, List<string> Cells)> Parse(string text)
    {
        var records = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    records.Add((recordLine, cells));
                    cells = [];
                    cell.Clear();
                    any = false;
                    recordLine = ++line;
                    break;
                default:
                    cell.Append(c);
                    any = true;
                    break;
            }
        }

        if (any || cell.Length > 0)
        {
            cells.Add(cell.ToString());
            records.Add((recordLine, cells));
        }

        return records;
    }
}
