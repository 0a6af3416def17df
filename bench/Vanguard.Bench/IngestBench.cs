using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vanguard.Server.Data;
using Vanguard.Server.Hosting;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Offsite.Ingest;
using Vanguard.Server.Modules.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Demo;

namespace Vanguard.Bench;

/// <summary>
/// Off-site ingest (target ≥ 50 000 records/s and ≥ 50 % of raw inserts): weigh-in-motion batches of 1 000 records
/// sent over HTTP to Kestrel on loopback, each validated, judged, written and acknowledged. The baseline writes the same
/// rows (already judged) into the same table of the same database with the same bulk writer, no HTTP, no JSON, no rules.
/// </summary>
internal static class IngestBench
{
    private const int BatchSize = 1_000;
    private const int Batches = 200;
    private const int WarmUpBatches = 10;
    private const int Senders = 4;
    private const string AdminName = "bench.admin";
    private const string AdminPassword = "Bench#2024-ingest";

    public static async Task<IReadOnlyList<Figure>> RunAsync(IList<string> failures, CancellationToken ct)
    {
        var figures = new List<Figure>();
        foreach (var target in DatabaseTarget.FromEnvironment())
        {
            figures.AddRange(await RunOnAsync(target, failures, ct));
        }

        return figures;
    }

    private static async Task<IReadOnlyList<Figure>> RunOnAsync(DatabaseTarget target, IList<string> failures, CancellationToken ct)
    {
        Report.Heading($"off-site ingest on {target.Name}: {Batches} batches × {BatchSize:N0} WIM records over HTTP, {Senders} concurrent senders");
        await using var host = await PlatformHost.StartAsync(target, kestrel: true, ct);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var created = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateProvinceAdminAsync(AdminName, AdminPassword, ct);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("admin not created");
            }
        }

        var agencyCode = host.Services.GetRequiredService<IOptions<VanguardOptions>>().Value.Province.Code;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders }) { BaseAddress = host.Address };
        using (var login = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = AdminName, password = AdminPassword }, ct))
        {
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonObject>(ct))!["accessToken"]!.GetValue<string>();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var register = await http.PostAsJsonAsync("/api/v1/devices", new
        {
            kind = "wim-station", code = "WIM-BENCH", name = "bench station", agencyCode, accuracyClass = 5,
            certificate = new { number = "JD-BENCH", validFrom = today.AddYears(-1).ToString("yyyy-MM-dd"), validUntil = today.AddYears(1).ToString("yyyy-MM-dd") },
        }, ct);
        register.EnsureSuccessStatusCode();
        var key = (await register.Content.ReadFromJsonAsync<JsonObject>(ct))!["apiKey"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = null;
        http.DefaultRequestHeaders.Add("X-Device-Key", key);

        var bodies = Enumerable.Range(0, Batches + WarmUpBatches).Select(b => Batch(b)).ToList();
        foreach (var body in bodies.Take(WarmUpBatches))
        {
            await SendAsync(http, body, ct);
        }

        var watch = Stopwatch.StartNew();
        var next = WarmUpBatches - 1;
        var accepted = 0;
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                Interlocked.Add(ref accepted, await SendAsync(http, bodies[i], ct));
            }
        }));
        watch.Stop();
        var httpRate = accepted / watch.Elapsed.TotalSeconds;
        Report.Line($"HTTP ingest: {accepted:N0} records accepted in {Report.Seconds(watch.Elapsed)} → {Report.Rate(httpRate)}");
        if (accepted != Batches * BatchSize)
        {
            failures.Add($"ingest on {target.Name}: {accepted} accepted of {Batches * BatchSize}");
        }

        // Where the time goes: parsing, checking and judging the same batches without HTTP or the database.
        var station = await host.Services.GetRequiredService<Vanguard.Server.Modules.Organisation.Contracts.IDeviceDirectory>().FindAsync("WIM-BENCH", ct);
        var prepareWatch = Stopwatch.StartNew();
        var prepared = 0;
        foreach (var body in bodies.Skip(WarmUpBatches))
        {
            var batch = JsonSerializer.Deserialize(body, OffsiteJson.Default.ListWimRecordInput)!;
            prepared += WimIngest.Prepare(batch, station!, DateTimeOffset.UtcNow, (_, _) => null, Vanguard.Domain.Overload.OverloadSettings.Default).Ready.Count;
        }

        prepareWatch.Stop();
        Report.Line($"parse + check + judge only: {prepared:N0} records in {Report.Seconds(prepareWatch.Elapsed)} → {Report.Rate(prepared / prepareWatch.Elapsed.TotalSeconds)}");

        // Baseline: the same rows, judged once up front, written by the same bulk writer in transactions of 1 000.
        var rows = await ReadBackAsync(host, ct);
        var rawWatch = Stopwatch.StartNew();
        var written = 0;
        foreach (var chunk in rows.Chunk(BatchSize))
        {
            await using var scope = host.Services.CreateAsyncScope();
            await using var db = SystemDb.Create(scope.ServiceProvider);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            written += (await DetectionWriter.InsertWimAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), chunk, ct)).Count;
            await tx.CommitAsync(ct);
        }

        rawWatch.Stop();
        var rawRate = written / rawWatch.Elapsed.TotalSeconds;
        Report.Line($"raw inserts: {written:N0} rows in {Report.Seconds(rawWatch.Elapsed)} → {Report.Rate(rawRate)}");
        return
        [
            new Figure($"off-site ingest ({target.Name})", "HTTP → judged → stored", httpRate, "raw batched inserts", rawRate, "records/s", Better.Higher, 50_000),
        ];
    }

    /// <summary>The stored rows, given new record ids so the baseline inserts rather than skips them as duplicates.</summary>
    private static async Task<List<WimRecord>> ReadBackAsync(PlatformHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var rows = await db.Set<WimRecord>().AsNoTracking().OrderBy(r => r.Id).Take(Batches * BatchSize).ToListAsync(ct);
        foreach (var row in rows)
        {
            row.RecordId = "raw-" + row.RecordId;
        }

        return rows;
    }

    private static async Task<int> SendAsync(HttpClient http, byte[] body, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/api/v1/offsite/wim-records", content, ct);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        return result!["accepted"]!.GetValue<int>();
    }

    /// <summary>A batch like a busy station's: mostly compliant 2- and 6-axle vehicles, 3 % overloaded.</summary>
    private static byte[] Batch(int batch)
    {
        var random = new Random(batch);
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMinutes(-30);
        var records = new List<object>(BatchSize);
        for (var i = 0; i < BatchSize; i++)
        {
            var sixAxle = random.Next(2) == 0;
            var limit = sixAxle ? 49_000 : 18_000;
            var gross = random.Next(100) < 3 ? limit + random.Next(3_000, 12_000) : (int)(limit * (0.6 + (random.NextDouble() * 0.35)));
            var axles = sixAxle ? 6 : 2;
            var each = gross / axles;
            var weights = Enumerable.Repeat(each, axles - 1).Append(gross - (each * (axles - 1))).ToArray();
            records.Add(new
            {
                recordId = $"B{batch:D4}-{i:D4}",
                capturedAt = now.AddMilliseconds((batch * BatchSize) + i).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz"),
                lane = (i % 3) + 1,
                plate = $"豫A{random.Next(10_000, 99_999)}",
                plateColor = "yellow",
                axleCount = axles,
                vehicleKind = sixAxle ? "combination" : "truck",
                axleWeightsKg = weights,
                grossWeightKg = gross,
                speedKmh = 55 + random.Next(30),
                images = new[] { new { kind = "plate", sha256 = Convert.ToHexStringLower(BitConverter.GetBytes(i).Concat(new byte[28]).ToArray()), contentType = "image/jpeg" } },
            });
        }

        return JsonSerializer.SerializeToUtf8Bytes(records);
    }
}
