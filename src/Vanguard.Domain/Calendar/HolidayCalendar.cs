namespace Vanguard.Domain.Calendar;

/// <summary>
/// 节假日安排 / 工作日历 (holiday calendar): Monday–Friday are working days except listed holidays (放假);
/// Saturday and Sunday are rest days except listed make-up working days (调休上班).
/// The State Council publishes the arrangement for the next year each November/December
/// (国务院办公厅关于 YYYY 年部分节假日安排的通知); the admin uploads it with <see cref="Parse"/>.
/// </summary>
/// <remarks>
/// A year without entries silently falls back to "weekends only", which is wrong for 春节 and 国庆.
/// Check <see cref="CoveredYears"/> before trusting dates in a year nobody has uploaded.
/// </remarks>
public sealed class HolidayCalendar : IHolidayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkingDays;
    private readonly Dictionary<DateOnly, string> _labels;

    public HolidayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays)
        : this(holidays, makeUpWorkingDays, new Dictionary<DateOnly, string>())
    {
    }

    internal HolidayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays, Dictionary<DateOnly, string> labels)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);
        _holidays = [.. holidays];
        _makeUpWorkingDays = [.. makeUpWorkingDays];
        var both = _holidays.Intersect(_makeUpWorkingDays).Order().ToList();
        if (both.Count > 0)
        {
            throw new ArgumentException(
                $"A day cannot be both a holiday and a make-up working day: {string.Join(", ", both.Select(d => d.ToString("yyyy-MM-dd")))}.",
                nameof(makeUpWorkingDays));
        }

        _labels = labels;
        CoveredYears = _holidays.Concat(_makeUpWorkingDays).Select(d => d.Year).ToHashSet();
    }

    /// <summary>Saturdays and Sundays off, no holidays: for tests and as an explicit fallback.</summary>
    public static HolidayCalendar WeekendsOnly { get; } = new([], []);

    /// <summary>
    /// The official arrangements for 2025 (国办发明电〔2024〕12号, 2024-11-12) and 2026 (国务院办公厅 notice of
    /// 2025-11-04), as published by Xinhua. See <see cref="ChinaHolidayData"/> for the source lines.
    /// </summary>
    public static HolidayCalendar China2025And2026 { get; } = Parse(ChinaHolidayData.Years2025And2026);

    /// <summary>Years that have at least one holiday or make-up working day listed.</summary>
    public IReadOnlySet<int> CoveredYears { get; }

    public IReadOnlySet<DateOnly> Holidays => _holidays;

    public IReadOnlySet<DateOnly> MakeUpWorkingDays => _makeUpWorkingDays;

    public bool IsWorkingDay(DateOnly day)
    {
        if (_makeUpWorkingDays.Contains(day))
        {
            return true;
        }

        if (_holidays.Contains(day))
        {
            return false;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The label given in the uploaded text (e.g. 国庆节, 调休), if any.</summary>
    public string? LabelOf(DateOnly day) => _labels.GetValueOrDefault(day);

    /// <summary>
    /// Parses the admin's yearly upload (format: see <see cref="HolidayCalendarText"/>) and throws a
    /// <see cref="FormatException"/> listing every bad line by number. Use <see cref="TryParse"/> to get the
    /// errors as values instead.
    /// </summary>
    public static HolidayCalendar Parse(string text)
    {
        var result = TryParse(text);
        if (result.Calendar is { } calendar)
        {
            return calendar;
        }

        throw new FormatException(string.Join(Environment.NewLine, result.Errors.Select(e => e.ToString())));
    }

    /// <summary>Parses the admin's upload and returns every error (with its line number) instead of throwing.</summary>
    public static HolidayCalendarParseResult TryParse(string text) => HolidayCalendarText.Parse(text);
}
