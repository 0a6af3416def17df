namespace Vanguard.Domain.Calendar;

/// <summary>
/// 国务院办公厅部分节假日安排 (official public-holiday arrangements) in the <see cref="HolidayCalendarText"/> format.
/// Transcribed from the notices as reprinted by Xinhua (gmw.cn 2024-11-12 and 2025-11-04) and checked against a second
/// reprint each. Make-up working days (调休上班) are all Saturdays or Sundays; a test checks that.
/// </summary>
public static class ChinaHolidayData
{
    public const string Years2025And2026 = """
        # 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）
        2025-01-01 holiday 元旦
        2025-01-28..2025-02-04 holiday 春节
        2025-01-26 workday 调休上班（春节）
        2025-02-08 workday 调休上班（春节）
        2025-04-04..2025-04-06 holiday 清明节
        2025-05-01..2025-05-05 holiday 劳动节
        2025-04-27 workday 调休上班（劳动节）
        2025-05-31..2025-06-02 holiday 端午节
        2025-10-01..2025-10-08 holiday 国庆节、中秋节
        2025-09-28 workday 调休上班（国庆节）
        2025-10-11 workday 调休上班（国庆节）

        # 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）
        2026-01-01..2026-01-03 holiday 元旦
        2026-01-04 workday 调休上班（元旦）
        2026-02-15..2026-02-23 holiday 春节
        2026-02-14 workday 调休上班（春节）
        2026-02-28 workday 调休上班（春节）
        2026-04-04..2026-04-06 holiday 清明节
        2026-05-01..2026-05-05 holiday 劳动节
        2026-05-09 workday 调休上班（劳动节）
        2026-06-19..2026-06-21 holiday 端午节
        2026-09-25..2026-09-27 holiday 中秋节
        2026-10-01..2026-10-07 holiday 国庆节
        2026-09-20 workday 调休上班（国庆节）
        2026-10-10 workday 调休上班（国庆节）
        """;
}
