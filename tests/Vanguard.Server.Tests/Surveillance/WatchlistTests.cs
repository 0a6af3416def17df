using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Data;
using static Vanguard.Server.Tests.Surveillance.WatchlistApi;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary>布控名单与布控审批 over HTTP: validation, approval by someone else, import, jurisdiction, audit, the terminal look-up.</summary>
public sealed class WatchlistTests(WatchlistFactory factory) : IClassFixture<WatchlistFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    private async Task<T> WithDbAsync<T>(Func<VanguardDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await read(scope.ServiceProvider.GetRequiredService<VanguardDbContext>());
    }

    private Task<int> AuditCountAsync(string action, Guid targetId) =>
        WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == action && a.TargetId == targetId.ToString(), Ct));

    [Fact]
    public async Task Entry_IsPendingUntilSomeoneElseApprovesIt_AndEachStepIsAudited()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var listId = await CreateListAsync(command, "非法营运重点车辆");

        var created = await CreateEntryAsync(command, listId, "豫a·60001", Now.AddDays(90), plateColor: "蓝");
        var id = IdOf(created);
        var approved = await ApproveAsync(admin, id);

        created["status"]!.GetValue<string>().ShouldBe("pending");
        created["inForce"]!.GetValue<bool>().ShouldBeFalse();
        created["plate"]!.GetValue<string>().ShouldBe("豫A60001");
        created["plateColor"]!.GetValue<string>().ShouldBe("blue");
        created["watchlistName"]!.GetValue<string>().ShouldBe("非法营运重点车辆");
        approved["status"]!.GetValue<string>().ShouldBe("active");
        approved["inForce"]!.GetValue<bool>().ShouldBeTrue();
        approved["approvedBy"]!.GetValue<string>().ShouldNotBe(created["requestedBy"]!.GetValue<string>());
        approved["version"]!.GetValue<int>().ShouldBe(2);
        (await AuditCountAsync("surveillance.entry_created", id)).ShouldBe(1);
        (await AuditCountAsync("surveillance.entry_approved", id)).ShouldBe(1);
        (await AuditCountAsync("surveillance.watchlist_created", listId)).ShouldBe(1);
        var lists = await (await command.GetAsync("/api/v1/surveillance/watchlists", Ct)).JsonAsync();
        var list = lists.AsArray().Single(l => l!["id"]!.GetValue<Guid>() == listId)!;
        list["activeEntries"]!.GetValue<int>().ShouldBe(1);
        list["agencyCode"]!.GetValue<string>().ShouldBe("410100");
    }

    [Fact]
    public async Task Approval_ByTheRequester_IsRefused()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var listId = await CreateListAsync(admin, "自审名单");
        var id = IdOf(await CreateEntryAsync(admin, listId, "豫A60002", Now.AddDays(30)));

        var response = await admin.PostAsJsonAsync($"/api/v1/surveillance/watchlist/{id}/approve", new { }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "surveillance.same_person");
        (await AuditCountAsync("surveillance.entry_approved", id)).ShouldBe(0);
    }

    [Fact]
    public async Task CommandOperator_CannotApprove_AndAFieldOfficerCannotRequest()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var field = await factory.SignedInAsync("zhengzhou.field");
        var listId = await CreateListAsync(command, "权限名单");
        var id = IdOf(await CreateEntryAsync(command, listId, "豫A60003", Now.AddDays(30)));

        var approve = await command.PostAsJsonAsync($"/api/v1/surveillance/watchlist/{id}/approve", new { }, Ct);
        var request = await PostEntryAsync(field, listId, "豫A60004", Now.AddDays(30));

        approve.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        request.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SecondLiveEntry_ForTheSameVehicleOnTheList_IsRefused_ButAllowedOnceTheFirstIsRevoked()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var listId = await CreateListAsync(command, "重复名单");
        var first = IdOf(await CreateEntryAsync(command, listId, "豫A60005", Now.AddDays(30)));

        var again = await PostEntryAsync(command, listId, "豫A·60005", Now.AddDays(20));
        var otherColour = await PostEntryAsync(command, listId, "豫A60005", Now.AddDays(20), plateColor: "yellow");
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "surveillance.entry_exists");
        otherColour.StatusCode.ShouldBe(HttpStatusCode.Created);

        var revoke = await admin.PostAsJsonAsync($"/api/v1/surveillance/watchlist/{first}/revoke", new { reason = "申请有误，撤销" }, Ct);
        var revoked = await revoke.JsonAsync();
        revoked["status"]!.GetValue<string>().ShouldBe("revoked");
        revoked["closingReason"]!.GetValue<string>().ShouldBe("申请有误，撤销");
        (await PostEntryAsync(command, listId, "豫A60005", Now.AddDays(20))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AuditCountAsync("surveillance.entry_revoked", first)).ShouldBe(1);
    }

    [Fact]
    public async Task BadEntry_IsRefusedWithEveryFieldNamed()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var listId = await CreateListAsync(command, "校验名单");

        var response = await command.PostAsJsonAsync("/api/v1/surveillance/watchlist", new
        {
            watchlistId = listId, plate = "豫I12345", plateColor = "紫", reason = new string('因', 501), validUntil = Now.AddDays(400),
            channels = new[] { "sms" }, alertAgencyCodes = new[] { "411300" },
        }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var fields = problem["errors"]!.AsArray().Select(e => (e!["field"]!.GetValue<string>(), e["code"]!.GetValue<string>())).ToList();
        fields.ShouldContain(("plate", "format"));
        fields.ShouldContain(("plateColor", "unknown"));
        fields.ShouldContain(("reason", "too_long"));
        fields.ShouldContain(("validUntil", "too_long"));
        fields.ShouldContain(("channels", "unknown"));
        fields.ShouldContain(("alertAgencyCodes", "out_of_jurisdiction"));
    }

    [Fact]
    public async Task ValidUntil_IsRequired_AndMustBeAfterTheStart()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var listId = await CreateListAsync(command, "期限名单");

        var missing = await command.PostAsJsonAsync("/api/v1/surveillance/watchlist", new { watchlistId = listId, plate = "豫A60006", plateColor = "blue", reason = "协查" }, Ct);
        var before = await PostEntryAsync(command, listId, "豫A60006", Now.AddDays(-1));

        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]![0]!["field"]!.GetValue<string>().ShouldBe("validUntil");
        await before.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Update_WithAStaleVersion_IsAConflict_AndAnActiveEntryStaysActive()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var listId = await CreateListAsync(command, "并发名单");
        var id = IdOf(await CreateEntryAsync(command, listId, "豫A60007", Now.AddDays(30)));
        await ApproveAsync(admin, id);

        var stale = await command.PatchAsJsonAsync($"/api/v1/surveillance/watchlist/{id}", new { reason = "新的事由", version = 1 }, Ct);
        // An entry in force is changed by an approver (an operator's change would bypass 布控审批).
        var fresh = await admin.PatchAsJsonAsync($"/api/v1/surveillance/watchlist/{id}", new { reason = "新的事由", fuzzyMatch = true, version = 2 }, Ct);

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "surveillance.concurrent_update");
        var body = await fresh.JsonAsync();
        fresh.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["status"]!.GetValue<string>().ShouldBe("active");
        body["reason"]!.GetValue<string>().ShouldBe("新的事由");
        body["fuzzyMatch"]!.GetValue<bool>().ShouldBeTrue();
        body["version"]!.GetValue<int>().ShouldBe(3);
        var index = factory.Services.GetRequiredService<Modules.Surveillance.Matching.WatchlistIndex>();
        index.Match("豫A60007", "blue", Now).ShouldHaveSingleItem().Entry.Reason.ShouldBe("新的事由");
        index.Match("豫A6DQ07", "blue", Now).ShouldHaveSingleItem().MatchKind.ShouldBe("fuzzy");
    }

    [Fact]
    public async Task Import_StoresTheGoodLinesPendingUnderOneBatch_ListsTheBadOnes_AndAnotherPersonApprovesTheBatch()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var listId = await CreateListAsync(command, "导入名单");
        await CreateEntryAsync(command, listId, "豫A60010", Now.AddDays(30));
        var until = DateOnly.FromDateTime(Now.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(60).ToString("yyyy-MM-dd");
        var csv = "\uFEFF号牌号码,号牌颜色,布控事由,有效期至,模糊匹配\r\n" +
            $"豫A60011,蓝,\"涉嫌非法营运,群众举报\",{until},是\r\n" +       // 2 good (a comma inside quotes)
            $"豫A60012,黄,逃避检测,{until},\r\n" +                            // 3 good
            $"豫I60013,蓝,号牌错误,{until},否\r\n" +                           // 4 bad plate
            $"豫A60014,紫,颜色错误,{until},否\r\n" +                           // 5 bad colour
            $"豫A60015,蓝,,{until},否\r\n" +                                   // 6 no reason
            "豫A60016,蓝,日期错误,2020-01-01,否\r\n" +                         // 7 in the past
            $"豫A60010,蓝,已在名单,{until},否\r\n" +                           // 8 already pending on the list
            $"豫A60011,蓝,文件内重复,{until},否\r\n";                          // 9 repeats line 2
        using var content = new StringContent(csv, new UTF8Encoding(false), "text/csv");

        var response = await command.PostAsync($"/api/v1/surveillance/watchlist/import?list={listId}", content, Ct);
        var result = await response.JsonAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, result.ToJsonString());
        result["created"]!.GetValue<int>().ShouldBe(2);
        result["rejected"]!.AsArray().Select(r => (r!["line"]!.GetValue<int>(), r["code"]!.GetValue<string>())).ShouldBe(
        [
            (4, "surveillance.import_plate"), (5, "surveillance.import_plate_color"), (6, "surveillance.import_reason"),
            (7, "surveillance.import_valid_until"), (8, "surveillance.entry_exists"), (9, "surveillance.import_duplicate"),
        ]);
        var batchId = result["batchId"]!.GetValue<Guid>();
        var page = await (await command.GetAsync($"/api/v1/surveillance/watchlist?list={listId}&source=import", Ct)).JsonAsync();
        page["total"]!.GetValue<int>().ShouldBe(2);
        var first = page["items"]!.AsArray().Single(e => e!["plate"]!.GetValue<string>() == "豫A60011")!;
        first["reason"]!.GetValue<string>().ShouldBe("涉嫌非法营运,群众举报");
        first["fuzzyMatch"]!.GetValue<bool>().ShouldBeTrue();
        first["status"]!.GetValue<string>().ShouldBe("pending");

        var byImporter = await command.PostAsJsonAsync("/api/v1/surveillance/watchlist/approve-batch", new { batchId }, Ct);
        var byAdmin = await admin.PostAsJsonAsync("/api/v1/surveillance/watchlist/approve-batch", new { batchId }, Ct);

        byImporter.StatusCode.ShouldBe(HttpStatusCode.Forbidden); // a command operator lacks the approve policy altogether
        (await byAdmin.JsonAsync())["approved"]!.GetValue<int>().ShouldBe(2);
        var active = await (await command.GetAsync($"/api/v1/surveillance/watchlist?list={listId}&status=active", Ct)).JsonAsync();
        active["total"]!.GetValue<int>().ShouldBe(2);
        var index = factory.Services.GetRequiredService<Modules.Surveillance.Matching.WatchlistIndex>();
        index.Match("豫A60012", "yellow", Now).ShouldHaveSingleItem();
        (await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "surveillance.batch_approved" && a.TargetId == batchId.ToString(), Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task ImportBatch_ApprovedByTheImporter_IsRefused()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var listId = await CreateListAsync(admin, "自导自审");
        var until = DateOnly.FromDateTime(Now.DateTime).AddDays(30).ToString("yyyy-MM-dd");
        using var content = new StringContent($"号牌号码,号牌颜色,布控事由,有效期至\n豫A60020,蓝,协查,{until}\n", Encoding.UTF8, "text/csv");
        var result = await (await admin.PostAsync($"/api/v1/surveillance/watchlist/import?list={listId}", content, Ct)).JsonAsync();

        var approve = await admin.PostAsJsonAsync("/api/v1/surveillance/watchlist/approve-batch", new { batchId = result["batchId"]!.GetValue<Guid>() }, Ct);

        await approve.ShouldBeProblemAsync(HttpStatusCode.Conflict, "surveillance.same_person");
    }

    [Fact]
    public async Task Import_WithoutTheHeaderRow_OrNotInUtf8_IsRefusedWhole()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var listId = await CreateListAsync(command, "坏文件");
        using var noHeader = new StringContent("豫A60030,蓝,协查,2030-01-01\n", Encoding.UTF8, "text/csv");
        using var gbk = new ByteArrayContent([0xBA, 0xC5, 0xC5, 0xC6, 0x2C, 0xD1, 0xD5]);

        var first = await command.PostAsync($"/api/v1/surveillance/watchlist/import?list={listId}", noHeader, Ct);
        var second = await command.PostAsync($"/api/v1/surveillance/watchlist/import?list={listId}", gbk, Ct);

        (await first.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("surveillance.import_header");
        (await second.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("surveillance.import_encoding");
    }

    [Fact]
    public async Task AnotherCity_NeitherSeesNorApprovesTheList()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var nanyang = await factory.SignedInAsync("nanyang.admin");
        var listId = await CreateListAsync(command, "郑州专用名单");
        var id = IdOf(await CreateEntryAsync(command, listId, "豫A60040", Now.AddDays(30)));

        var lists = await (await nanyang.GetAsync("/api/v1/surveillance/watchlists", Ct)).JsonAsync();
        var entries = await (await nanyang.GetAsync($"/api/v1/surveillance/watchlist?q={Uri.EscapeDataString("60040")}", Ct)).JsonAsync();
        var approve = await nanyang.PostAsJsonAsync($"/api/v1/surveillance/watchlist/{id}/approve", new { }, Ct);
        var addTo = await PostEntryAsync(nanyang, listId, "豫R60041", Now.AddDays(30));
        var listInZhengzhou = await nanyang.PostAsJsonAsync("/api/v1/surveillance/watchlists", new { name = "越权", agencyCode = "410100" }, Ct);

        lists.AsArray().ShouldNotContain(l => l!["id"]!.GetValue<Guid>() == listId);
        entries["total"]!.GetValue<int>().ShouldBe(0);
        await approve.ShouldBeProblemAsync(HttpStatusCode.NotFound, "surveillance.entry_not_found");
        await addTo.ShouldBeProblemAsync(HttpStatusCode.NotFound, "surveillance.watchlist_not_found");
        (await listInZhengzhou.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]![0]!["code"]!.GetValue<string>()
            .ShouldBe("out_of_jurisdiction");
        var own = await (await command.GetAsync($"/api/v1/surveillance/watchlist?q={Uri.EscapeDataString("60040")}", Ct)).JsonAsync();
        own["total"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task List_InACountyUnderTheCity_IsCreatedByCode()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");

        var response = await command.PostAsJsonAsync("/api/v1/surveillance/watchlists", new { name = "中牟县名单", agencyCode = "410122" }, Ct);

        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        body["agencyCode"]!.GetValue<string>().ShouldBe("410122");
        body["isActive"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task VehicleLookup_OnTheTerminal_ShowsTheEntriesInForce_AndAnEmptyListOtherwise()
    {
        var vehicles = await WithDbAsync(db => db.RegistryVehicles.AsNoTracking()
            .Where(v => v.PlateColor == PlateColor.Yellow && v.Plate.Length == 7 && v.Plate.StartsWith("豫A")).OrderByDescending(v => v.Plate).Take(2).ToListAsync(Ct));
        var (watched, clean) = (vehicles[0], vehicles[1]);
        var command = await factory.SignedInAsync("zhengzhou.command");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var listId = await CreateListAsync(command, "逃逸车辆");
        var until = Now.AddDays(15);
        var id = IdOf(await CreateEntryAsync(command, listId, watched.Plate, until, plateColor: "yellow"));
        await ApproveAsync(admin, id);
        var field = await factory.SignedInAsync("zhengzhou.field");
        var nanyangField = await factory.SignedInAsync("nanyang.field");
        string Url(string plate) => $"/api/v1/terminal/lookup/vehicle?plate={Uri.EscapeDataString(plate)}&plateColor=yellow&purpose={Uri.EscapeDataString("路面检查")}";

        var hit = await (await field.GetAsync(Url(watched.Plate), Ct)).JsonAsync();
        var none = await (await field.GetAsync(Url(clean.Plate), Ct)).JsonAsync();
        var elsewhere = await (await nanyangField.GetAsync(Url(watched.Plate), Ct)).JsonAsync();

        var entry = hit["watchlist"]!.AsArray().ShouldHaveSingleItem()!;
        entry["entryId"]!.GetValue<Guid>().ShouldBe(id);
        entry["watchlistName"]!.GetValue<string>().ShouldBe("逃逸车辆");
        entry["reason"]!.GetValue<string>().ShouldBe("涉嫌非法营运，多次被群众举报");
        entry["validUntil"]!.GetValue<DateTimeOffset>().ShouldBe(until, TimeSpan.FromMilliseconds(1));
        entry["agencyCode"]!.GetValue<string>().ShouldBe("410100");
        none["watchlist"]!.AsArray().ShouldBeEmpty();
        elsewhere["watchlist"]!.AsArray().ShouldBeEmpty();
    }
}
