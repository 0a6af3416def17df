namespace Vanguard.Domain.Credit;

/// <summary>How long a listing lasts and when 信用修复 may be asked for (all configurable).</summary>
public sealed record CreditPeriods
{
    /// <summary>
    /// The 2017 joint memorandum: a subject leaves the 严重违法失信超限超载 list 2 years after publication if it commits no new
    /// violation [U: the provincial implementing rules differ].
    /// </summary>
    public int ListingMonths { get; set; } = 24;

    /// <summary>
    /// The shortest publication before 信用修复 may be applied for (domain-reference §10: penalty information stays public at least
    /// 3 months, and at least 1 year in the serious fields; NDRC 信用修复 rules). A 严重失信 listing is serious, so 12 months [U].
    /// </summary>
    public int MinimumPublicationMonths { get; set; } = 12;

    public static CreditPeriods Default { get; } = new();
}

/// <summary>信用修复 and the end of a listing: pure date rules.</summary>
public static class CreditRepair
{
    /// <summary>The day a listing confirmed on <paramref name="listedOn"/> ends by itself (移出).</summary>
    public static DateOnly ExpiresOn(DateOnly listedOn, CreditPeriods periods) => listedOn.AddMonths(periods.ListingMonths);

    /// <summary>The first day a 信用修复 application is accepted.</summary>
    public static DateOnly EarliestRepairOn(DateOnly listedOn, CreditPeriods periods) => listedOn.AddMonths(periods.MinimumPublicationMonths);

    /// <summary>Whether an application made on <paramref name="today"/> comes after the minimum publication period.</summary>
    public static bool MayApply(DateOnly listedOn, DateOnly today, CreditPeriods periods) => today >= EarliestRepairOn(listedOn, periods);

    public static bool HasExpired(DateOnly expiresOn, DateOnly today) => today >= expiresOn;
}
