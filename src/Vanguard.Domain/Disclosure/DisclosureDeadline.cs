using Vanguard.Domain.Calendar;

namespace Vanguard.Domain.Disclosure;

/// <summary>
/// 公示期限 of a penalty decision (双公示). 国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见
/// (国办发〔2018〕118号) part 2(3): "行政许可、行政处罚的执法决定信息要在执法决定作出之日起 7 个工作日内公开". Counted like the
/// short periods of 行政处罚法 art. 85: working days on the holiday calendar (法定节假日 and weekends out, 调休上班 in), the day of the
/// decision itself not counted (民事诉讼法 art. 85 para. 1 by analogy); the 7th working day after it is the last day on time.
/// </summary>
public static class DisclosureDeadline
{
    public const int WorkingDays = 7;

    /// <summary>The last day on which publishing is on time.</summary>
    public static DateOnly DueOn(DateOnly decidedOn, IHolidayCalendar calendar) =>
        LegalPeriod.EndOfWorkingDays(decidedOn, WorkingDays, calendar);

    /// <summary>Published on or before the due day (China date of publication).</summary>
    public static bool OnTime(DateOnly publishedOn, DateOnly dueOn) => publishedOn <= dueOn;
}

/// <summary>
/// 公示期 (how long a published decision stays on line), per kind of party, in months. The national rule caps it: 失信行为纠正后的信用信息修复
/// 管理办法（试行） (国家发展改革委令 2023 年第 58 号) art. 7: 行政处罚信息 最短公示期 3 个月、最长 3 年; local rules publish natural persons for a
/// shorter time (domain reference §6: "online 5 years, 2 for natural persons"). Defaults: organisations 36 months (the national maximum,
/// as 信用中国 shows them), natural persons 24 months (the shorter local practice; 个人信息保护法 art. 19: no longer than necessary).
/// Counted from the day of publication.
/// </summary>
public sealed record PublicationPeriod(int PersonMonths = 24, int OrganisationMonths = 36)
{
    public const int MinMonths = 3;
    public const int MaxMonths = 36;

    public bool IsValid => PersonMonths is >= MinMonths and <= MaxMonths && OrganisationMonths is >= MinMonths and <= MaxMonths;

    /// <summary>The last day the entry is shown: publication day + the period (the day itself is the last day shown).</summary>
    public DateOnly ExpiresOn(DateOnly publishedOn, bool person) => publishedOn.AddMonths(person ? PersonMonths : OrganisationMonths);

    public int LongestMonths => Math.Max(PersonMonths, OrganisationMonths);
}
