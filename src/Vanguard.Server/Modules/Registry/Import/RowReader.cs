using System.Globalization;
using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Registry.Import;

/// <summary>One problem with one field of one row of an import.</summary>
internal sealed record RowError(int Row, string Field, string Code, string MessageZh, string MessageEn)
{
    public static IEnumerable<RowError> From(int row, Error error) => error.Fields.Count == 0
        ? [new RowError(row, string.Empty, error.Code, error.MessageZh, error.MessageEn)]
        : error.Fields.SelectMany(f => f.Value.Select(e => new RowError(row, f.Key, e.Code, e.MessageZh, e.MessageEn)));
}

/// <summary>Reads typed values from the cells of a row; a value that does not parse is an error of that field.</summary>
internal sealed class RowReader(TabularRow row, IReadOnlyDictionary<string, int> columns)
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"];

    public List<RowError> Errors { get; } = [];

    public int Row => row.Row;

    public string? Text(string field) =>
        columns.TryGetValue(field, out var index) && index < row.Cells.Count ? RegistryRules.Clean(row.Cells[index]) : null;

    public int? Int(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (decimal.TryParse(text.Replace("，", ",", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            && value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue)
        {
            return (int)value;
        }

        Errors.Add(new RowError(row.Row, field, "registry.number_invalid", $"“{text}”不是整数。", $"'{text}' is not a whole number."));
        return null;
    }

    public DateOnly? Date(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return DateOnly.FromDateTime(parsed);
        }

        // A date cell that the spreadsheet stored as its serial number (days since 1899-12-30).
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 20_000 and <= 80_000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        Errors.Add(new RowError(row.Row, field, "registry.date_invalid", $"“{text}”不是有效日期（如 2026-12-31）。", $"'{text}' is not a date (e.g. 2026-12-31)."));
        return null;
    }
}
