using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Vanguard.Server.Tests.Supervision;

/// <summary>The platform on a clock the test moves, so that an officer goes on and off duty at known times.</summary>
public sealed class SupervisionClockFactory : SupervisionFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The trace's 在岗时长: each 上岗 (on the terminal) to the next 下岗; a period that starts on duty counts from its start, one still on duty up to now.</summary>
public sealed class DutyHoursTests(SupervisionClockFactory factory) : IClassFixture<SupervisionClockFactory>
{
    /// <summary>Signed in afresh each time: the clock moves past the idle timeout of a session.</summary>
    private async Task DutyAsync(bool onDuty)
    {
        var officer = await factory.SignedInAsync("zhengzhou.field");
        var response = await officer.PostAsJsonAsync("/api/v1/terminal/duty", new { onDuty }, ApiClient.Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ApiClient.Ct));
    }

    private static async Task<double> DutyHoursAsync(HttpClient admin, Guid officerId, DateTimeOffset from, DateTimeOffset? to)
    {
        var query = $"from={Uri.EscapeDataString(from.ToString("O"))}" + (to is { } t ? $"&to={Uri.EscapeDataString(t.ToString("O"))}" : "");
        var response = await admin.GetAsync($"/api/v1/supervision/officers/{officerId}/timeline?{query}", ApiClient.Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body["summary"]!["dutyHours"]!.GetValue<double>();
    }

    [Fact]
    public async Task DutyHours_AreTheExactHoursBetweenDutyOnAndDutyOff()
    {
        // A day after the start-up: the periods read below hold this test's duty entries only.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var field = await factory.AccountAsync("zhengzhou.field");
        await DutyAsync(false);
        var start = factory.Clock.GetUtcNow();

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await DutyAsync(true);                      // +0:10 上岗
        factory.Clock.Advance(TimeSpan.FromHours(2.5));
        await DutyAsync(false);                     // +2:40 下岗
        factory.Clock.Advance(TimeSpan.FromMinutes(45));
        await DutyAsync(true);                      // +3:25 上岗, still on duty at the reading
        factory.Clock.Advance(TimeSpan.FromHours(1.25));     // +4:40 now

        var admin = await factory.SignedInAsync("zhengzhou.admin");
        (await admin.GetAsync("/api/v1/audit/verify", ApiClient.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK); // links what is committed

        (await DutyHoursAsync(admin, field.OfficerId, start, null)).ShouldBe(3.75);                             // 2:30 + 1:15 up to now
        (await DutyHoursAsync(admin, field.OfficerId, start, start.AddHours(3))).ShouldBe(2.5);                 // the 2nd 上岗 is after the end
        (await DutyHoursAsync(admin, field.OfficerId, start.AddHours(1), start.AddHours(3))).ShouldBe(1.67);     // on duty at the start: 1:40
    }
}
