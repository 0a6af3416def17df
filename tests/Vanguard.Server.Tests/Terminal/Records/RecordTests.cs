using System.Net;
using System.Security.Cryptography;
using static Vanguard.Server.Tests.Terminal.Records.TerminalApi;

namespace Vanguard.Server.Tests.Terminal.Records;

/// <summary>现场笔录 from the terminal over HTTP: idempotent writes, photos as evidence, checks, jurisdiction.</summary>
public sealed class RecordTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private const string Url = "/api/v1/terminal/records";

    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Record_PostedTwiceWithOneKey_IsStoredOnceAndTheRetryGetsTheFirstResult()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var before = await CountAsync(client);
        var body = Inspection("郑州市中原区建设路与桐柏路交叉口");
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(client, Url, body, key);
        var retry = await PostAsync(client, Url, body, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync(Ct));
        retry.StatusCode.ShouldBe(HttpStatusCode.OK, await retry.Content.ReadAsStringAsync(Ct));
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        var created = await first.JsonAsync();
        var replayed = await retry.JsonAsync();
        Text(replayed, "id").ShouldBe(Text(created, "id"));
        replayed.ToJsonString().ShouldBe(created.ToJsonString());
        (await CountAsync(client)).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Record_SameKeyWithADifferentBody_IsRefused()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var key = Guid.NewGuid().ToString();
        (await PostAsync(client, Url, Inspection("中牟县 G107 K700"), key)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await PostAsync(client, Url, Inspection("中牟县 G107 K701"), key);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
    }

    [Fact]
    public async Task Record_WithoutIdempotencyKey_IsRefused()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var before = await CountAsync(client);

        var response = await PostAsync(client, Url, Inspection("新郑市 S102"), key: null);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idempotency.key_required");
        (await CountAsync(client)).ShouldBe(before);
    }

    [Fact]
    public async Task Record_TwoConcurrentPostsWithOneKey_StoreOneRecord()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var before = await CountAsync(client);
        var body = Inspection("郑州市金水区农业路", [new { dataUrl = DataUrl("image/jpeg", Jpeg()), note = "车辆正面" }]);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(PostAsync(client, Url, body, key), PostAsync(client, Url, body, key));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Created]);
        var ids = await Task.WhenAll(responses.Select(async r => Text(await r.JsonAsync(), "id")));
        ids.Distinct().Count().ShouldBe(1);
        (await CountAsync(client)).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Record_Photos_AreStoredAsEvidenceAndDownloadWithTheirSha256()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var photos = new[] { Jpeg(), Jpeg(8192) };
        var body = Inspection("郑州市二七区大学路", [
            new { dataUrl = DataUrl("image/jpeg", photos[0]), takenAt = DateTimeOffset.UtcNow.AddMinutes(-10), note = "车辆正面" },
            new { dataUrl = DataUrl("image/jpeg", photos[1]), takenAt = DateTimeOffset.UtcNow.AddMinutes(-9), note = "测量高度" },
        ]);

        var created = await (await PostAsync(client, Url, body, Guid.NewGuid().ToString())).JsonAsync();

        var listed = created["photos"]!.AsArray();
        listed.Count.ShouldBe(2);
        for (var i = 0; i < photos.Length; i++)
        {
            var expected = Convert.ToHexStringLower(SHA256.HashData(photos[i]));
            listed[i]!["sha256"]!.GetValue<string>().ShouldBe(expected);
            var download = await client.GetAsync(listed[i]!["url"]!.GetValue<string>(), Ct);
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
            Convert.ToHexStringLower(SHA256.HashData(await download.Content.ReadAsByteArrayAsync(Ct))).ShouldBe(expected);
        }

        var signature = await client.GetAsync(created["signature"]!["url"]!.GetValue<string>(), Ct);
        (await signature.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(Png);
        var evidence = await (await client.GetAsync($"/api/v1/evidence/{listed[0]!["evidenceId"]!.GetValue<string>()}", Ct)).JsonAsync();
        evidence.ToJsonString().ShouldContain(Convert.ToHexStringLower(SHA256.HashData(photos[0])));
    }

    [Fact]
    public async Task Record_PhotoThatIsNotAnImage_IsRefused()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();

        var response = await PostAsync(client, Url, Inspection("郑州市", [new { dataUrl = DataUrl("image/jpeg", pdf) }]), Guid.NewGuid().ToString());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().ShouldContain(e => e!["field"]!.GetValue<string>() == "photos[0].dataUrl" && e["code"]!.GetValue<string>() == "not_an_image");
    }

    [Fact]
    public async Task Record_PhotoOver2MB_IsRefused()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");

        var response = await PostAsync(
            client, Url, Inspection("郑州市", [new { dataUrl = DataUrl("image/jpeg", Jpeg((2 * 1024 * 1024) + 1)) }]), Guid.NewGuid().ToString());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().ShouldContain(e => e!["field"]!.GetValue<string>() == "photos[0].dataUrl" && e["code"]!.GetValue<string>() == "too_large");
    }

    [Fact]
    public async Task Record_WithAWrongIdNumberCheckDigit_IsRefusedNamingTheExpectedCharacter()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");

        var response = await PostAsync(client, Url, Inspection("郑州市", idNumber: "110105194912310021"), Guid.NewGuid().ToString());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var error = problem["errors"]!.AsArray().Single(e => e!["field"]!.GetValue<string>() == "party.idNumber");
        error!["code"]!.GetValue<string>().ShouldBe("check_digit");
        error["message"]!.GetValue<string>().ShouldContain("X");
    }

    /// <summary>Issue 6: a record may name only a task sent to its officer.</summary>
    [Fact]
    public async Task Record_NamingATaskThatIsNotTheOfficers_IsRefused()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(Inspection("郑州市"))!.AsObject();
        body["taskId"] = Guid.NewGuid().ToString();

        var response = await PostAsync(client, Url, body, Guid.NewGuid().ToString());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Single(e => e!["field"]!.GetValue<string>() == "taskId")!["code"]!.GetValue<string>().ShouldBe("unknown");
    }

    [Fact]
    public async Task Record_WithoutSignatureOrRefusal_IsRefused()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var body = new
        {
            kind = "inquiry", startedAt = DateTimeOffset.UtcNow.AddMinutes(-5), place = "郑州市", party = new { kind = "person", name = "孙伟" },
            content = "询问。", questions = new[] { new { q = "车辆是谁的？", a = "我的。" } },
        };

        var response = await PostAsync(client, Url, body, Guid.NewGuid().ToString());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().ShouldContain(e => e!["field"]!.GetValue<string>() == "signature");
    }

    [Fact]
    public async Task Record_OfAnotherCity_IsNotFound()
    {
        var zhengzhou = await factory.SignedInAsync("zhengzhou.field");
        var nanyang = await factory.SignedInAsync("nanyang.field");
        var created = await (await PostAsync(zhengzhou, Url, Inspection("郑州市管城区", [new { dataUrl = DataUrl("image/jpeg", Jpeg()) }]),
            Guid.NewGuid().ToString())).JsonAsync();
        var id = Text(created, "id");

        await (await nanyang.GetAsync($"{Url}/{id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "terminal.record_not_found");
        await (await nanyang.GetAsync($"{Url}/{id}/photos/1", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "terminal.record_not_found");
        (await (await nanyang.GetAsync($"{Url}?pageSize=200", Ct)).JsonAsync()).ToJsonString().ShouldNotContain(id);
        (await zhengzhou.GetAsync($"{Url}/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Record_ByAnAccountWithoutOfficer_IsForbidden()
    {
        var admin = await factory.SignedInAsync("admin");

        var response = await PostAsync(admin, Url, Inspection("郑州市"), Guid.NewGuid().ToString());

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "terminal.not_an_officer");
    }

    [Fact]
    public async Task InquiryRecord_WhenThePartyRefusesToSign_IsStoredWithItsQuestions()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var body = new
        {
            kind = "inquiry", startedAt = DateTimeOffset.UtcNow.AddMinutes(-30), endedAt = DateTimeOffset.UtcNow.AddMinutes(-10), place = "郑州市惠济区",
            party = new { kind = "person", name = "孙伟", idNumber = "440524188001010014" }, content = "询问车辆营运情况。",
            questions = new[] { new { q = "车上乘客从哪里上车？", a = "火车站。" }, new { q = "是否收费？", a = "每人 50 元。" } },
            refusedToSign = true,
        };

        var response = await PostAsync(client, Url, body, Guid.NewGuid().ToString());

        var created = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, created.ToJsonString());
        created["questions"]!.AsArray().Count.ShouldBe(2);
        created["refusedToSign"]!.GetValue<bool>().ShouldBeTrue();
        created["signature"].ShouldBeNull();
        var detail = await (await client.GetAsync($"{Url}/{Text(created, "id")}", Ct)).JsonAsync();
        detail["questions"]![1]!["a"]!.GetValue<string>().ShouldBe("每人 50 元。");
    }

    [Fact]
    public async Task Record_ReferringToAnotherCitysEvidence_IsRefused()
    {
        var nanyang = await factory.SignedInAsync("nanyang.field");
        var theirs = await (await PostAsync(nanyang, Url, Inspection("南阳市宛城区", [new { dataUrl = DataUrl("image/jpeg", Jpeg()) }]),
            Guid.NewGuid().ToString())).JsonAsync();
        var evidenceId = theirs["photos"]![0]!["evidenceId"]!.GetValue<string>();
        var zhengzhou = await factory.SignedInAsync("zhengzhou.field");

        var response = await PostAsync(zhengzhou, Url, new { kind = "inspection", startedAt = DateTimeOffset.UtcNow, place = "郑州市",
            party = new { kind = "person", name = "孙伟" }, content = "检查。", refusedToSign = true, bodycamEvidenceId = evidenceId }, Guid.NewGuid().ToString());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().ShouldContain(e => e!["field"]!.GetValue<string>() == "bodycamEvidenceId" && e["code"]!.GetValue<string>() == "unknown");
    }

    [Fact]
    public async Task Records_TwoConcurrentPostsOfOnePhotoWithTwoKeys_AreBothStoredAndShareOneEvidenceItem()
    {
        var client = await factory.SignedInAsync("zhengzhou.field");
        var photo = new { dataUrl = DataUrl("image/jpeg", Jpeg()) };

        var responses = await Task.WhenAll(
            PostAsync(client, Url, Inspection("郑州市上街区", [photo]), Guid.NewGuid().ToString()),
            PostAsync(client, Url, Inspection("郑州市上街区 2", [photo]), Guid.NewGuid().ToString()));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var records = await Task.WhenAll(responses.Select(r => r.JsonAsync()));
        Text(records[0], "id").ShouldNotBe(Text(records[1], "id"));
        records.Select(r => r["photos"]![0]!["evidenceId"]!.GetValue<string>()).Distinct().Count().ShouldBe(1);
    }
}
