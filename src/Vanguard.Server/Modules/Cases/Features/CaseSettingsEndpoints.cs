using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Cases.Features;

public sealed record HearingThresholdsView(long PersonFen, long OrganisationFen, bool IsDefault);

public sealed record HearingThresholdsRequest(long? PersonFen, long? OrganisationFen);

/// <summary>Province settings: 较大数额 hearing thresholds (行政处罚法 art. 63), set by the province administrator.</summary>
internal static class CaseSettingsEndpoints
{
    public static void MapCaseSettings(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/cases/settings").WithTags("Cases");
        settings.MapGet("/hearing-thresholds", GetAsync).RequireAuthorization(Policies.Staff);
        settings.MapPut("/hearing-thresholds", PutAsync).RequireAuthorization(CasesPolicies.ProvinceAdmin);
        settings.MapGet("/calendar/{year:int}", GetCalendarAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("The holiday calendar of a year: holidays and make-up working days, and whether it was uploaded.");
        settings.MapPut("/calendar/{year:int}", PutCalendarAsync).RequireAuthorization(CasesPolicies.ProvinceAdmin)
            .Accepts<string>("text/plain")
            .WithSummary("Upload a year's 节假日安排: lines like '2027-10-01..2027-10-07 holiday 国庆节' or '2027-09-26 workday 调休'.");
    }

    public sealed record CalendarDayView(DateOnly Day, string Kind, string? Label);

    public sealed record CalendarView(int Year, bool Uploaded, bool Known, IReadOnlyList<CalendarDayView> Days);

    private static async Task<Ok<CalendarView>> GetCalendarAsync(int year, CaseCalendars calendars, VanguardDbContext db, CancellationToken ct)
    {
        var calendar = await calendars.CurrentAsync(ct);
        var uploaded = await db.Set<HolidayYear>().AsNoTracking().AnyAsync(y => y.Year == year, ct);
        var days = calendar.Holidays.Where(d => d.Year == year).Select(d => new CalendarDayView(d, "holiday", calendar.LabelOf(d)))
            .Concat(calendar.MakeUpWorkingDays.Where(d => d.Year == year).Select(d => new CalendarDayView(d, "workday", calendar.LabelOf(d))))
            .OrderBy(d => d.Day).ToList();
        return TypedResults.Ok(new CalendarView(year, uploaded, days.Count > 0, days));
    }

    private static async Task<Results<Ok<CalendarView>, ProblemHttpResult>> PutCalendarAsync(
        int year, HttpRequest request, VanguardDbContext db, CaseCalendars calendars, IAuditLog audit, ICurrentActor actor, TimeProvider clock)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var parsed = Vanguard.Domain.Calendar.HolidayCalendar.TryParse(text);
        var check = new Validator();
        foreach (var error in parsed.Errors)
        {
            check.Add($"line {error.LineNumber}", "invalid_line", error.MessageZh, error.MessageEn);
        }

        if (parsed.Calendar is { } cal && (cal.Holidays.Concat(cal.MakeUpWorkingDays).Any(d => d.Year != year) || cal.Holidays.Count == 0))
        {
            check.Add("year", "wrong_year", $"文件须只包含 {year} 年的日期，且至少有一个节假日。", $"The file must hold dates of {year} only, with at least one holiday.");
        }

        if (year is < 2000 or > 2100)
        {
            check.Add("year", "out_of_range", "年份须在 2000–2100 之间。", "The year must be within 2000–2100.");
        }

        if (!check.IsValid)
        {
            return check.ToError().ToProblem(request.HttpContext);
        }

        var row = await db.Set<HolidayYear>().SingleOrDefaultAsync(y => y.Year == year, request.HttpContext.RequestAborted);
        if (row is null)
        {
            row = new HolidayYear { Year = year, Text = text, UploadedBy = actor.Name };
            db.Add(row);
        }

        row.Text = text;
        row.UploadedAt = clock.GetUtcNow();
        row.UploadedBy = actor.Name;
        audit.Record("cases.settings.calendar", "calendar", year.ToString(System.Globalization.CultureInfo.InvariantCulture), text);
        await db.SaveChangesAsync(request.HttpContext.RequestAborted);
        calendars.Invalidate();
        return TypedResults.Ok((await GetCalendarAsync(year, calendars, db, request.HttpContext.RequestAborted)).Value!);
    }

    private static async Task<Ok<HearingThresholdsView>> GetAsync(VanguardDbContext db, CancellationToken ct)
    {
        var row = await db.Set<CaseSettings>().AsNoTracking().SingleOrDefaultAsync(ct);
        return TypedResults.Ok(row is null
            ? new HearingThresholdsView(HearingThresholds.Default.PersonFen, HearingThresholds.Default.OrganisationFen, true)
            : new HearingThresholdsView(row.HearingThresholdPersonFen, row.HearingThresholdOrganisationFen, false));
    }

    private static async Task<Results<Ok<HearingThresholdsView>, ProblemHttpResult>> PutAsync(
        HearingThresholdsRequest request, VanguardDbContext db, IAuditLog audit, TimeProvider clock, HttpContext http)
    {
        var check = new Validator()
            .Check(request.PersonFen is > 0, "personFen", "must_be_positive", "个人听证标准须大于零（单位：分）。", "The person threshold must be positive (fen).")
            .Check(request.OrganisationFen is > 0, "organisationFen", "must_be_positive", "单位听证标准须大于零（单位：分）。", "The organisation threshold must be positive (fen).");
        if (!check.IsValid)
        {
            return check.ToError().ToProblem(http);
        }

        var row = await db.Set<CaseSettings>().SingleOrDefaultAsync(http.RequestAborted);
        if (row is null)
        {
            row = new CaseSettings { Id = 1 };
            db.Add(row);
        }

        row.HearingThresholdPersonFen = request.PersonFen!.Value;
        row.HearingThresholdOrganisationFen = request.OrganisationFen!.Value;
        row.UpdatedAt = clock.GetUtcNow();
        audit.Record("cases.settings.hearing_thresholds", "settings", "hearing-thresholds", request);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(new HearingThresholdsView(row.HearingThresholdPersonFen, row.HearingThresholdOrganisationFen, false));
    }
}
