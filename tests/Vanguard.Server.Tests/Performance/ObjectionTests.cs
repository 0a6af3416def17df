using System.Net;
using System.Net.Http.Json;

namespace Vanguard.Server.Tests.Performance;

/// <summary>质疑: an agency objects to a deduction; upholding publishes a new version with the change logged; rejecting leaves it.</summary>
public sealed class ObjectionTests(PerformanceFactory factory) : IClassFixture<PerformanceFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Objection_Upheld_PublishesANewVersionWithTheChangeLogged()
    {
        var admin = await factory.SignedInAsync("admin");
        var xuchang = await factory.SignedInAsync("xuchang.admin");
        factory.Reverse("411000", "case:o-1", "case:o-2");
        var published = (await PerformanceKit.ComputeAsync(admin, "2025-07"))["number"]!.GetValue<int>();
        await PerformanceKit.PublishAsync(admin, "2025-07", published);

        var objection = await PerformanceKit.OkAsync(await xuchang.PostAsJsonAsync("/api/v1/performance/objections",
            new { month = "2025-07", indicatorCode = "case_reversal", reason = "其中一件复议撤销系因法规修订，非本单位执法过错。" }, Ct), HttpStatusCode.Created);
        objection["deducted"]!.GetValue<decimal>().ShouldBe(4m);
        objection["agencyCode"]!.GetValue<string>().ShouldBe("411000");
        var id = objection["id"]!.GetValue<string>();
        await (await xuchang.PostAsJsonAsync($"/api/v1/performance/objections/{id}/uphold", new { correctedDeduction = 2m, version = 1 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");

        var upheld = await PerformanceKit.OkAsync(await admin.PostAsJsonAsync($"/api/v1/performance/objections/{id}/uphold",
            new { correctedDeduction = 2m, note = "经核实，扣除 1 件。", version = 1 }, Ct));

        upheld["status"]!.GetValue<string>().ShouldBe("upheld");
        upheld["resultRunNumber"]!.GetValue<int>().ShouldBe(published + 1);
        var board = await PerformanceKit.OkAsync(await factory.CreateClient().GetAsync("/api/v1/performance/scores?month=2025-07", Ct));
        board["runNumber"]!.GetValue<int>().ShouldBe(published + 1);
        PerformanceKit.Row(board, "411000")["score"]!.GetValue<decimal>().ShouldBe(98m);
        var runs = await PerformanceKit.OkAsync(await admin.GetAsync("/api/v1/performance/runs?month=2025-07", Ct));
        runs.AsArray().Single(r => r!["number"]!.GetValue<int>() == published)!["status"]!.GetValue<string>().ShouldBe("superseded");
        var reason = runs.AsArray().Single(r => r!["number"]!.GetValue<int>() == published + 1)!["reason"]!.GetValue<string>();
        reason.ShouldContain("质疑成立");
        reason.ShouldContain("由 4 分更正为 2 分");
        var drill = await PerformanceKit.OkAsync(await xuchang.GetAsync($"/api/v1/performance/runs/2025-07/{published}/agencies/411000", Ct));
        drill["score"]!.GetValue<decimal>().ShouldBe(96m, "the published version it replaced is kept as it was");

        await (await admin.PostAsJsonAsync($"/api/v1/performance/objections/{id}/reject", new { note = "再议", version = 2 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "performance.objection_decided");
    }

    [Fact]
    public async Task Objection_Rejected_LeavesThePublishedVersion()
    {
        var admin = await factory.SignedInAsync("admin");
        var yuzhou = await factory.SignedInAsync("xuchang.admin");
        factory.Reverse("411081", "case:y-1");
        var published = (await PerformanceKit.ComputeAsync(admin, "2025-08"))["number"]!.GetValue<int>();
        await PerformanceKit.PublishAsync(admin, "2025-08", published);
        var id = (await PerformanceKit.OkAsync(await yuzhou.PostAsJsonAsync("/api/v1/performance/objections",
            new { month = "2025-08", agencyCode = "411081", indicatorCode = "case_reversal", reason = "不服" }, Ct), HttpStatusCode.Created))["id"]!.GetValue<string>();

        await (await admin.PostAsJsonAsync($"/api/v1/performance/objections/{id}/reject", new { version = 1 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var rejected = await PerformanceKit.OkAsync(await admin.PostAsJsonAsync($"/api/v1/performance/objections/{id}/reject",
            new { note = "复议决定书载明系执法程序违法。", version = 1 }, Ct));

        rejected["status"]!.GetValue<string>().ShouldBe("rejected");
        var board = await PerformanceKit.OkAsync(await factory.CreateClient().GetAsync("/api/v1/performance/scores?month=2025-08", Ct));
        board["runNumber"]!.GetValue<int>().ShouldBe(published);
    }

    [Fact]
    public async Task Objection_BadOnes_AreRefused()
    {
        var admin = await factory.SignedInAsync("admin");
        var xuchang = await factory.SignedInAsync("xuchang.admin");
        factory.Reverse("411082", "case:c-1");
        await (await xuchang.PostAsJsonAsync("/api/v1/performance/objections",
                new { month = "2025-09", agencyCode = "411082", indicatorCode = "case_reversal", reason = "理由" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "performance.run_not_published");
        await PerformanceKit.PublishAsync(admin, "2025-09", (await PerformanceKit.ComputeAsync(admin, "2025-09"))["number"]!.GetValue<int>());

        await (await xuchang.PostAsJsonAsync("/api/v1/performance/objections",
                new { month = "2025-09", agencyCode = "411082", indicatorCode = "dispatch_hit_rate", reason = "理由" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "performance.nothing_to_object");
        var outside = await (await (await factory.SignedInAsync("nanyang.admin")).PostAsJsonAsync("/api/v1/performance/objections",
                new { month = "2025-09", agencyCode = "411082", indicatorCode = "case_reversal", reason = "理由" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        PerformanceKit.Fields(outside).ShouldBe(["agencyCode:not_found"]);
        await (await xuchang.PostAsJsonAsync("/api/v1/performance/objections",
                new { month = "2025-09", agencyCode = "411082", indicatorCode = "case_reversal", reason = " ", attachments = new[] { Guid.NewGuid() } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await PerformanceKit.OkAsync(await xuchang.PostAsJsonAsync("/api/v1/performance/objections",
            new { month = "2025-09", agencyCode = "411082", indicatorCode = "case_reversal", reason = "理由" }, Ct), HttpStatusCode.Created);
        await (await xuchang.PostAsJsonAsync("/api/v1/performance/objections",
                new { month = "2025-09", agencyCode = "411082", indicatorCode = "case_reversal", reason = "再次" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "performance.objection_exists");
        var id = (await PerformanceKit.OkAsync(await admin.GetAsync("/api/v1/performance/objections?status=pending", Ct)))
            .AsArray().Single(o => o!["agencyCode"]!.GetValue<string>() == "411082")!["id"]!.GetValue<string>();
        await (await admin.PostAsJsonAsync($"/api/v1/performance/objections/{id}/uphold", new { correctedDeduction = 2m, version = 1 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        (await PerformanceKit.OkAsync(await (await factory.SignedInAsync("nanyang.admin")).GetAsync("/api/v1/performance/objections", Ct)))
            .AsArray().ShouldBeEmpty("objections are within jurisdiction");
    }
}
