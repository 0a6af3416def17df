using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Organisation.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Warnings.Jobs;
using Vanguard.Server.Tests.Cases;
using Vanguard.Server.Tests.Online;
using Vanguard.Server.Tests.Surveillance;
using Vanguard.Server.Tests.Supervision;

namespace Vanguard.Server.Tests.Security.Authorization;

/// <summary>
/// The matrix run: every staff role of 南阳 (city B), a 郑州 field officer, an anonymous caller and B's devices call every
/// endpoint aimed at 郑州's (city A's) data. Nobody reaches A's data from outside A, role denials hold inside A, A's own admin
/// and the province reach everything (so the matrix cannot pass by everyone being refused), and A is unchanged afterwards.
/// One factory, one seeding, many requests.
/// </summary>
public sealed partial class CrossJurisdictionTests(CrossJurisdictionTests.MatrixFactory factory) : IClassFixture<CrossJurisdictionTests.MatrixFactory>
{
    /// <summary>The demo's activity too (published decisions, credit proposals, on-the-spot decisions, inspections): more of A's
    /// kinds of data than the tests' usual bare demo.</summary>
    public sealed class MatrixFactory : VanguardFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Vanguard:Demo:Activity", "true")];
    }

    private const string CityA = "410100";
    private const string CityB = "411300";

    private static CancellationToken Ct => ApiClient.Ct;

    /// <summary>A's resources by placeholder, read as A's admin from the list that serves each kind.</summary>
    private static readonly (string Placeholder, string List, string IdField, bool Marker)[] Kinds =
    [
        ("case", "/api/v1/cases?pageSize=200", "id", true),
        ("complaint", "/api/v1/complaints?pageSize=200", "id", true),
        ("officer", "/api/v1/officers?pageSize=200", "id", true),
        ("device", "/api/v1/devices?pageSize=200", "code", true),
        ("watchlist", "/api/v1/surveillance/watchlists", "id", true),
        ("watchlistEntry", "/api/v1/surveillance/watchlist?pageSize=200", "id", true),
        ("alert", "/api/v1/surveillance/alerts?pageSize=200", "id", true),
        ("suspect", "/api/v1/surveillance/suspects?pageSize=200", "id", true),
        ("hotspot", "/api/v1/surveillance/hotspots", "id", true),
        ("suspectRule", "/api/v1/surveillance/suspect-rules", "id", true),
        ("warning", "/api/v1/warnings?pageSize=200", "id", true),
        ("blacklist", "/api/v1/credit/blacklist?pageSize=200", "id", false),
        ("repair", "/api/v1/credit/repairs?pageSize=200", "id", false),
        ("disclosure", "/api/v1/disclosure/decisions?pageSize=200", "id", false),
        ("inspection", "/api/v1/supervision/inspections?pageSize=200", "id", true),
        ("accountability", "/api/v1/supervision/accountability?pageSize=200", "id", true),
        ("evidence", "/api/v1/evidence?pageSize=200", "id", true),
        ("reviewItem", "/api/v1/offsite/review-items?status=confirmed&pageSize=200", "id", true),
        ("task", "/api/v1/terminal/tasks?pageSize=200", "id", true),
        ("record", "/api/v1/terminal/records?pageSize=200", "id", true),
        ("objection", "/api/v1/performance/objections?pageSize=200", "id", true),
        ("onlineSubmission", "/api/v1/online/staff/queue?pageSize=200", "id", true),
    ];

    private static readonly string[] CityBStaff = ["nanyang.admin", "nanyang.command", "nanyang.case", "nanyang.legal", "nanyang.field"];

    private static readonly (Who Who, string Kind)[] DeviceKinds =
    [
        (Who.WimStation, "wim-station"), (Who.AnprCamera, "anpr-camera"), (Who.BodyCamera, "body-camera"),
        (Who.DockStation, "dock-station"), (Who.Terminal, "handheld-terminal"), (Who.Hotline, "hotline"),
    ];

    private sealed record Caller(string Name, Who Who, HttpClient Client, bool InCityA);

    [Fact]
    public async Task NobodyOutsideCityA_ReachesCityAsData_AndCityAAndTheProvinceDo()
    {
        var adminA = await factory.SignedInAsync("zhengzhou.admin");
        var agenciesA = AgencyIdsOfCityA();
        var seeded = await SeedCityAAsync(adminA);
        var (ids, markers) = await HarvestAsync(adminA, agenciesA);
        foreach (var (placeholder, id) in seeded)
        {
            ids[placeholder] = id;
            if (id.Length >= 8)
            {
                // A short route value (a station's record id such as "r1") is not distinctive enough to look for in a page.
                markers.Add(id);
            }
        }

        ids["agencyCode"] = CityA;
        ids["any"] = Guid.NewGuid().ToString();
        var runs = await (await adminA.GetAsync("/api/v1/performance/runs", Ct)).JsonAsync();
        if (Items(runs).FirstOrDefault() is { } run)
        {
            ids["month"] = run["month"]?.ToString() ?? "";
            ids["number"] = run["number"]?.ToString() ?? "";
        }

        // The kinds every city has from the demo or the seeding above; if one is missing the run would prove nothing about it.
        string[] required = ["case", "complaint", "officer", "device", "warning", "inspection", "watchlist"];
        required.Except(ids.Keys).ShouldBeEmpty("kinds of A's data the run found nothing of");

        var callers = new List<Caller>();
        foreach (var (login, who) in CityBStaff.Zip(new[] { Who.AgencyAdmin, Who.Command, Who.Case, Who.Legal, Who.Field }))
        {
            callers.Add(new(login, who, await factory.SignedInAsync(login), false));
        }

        callers.Add(new("anonymous", Who.Anonymous, factory.CreateClient(), false));
        var adminB = await factory.SignedInAsync("nanyang.admin");
        foreach (var (who, kind) in DeviceKinds)
        {
            callers.Add(new($"{kind} of B", who, factory.AsDevice(await RegisterDeviceAsync(adminB, kind, CityB)), false));
        }

        callers.Add(new("zhengzhou.field", Who.Field, await factory.SignedInAsync("zhengzhou.field"), true));

        var rows = AuthorizationMatrix.Rows;
        var snapshotPaths = rows.Where(r => r.Key.StartsWith("GET ", StringComparison.Ordinal) && r.Value.Reach == Reach.Scoped && Fill(r.Value.Probe, ids) is not null
                && (r.Value.Who & Who.Anonymous) == 0)
            .Select(r => Fill(r.Value.Probe, ids)!).ToList();
        var before = await SnapshotAsync(adminA, snapshotPaths);
        // Some answers change on every read (a PDF's creation time, a problem's trace id, custody entries that record the read
        // itself): for those only the status is compared.
        var again = await SnapshotAsync(adminA, snapshotPaths);
        var volatilePaths = snapshotPaths.Where(p => before[p] != again[p]).ToHashSet(StringComparer.Ordinal);

        var findings = new StringBuilder();
        var unseeded = new SortedSet<string>(StringComparer.Ordinal);
        var denials = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var otherRefusals = new SortedSet<string>(StringComparer.Ordinal);
        var requests = 0;
        foreach (var (key, row) in rows)
        {
            var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
            if (method is "ANY" or "HEAD" or "OPTIONS")
            {
                continue;  // hubs are covered by their own tests (CommandHubTests); tus's HEAD and OPTIONS mirror its PATCH
            }

            var path = Fill(row.Probe, ids);
            if (row.Probe is not null && path is null)
            {
                unseeded.Add(key);
            }

            path ??= row.Probe is null ? Unaimed(key[(method.Length + 1)..]) : null;
            if (path is null)
            {
                continue;
            }

            if (row.Reach == Reach.Listed && !path.Contains('?', StringComparison.Ordinal))
            {
                path += $"?agencyCode={CityA}&agencyId={agenciesA[0]}&pageSize=200";
            }

            foreach (var caller in callers)
            {
                var allowed = (row.Who & caller.Who) != 0;
                var isWrite = method != "GET";
                if (allowed && (caller.InCityA || (isWrite && row.Reach is Reach.Own or Reach.Published)))
                {
                    continue;  // inside A the field officer may do what their role allows; B's own and public writes change no A data
                }

                using var response = await SendAsync(caller.Client, method, path, row.TextBody, ids);
                requests++;
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync(Ct);
                var where = $"{key} as {caller.Name} → {status}";
                if (status >= 500)
                {
                    findings.AppendLine($"{where}: server error {Cut(body)}");
                }
                else if (!allowed)
                {
                    var expected = caller.Who == Who.Anonymous ? 401 : 403;
                    if (status != expected)
                    {
                        findings.AppendLine($"{where}: the policy refuses this caller, expected {expected}");
                    }
                }
                else if (row.Reach == Reach.Scoped)
                {
                    denials[$"{status}"] = denials.GetValueOrDefault($"{status}") + 1;
                    if (status != 404)
                    {
                        otherRefusals.Add($"{key} → {status}");
                    }

                    if (status is >= 200 and < 300)
                    {
                        findings.AppendLine($"{where}: LEAK, A's resource reached from outside A: {Cut(body)}");
                    }
                    else if (method == "GET" && !(status == 404 || (status == 403 && (row.Note?.StartsWith("403", StringComparison.Ordinal) ?? false))))
                    {
                        findings.AppendLine($"{where}: refused with {status}, expected 404 problem details (403 only where the row says why)");
                    }
                    else if (status is 403 or 404 && !(response.Content.Headers.ContentType?.MediaType ?? "").Contains("problem+json", StringComparison.Ordinal))
                    {
                        findings.AppendLine($"{where}: the refusal is not problem details");
                    }
                }
                else if (row.Reach is Reach.Listed or Reach.Form && status is >= 200 and < 300 && markers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) is { } marker)
                {
                    findings.AppendLine($"{where}: LEAK, the list shows A's {marker}");
                }
            }
        }

        // Positive control: A's admin and the province reach every resource of A the matrix probes.
        var province = await factory.SignedInAsync("admin");
        var evaluator = await factory.SignedInAsync("evaluator");
        foreach (var (key, row) in rows.Where(r => r.Key.StartsWith("GET ", StringComparison.Ordinal) && r.Value.Reach == Reach.Scoped && (r.Value.Who & Who.Anonymous) == 0))
        {
            if (Fill(row.Probe, ids) is not { } path || path.Contains(ids["any"], StringComparison.Ordinal) || row.NoControl is not null)
            {
                continue;
            }

            foreach (var (client, who, name) in new[] { (adminA, Who.AgencyAdmin, "zhengzhou.admin"), (province, Who.ProvinceAdmin, "admin"), (evaluator, Who.Evaluator, "evaluator") })
            {
                using var response = await client.GetAsync(path, Ct);
                var status = (int)response.StatusCode;
                var expectedOk = (row.Who & who) != 0;
                if (expectedOk != (status is >= 200 and < 300))
                {
                    findings.AppendLine($"{key} as {name} → {status}: expected {(expectedOk ? "2xx (A's own data)" : "a refusal (role)")}");
                }
            }
        }

        var after = await SnapshotAsync(adminA, snapshotPaths);
        foreach (var path in snapshotPaths.Where(p => volatilePaths.Contains(p) ? before[p][..3] != after[p][..3] : before[p] != after[p]))
        {
            findings.AppendLine($"A's data changed during the run: {path}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"A's data: {string.Join(", ", ids.Keys.Order())}; probed {rows.Count} rows with {requests} requests; refusals of B on A's resources by status: {string.Join(", ", denials.Select(d => $"{d.Key}×{d.Value}"))}; " +
            $"not probed for want of data: {string.Join(", ", unseeded)}; refused otherwise than 404: {string.Join("; ", otherRefusals)}");
        findings.ToString().ShouldBeEmpty();
    }

    private static string? Fill(string? probe, IReadOnlyDictionary<string, string> ids)
    {
        if (probe is null)
        {
            return null;
        }

        var missing = false;
        var filled = Regex.Replace(probe, @"\{([A-Za-z0-9]+)\}", m =>
        {
            if (ids.TryGetValue(m.Groups[1].Value, out var value))
            {
                return Uri.EscapeDataString(value);
            }

            missing = true;
            return m.Value;
        });
        return missing ? null : filled;
    }

    /// <summary>A path for a row that names nothing of A's: any value its route constraints take.</summary>
    private static string Unaimed(string pattern) =>
        Regex.Replace(pattern, @"\{[^}]+\}", m => m.Value.EndsWith(":guid}", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : m.Value.EndsWith(":int}", StringComparison.Ordinal) ? "2026" : "x");

    private const string AlertOutcomeResolved = "resolved";

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, bool textBody, IReadOnlyDictionary<string, string> ids)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.Add("Tus-Resumable", "1.0.0");  // else the tus endpoints refuse (412) before they look at the upload
        if (textBody)
        {
            request.Content = new StringContent("2027-10-01..2027-10-07 holiday 权限矩阵测试", Encoding.UTF8, "text/plain");
        }
        else if (method is "POST" or "PUT" or "PATCH")
        {
            // One plausible body for every write: the fields the handlers validate before they look the resource up, with values
            // they accept (unknown fields are ignored), so the refusal comes from the jurisdiction and not from validation. It
            // names A's agency, case, officer and list wherever a request takes one, so a create aimed at A is refused too.
            request.Content = JsonContent.Create(new Dictionary<string, object?>
            {
                ["agencyCode"] = CityA, ["reason"] = "权限矩阵测试", ["note"] = "权限矩阵测试", ["on"] = "2026-09-01",
                ["answer"] = "权限矩阵答复", ["response"] = "权限矩阵：已整改", ["text"] = "权限矩阵陈述", ["kind"] = "violation_notice",
                ["commitment"] = "权限矩阵承诺", ["rectification"] = "权限矩阵整改", ["outcome"] = AlertOutcomeResolved, ["measure"] = "criticism",
                ["retentionClass"] = "standard", ["caseId"] = ids.GetValueOrDefault("case"), ["caseNumber"] = "权限矩阵", ["officerId"] = ids.GetValueOrDefault("officer"),
                ["watchlistId"] = ids.GetValueOrDefault("watchlist"), ["validDays"] = 30, ["code"] = "other", ["description"] = "权限矩阵", ["reference"] = "MX-1",
                ["version"] = 1, ["finding"] = "权限矩阵调查结论",
            });
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task<Dictionary<string, string>> SnapshotAsync(HttpClient adminA, IEnumerable<string> paths)
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            using var response = await adminA.GetAsync(path, Ct);
            snapshot[path] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}";
        }

        return snapshot;
    }

    /// <summary>A's agencies (the city and everything under it), from the platform's own tree.</summary>
    private List<string> AgencyIdsOfCityA()
    {
        var tree = factory.Services.GetRequiredService<IAgencyDirectory>().Current;
        return tree.Subtree(tree.FindByCode(CityA)!.Id).Select(id => id.ToString()).ToList();
    }

    /// <summary>What the demo does not give A: an ordinary case with its case number, a device, a terminal task, an inspection with
    /// a breach (and so an accountability record), and the early-warning run over the demo's decisions.</summary>
    private async Task<Dictionary<string, string>> SeedCityAAsync(HttpClient adminA)
    {
        await RegisterDeviceAsync(adminA, "anpr-camera", CityA);
        var caseOfficer = await factory.SignedInAsync("zhengzhou.case");
        var officers = await CaseApi.TwoOfficersAsync(caseOfficer, "410122");
        var created = await CaseApi.CreateAsync(caseOfficer, new
        {
            procedure = "ordinary", agencyCode = "410122", offenceCode = "unlicensed.freight", title = "权限矩阵：未取得道路运输经营许可擅自从事道路普通货物运输",
            source = 1, party = new { kind = "person", name = "矩阵甲", idNumber = "11010519491231002X", address = "河南省郑州市中牟县", phone = "13800000000" },
            vehicle = new { plate = "豫A9M001", color = "yellow" }, actOn = "2026-09-01", acceptedOn = "2026-09-01",
            facts = "当事人驾驶豫A9M001货车从事道路货物运输，未能出示道路运输证。", officerIds = officers,
        });
        await CaseApi.ActAsync(caseOfficer, CaseApi.IdOf(created), "file", new { on = "2026-09-01", approvedBy = "张诚" });

        var command = await factory.SignedInAsync("zhengzhou.command");
        var task = await command.PostAsJsonAsync("/api/v1/terminal/tasks", new { officerId = officers[0], kind = "patrol", title = "权限矩阵巡查" }, Ct);
        var taskBody = await task.JsonAsync();
        task.StatusCode.ShouldBe(HttpStatusCode.Created, taskBody.ToJsonString());
        await SupervisionFactory.RecordAsync(adminA, SupervisionFactory.Inspection(officers[0], items: [("y3", "breach")]));
        await factory.Services.GetRequiredService<WarningJob>().RunOnceAsync(Ct);

        // The second leg: an off-site case from a weighing (with its review item and image), and its party's statement in the
        // online portal, which puts an item in A's online queue.
        var plate = OnlineApi.NewPlate();
        var (offsiteCase, notice, image) = await OnlineApi.OffsiteCaseAsync(factory, plate);
        await CaseApi.ActAsync(caseOfficer, offsiteCase, "notify", new { proposedFineFen = 400_000 });
        var party = await OnlineApi.PartyByNoticeAsync(factory, plate, notice);
        var stated = await party.PostAsJsonAsync($"/api/v1/online/cases/{offsiteCase}/statement", new { text = "权限矩阵：请求从轻处罚。" }, Ct);
        stated.StatusCode.ShouldBe(HttpStatusCode.OK, await stated.Content.ReadAsStringAsync(Ct));
        var seeded = new Dictionary<string, string>(StringComparer.Ordinal) { ["task"] = taskBody["id"]!.ToString(), ["offsiteCase"] = offsiteCase.ToString(), ["sha256"] = image };
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // The weighing that shows the photo: its photo is reached through it.
            var db = scope.ServiceProvider.GetRequiredService<VanguardDbContext>();
            var weighing = await db.Set<WimRecord>().IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.ImagesJson!.Contains(image), Ct);
            seeded["wimStation"] = await db.Set<Device>().IgnoreQueryFilters().Where(d => d.Id == weighing.DeviceId).Select(d => d.Code).SingleAsync(Ct);
            seeded["wimRecord"] = weighing.RecordId;
        }

        await SeedSurveillanceAsync(command, adminA, seeded);
        return seeded;
    }

    /// <summary>布控 in A: an approved watch-list entry read by A's camera (an alert), a hotspot at that camera with a rule that
    /// finds a car seen there on two days (a suspect).</summary>
    private async Task SeedSurveillanceAsync(HttpClient command, HttpClient adminA, Dictionary<string, string> seeded)
    {
        var now = DateTimeOffset.UtcNow;
        var camera = "MX-CAM-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var cameraKey = await WatchlistApi.RegisterCameraAsync(factory, camera, now);
        var list = Guid.Parse(Items(await (await command.GetAsync("/api/v1/surveillance/watchlists", Ct)).JsonAsync()).First()["id"]!.ToString());
        var watched = OnlineApi.NewPlate();
        var entry = WatchlistApi.IdOf(await WatchlistApi.CreateEntryAsync(command, list, watched, now.AddDays(30)));
        await WatchlistApi.ApproveAsync(adminA, entry);
        seeded["watchlistEntry"] = entry.ToString();

        var hotspot = await command.PostAsJsonAsync("/api/v1/surveillance/hotspots", new { name = "权限矩阵热点 " + camera, kind = "railway_station", deviceCodes = new[] { camera }, lat = 34.75, lon = 113.66 }, Ct);
        var hotspotBody = await hotspot.JsonAsync();
        hotspot.StatusCode.ShouldBe(HttpStatusCode.Created, hotspotBody.ToJsonString());
        seeded["hotspot"] = hotspotBody["id"]!.ToString();
        var rule = await command.PostAsJsonAsync("/api/v1/surveillance/suspect-rules", new
        {
            name = "权限矩阵规则 " + camera, kind = "hotspot_days", hotspotId = seeded["hotspot"], windowDays = 10, threshold = 2, excludeLicensed = false, enabled = true,
        }, Ct);
        var ruleBody = await rule.JsonAsync();
        rule.StatusCode.ShouldBe(HttpStatusCode.Created, ruleBody.ToJsonString());
        seeded["suspectRule"] = ruleBody["id"]!.ToString();

        var suspect = OnlineApi.NewPlate();
        await WatchlistApi.PostReadsAsync(factory, cameraKey,
            WatchlistApi.Read("mx-1", suspect, now.AddDays(-2)), WatchlistApi.Read("mx-2", suspect, now.AddDays(-1)), WatchlistApi.Read("mx-3", watched, now.AddMinutes(-1)));
        var run = await command.PostAsJsonAsync($"/api/v1/surveillance/suspect-rules/{seeded["suspectRule"]}/run", new { }, Ct);
        run.StatusCode.ShouldBe(HttpStatusCode.OK, await run.Content.ReadAsStringAsync(Ct));

        // Matching runs behind the ingest: wait for the alert with a deadline.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline && !seeded.ContainsKey("alert"))
        {
            var alerts = await (await command.GetAsync($"/api/v1/surveillance/alerts?list={list}&pageSize=200", Ct)).JsonAsync();
            if (Items(alerts).FirstOrDefault() is { } alert)
            {
                seeded["alert"] = alert["id"]!.ToString();
            }
            else
            {
                await Task.Delay(200, Ct);
            }
        }

        seeded.ShouldContainKey("alert", "the watch-listed plate read by A's camera raised no alert");
    }

    private static async Task<string> RegisterDeviceAsync(HttpClient admin, string kind, string agencyCode)
    {
        var code = $"MX-{agencyCode}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new { kind, code, name = "权限矩阵 " + kind, agencyCode }, Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["apiKey"]!.GetValue<string>();
    }

    /// <summary>A's ids per kind (markers: not for the kinds read province-wide or published by design, whose lists hold every city's) (the first of A's own items) and every id and case number of A, to look for in B's lists.</summary>
    private async Task<(Dictionary<string, string> Ids, HashSet<string> Markers)> HarvestAsync(HttpClient adminA, List<string> agenciesA)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var markers = new HashSet<string>(agenciesA, StringComparer.Ordinal);
        foreach (var (placeholder, list, idField, marker) in Kinds)
        {
            using var response = await adminA.GetAsync(list, Ct);
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }

            foreach (var item in Items(await response.JsonAsync()))
            {
                if (!OwnedByA(item, agenciesA) || item[idField]?.ToString() is not { Length: > 0 } id)
                {
                    continue;
                }

                ids.TryAdd(placeholder, id);
                if (marker && Guid.TryParse(id, out _))
                {
                    markers.Add(id);
                }

                if (marker && item["caseNumber"]?.ToString() is { Length: > 0 } number)
                {
                    markers.Add(number);
                }
            }
        }

        return (ids, markers);
    }

    /// <summary>Whether a list item is A's by the agency fields it carries (an item without any is taken as the list's, which
    /// A's admin reads in A's jurisdiction).</summary>
    private bool OwnedByA(JsonNode item, List<string> agenciesA)
    {
        var tree = factory.Services.GetRequiredService<IAgencyDirectory>().Current;
        var names = agenciesA.Select(id => tree.Find(Guid.Parse(id))!).SelectMany(a => new[] { a.Name, a.ShortName }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return (item["agencyCode"]?.ToString() is not { } code || code.StartsWith("4101", StringComparison.Ordinal))
            && (item["agencyId"]?.ToString() is not { } agency || agenciesA.Contains(agency))
            && (item["agencyName"]?.ToString() is not { } name || names.Contains(name))
            && (item["agency"] is not JsonValue value || value.ToString() is not { } named || names.Contains(named));
    }

    private static IEnumerable<JsonNode> Items(JsonNode root) => root switch
    {
        JsonArray array => array.OfType<JsonNode>(),
        JsonObject obj => obj.Select(p => p.Value).OfType<JsonArray>().FirstOrDefault()?.OfType<JsonNode>() ?? [],
        _ => [],
    };

    private static string Cut(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
