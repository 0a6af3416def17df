using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;

namespace Vanguard.Server.Tests.Security.Fuzz;

/// <summary>
/// The fuzzer's targets: every endpoint that takes a body has a valid example here (from its module's tests); bodiless
/// reads and the public pages are fuzzed on their route and query without one. <see cref="Exclusions"/> lists what is
/// deliberately not fuzzed, with the reason.
/// </summary>
internal static class FuzzTargets
{
    private const long ApiLimit = Vanguard.Server.Hosting.HostingSetup.ApiBodyLimitBytes;

    /// <summary>The target takes a body whose limit <see cref="WithLimitOf"/> reads from the endpoint.</summary>
    private const long FromEndpoint = -1;

    /// <summary>Endpoints that are not fuzzed, and why.</summary>
    public static readonly (string Reason, Func<MappedEndpoint, bool> Matches)[] Exclusions =
    [
        ("static web assets (files under wwwroot and packages' _content): no input but the path, served by the static-assets middleware",
            e => e.Pattern == "/{**path:file}" || (!e.Pattern.Contains('{', StringComparison.Ordinal) && e.Pattern.Split('/')[^1].Contains('.', StringComparison.Ordinal))),
        ("the Blazor circuit of the staff UI (/_blazor, /_framework): a SignalR connection, not a request–response endpoint",
            e => e.Pattern.StartsWith("/_blazor", StringComparison.Ordinal) || e.Pattern.StartsWith("/_framework", StringComparison.Ordinal)),
        ("the health check: no input", e => e.Pattern == "/health"),
    ];

    /// <summary>
    /// Defects found in code this work may not change (<c>Modules/Offsite</c>: its ingest is being rewritten elsewhere).
    /// Each is in the report with its fix; until the fix lands the fuzzer lets exactly these answers pass and writes them to
    /// the test output. Remove an entry with its fix.
    /// </summary>
    public static readonly (string Key, string Defect, Func<FuzzOutcome, bool> Matches)[] PendingFixes =
    [
        ("POST /api/v1/offsite/wim-records", "a null record in the batch is dereferenced: NullReferenceException in WimIngest.Prepare",
            o => o.Status == 500 && Batch(o.Request).Any(r => r is null)),
        ("POST /api/v1/offsite/anpr-reads", "a null read in the batch is dereferenced: NullReferenceException in IngestHandler.IngestAnprAsync",
            o => o.Status == 500 && Batch(o.Request).Any(r => r is null)),
        ("POST /api/v1/offsite/wim-records", "a NUL character in a text field reaches PostgreSQL (22021)",
            o => o.Status == 500 && FuzzRunner.Text(o.Request).Contains("\\u0000", StringComparison.Ordinal)),
        ("POST /api/v1/offsite/anpr-reads", "a NUL character in a text field reaches PostgreSQL (22021)",
            o => o.Status == 500 && FuzzRunner.Text(o.Request).Contains("\\u0000", StringComparison.Ordinal)),
        ("POST /api/v1/offsite/anpr-reads", "direction (varchar 16) and image.sha256 (varchar 64) are not checked: PostgreSQL refuses the batch (22001)",
            o => o.Status == 500 && Batch(o.Request).OfType<JsonObject>().Any(r => Longer(r["direction"], 16) || Longer(r["image"]?["sha256"], 64))),
        ("POST /api/v1/offsite/wim-records", "the images' kind and contentType are not checked: ImagesJson over its varchar(2000) on PostgreSQL (22001)",
            o => o.Status == 500 && Batch(o.Request).OfType<JsonObject>().Any(r => r["images"]?.ToJsonString().Length > 1_500)),
    ];

    /// <summary>Stored-record faults of the same pending fixes (SQLite keeps what PostgreSQL refuses).</summary>
    public static readonly string[] PendingStoredFaults =
    [
        "direction over its 16-character column", "image hash not a SHA-256", "blank read id", "image list over its column",
    ];

    private static bool Longer(JsonNode? node, int length) => node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && v.GetValue<string>().Length > length;

    private static JsonArray Batch(FuzzRequest request)
    {
        try
        {
            return request.Body is { } body && JsonNode.Parse(body) is JsonArray batch ? batch : [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    public static readonly string[] ExplicitKeys =
    [
        "POST /api/v1/offsite/wim-records", "POST /api/v1/offsite/anpr-reads", "POST /api/v1/complaints/", "POST /api/v1/evidence/uploads/",
        "HEAD /api/v1/evidence/uploads/{id:guid}", "PATCH /api/v1/evidence/uploads/{id:guid}", "DELETE /api/v1/evidence/uploads/{id:guid}",
        "POST /api/v1/auth/token", "POST /api/v1/auth/refresh",
        "POST /api/v1/online/lookup", "POST /api/v1/online/codes", "POST /api/v1/online/codes/verify", "POST /api/v1/online/session/end",
        "POST /api/v1/online/cases/{id:guid}/statement", "POST /api/v1/online/cases/{id:guid}/hearing-request", "POST /api/v1/online/cases/{id:guid}/waive",
        "POST /api/v1/online/cases/{id:guid}/service-consent", "POST /api/v1/online/cases/{id:guid}/payment",
        "POST /api/v1/payments/callback/{gateway}", "POST /api/v1/public/complaints/", "POST /api/v1/public/complaints/lookup", "POST /api/v1/rules/overload",
        "POST /online/forms/lookup", "POST /online/forms/codes", "POST /online/forms/codes/verify", "POST /online/forms/logout",
        "POST /online/forms/cases/{id:guid}/statement", "POST /online/forms/cases/{id:guid}/hearing-request", "POST /online/forms/cases/{id:guid}/waive",
        "POST /online/forms/cases/{id:guid}/service-consent", "POST /online/forms/cases/{id:guid}/pay",
        "POST /online/complaint", "POST /online/complaint/lookup", "POST /public/overload", "POST /login", "POST /logout",
    ];

    private static DateTimeOffset Now => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonNode Json(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value, ApiClient.Web)!;

    public static FuzzTarget Explicit(string key, FuzzState s)
    {
        var (method, pattern) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var target = new FuzzTarget(method, pattern);
        var caseRoute = new Dictionary<string, string> { ["id"] = s.PartyCaseId.ToString() };
        var upload = new Dictionary<string, string> { ["id"] = s.UploadId.ToString() };
        var tus = new Dictionary<string, string> { ["Tus-Resumable"] = "1.0.0" };
        return key switch
        {
            "POST /api/v1/offsite/wim-records" => target with
            {
                Caller = FuzzCallers.Wim, Body = BodyKind.Json, BodyLimit = FromEndpoint, Requests = 300, UniqueIds = ["recordId"],
                Json = Json(new[] { Wim("fz-1", 52_000, "豫A71001"), Wim("fz-2", 30_000, "豫A71002") }),
            },
            "POST /api/v1/offsite/anpr-reads" => target with
            {
                Caller = FuzzCallers.Anpr, Body = BodyKind.Json, BodyLimit = FromEndpoint, Requests = 300, UniqueIds = ["readId"],
                Json = Json(new[]
                {
                    new
                    {
                        readId = "fz-1", capturedAt = Time(Now.AddMinutes(-2)), plate = "豫A88888", plateColor = "blue", confidence = 0.97, direction = "in",
                        image = new { kind = "plate", sha256 = new string('c', 64), contentType = "image/jpeg" },
                    },
                }),
            },
            "POST /api/v1/complaints/" => target with
            {
                Caller = FuzzCallers.Hotline, Body = BodyKind.Json, BodyLimit = FromEndpoint, UniqueIds = ["ticketNo"],
                Json = Json(new
                {
                    type = "complaint", domain = "road_transport",
                    place = new { text = "中牟县郑开大道白沙收费站", agencyCode = "410122", lat = 34.72, lon = 113.98 },
                    occurredAt = Now.AddHours(-3), complainant = new { name = "张三", phone = "13812345678" },
                    accused = new { party = "豫A12345 出租车驾驶员", officerNo = (string?)null }, description = "驾驶员拒载并辱骂乘客。", ticketNo = "T-FUZZ-1",
                    agencyCode = (string?)null,
                }),
            },
            "POST /api/v1/evidence/uploads/" => target with
            {
                Caller = FuzzCallers.Dock, Body = BodyKind.Tus, BodyLimit = FromEndpoint,
                Headers = new(tus)
                {
                    ["Upload-Length"] = "64",
                    ["Upload-Metadata"] = Evidence.EvidenceApi.Metadata(Evidence.EvidenceApi.Meta(new byte[64], s.OfficerNo)),
                },
            },
            "HEAD /api/v1/evidence/uploads/{id:guid}" or "DELETE /api/v1/evidence/uploads/{id:guid}" => target with
            {
                Caller = FuzzCallers.Dock, Body = BodyKind.Tus, Route = method == "DELETE" ? new() { ["id"] = s.DeletedUploadId.ToString() } : upload, Headers = tus,
            },
            "PATCH /api/v1/evidence/uploads/{id:guid}" => target with
            {
                Caller = FuzzCallers.Dock, Body = BodyKind.Tus, Route = upload, BodyLimit = null, Headers = new(tus) { ["Upload-Offset"] = "0" },
            },
            "POST /api/v1/auth/token" => target with
            {
                Body = BodyKind.Json, BodyLimit = FromEndpoint, Json = Json(new { username = "xuchang.legal", password = VanguardFactory.Password }),
            },
            "POST /api/v1/auth/refresh" => target with { Body = BodyKind.Json, BodyLimit = FromEndpoint, Json = Json(new { refreshToken = s.RefreshToken }) },
            "POST /api/v1/online/lookup" => target with
            {
                Body = BodyKind.Json, BodyLimit = FromEndpoint, Json = Json(new { plate = s.PartyPlate, noticeCode = s.NoticeCode }),
            },
            "POST /api/v1/online/codes" => target with { Body = BodyKind.Json, BodyLimit = FromEndpoint, Json = Json(new { plate = s.PartyPlate, plateColor = "yellow" }) },
            "POST /api/v1/online/codes/verify" => target with
            {
                Body = BodyKind.Json, BodyLimit = FromEndpoint, Json = Json(new { plate = s.PartyPlate, code = "123456", plateColor = "yellow" }),
            },
            "POST /api/v1/online/session/end" => target with { Caller = FuzzCallers.Party },
            "POST /api/v1/online/cases/{id:guid}/statement" => target with
            {
                Caller = FuzzCallers.Party, Route = caseRoute, Body = BodyKind.Json, BodyLimit = FromEndpoint,
                Json = Json(new
                {
                    text = "本人对超限事实无异议，但车辆系临时借用，请求从轻处罚。",
                    attachments = new[] { new { fileName = "借用协议.jpg", mediaType = "image/jpeg", base64 = Convert.ToBase64String(Online.OnlineApi.Photo("fuzz").Bytes) } },
                }),
            },
            "POST /api/v1/online/cases/{id:guid}/hearing-request" or "POST /api/v1/online/cases/{id:guid}/waive"
                or "POST /api/v1/online/cases/{id:guid}/payment" => target with { Caller = FuzzCallers.Party, Route = caseRoute },
            "POST /api/v1/online/cases/{id:guid}/service-consent" => target with
            {
                Caller = FuzzCallers.Party, Route = caseRoute, Body = BodyKind.Json, BodyLimit = FromEndpoint,
                Json = Json(new { phone = "13900001111", email = "party@example.cn", agree = true }),
            },
            "POST /api/v1/payments/callback/{gateway}" => target with
            {
                Route = new() { ["gateway"] = "simulated" }, Body = BodyKind.Json, BodyLimit = FromEndpoint,
                Json = s.Gateway is { } gateway ? JsonNode.Parse(gateway.Sign(gateway.NewPayment("FZ20260001", 20_000)).Body) : Json(new { orderNo = "FZ" }),
                Sign = s.Gateway is { } g ? body => new Dictionary<string, string> { [Vanguard.Server.Modules.Payments.Gateways.SimulatedGateway.SignatureHeader] = g.SignatureOf(body) } : null,
            },
            "POST /api/v1/public/complaints/" => target with
            {
                Body = BodyKind.Json, BodyLimit = FromEndpoint,
                Json = Json(new
                {
                    type = "complaint", domain = "urban_passenger", areaCode = "410100", place = "郑州东站东广场出租车上客区", occurredAt = Now.AddHours(-5),
                    name = "赵六", phone = "13900002222", description = "出租车绕路并拒绝打表。", accusedParty = "豫A8T123 出租车", accusedOfficerNo = (string?)null,
                    photos = new[] { new { fileName = "p.jpg", contentBase64 = Convert.ToBase64String(Complaints.PublicComplaintTests.JpegBytes) } },
                }),
            },
            "POST /api/v1/public/complaints/lookup" => target with
            {
                Body = BodyKind.Json, BodyLimit = FromEndpoint, Json = Json(new { ticketNo = "WS202611270001", phone = "13900002222" }),
            },
            "POST /api/v1/rules/overload" => target with
            {
                Body = BodyKind.Json, BodyLimit = FromEndpoint,
                Json = Json(new
                {
                    axleCount = 6, vehicleKind = "combination", tractorSingleDriveAxle = false, singleTyreAxleCount = 0, grossWeightKg = 50_001, heightMm = 4_000,
                    widthMm = 2_550, lengthMm = 18_100, accuracyClass = 5.0,
                }),
            },
            "POST /online/forms/lookup" => Form(target, "/online", new() { ["plate"] = s.PartyPlate, ["noticeCode"] = s.NoticeCode }),
            "POST /online/forms/codes" => Form(target, "/online", new() { ["plate"] = s.PartyPlate, ["plateColor"] = "yellow" }),
            "POST /online/forms/codes/verify" => Form(target, "/online", new() { ["plate"] = s.PartyPlate, ["plateColor"] = "yellow", ["code"] = "123456" }),
            "POST /online/forms/logout" => Form(target, "/online", []),
            "POST /online/forms/cases/{id:guid}/statement" => Form(target, $"/online/cases/{s.PartyCaseId}/statement", new() { ["text"] = "请求从轻处罚。" }) with
            {
                Caller = FuzzCallers.Party, Route = caseRoute, BodyLimit = FromEndpoint, Multipart = true,
            },
            "POST /online/complaint" => Form(target, "/online/complaint", new()
            {
                ["_handler"] = "complaint", ["Input.Type"] = "complaint", ["Input.Domain"] = "road_transport", ["Input.AreaCode"] = "410100",
                ["Input.Place"] = "郑州市二七广场公交站", ["Input.OccurredAt"] = Now.AddHours(-20).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Description"] = "长途客车在站外揽客。", ["Input.Name"] = "钱七", ["Input.Phone"] = "13900003333",
            }) with { Multipart = true },
            "POST /online/forms/cases/{id:guid}/hearing-request" or "POST /online/forms/cases/{id:guid}/pay" =>
                Form(target, $"/online/cases/{s.PartyCaseId}", []) with { Caller = FuzzCallers.Party, Route = caseRoute },
            "POST /online/forms/cases/{id:guid}/waive" =>
                Form(target, $"/online/cases/{s.PartyCaseId}", new() { ["confirm"] = "true" }) with { Caller = FuzzCallers.Party, Route = caseRoute },
            "POST /online/forms/cases/{id:guid}/service-consent" => Form(target, $"/online/cases/{s.PartyCaseId}",
                new() { ["phone"] = "13900001111", ["email"] = "party@example.cn", ["agree"] = "true" }) with { Caller = FuzzCallers.Party, Route = caseRoute },
            "POST /online/complaint/lookup" => Form(target, "/online/complaint/lookup",
                new() { ["_handler"] = "complaint-lookup", ["Input.TicketNo"] = "WS202611270001", ["Input.Phone"] = "13900003333" }),
            "POST /public/overload" => Form(target, "/public/overload", new()
            {
                ["_handler"] = "overload", ["Input.VehicleKind"] = "combination", ["Input.AxleCount"] = "6", ["Input.GrossWeightKg"] = "50001",
                ["Input.AccuracyClass"] = "5", ["Input.SingleTyreAxleCount"] = "0", ["Input.HeightMm"] = "4000",
            }),
            "POST /login" => Form(target, "/login", new() { ["_handler"] = "login", ["Input.Username"] = "fuzz.nobody", ["Input.Password"] = "wrong" }),
            "POST /logout" => Form(target, "/login", []),
            _ => throw new ArgumentException("No example for " + key, nameof(key)),
        };
    }

    /// <summary>
    /// A read or a page without an example of its own: its route values are valid-looking (a new GUID, 1, a word) and the
    /// fuzzer varies them and the query. A page's form post is sent with the page's antiforgery token and no fields.
    /// </summary>
    public static FuzzTarget Generic(MappedEndpoint endpoint, RouteEndpoint? route, FuzzState s)
    {
        var values = new Dictionary<string, string>();
        foreach (var parameter in route?.RoutePattern.Parameters ?? [])
        {
            var constraints = string.Join(',', parameter.ParameterPolicies.Select(p => p.Content));
            values[parameter.Name] = parameter.Name.Equals("id", StringComparison.OrdinalIgnoreCase) && endpoint.Pattern.Contains("/online/cases", StringComparison.Ordinal)
                ? s.PartyCaseId.ToString()
                : constraints.Contains("guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
                : constraints.Contains("int", StringComparison.Ordinal) ? "1"
                : parameter.Name.Equals("sha256", StringComparison.OrdinalIgnoreCase) ? new string('a', 64)
                : "fuzz";
        }

        var caller = endpoint.Reach.HasFlag(Reach.Device) ? FuzzCallers.Wim
            : endpoint.Pattern.Contains("/online", StringComparison.Ordinal) ? FuzzCallers.Party
            : FuzzCallers.Anonymous;
        var page = IsPage(route) && endpoint.Method == "POST";
        var target = new FuzzTarget(endpoint.Method, endpoint.Pattern) { Route = values, Caller = caller, Requests = 30 };
        return page ? target with { Body = BodyKind.Form, AntiforgeryFrom = target.Path(values), BodyLimit = null } : target;
    }

    /// <summary>The body limit the server applies to the endpoint: its own (<c>RequestSizeLimit</c>) or the API's default.</summary>
    public static FuzzTarget WithLimitOf(FuzzTarget target, RouteEndpoint? endpoint)
    {
        if (target.BodyLimit is null)
        {
            return target;
        }

        var declared = endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        return target with { BodyLimit = declared ?? (target.Pattern.StartsWith("/api/", StringComparison.Ordinal) ? ApiLimit : KestrelDefaultLimit) };
    }

    /// <summary>Kestrel's own limit where nothing else applies (the portal's form posts and pages).</summary>
    private const long KestrelDefaultLimit = 30_000_000;

    /// <summary>A Blazor page (a component endpoint): its form posts are handled by the page, not by an endpoint of ours.</summary>
    public static bool IsPage(RouteEndpoint? endpoint) =>
        endpoint?.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata") == true;

    /// <summary>Whether the generic target is enough: reads (no body to example) and page posts.</summary>
    public static bool GenericCovers(MappedEndpoint endpoint, RouteEndpoint? route) =>
        endpoint.Method is "GET" or "HEAD" or "OPTIONS" || IsPage(route);

    private static FuzzTarget Form(FuzzTarget target, string page, Dictionary<string, string> fields) =>
        target with { Body = BodyKind.Form, Form = fields, AntiforgeryFrom = page, BodyLimit = null };

    /// <summary>A 6-axle combination (limit 49 000 kg) weighed at the given gross, with a photo by hash (as OffsiteTests sends).</summary>
    private static object Wim(string recordId, int grossKg, string plate)
    {
        var axle = grossKg / 6;
        return new
        {
            recordId, capturedAt = Time(Now.AddMinutes(-5)), lane = 1, plate, plateColor = "yellow", axleCount = 6, vehicleKind = "combination",
            tractorSingleDriveAxle = false, singleTyreAxleCount = 0, axleWeightsKg = Enumerable.Repeat(axle, 5).Append(grossKg - (axle * 5)).ToArray(),
            grossWeightKg = grossKg, speedKmh = 62.5, heightMm = 4_000, widthMm = 2_550, lengthMm = 18_100,
            images = new[] { new { kind = "plate", sha256 = new string('a', 64), contentType = "image/jpeg", base64 = (string?)null } },
        };
    }
}
