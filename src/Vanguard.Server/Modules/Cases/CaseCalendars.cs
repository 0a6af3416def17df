using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Calendar;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Data;

namespace Vanguard.Server.Modules.Cases;

/// <summary>
/// The holiday calendar legal periods are counted on (行政处罚法 art. 85): the years built into the domain
/// (国务院办公厅 notices for 2025 and 2026) plus the years an administrator uploaded; an upload replaces its year.
/// Cached; reloaded after an upload.
/// </summary>
internal sealed class CaseCalendars(IServiceScopeFactory scopes) : Contracts.ILegalCalendar
{
    private HolidayCalendar? _cached;

    public async Task<HolidayCalendar> CurrentAsync(CancellationToken ct)
    {
        if (_cached is { } cached)
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var uploaded = await db.Set<HolidayYear>().AsNoTracking().ToListAsync(ct);
        _cached = Combine(HolidayCalendar.China2025And2026, uploaded.Select(y => (y.Year, HolidayCalendar.Parse(y.Text))));
        return _cached;
    }

    async Task<IHolidayCalendar> Contracts.ILegalCalendar.CurrentAsync(CancellationToken ct) => await CurrentAsync(ct);

    public void Invalidate() => _cached = null;

    public static HolidayCalendar Combine(HolidayCalendar builtIn, IEnumerable<(int Year, HolidayCalendar Calendar)> uploads)
    {
        var replaced = uploads.ToList();
        var years = replaced.Select(u => u.Year).ToHashSet();
        var holidays = builtIn.Holidays.Where(d => !years.Contains(d.Year)).Concat(replaced.SelectMany(u => u.Calendar.Holidays.Where(d => d.Year == u.Year)));
        var workdays = builtIn.MakeUpWorkingDays.Where(d => !years.Contains(d.Year))
            .Concat(replaced.SelectMany(u => u.Calendar.MakeUpWorkingDays.Where(d => d.Year == u.Year)));
        return new HolidayCalendar(holidays, workdays);
    }
}
