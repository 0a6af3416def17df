using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;

namespace Vanguard.Server.Tests.Performance;

/// <summary>第三方评估: the evaluator of the province reads runs, drill-downs and objections across the province and changes nothing.</summary>
public sealed class EvaluatorTests(PerformanceFactory factory) : IClassFixture<PerformanceFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Evaluator_ReadsEverything_ChangesNothing()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var province = scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Current.All.Single(a => a.Level == (int)AgencyLevel.Province);
            var user = new StaffUser { UserName = "perf.evaluator", DisplayName = "第三方评估机构", AgencyId = province.Id, CreatedAt = DateTimeOffset.UtcNow };
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            (await users.CreateAsync(user, VanguardFactory.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Role.Evaluator)).Succeeded.ShouldBeTrue();
        }

        factory.Reverse("411300", "case:e-1");
        var admin = await factory.SignedInAsync("admin");
        var number = (await PerformanceKit.ComputeAsync(admin, "2025-11"))["number"]!.GetValue<int>();
        await PerformanceKit.PublishAsync(admin, "2025-11", number);
        var evaluator = await factory.SignedInAsync("perf.evaluator");

        (await PerformanceKit.OkAsync(await evaluator.GetAsync("/api/v1/performance/runs?month=2025-11", Ct))).AsArray().Count.ShouldBe(1);
        var drill = await PerformanceKit.OkAsync(await evaluator.GetAsync($"/api/v1/performance/runs/2025-11/{number}/agencies/411300", Ct));
        // The record behind the deduction, as a stable pseudonym: an evaluator never gets the record's id.
        var refs = drill["indicators"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "case_reversal")!["recordRefs"]!.AsArray();
        refs.Count.ShouldBe(1);
        refs[0]!.GetValue<string>().ShouldMatch("^case#[0-9a-f]{16}$");
        var adminDrill = await PerformanceKit.OkAsync(await admin.GetAsync($"/api/v1/performance/runs/2025-11/{number}/agencies/411300", Ct));
        adminDrill["indicators"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "case_reversal")!["recordRefs"]![0]!.GetValue<string>()
            .ShouldBe("case:e-1");
        await PerformanceKit.OkAsync(await evaluator.GetAsync("/api/v1/performance/objections", Ct));
        await PerformanceKit.OkAsync(await evaluator.GetAsync("/api/v1/me", Ct));

        // The records themselves stay closed: an evaluator sees the evaluation and its anonymised sample only.
        foreach (var path in new[]
                 {
                     "/api/v1/cases", "/api/v1/audit/entries", "/api/v1/audit/verify", "/api/v1/evidence", "/api/v1/registry/persons/11010519491231002X",
                     "/api/v1/offsite/review-items", "/api/v1/complaints",
                 })
        {
            (await evaluator.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }

        await (await evaluator.PostAsJsonAsync("/api/v1/performance/runs", new { month = "2025-11" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await evaluator.PostAsync($"/api/v1/performance/runs/2025-11/{number}/publish", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await evaluator.PostAsJsonAsync("/api/v1/performance/objections",
                new { month = "2025-11", agencyCode = "411300", indicatorCode = "case_reversal", reason = "评估意见" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await evaluator.PostAsJsonAsync("/api/v1/performance/indicators/versions", new { groups = Array.Empty<object>() }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await (await factory.SignedInAsync("nanyang.case")).GetAsync("/api/v1/performance/runs", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
