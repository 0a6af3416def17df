using System.Globalization;

namespace Vanguard.Domain.Calendar;

/// <summary>
/// 节假日安排上传格式 (the admin's yearly holiday upload). One entry per line:
/// <code>
/// # 国务院办公厅关于2026年部分节假日安排的通知
/// 2026-10-01..2026-10-07 holiday 国庆节
/// 2026-09-20 workday 调休上班
/// 2026-10-10 workday 调休上班   # comment after an entry
/// </code>
/// <list type="bullet">
/// <item>a date <c>yyyy-MM-dd</c>, or an inclusive range <c>yyyy-MM-dd..yyyy-MM-dd</c> (at most 31 days);</item>
/// <item>the kind: <c>holiday</c> (放假) or <c>workday</c> (调休上班, must fall on a Saturday or Sunday), case-insensitive;</item>
/// <item>an optional label (the rest of the line);</item>
/// <item><c>#</c> starts a comment; blank lines are ignored; spaces, tabs and full-width spaces separate fields.</item>
/// </list>
/// Every bad line is reported with its 1-based line number; nothing is loaded if any line is bad.
/// </summary>
public static class HolidayCalendarText
{
    private const int MaxRangeDays = 31;

    public static HolidayCalendarParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<HolidayCalendarParseError>();
        var holidays = new Dictionary<DateOnly, int>();
        var workdays = new Dictionary<DateOnly, int>();
        var labels = new Dictionary<DateOnly, string>();

        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var raw = lines[i].TrimEnd('\r');
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var content = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var fields = content.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length < 2)
            {
                errors.Add(new(number, raw, "格式应为“日期 holiday|workday [说明]”。", "Expected '<date> holiday|workday [label]'."));
                continue;
            }

            if (!TryParseDays(fields[0], out var first, out var last, out var dateError))
            {
                errors.Add(new(number, raw, dateError.Zh, dateError.En));
                continue;
            }

            var kind = fields[1].ToUpperInvariant();
            if (kind is not ("HOLIDAY" or "WORKDAY"))
            {
                errors.Add(new(number, raw, $"类型“{fields[1]}”无效，应为 holiday（放假）或 workday（调休上班）。",
                    $"Unknown kind '{fields[1]}'; use holiday or workday."));
                continue;
            }

            var label = fields.Length == 3 ? fields[2] : null;
            var isHoliday = kind == "HOLIDAY";
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                if (!isHoliday && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    errors.Add(new(number, raw, $"{Iso(day)} 是{ZhWeekday(day)}，本来就是工作日；调休上班日应为周六或周日。",
                        $"{Iso(day)} is a {day.DayOfWeek}, already a working day; a make-up working day falls on a weekend."));
                    continue;
                }

                var other = isHoliday ? workdays : holidays;
                if (other.TryGetValue(day, out var otherLine))
                {
                    errors.Add(new(number, raw, $"{Iso(day)} 在第 {otherLine} 行已列为{(isHoliday ? "调休上班" : "放假")}，不能同时放假又上班。",
                        $"{Iso(day)} is already listed as a {(isHoliday ? "workday" : "holiday")} on line {otherLine}."));
                    continue;
                }

                (isHoliday ? holidays : workdays).TryAdd(day, number);
                if (label is not null)
                {
                    labels[day] = label;
                }
            }
        }

        if (errors.Count == 0 && holidays.Count == 0 && workdays.Count == 0)
        {
            errors.Add(new(0, "", "没有任何日期条目。", "The text has no entries."));
        }

        return errors.Count > 0
            ? new HolidayCalendarParseResult(null, errors)
            : new HolidayCalendarParseResult(new HolidayCalendar(holidays.Keys, workdays.Keys, labels), []);
    }

    private static bool TryParseDays(string field, out DateOnly first, out DateOnly last, out (string Zh, string En) error)
    {
        var parts = field.Split("..");
        last = default;
        error = default;
        if (parts.Length > 2 || !TryParseDate(parts[0], out first) || (parts.Length == 2 && !TryParseDate(parts[1], out last)))
        {
            first = default;
            error = ($"日期“{field}”无效，应为 yyyy-MM-dd 或 yyyy-MM-dd..yyyy-MM-dd。",
                $"'{field}' is not a date; use yyyy-MM-dd or yyyy-MM-dd..yyyy-MM-dd.");
            return false;
        }

        if (parts.Length == 1)
        {
            last = first;
            return true;
        }

        if (last < first)
        {
            error = ($"日期范围“{field}”的结束日早于开始日。", $"Range '{field}' ends before it starts.");
            return false;
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxRangeDays)
        {
            error = ($"日期范围“{field}”超过 {MaxRangeDays} 天，疑为输入错误。", $"Range '{field}' is longer than {MaxRangeDays} days; probably a typo.");
            return false;
        }

        return true;
    }

    private static bool TryParseDate(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string ZhWeekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        DayOfWeek.Sunday => "周日",
        _ => throw new ArgumentOutOfRangeException(nameof(day)),
    };
}

/// <summary>One bad line of a holiday upload; <see cref="LineNumber"/> is 1-based (0 = the text as a whole).</summary>
public sealed record HolidayCalendarParseError(int LineNumber, string Line, string MessageZh, string MessageEn)
{
    public override string ToString() => LineNumber == 0
        ? $"{MessageEn} / {MessageZh}"
        : $"Line {LineNumber}: {MessageEn} / 第 {LineNumber} 行：{MessageZh} [{Line.Trim()}]";
}

/// <summary>The calendar, or every error found; never both.</summary>
public sealed record HolidayCalendarParseResult(HolidayCalendar? Calendar, IReadOnlyList<HolidayCalendarParseError> Errors)
{
    public bool IsSuccess => Calendar is not null;
}
