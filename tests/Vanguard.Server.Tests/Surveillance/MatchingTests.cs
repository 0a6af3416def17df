using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Surveillance.Data;
using Vanguard.Server.Modules.Surveillance.Matching;
using static Vanguard.Server.Tests.Surveillance.WatchlistApi;

namespace Vanguard.Server.Tests.Surveillance;

/// <summary>
/// 布控比对 end to end: entries approved over the API, plate reads posted by a registered camera, hits as the matcher
/// hands them to the (recording) sink. A read that must not hit is followed by one that must, so the test knows the
/// matcher got past it.
/// </summary>
public sealed class MatchingTests(WatchlistFactory factory) : IClassFixture<WatchlistFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    private async Task<(HttpClient Command, HttpClient Approver, Guid ListId)> ListAsync(string name)
    {
        var command = await factory.SignedInAsync("zhengzhou.command");
        var approver = await factory.SignedInAsync("zhengzhou.admin");
        return (command, approver, await CreateListAsync(command, name));
    }

    private async Task<Guid> ActiveEntryAsync(HttpClient command, HttpClient approver, Guid listId, string plate, bool fuzzy = false, TimeSpan? validFor = null)
    {
        var entry = await CreateEntryAsync(command, listId, plate, Now + (validFor ?? TimeSpan.FromDays(30)), fuzzy: fuzzy);
        var approved = await ApproveAsync(approver, IdOf(entry));
        approved["status"]!.GetValue<string>().ShouldBe("active");
        return IdOf(entry);
    }

    /// <summary>Posts the reads, then a read of a sentinel entry, and waits until the sentinel's hit arrived.</summary>
    private async Task PostAndDrainAsync(string camera, params object[] reads)
    {
        var sentinel = "豫B" + Random.Shared.Next(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (command, approver, listId) = await ListAsync("哨兵名单 " + sentinel);
        await ActiveEntryAsync(command, approver, listId, sentinel);
        await PostReadsAsync(factory, camera, [.. reads, Read("sentinel-" + sentinel, sentinel, Now)]);
        (await factory.Sink.WaitForAsync(sentinel)).ShouldNotBeEmpty("the sentinel read after the reads under test never reached the sink");
    }

    [Fact]
    public async Task ExactRead_OfAnActiveEntry_ReachesTheSinkAsExactWithTheReadsConfidence()
    {
        var (command, approver, listId) = await ListAsync("精确命中");
        var entryId = await ActiveEntryAsync(command, approver, listId, "豫A70001");
        var camera = await RegisterCameraAsync(factory, "ANPR-WL-01", Now);

        var posted = await PostReadsAsync(factory, camera, Read("e1", "豫A70001", Now, confidence: 0.953));
        var hits = await factory.Sink.WaitForAsync("豫A70001");

        posted["accepted"]!.GetValue<int>().ShouldBe(1);
        var hit = hits.ShouldHaveSingleItem();
        hit.MatchKind.ShouldBe(MatchKinds.Exact);
        hit.ConfidencePermille.ShouldBe(953);
        hit.Entry.EntryId.ShouldBe(entryId);
        hit.Entry.WatchlistId.ShouldBe(listId);
        hit.Read.Id.ShouldBeGreaterThan(0);
        hit.Read.ReceivedAtTimestamp.ShouldBeGreaterThan(0);
        factory.Services.GetRequiredService<PlateReadMatcher>().Hits.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task MisreadPlate_HitsAFuzzyEntryAsFuzzyAtSixTenthsConfidence_AndNeverAsExact()
    {
        var (command, approver, listId) = await ListAsync("模糊命中");
        var entryId = await ActiveEntryAsync(command, approver, listId, "豫A78012", fuzzy: true);
        var camera = await RegisterCameraAsync(factory, "ANPR-WL-02", Now);

        // The camera read B for 8 and Z for 2.
        await PostReadsAsync(factory, camera, Read("f1", "豫A7B01Z", Now, confidence: 0.9));
        var hits = await factory.Sink.WaitForAsync("豫A7B01Z");

        var hit = hits.ShouldHaveSingleItem();
        hit.MatchKind.ShouldBe(MatchKinds.Fuzzy);
        hit.ConfidencePermille.ShouldBe(540);
        hit.Entry.EntryId.ShouldBe(entryId);
        hit.Entry.Plate.ShouldBe("豫A78012");
    }

    [Fact]
    public async Task MisreadPlate_DoesNotHitAnEntryWithoutFuzzyMatching()
    {
        var (command, approver, listId) = await ListAsync("无模糊");
        await ActiveEntryAsync(command, approver, listId, "豫A78023", fuzzy: false);
        var camera = await RegisterCameraAsync(factory, "ANPR-WL-03", Now);

        await PostAndDrainAsync(camera, Read("n1", "豫A7B0Z3", Now));

        factory.Sink.Of("豫A7B0Z3").ShouldBeEmpty();
    }

    [Fact]
    public async Task ExactRead_OfAFuzzyEntry_IsOneExactHit()
    {
        var (command, approver, listId) = await ListAsync("模糊名单精确读");
        await ActiveEntryAsync(command, approver, listId, "豫A70034", fuzzy: true);
        var camera = await RegisterCameraAsync(factory, "ANPR-WL-04", Now);

        await PostReadsAsync(factory, camera, Read("x1", "豫A70034", Now));
        var hits = await factory.Sink.WaitForAsync("豫A70034");

        hits.ShouldHaveSingleItem().MatchKind.ShouldBe(MatchKinds.Exact);
    }

    [Fact]
    public async Task ExpiredEntry_MatchesNothing_WithoutAnyJob()
    {
        var (command, approver, listId) = await ListAsync("过期");
        var entryId = await ActiveEntryAsync(command, approver, listId, "豫A70045", validFor: TimeSpan.FromHours(1));
        var camera = await RegisterCameraAsync(factory, "ANPR-WL-05", Now);
        factory.Services.GetRequiredService<WatchlistIndex>().Contains(entryId).ShouldBeTrue();

        factory.Clock.Advance(TimeSpan.FromHours(2));
        await PostAndDrainAsync(camera, Read("x1", "豫A70045", Now));

        factory.Sink.Of("豫A70045").ShouldBeEmpty();
        var later = await factory.SignedInAsync("zhengzhou.admin");
        var view = await (await later.GetAsync($"/api/v1/surveillance/watchlist?list={listId}", Ct)).JsonAsync();
        view["items"]![0]!["inForce"]!.GetValue<bool>().ShouldBeFalse();
        view["items"]![0]!["status"]!.GetValue<string>().ShouldBe("active");
    }

    [Fact]
    public async Task PendingAndRevokedEntries_MatchNothing()
    {
        var (command, approver, listId) = await ListAsync("待审批与撤控");
        await CreateEntryAsync(command, listId, "豫A70056", Now.AddDays(10));
        var revoked = await ActiveEntryAsync(command, approver, listId, "豫A70067");
        var revoke = await approver.PostAsJsonAsync($"/api/v1/surveillance/watchlist/{revoked}/revoke", new { reason = "车辆已依法查处，撤销布控" }, Ct);
        revoke.StatusCode.ShouldBe(HttpStatusCode.OK, await revoke.Content.ReadAsStringAsync(Ct));
        var camera = await RegisterCameraAsync(factory, "ANPR-WL-06", Now);

        await PostAndDrainAsync(camera, Read("p1", "豫A70056", Now), Read("r1", "豫A70067", Now));

        factory.Sink.Of("豫A70056").ShouldBeEmpty();
        factory.Sink.Of("豫A70067").ShouldBeEmpty();
    }

    [Fact]
    public async Task DeactivatedList_StopsMatching_AndMatchesAgainWhenSwitchedBackOn()
    {
        var (command, approver, listId) = await ListAsync("停用名单");
        await ActiveEntryAsync(command, approver, listId, "豫A70078");
        var camera = await RegisterCameraAsync(factory, "ANPR-WL-07", Now);
        var off = await command.PatchAsJsonAsync($"/api/v1/surveillance/watchlists/{listId}", new { isActive = false, version = 1 }, Ct);
        (await off.JsonAsync())["isActive"]!.GetValue<bool>().ShouldBeFalse();

        await PostAndDrainAsync(camera, Read("d1", "豫A70078", Now));
        factory.Sink.Of("豫A70078").ShouldBeEmpty();

        var on = await command.PatchAsJsonAsync($"/api/v1/surveillance/watchlists/{listId}", new { isActive = true, version = 2 }, Ct);
        on.StatusCode.ShouldBe(HttpStatusCode.OK, await on.Content.ReadAsStringAsync(Ct));
        await PostReadsAsync(factory, camera, Read("d2", "豫A70078", Now));
        (await factory.Sink.WaitForAsync("豫A70078")).ShouldHaveSingleItem().Read.Plate.ShouldBe("豫A70078");
    }

    [Fact]
    public async Task ResentRead_ReachesTheSinkOnce()
    {
        var (command, approver, listId) = await ListAsync("重发");
        await ActiveEntryAsync(command, approver, listId, "豫A70089");
        var camera = await RegisterCameraAsync(factory, "ANPR-WL-08", Now);
        await PostReadsAsync(factory, camera, Read("again", "豫A70089", Now));
        await factory.Sink.WaitForAsync("豫A70089");

        var resend = await PostReadsAsync(factory, camera, Read("again", "豫A70089", Now));
        await PostAndDrainAsync(camera);

        resend["duplicates"]!.GetValue<int>().ShouldBe(1);
        factory.Sink.Of("豫A70089").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ChangeMadeOnAnotherNode_ReachesTheIndexAtTheNextCatchUp()
    {
        var (command, _, listId) = await ListAsync("其他节点");
        var entryId = IdOf(await CreateEntryAsync(command, listId, "豫A70090", Now.AddDays(5)));
        var index = factory.Services.GetRequiredService<WatchlistIndex>();
        index.Contains(entryId).ShouldBeFalse();

        // Another node approved it: the row changed, this node's index was not told.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
            var entry = await db.Set<WatchlistEntry>().SingleAsync(e => e.Id == entryId, Ct);
            entry.Status = EntryStatuses.Active;
            entry.ApprovedBy = "另一节点";
            entry.UpdatedAt = Now;
            entry.Version++;
            await db.SaveChangesAsync(Ct);
        }

        index.Contains(entryId).ShouldBeFalse();
        await factory.Services.GetRequiredService<WatchlistIndexSync>().CatchUpAsync(Ct);

        index.Contains(entryId).ShouldBeTrue();
        index.Match("豫A70090", "blue", Now).ShouldHaveSingleItem().Entry.EntryId.ShouldBe(entryId);
    }

    [Fact]
    public async Task SinkThatThrows_DoesNotStopTheMatcher()
    {
        var (command, approver, listId) = await ListAsync("故障");
        await ActiveEntryAsync(command, approver, listId, "豫A70091");
        var camera = await RegisterCameraAsync(factory, "ANPR-WL-09", Now);
        var matcher = factory.Services.GetRequiredService<PlateReadMatcher>();
        var failures = matcher.SinkFailures;
        factory.Sink.FailOn = "豫A70091";
        try
        {
            await PostReadsAsync(factory, camera, Read("boom", "豫A70091", Now));
            var until = DateTime.UtcNow.AddSeconds(10);
            while (matcher.SinkFailures == failures && DateTime.UtcNow < until)
            {
                await Task.Delay(20, Ct);
            }
        }
        finally
        {
            factory.Sink.FailOn = null;
        }

        matcher.SinkFailures.ShouldBe(failures + 1);
        await PostAndDrainAsync(camera);
        matcher.Dropped.ShouldBe(0);
    }
}

/// <summary>The index on its own: keys, validity, colours, and no allocation for a plate on no list.</summary>
public sealed class MatchingIndexTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static IndexedEntry Entry(string plate, bool fuzzy = false, string color = "blue", Guid? list = null, TimeSpan? validFor = null) =>
        new(Guid.NewGuid(), list ?? Guid.NewGuid(), Guid.NewGuid(), plate, color, T0, T0 + (validFor ?? TimeSpan.FromDays(1)), fuzzy, [], ["command"], null, "测试");

    [Fact]
    public void Match_ChecksColourValidityAndConfusion()
    {
        var index = new WatchlistIndex();
        var exact = Entry("豫A12345");
        var fuzzy = Entry("豫A1Z34S", fuzzy: true);
        var yellow = Entry("豫A12345", color: "yellow");
        index.Upsert(exact);
        index.Upsert(fuzzy);
        index.Upsert(yellow);

        var hits = index.Match("豫A12345", "blue", T0.AddHours(1));

        hits.Count.ShouldBe(2);
        hits.Single(h => h.Entry == exact).MatchKind.ShouldBe(MatchKinds.Exact);
        hits.Single(h => h.Entry == fuzzy).MatchKind.ShouldBe(MatchKinds.Fuzzy);
        index.Match("豫A12345", "blue", T0.AddMinutes(-1)).ShouldBeEmpty();   // before ValidFrom
        index.Match("豫A12345", "blue", T0.AddDays(1)).ShouldBeEmpty();       // ValidUntil is exclusive
        index.Match("京A12345", "blue", T0.AddHours(1)).ShouldBeEmpty();      // another province
    }

    [Fact]
    public void Upsert_WithANewPlate_MovesTheEntry_AndRemoveTakesItOut()
    {
        var index = new WatchlistIndex();
        var entry = Entry("豫A12345");
        index.Upsert(entry);

        index.Upsert(entry with { Plate = "豫A54321" });

        index.Match("豫A12345", "blue", T0).ShouldBeEmpty();
        index.Match("豫A54321", "blue", T0).ShouldHaveSingleItem();
        index.Count.ShouldBe(1);
        index.Remove(entry.EntryId).ShouldBeTrue();
        index.Match("豫A54321", "blue", T0).ShouldBeEmpty();
        index.Count.ShouldBe(0);
    }

    [Fact]
    public void DeactivatedList_MatchesNothing_AndExpiredEntriesArePruned()
    {
        var index = new WatchlistIndex();
        var list = Guid.NewGuid();
        index.Upsert(Entry("豫A12345", list: list));
        index.Upsert(Entry("豫A22345", validFor: TimeSpan.FromMinutes(5)));

        index.DeactivateList(list).ShouldBe(1);
        index.Upsert(Entry("豫A32345", list: list));

        index.Match("豫A12345", "blue", T0).ShouldBeEmpty();
        index.Match("豫A32345", "blue", T0).ShouldBeEmpty();
        index.RemoveExpired(T0.AddHours(1)).ShouldBe(1);
    }

    [Fact]
    public void Match_OfAPlateOnNoList_AllocatesNothing()
    {
        var index = new WatchlistIndex();
        for (var i = 0; i < 1_000; i++)
        {
            index.Upsert(Entry("豫A1" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), fuzzy: i % 2 == 0));
        }

        var into = new List<IndexMatch>(4);
        index.Match("豫B77777", "blue", T0, into);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            index.Match("豫B77777", "blue", T0, into);
            index.Match("豫A10001", "yellow", T0, into);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        into.ShouldBeEmpty();
    }
}
