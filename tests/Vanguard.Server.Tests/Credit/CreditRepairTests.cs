using System.Net;
using System.Net.Http.Json;
using Vanguard.Domain.Disclosure;
using Vanguard.Server.Tests.Cases;

namespace Vanguard.Server.Tests.Credit;

/// <summary>
/// 信用修复: refused before the minimum period, approved after it, the entry leaving the public list (masked while there). A class of its
/// own, so its own platform: it moves the clock a year on, past the demo officers' 执法证, which the other credit tests still need.
/// </summary>
public sealed class CreditRepairTests(CreditFactory factory) : IClassFixture<CreditFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Repair_IsRefusedBeforeTheMinimumPeriod_ApprovedAfter_AndTheEntryLeavesTheList_PublicListMasked()
    {
        var client = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(client, CreditFactory.County);
        var (plate, id) = CreditFactory.NewSubject();
        foreach (var days in new[] { 80, 60, 40, 20 })
        {
            await CreditFactory.OverloadAsync(client, officers, factory.Today.AddDays(-days), plate, id, "卫修复");
        }

        await factory.RunJobAsync();
        var entry = (await CreditFactory.EntriesAsync(client, plate)).ShouldHaveSingleItem();
        var entryId = entry["id"]!.GetValue<Guid>();
        var personEntry = (await CreditFactory.PersonAsync(client, id))["entries"]![0]!["id"]!.GetValue<Guid>();

        var field = await factory.SignedInAsync("zhengzhou.field");
        (await field.GetAsync($"/api/v1/credit/blacklist/{entryId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "a field officer may read");
        (await field.PostAsJsonAsync($"/api/v1/credit/blacklist/{entryId}/confirm", new { note = "确认" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync($"/api/v1/credit/blacklist/{entryId}/confirm", new { note = "确认" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await factory.SignedInAsync("admin");
        var anonymous = factory.CreateClient();
        var before = await CreditFactory.OkAsync(await anonymous.GetAsync($"/api/v1/public/credit/blacklist?q={Uri.EscapeDataString(plate)}", Ct));
        before["items"]!.AsArray().ShouldBeEmpty("a proposal is not published");
        var listedOn = factory.Today;
        await CreditFactory.PostOkAsync(admin, $"/api/v1/credit/blacklist/{entryId}/confirm", new { note = "确认列入" });
        await CreditFactory.PostOkAsync(admin, $"/api/v1/credit/blacklist/{personEntry}/confirm", new { note = "确认列入" });

        var published = await anonymous.GetAsync($"/api/v1/public/credit/blacklist?q={Uri.EscapeDataString(plate)}", Ct);
        var text = await published.Content.ReadAsStringAsync(Ct);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var item = (await CreditFactory.OkAsync(await anonymous.GetAsync($"/api/v1/public/credit/blacklist?q={Uri.EscapeDataString(plate)}", Ct)))["items"]!.AsArray()
            .ShouldHaveSingleItem()!;
        item["subject"]!.GetValue<string>().ShouldStartWith(DisclosureMask.Plate(plate), Case.Sensitive, "masked as 双公示 masks a plate");
        text.ShouldNotContain(plate);
        var all = await (await anonymous.GetAsync("/api/v1/public/credit/blacklist?page=1", Ct)).Content.ReadAsStringAsync(Ct);
        all.ShouldNotContain(id);
        all.ShouldNotContain("卫修复");
        all.ShouldContain("卫**");
        var page = await (await anonymous.GetAsync("/credit/query", Ct)).Content.ReadAsStringAsync(Ct);
        page.ShouldContain(DisclosureMask.Plate(plate));
        page.ShouldContain("卫**");
        page.ShouldNotContain(plate);
        page.ShouldNotContain(id);

        (await field.PostAsJsonAsync($"/api/v1/credit/blacklist/{entryId}/repairs", new { commitment = "承诺", rectification = "整改" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var early = await (await client.PostAsJsonAsync($"/api/v1/credit/blacklist/{entryId}/repairs",
                new { commitment = "本人承诺今后依法装载。", rectification = "已缴清罚款，车辆已卸载至标准。" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "credit.repair_too_early");
        early["detail"]?.ToString().ShouldNotBeNull();

        // The day before the earliest repair day (12 months after listing) is refused, the day itself accepted.
        var earliest = listedOn.AddMonths(12);
        factory.Clock.Advance(TimeSpan.FromDays(earliest.DayNumber - listedOn.DayNumber - 1));
        factory.Today.ShouldBe(earliest.AddDays(-1));
        client = await factory.SignedInAsync("zhengzhou.case");
        var dayBefore = await (await client.PostAsJsonAsync($"/api/v1/credit/blacklist/{entryId}/repairs",
                new { commitment = "本人承诺今后依法装载。", rectification = "已缴清罚款，车辆已卸载至标准。" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "credit.repair_too_early");
        dayBefore.ToJsonString().ShouldContain(earliest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        client = await factory.SignedInAsync("zhengzhou.case");
        var repair = await CreditFactory.OkAsync(await client.PostAsJsonAsync($"/api/v1/credit/blacklist/{entryId}/repairs",
            new { commitment = "本人承诺今后依法装载。", rectification = "已缴清罚款，车辆已卸载至标准。" }, Ct));
        repair["status"]!.GetValue<string>().ShouldBe("pending");
        field = await factory.SignedInAsync("zhengzhou.field");
        (await field.PostAsJsonAsync($"/api/v1/credit/repairs/{repair["id"]}/decide", new { approve = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        admin = await factory.SignedInAsync("admin");
        await (await admin.PostAsJsonAsync($"/api/v1/credit/repairs/{repair["id"]}/decide", new { approve = false }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var decided = await CreditFactory.OkAsync(await admin.PostAsJsonAsync($"/api/v1/credit/repairs/{repair["id"]}/decide", new { approve = true, note = "整改到位，准予修复。" }, Ct));
        decided["status"]!.GetValue<string>().ShouldBe("approved");

        var detail = await CreditFactory.OkAsync(await admin.GetAsync($"/api/v1/credit/blacklist/{entryId}", Ct));
        detail["summary"]!["status"]!.GetValue<string>().ShouldBe("delisted");
        detail["delistKind"]!.GetValue<string>().ShouldBe("repaired");
        (await CreditFactory.OkAsync(await anonymous.GetAsync($"/api/v1/public/credit/blacklist?q={Uri.EscapeDataString(plate)}", Ct)))["items"]!.AsArray()
            .ShouldBeEmpty("a repaired subject is no longer published");
        await factory.RunJobAsync();
        (await CreditFactory.EntriesAsync(client, plate)).Count(e => e["status"]!.GetValue<string>() != "delisted")
            .ShouldBe(0, "the decisions a repaired listing rested on do not list the vehicle again");

        var audit = await CreditFactory.OkAsync(await admin.GetAsync("/api/v1/audit/verify", Ct));
        audit["ok"]!.GetValue<bool>().ShouldBeTrue();
    }
}
