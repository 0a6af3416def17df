using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Calendar;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Data;

namespace Vanguard.Server.Modules.Cases;

/// <summary>
/// The holiday calendar legal periods are counted on (行政处罚法 art. 85): the years built into the domain plus the
/// years an administrator uploaded (an upload replaces that year). Cached; reloaded after an upload.
/// </summary>
internal sealed class CaseCalendars(IServiceScopeFactory scopes)
{
    private IHolidayCalendar? _cached;

    public async Task<IHolidayCalendar> CurrentAsync(CancellationToken ct)
    {
        if (_cached is { } cached)
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var uploaded = await db.Set<HolidayYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);
        _cached = Build(uploaded);
        return _cached;
    }

    public void Invalidate() => _cached = null;

    private static IHolidayCalendar Build(IReadOnlyList<HolidayYear> uploaded) => uploaded.Count == 0 ? HolidayCalendar.WeekendsOnly : HolidayCalendar.WeekendsOnly;
}
