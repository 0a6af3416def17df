using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Tests.Complaints;

/// <summary>The public form and its API (no sign-in): photos checked by their bytes, a ticket, and the complainant's look-up by ticket and phone.</summary>
public sealed class PublicComplaintTests(ComplaintsFactory factory) : IClassFixture<ComplaintsFactory>
{
    internal static readonly byte[] JpegBytes = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 1, 2, 3];

    internal static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 9, 9];

    private static object Complaint(string phone, object[]? photos = null, string description = "出租车绕路并拒绝打表。", string? officerNo = null) => new
    {
        type = "complaint",
        domain = "urban_passenger",
        areaCode = "410100",
        place = "郑州东站东广场出租车上客区",
        occurredAt = DateTimeOffset.UtcNow.AddHours(-5),
        name = "赵六",
        phone,
        description,
        accusedParty = "豫A8T123 出租车",
        accusedOfficerNo = officerNo,
        photos,
    };

    private static object Photo(byte[] bytes, string name = "p.jpg") => new { fileName = name, contentBase64 = Convert.ToBase64String(bytes) };

    private HttpClient Anonymous() => factory.CreateClient();

    private static string UniquePhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    private async Task<JsonNode> FiledAsync(string phone, object[]? photos = null)
    {
        var response = await Anonymous().PostAsJsonAsync("/api/v1/public/complaints", Complaint(phone, photos), ApiClient.Ct);
        return await ComplaintsFactory.CreatedAsync(response);
    }

    private Task<Guid> IdOfAsync(string ticketNo) =>
        factory.WithDbAsync(db => db.Set<Modules.Complaints.Data.Complaint>().Where(c => c.TicketNo == ticketNo).Select(c => c.Id).SingleAsync(ApiClient.Ct));

    [Fact]
    public async Task File_WithPhotos_GivesATicket_AndStaffSeeThePhotosAsEvidence()
    {
        var phone = UniquePhone();

        var ticket = await FiledAsync(phone, [Photo(JpegBytes, "a.jpg"), Photo(PngBytes, "b.png")]);

        var ticketNo = ticket["ticketNo"]!.GetValue<string>();
        ticketNo.ShouldStartWith("WS");
        ticket["photos"]!.GetValue<int>().ShouldBe(2);
        var staff = await factory.SignedInAsync("zhengzhou.command");
        var view = await staff.GetFromJsonAsync<JsonNode>($"/api/v1/complaints/{await IdOfAsync(ticketNo)}", ApiClient.Ct);
        view!["source"]!.GetValue<string>().ShouldBe("public");
        view["agencyCode"]!.GetValue<string>().ShouldBe("410100");
        view["complainantPhone"]!.GetValue<string>().ShouldBe(phone);
        var attachments = view["attachments"]!.AsArray();
        attachments.Select(a => a!["mediaType"]!.GetValue<string>()).ShouldBe(["image/jpeg", "image/png"]);
        var file = await staff.GetAsync(attachments[1]!["url"]!.GetValue<string>(), ApiClient.Ct);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync(ApiClient.Ct)).ShouldBe(PngBytes);
        var attachmentId = attachments[1]!["id"]!.GetValue<Guid>();
        var actions = await factory.WithDbAsync(db => (
            from a in db.Set<Modules.Complaints.Data.ComplaintAttachment>()
            join e in db.Set<Modules.Evidence.Data.CustodyEntry>() on a.EvidenceId equals e.EvidenceId
            where a.Id == attachmentId
            orderby e.Id
            select e.Action).ToListAsync(ApiClient.Ct));
        actions.ShouldBe(["upload", "view"]);
    }

    [Fact]
    public async Task Reassigned_ThePhotosGoAlong_AndTheNewAgencyOpensThem()
    {
        var ticketNo = (await FiledAsync(UniquePhone(), [Photo([.. JpegBytes, 7, 7, 7], "r.jpg")]))["ticketNo"]!.GetValue<string>();
        var url = $"/api/v1/complaints/{await IdOfAsync(ticketNo)}";
        var province = await factory.SignedInAsync("admin");

        (await province.PostAsJsonAsync(url + "/assign", new { agencyCode = "411000", note = "事发地在许昌" }, ApiClient.Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var xuchang = await factory.SignedInAsync("xuchang.command");
        var view = await xuchang.GetFromJsonAsync<JsonNode>(url, ApiClient.Ct);
        var attachment = view!["attachments"]!.AsArray().Single()!;
        var file = await xuchang.GetAsync(attachment["url"]!.GetValue<string>(), ApiClient.Ct);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync(ApiClient.Ct)).ShouldBe([.. JpegBytes, 7, 7, 7]);
        var attachmentId = attachment["id"]!.GetValue<Guid>();
        var actions = await factory.WithDbAsync(db => (
            from a in db.Set<Modules.Complaints.Data.ComplaintAttachment>()
            join e in db.Set<Modules.Evidence.Data.CustodyEntry>() on a.EvidenceId equals e.EvidenceId
            where a.Id == attachmentId
            orderby e.Id
            select e.Action).ToListAsync(ApiClient.Ct));
        actions.ShouldBe(["upload", "transfer", "view"]);
        (await (await factory.SignedInAsync("zhengzhou.command")).GetAsync(attachment["url"]!.GetValue<string>(), ApiClient.Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "the first agency no longer holds the complaint");
    }

    [Fact]
    public async Task Photo_NotJpegOrPng_ByItsBytes_IsRefused_WhateverItsName()
    {
        var gif = "GIF89a"u8.ToArray().Concat(new byte[20]).ToArray();

        var response = await Anonymous().PostAsJsonAsync("/api/v1/public/complaints", Complaint(UniquePhone(), [Photo(gif, "fake.jpg")]), ApiClient.Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ShouldContain("not_image");
    }

    [Fact]
    public async Task MoreThanThreePhotos_OrOneOverFiveMegabytes_IsRefused()
    {
        var four = Enumerable.Range(0, 4).Select(_ => Photo(JpegBytes)).ToArray();
        var big = JpegBytes.Concat(new byte[5 * 1024 * 1024]).ToArray();

        var tooMany = await Anonymous().PostAsJsonAsync("/api/v1/public/complaints", Complaint(UniquePhone(), four), ApiClient.Ct);
        var tooLarge = await Anonymous().PostAsJsonAsync("/api/v1/public/complaints", Complaint(UniquePhone(), [Photo(big)]), ApiClient.Ct);

        (await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]!.AsArray()
            .Select(e => e!["code"]!.GetValue<string>()).ShouldContain("too_many");
        (await tooLarge.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]!.AsArray()
            .Select(e => e!["code"]!.GetValue<string>()).ShouldContain("too_large");
    }

    [Fact]
    public async Task Lookup_ByTicketAndPhone_ShowsTheStageAndTheReply_NothingInternal()
    {
        var phone = UniquePhone();
        var ticketNo = (await FiledAsync(phone))["ticketNo"]!.GetValue<string>();
        var url = $"/api/v1/complaints/{await IdOfAsync(ticketNo)}";
        var staff = await factory.SignedInAsync("zhengzhou.command");

        var before = await Anonymous().PostAsJsonAsync("/api/v1/public/complaints/lookup", new { ticketNo, phone }, ApiClient.Ct);
        foreach (var (step, body) in new (string, object)[]
                 {
                     ("contact", new { note = "内部通话记录：投诉人情绪激动" }), ("onsite", new { lat = 34.76, lon = 113.77 }),
                     ("result", new { note = "内部：驾驶员已约谈", finding = "substantiated" }), ("reply", new { note = "经查属实，已对驾驶员依法处理。" }),
                 })
        {
            (await staff.PostAsJsonAsync($"{url}/{step}", body, ApiClient.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var after = await Anonymous().PostAsJsonAsync("/api/v1/public/complaints/lookup", new { ticketNo = ticketNo.ToLowerInvariant(), phone }, ApiClient.Ct);

        var first = await before.JsonAsync();
        before.StatusCode.ShouldBe(HttpStatusCode.OK, first.ToJsonString());
        first["statusName"]!.GetValue<string>().ShouldBe("已受理，待承办单位联系");
        first["reply"].ShouldBeNull();
        var second = await after.JsonAsync();
        second["status"]!.GetValue<string>().ShouldBe("replied");
        second["reply"]!.GetValue<string>().ShouldBe("经查属实，已对驾驶员依法处理。");
        second.ToJsonString().ShouldNotContain("内部");
        second.ToJsonString().ShouldNotContain(phone);
    }

    [Fact]
    public async Task Lookup_WithAnotherPhone_AnswersAsAnUnknownTicket()
    {
        var ticketNo = (await FiledAsync(UniquePhone()))["ticketNo"]!.GetValue<string>();

        var wrongPhone = await Anonymous().PostAsJsonAsync("/api/v1/public/complaints/lookup", new { ticketNo, phone = "13000000000" }, ApiClient.Ct);
        var unknown = await Anonymous().PostAsJsonAsync("/api/v1/public/complaints/lookup", new { ticketNo = "WS00000000000000", phone = "13000000000" }, ApiClient.Ct);

        await wrongPhone.ShouldBeProblemAsync(HttpStatusCode.NotFound, "complaints.ticket_not_found");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "complaints.ticket_not_found");
    }

    [Fact]
    public async Task File_WithoutAnArea_IsRefused()
    {
        var response = await Anonymous().PostAsJsonAsync("/api/v1/public/complaints", new { type = "complaint", domain = "other", place = "x", occurredAt = DateTimeOffset.UtcNow.AddHours(-1), name = "甲", phone = "13911112222", description = "x" }, ApiClient.Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ShouldContain("areaCode");
    }

    [Fact]
    public async Task Form_PostedWithItsAntiforgeryToken_FilesAndRedirectsToTheTicket_WithoutTheTokenIsRefused()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await browser.GetAsync("/online/complaint", ApiClient.Ct);
        var html = await page.Content.ReadAsStringAsync(ApiClient.Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("郑州市");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeNullOrEmpty(html);
        var handler = Regex.Match(html, "name=\"_handler\" value=\"([^\"]+)\"").Groups[1].Value;
        handler.ShouldBe("complaint");
        var phone = UniquePhone();
        var occurred = DateTimeOffset.UtcNow.AddHours(7).AddDays(-1).ToString("yyyy-MM-ddTHH:mm");

        MultipartFormDataContent Form(bool withToken)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(handler), "_handler" },
                { new StringContent("complaint"), "Input.Type" },
                { new StringContent("road_transport"), "Input.Domain" },
                { new StringContent("410100"), "Input.AreaCode" },
                { new StringContent("郑州市二七广场公交站"), "Input.Place" },
                { new StringContent(occurred), "Input.OccurredAt" },
                { new StringContent("长途客车在站外揽客。"), "Input.Description" },
                { new StringContent("钱七"), "Input.Name" },
                { new StringContent(phone), "Input.Phone" },
            };
            if (withToken)
            {
                form.Add(new StringContent(token), "__RequestVerificationToken");
            }

            form.Add(new ByteArrayContent(JpegBytes), "photos", "scene.jpg");
            return form;
        }

        using var forged = Form(withToken: false);
        var refused = await browser.PostAsync("/online/complaint", forged, ApiClient.Ct);
        using var real = Form(withToken: true);
        var posted = await browser.PostAsync("/online/complaint", real, ApiClient.Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await posted.Content.ReadAsStringAsync(ApiClient.Ct);
        ((int)posted.StatusCode).ShouldBeInRange(301, 303, body);
        var location = posted.Headers.Location!.OriginalString;
        var ticketNo = Regex.Match(location, "ticket=(WS\\d+)").Groups[1].Value;
        ticketNo.ShouldNotBeNullOrEmpty(location);
        var done = await (await browser.GetAsync(location, ApiClient.Ct)).Content.ReadAsStringAsync(ApiClient.Ct);
        done.ShouldContain(ticketNo);
        var stored = await factory.WithDbAsync(db => db.Set<Modules.Complaints.Data.Complaint>().SingleAsync(c => c.TicketNo == ticketNo, ApiClient.Ct));
        stored.Source.ShouldBe("public");
        stored.ComplainantPhone.ShouldBe(phone);
        (await factory.WithDbAsync(db => db.Set<Modules.Complaints.Data.ComplaintAttachment>().CountAsync(a => a.ComplaintId == stored.Id, ApiClient.Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task LookupPage_ShowsTheStage_ForTheRightPhone()
    {
        var phone = UniquePhone();
        var ticketNo = (await FiledAsync(phone))["ticketNo"]!.GetValue<string>();
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var html = await (await browser.GetAsync($"/online/complaint/lookup?ticket={ticketNo}", ApiClient.Ct)).Content.ReadAsStringAsync(ApiClient.Ct);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        html.ShouldContain($"value=\"{ticketNo}\"");

        using var form = new FormUrlEncodedContent([
            new("_handler", "complaint-lookup"), new("__RequestVerificationToken", token), new("Input.TicketNo", ticketNo), new("Input.Phone", phone)]);
        var answer = await browser.PostAsync("/online/complaint/lookup", form, ApiClient.Ct);

        var page = await answer.Content.ReadAsStringAsync(ApiClient.Ct);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        page.ShouldContain("已受理，待承办单位联系");
        page.ShouldContain("郑州市");
    }

    [Fact]
    public async Task HotlineIntake_TakesPhotosToo_CheckedTheSameWay()
    {
        var hotline = await factory.HotlineAsync();
        var ticket = "T-PH-" + Guid.NewGuid().ToString("N")[..8];
        object Ticket(string no, object photo) => new
        {
            type = "complaint", domain = "road_transport", place = new { text = "郑州市中原区建设西路", agencyCode = "410100" },
            occurredAt = DateTimeOffset.UtcNow.AddHours(-2), complainant = new { name = "郑十一", phone = "13344445555" },
            accused = new { party = "豫A99887 货车" }, description = "货车沿路抛撒。", ticketNo = no, photos = new[] { photo },
        };

        var filed = await ComplaintsFactory.CreatedAsync(await hotline.PostAsJsonAsync("/api/v1/complaints", Ticket(ticket, Photo(JpegBytes, "road.jpg")), ApiClient.Ct));
        var refused = await hotline.PostAsJsonAsync("/api/v1/complaints", Ticket(ticket + "-2", new { fileName = "x.jpg", contentBase64 = "not base64!" }), ApiClient.Ct);

        filed["attachments"]!.AsArray().Single()!["fileName"]!.GetValue<string>().ShouldBe("road.jpg");
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))["errors"]!.AsArray()
            .Select(e => e!["code"]!.GetValue<string>()).ShouldContain("not_base64");
    }
}
