using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vanguard.Domain.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Modules.Surveillance.Suspects;
using Vanguard.Server.Modules.Surveillance.Watchlists;
using Vanguard.Server.Modules.Surveillance.Webhooks;
using static Vanguard.Server.Tests.Surveillance.WatchlistApi;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary>
/// The review's findings on the watch-list side: approval rights checked by the handlers themselves (the pages call
/// them without the HTTP policy), changes to an entry in force, lists matching only in their area, the CSV dates and
/// the batch audit.
/// </summary>
public sealed class ReviewAFindingsTests(AlertsFactory factory) : IClassFixture<AlertsFactory>
{
    private const string Api = "/api/v1/surveillance";

    private static CancellationToken Ct => ApiClient.Ct;

    private static string ChinaDay(int daysFromToday) =>
        DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(daysFromToday).ToString("yyyy-MM-dd");

    /// <summary>Runs a handler call in a unit of work of its own, as the named user — the way a Blazor page does.</summary>
    private async Task<T> AsUserAsync<T>(string username, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByNameAsync(username)).ShouldNotBeNull();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>().CreateAsync(user);
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().Set(principal);
        return await work(scope.ServiceProvider);
    }

    private async Task<T> WithDbAsync<T>(Func<VanguardDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await read(scope.ServiceProvider.GetRequiredService<VanguardDbContext>());
    }

    private static void ShouldBeApproverRequired<T>(Result<T> result)
    {
        result.IsSuccess.ShouldBeFalse();
        result.Error!.Code.ShouldBe("surveillance.approver_required");
        result.Error.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task Operator_IsRefusedApprovalWork_WhenCallingTheHandlersDirectly_AndAnApproverIsNot()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var listId = await CreateListAsync(command, "页面直调审批");
        var entryId = IdOf(await CreateEntryAsync(command, listId, "豫A7R001", DateTimeOffset.UtcNow.AddDays(30)));
        var reason = new ReasonRequest("不再需要");

        var approve = await AsUserAsync("zhengzhou.command", sp => sp.GetRequiredService<WatchlistHandler>().ApproveAsync(entryId, Ct));
        var reject = await AsUserAsync("zhengzhou.command", sp => sp.GetRequiredService<WatchlistHandler>().RejectAsync(entryId, reason, Ct));
        var revoke = await AsUserAsync("zhengzhou.command", sp => sp.GetRequiredService<WatchlistHandler>().RevokeAsync(entryId, reason, Ct));
        var batch = await AsUserAsync("zhengzhou.command", sp => sp.GetRequiredService<WatchlistHandler>().ApproveBatchAsync(Guid.NewGuid(), Ct));
        var promote = await AsUserAsync("zhengzhou.command", sp => sp.GetRequiredService<SuspectHandler>().PromoteAsync(Guid.NewGuid(), new PromoteRequest(listId, 30), Ct));
        var setWebhook = await AsUserAsync("zhengzhou.command",
            sp => sp.GetRequiredService<WebhookHandler>().SetAsync(listId, new WebhookRequest("https://receiver.example.com/hook", true), Ct));
        var rotate = await AsUserAsync("zhengzhou.command", sp => sp.GetRequiredService<WebhookHandler>().RotateAsync(listId, Ct));
        var byAdmin = await AsUserAsync("zhengzhou.admin", sp => sp.GetRequiredService<WatchlistHandler>().ApproveAsync(entryId, Ct));

        ShouldBeApproverRequired(approve);
        ShouldBeApproverRequired(reject);
        ShouldBeApproverRequired(revoke);
        ShouldBeApproverRequired(batch);
        ShouldBeApproverRequired(promote);
        ShouldBeApproverRequired(setWebhook);
        ShouldBeApproverRequired(rotate);
        byAdmin.IsSuccess.ShouldBeTrue(byAdmin.Error?.Code);
        byAdmin.Value!.Status.ShouldBe(EntryStatuses.Active);
        var list = await WithDbAsync(db => db.Set<Watchlist>().AsNoTracking().SingleAsync(l => l.Id == listId, Ct));
        list.WebhookUrl.ShouldBeNull("the operator's webhook was not stored");
    }

    [Fact]
    public async Task Operator_MayEditHisPendingEntry_ButNotOneInForce_WhichOnlyAnApproverMayChange()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var listId = await CreateListAsync(command, "在控变更");
        var entryId = IdOf(await CreateEntryAsync(command, listId, "豫A7R002", DateTimeOffset.UtcNow.AddDays(30)));

        var pendingEdit = await command.PatchAsJsonAsync($"{Api}/watchlist/{entryId}", new { fuzzyMatch = true, version = 1 }, Ct);
        pendingEdit.StatusCode.ShouldBe(HttpStatusCode.OK, await pendingEdit.Content.ReadAsStringAsync(Ct));
        var approved = await ApproveAsync(admin, entryId);
        var version = approved["version"]!.GetValue<int>();
        var activeEdit = await command.PatchAsJsonAsync(
            $"{Api}/watchlist/{entryId}", new { validUntil = DateTimeOffset.UtcNow.AddDays(300), channels = new[] { "command" }, version }, Ct);
        var byApprover = await admin.PatchAsJsonAsync($"{Api}/watchlist/{entryId}", new { reason = "延长布控：再次被举报", version }, Ct);

        await activeEdit.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "surveillance.approver_required");
        byApprover.StatusCode.ShouldBe(HttpStatusCode.OK, await byApprover.Content.ReadAsStringAsync(Ct));
        var stored = await WithDbAsync(db => db.Set<WatchlistEntry>().AsNoTracking().SingleAsync(e => e.Id == entryId, Ct));
        stored.Status.ShouldBe(EntryStatuses.Active);
        stored.FuzzyMatch.ShouldBeTrue();
        stored.Channels.ShouldBe("command,terminal");
        stored.ValidUntil.ShouldBeLessThan(DateTimeOffset.UtcNow.AddDays(31));
        stored.Reason.ShouldBe("延长布控：再次被举报");
    }

    [Fact]
    public async Task CountyList_AlertsOnItsOwnCameras_NotOnAnotherCitys_UnlessThatCityIsAnAlertAgency()
    {
        var county = await AlertKit.EntryAsync(factory, "410122", "豫A7R003", channels: "command");
        var ownCamera = await AlertKit.CameraAsync(factory, "410122", 34.72, 113.97, "中牟县卡口");
        var otherCityCamera = await AlertKit.CameraAsync(factory, "411300", 33.0, 112.5, "南阳市卡口");
        var nanyang = factory.Services.GetRequiredService<IAgencyDirectory>().Current.FindByCode("411302")!.ParentId!.Value;
        var widened = await AlertKit.EntryAsync(factory, "410122", "豫A7R004", channels: "command");
        widened = widened with { Indexed = widened.Indexed with { AlertAgencyIds = [nanyang] } };
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-5);

        await AlertKit.HitAsync(factory, otherCityCamera, county, t0);
        await AlertKit.HitAsync(factory, ownCamera, county, t0.AddMinutes(-120));
        await AlertKit.HitAsync(factory, otherCityCamera, widened, t0);

        var alerts = await WithDbAsync(db => db.Set<Alert>().AsNoTracking().Where(a => a.EntryId == county.Indexed.EntryId || a.EntryId == widened.Indexed.EntryId)
            .Select(a => new { a.EntryId, a.DeviceId }).ToListAsync(Ct));
        alerts.Where(a => a.EntryId == county.Indexed.EntryId).Select(a => a.DeviceId).ShouldBe([ownCamera.Id]);
        alerts.Where(a => a.EntryId == widened.Indexed.EntryId).Select(a => a.DeviceId).ShouldBe([otherCityCamera.Id]);
    }

    [Fact]
    public async Task Csv_AFarFutureDate_IsALineRejection_AndATimeWithoutOffsetIsChinaTime()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var listId = await CreateListAsync(command, "导入日期");
        var csv = "号牌号码,号牌颜色,布控事由,有效期至\n" +
            "豫A7R005,蓝,永久布控,9999-12-31\n" +
            $"豫A7R006,蓝,无时区时间,{ChinaDay(30)}T18:00:00\n" +
            "豫A7R007,蓝,无时区时间,9999-12-31T23:59:59\n";
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");

        var response = await command.PostAsync($"{Api}/watchlist/import?list={listId}", content, Ct);
        var result = await response.JsonAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, result.ToJsonString());
        result["created"]!.GetValue<int>().ShouldBe(1);
        result["rejected"]!.AsArray().Select(r => (r!["line"]!.GetValue<int>(), r["code"]!.GetValue<string>()))
            .ShouldBe([(2, "surveillance.import_valid_until"), (4, "surveillance.import_valid_until")]);
        var stored = await WithDbAsync(db => db.Set<WatchlistEntry>().AsNoTracking().SingleAsync(e => e.WatchlistId == listId, Ct));
        var expected = new DateTimeOffset(DateTime.Parse(ChinaDay(30) + "T18:00:00", System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8));
        stored.ValidUntil.ShouldBe(expected);
        stored.ValidUntil.Offset.ShouldBe(TimeSpan.Zero);
        stored.ValidUntil.Hour.ShouldBe(10);
    }

    [Fact]
    public async Task BatchApproval_AuditNamesTheApprovedEntries()
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var listId = await CreateListAsync(command, "批量审计");
        using var content = new StringContent(
            $"号牌号码,号牌颜色,布控事由,有效期至\n豫A7R008,蓝,协查,{ChinaDay(30)}\n豫A7R009,蓝,协查,{ChinaDay(30)}\n", Encoding.UTF8, "text/csv");
        var batchId = (await (await command.PostAsync($"{Api}/watchlist/import?list={listId}", content, Ct)).JsonAsync())["batchId"]!.GetValue<Guid>();

        var approve = await admin.PostAsJsonAsync($"{Api}/watchlist/approve-batch", new { batchId }, Ct);

        approve.StatusCode.ShouldBe(HttpStatusCode.OK, await approve.Content.ReadAsStringAsync(Ct));
        var ids = await WithDbAsync(db => db.Set<WatchlistEntry>().AsNoTracking().Where(e => e.ImportBatchId == batchId).Select(e => e.Id).ToListAsync(Ct));
        ids.Count.ShouldBe(2);
        ids.Sort();
        var audit = await WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "surveillance.batch_approved" && a.TargetId == batchId.ToString(), Ct));
        audit.PayloadDigest.ShouldBe(AuditHash.DigestOf(new { batchId, approved = 2, entryIds = ids }));
    }
}

/// <summary>The platform with the real webhook client (connect guard included); the sender runs when a test calls it.</summary>
public sealed class ReviewAWebhookFactory : VanguardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var hosted = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(WebhookSender));
            services.Remove(hosted);
            services.AddSingleton<WebhookSender>();
        });
    }
}

/// <summary>Webhook SSRF: addresses no receiver has are refused when set and when sending; a failure records a category, not the raw error.</summary>
public sealed class ReviewAWebhookTests(ReviewAWebhookFactory factory) : IClassFixture<ReviewAWebhookFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<T> WithDbAsync<T>(Func<VanguardDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await work(scope.ServiceProvider.GetRequiredService<VanguardDbContext>());
    }

    /// <summary>A list whose webhook points at <paramref name="url"/> (stored directly, as a host name resolving there would end up) and one delivery due.</summary>
    private Task<long> DeliveryToAsync(string url) => WithDbAsync(async db =>
    {
        var agency = await db.Agencies.SingleAsync(a => a.Code == "410100", Ct);
        var now = DateTimeOffset.UtcNow;
        var list = new Watchlist
        {
            Id = Guid.CreateVersion7(), AgencyId = agency.Id, Name = "SSRF " + url, IsActive = true, CreatedAt = now, UpdatedAt = now, CreatedBy = "测试", Version = 1,
            WebhookUrl = url, WebhookEnabled = true, WebhookSecret = factory.Services.GetRequiredService<WebhookSecrets>().Protect(WebhookSecrets.NewSecret()),
        };
        var delivery = new WebhookDelivery
        {
            AgencyId = agency.Id, WatchlistId = list.Id, AlertId = Guid.NewGuid(), EventType = WebhookEvents.AlertRaised, PayloadJson = "{\"id\":\"x\"}", Status = DeliveryStatuses.Pending,
            CreatedAt = now, NextAttemptAt = now.AddSeconds(-1),
        };
        db.Add(list);
        db.Add(delivery);
        await db.SaveChangesAsync(Ct);
        return delivery.Id;
    });

    [Fact]
    public async Task LinkLocalAddress_IsRefusedWhenSet()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var listId = await WithDbAsync(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.Code == "410100", Ct);
            var list = new Watchlist
            {
                Id = Guid.CreateVersion7(), AgencyId = agency.Id, Name = "元数据", IsActive = true, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                CreatedBy = "测试", Version = 1,
            };
            db.Add(list);
            await db.SaveChangesAsync(Ct);
            return list.Id;
        });

        var response = await admin.PutAsJsonAsync($"/api/v1/surveillance/watchlists/{listId}/webhook", new { url = "https://169.254.169.254/latest/meta-data/", enabled = true }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "surveillance.webhook_url_refused");
    }

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/", "地址不允许")]
    [InlineData("http://[fe80::1]/hook", "地址不允许")]
    [InlineData("http://127.0.0.1:1/hook", "连接被拒绝")]
    public async Task Delivery_ToARefusedOrClosedAddress_RecordsOnlyACategory(string url, string category)
    {
        var id = await DeliveryToAsync(url);

        await factory.Services.GetRequiredService<WebhookSender>().SendDueAsync(Ct);

        var row = await WithDbAsync(db => db.Set<WebhookDelivery>().AsNoTracking().SingleAsync(d => d.Id == id, Ct));
        row.Attempts.ShouldBe(1);
        row.Status.ShouldBe(DeliveryStatuses.Pending);
        row.LastError.ShouldNotBeNull();
        row.LastError.ShouldStartWith(category);
        row.LastError.ShouldNotContain("169.254");
        row.LastError.ShouldNotContain("127.0.0.1");
    }
}
