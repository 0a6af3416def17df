namespace Vanguard.Domain.Complaints;

/// <summary>
/// 两个必须: after a ticket is assigned, the responsible agency must (1) phone the complainant and the party
/// (first contact) and (2) be present on site. No national per-type 12328 deadline exists (domain-reference §8), so
/// the limits are a table per ticket type with the defaults: contact within 2 hours, on site within 24 hours.
/// </summary>
public sealed record TwoMustsLimits(TimeSpan Contact, TimeSpan Onsite)
{
    public static TwoMustsLimits Default { get; } = new(TimeSpan.FromHours(2), TimeSpan.FromHours(24));
}

/// <summary>Which must.</summary>
public static class Must
{
    /// <summary>首次电话联系.</summary>
    public const string Contact = "contact";

    /// <summary>到达现场.</summary>
    public const string Onsite = "onsite";

    public static string NameZh(string must) => must == Contact ? "首次电话联系" : "到达现场";
}

/// <summary>Where one must stands at a given time.</summary>
public enum MustState
{
    /// <summary>Not done, still within the limit.</summary>
    Pending,

    /// <summary>Done within the limit.</summary>
    OnTime,

    /// <summary>Not done and past the limit.</summary>
    Overdue,

    /// <summary>Done, but after the limit.</summary>
    Late,
}

/// <summary>The SLA table (per ticket type) and the pure computations on it.</summary>
public sealed class TwoMustsTable
{
    private readonly IReadOnlyDictionary<string, TwoMustsLimits> _byType;

    public TwoMustsTable(IReadOnlyDictionary<string, TwoMustsLimits> byType, TwoMustsLimits fallback)
    {
        foreach (var (type, limits) in byType)
        {
            if (limits.Contact <= TimeSpan.Zero || limits.Onsite <= TimeSpan.Zero)
            {
                throw new ArgumentException($"The limits of {type} must be positive.", nameof(byType));
            }
        }

        _byType = byType;
        Fallback = fallback;
    }

    /// <summary>Every type on the defaults (2 h, 24 h).</summary>
    public static TwoMustsTable Default { get; } = new(new Dictionary<string, TwoMustsLimits>(), TwoMustsLimits.Default);

    public TwoMustsLimits Fallback { get; }

    public TwoMustsLimits For(string type) => _byType.GetValueOrDefault(type, Fallback);

    /// <summary>The two due times, counted from the assignment (calendar hours: the hotline works 7×24).</summary>
    public (DateTimeOffset ContactDue, DateTimeOffset OnsiteDue) DueTimes(string type, DateTimeOffset assignedAt)
    {
        var limits = For(type);
        return (assignedAt + limits.Contact, assignedAt + limits.Onsite);
    }

    /// <summary>Where a must stands at <paramref name="now"/>: done exactly at the due time is on time.</summary>
    public static MustState State(DateTimeOffset due, DateTimeOffset? doneAt, DateTimeOffset now) => doneAt switch
    {
        { } done => done <= due ? MustState.OnTime : MustState.Late,
        null => now > due ? MustState.Overdue : MustState.Pending,
    };
}
