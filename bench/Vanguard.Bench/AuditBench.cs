using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vanguard.Server.Data;
using Vanguard.Server.Hosting;
using Vanguard.Server.Modules.Audit;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Audit.Data;
using Vanguard.Server.Modules.Audit.Jobs;
using Vanguard.Server.Modules.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Demo;

namespace Vanguard.Bench;

/// <summary>
/// Audit appends from concurrent callers (target ≥ 5 000 entries/s with the chain verifying afterwards).
/// Each append is one unit of work as a request makes it: a DI scope, <see cref="IAuditLog.Record"/>, SaveChanges.
/// The baseline inserts the same rows into the same table from the same callers without the audit machinery.
/// </summary>
internal static class AuditBench
{
    private const int Callers = 32;
    private const int Appends = 20_000;
    private const int WarmUp = 1_024;
    private const int Grouped = 10;
    private const int HttpRequests = 4_000;
    private const int HttpWarmUp = 256;
    private const string AdminName = "bench.admin";
    private const string AdminPassword = "Bench#2024-audit";

    // Keeps `all` bounded when the machine is busy and SQLite callers starve: a loop stops starting units after this.
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(25);

    // The baseline rows carry a digest of the same shape of payload; computing it per row is part of what IAuditLog costs.
    private static readonly string FixedDigest = AuditHash.DigestOf(new { caller = 0, n = 0 });

    public static async Task<IReadOnlyList<Figure>> RunAsync(IList<string> failures, CancellationToken ct)
    {
        var figures = new List<Figure>();
        foreach (var target in DatabaseTarget.FromEnvironment())
        {
            await BenchProgram.RunAsync($"audit on {target.Name}", () => InProcessAsync(target, failures, ct), figures, failures);
            await BenchProgram.RunAsync($"audit over HTTP on {target.Name}", () => OverHttpAsync(target, failures, ct), figures, failures);
        }

        if (Environment.GetEnvironmentVariable(DatabaseTarget.PostgresVariable) is not { Length: > 0 })
        {
            Report.Line($"PostgreSQL skipped: set {DatabaseTarget.PostgresVariable} to a server connection string to run it too.");
        }

        return figures;
    }

    private static async Task<IReadOnlyList<Figure>> InProcessAsync(DatabaseTarget target, IList<string> failures, CancellationToken ct)
    {
        Report.Heading($"audit on {target.Name}: {Appends:N0} appends from {Callers} concurrent callers, one scope + SaveChanges each");

        // Baseline: same callers, same table, plain EF inserts; the chainer is stopped so nothing else writes.
        double plainRate;
        double chainRate;
        await using (var host = await PlatformHost.StartAsync(target, kestrel: false, ct))
        {
            var chainer = host.Services.GetRequiredService<AuditChainer>();
            await chainer.StopAsync(ct);
            var warm = await ConcurrentlyAsync(host.Services, WarmUp, PlainInsertAsync, ct);
            var run = await ConcurrentlyAsync(host.Services, Appends, PlainInsertAsync, ct);
            plainRate = run.Rate;
            Report.Line($"baseline, plain inserts:   {run}");

            // The chainer alone on a backlog of unchained rows: can one chainer keep up with the writers?
            var clock = Stopwatch.StartNew();
            var linked = await chainer.ChainPendingAsync(ct);
            chainRate = linked / clock.Elapsed.TotalSeconds;
            Report.Line($"chainer on that backlog:   {linked:N0} linked in {Report.Seconds(clock.Elapsed)} = {Report.Rate(chainRate)}");
            await VerifyAsync(host, warm.Entries + run.Entries, $"{target.Name} plain rows chained afterwards", failures, ct);
        }

        double auditRate;
        double groupedRate;
        await using (var host = await PlatformHost.StartAsync(target, kestrel: false, ct))
        {
            var chainer = host.Services.GetRequiredService<AuditChainer>();
            var warm = await ConcurrentlyAsync(host.Services, WarmUp, AuditedAppendAsync, ct);
            var run = await ConcurrentlyAsync(host.Services, Appends, AuditedAppendAsync, ct);
            auditRate = run.Rate;
            Report.Line($"IAuditLog.Record + save:   {run} (chainer running alongside)");

            long backlog;
            await using (var db = SystemDb.Create(host.Services))
            {
                backlog = await db.AuditEntries.LongCountAsync(e => e.Sequence == null, ct);
            }

            var clock = Stopwatch.StartNew();
            await chainer.ChainPendingAsync(ct);
            Report.Line($"unchained when the callers finished: {backlog:N0}; chained {Report.Seconds(clock.Elapsed)} later");
            await VerifyAsync(host, warm.Entries + run.Entries, $"{target.Name} audited appends", failures, ct);

            // The same entries, several per unit of work (a batch upload, a multi-step action): what one commit costs.
            var grouped = await ConcurrentlyAsync(host.Services, Appends / Grouped, AuditedGroupAsync, ct, Grouped);
            groupedRate = grouped.Rate;
            Report.Line($"{Grouped} entries per save:       {grouped}");
            await chainer.ChainPendingAsync(ct);
            await VerifyAsync(host, warm.Entries + run.Entries + grouped.Entries, $"{target.Name} grouped audited appends", failures, ct);
        }

        return
        [
            new Figure($"audit ({target.Name})", "IAuditLog appends", auditRate, "plain inserts, same table", plainRate, "entries/s", Better.Higher, Target: 5_000),
            new Figure($"audit ({target.Name})", $"IAuditLog, {Grouped} per save", groupedRate, "IAuditLog, 1 per save", auditRate, "entries/s", Better.Higher),
            new Figure($"audit ({target.Name})", "chainer, one batch loop", chainRate, "plain inserts, same table", plainRate, "entries/s", Better.Higher),
        ];
    }

    private static async Task<IReadOnlyList<Figure>> OverHttpAsync(DatabaseTarget target, IList<string> failures, CancellationToken ct)
    {
        Report.Heading($"audit over HTTP on {target.Name}: {HttpRequests:N0} requests from {Callers} concurrent clients, Kestrel on loopback");
        await using var host = await PlatformHost.StartAsync(target, kestrel: true, ct);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var created = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateProvinceAdminAsync(AdminName, AdminPassword, ct);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("admin not created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        var agencyCode = host.Services.GetRequiredService<IOptions<VanguardOptions>>().Value.Province.Code;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Callers }) { BaseAddress = host.Address };
        using (var login = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = AdminName, password = AdminPassword }, ct))
        {
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonObject>(ct))!["accessToken"]!.GetValue<string>();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        Func<int, int, Task> register(string prefix) => async (caller, n) =>
        {
            using var response = await http.PostAsJsonAsync(
                "/api/v1/devices", new { kind = "anpr-camera", code = $"{prefix}-{caller}-{n}", name = "卡口", agencyCode }, ct);
            Expect(response, HttpStatusCode.Created);
        };
        Func<int, int, Task> read = async (caller, n) =>
        {
            using var response = await http.GetAsync($"/api/v1/devices/W-{caller}-{n % (HttpWarmUp / Callers)}", ct);
            Expect(response, HttpStatusCode.OK);
        };

        var warm = await ConcurrentlyAsync(HttpWarmUp, register("W"), ct);
        await ConcurrentlyAsync(HttpWarmUp, read, ct);
        var reads = await ConcurrentlyAsync(HttpRequests, read, ct);
        var writes = await ConcurrentlyAsync(HttpRequests, register("B"), ct);
        var readRate = reads.Rate;
        var writeRate = writes.Rate;
        Report.Line($"baseline, GET /api/v1/devices/{{code}}:       {reads}");
        Report.Line($"POST /api/v1/devices (device + audit entry): {writes}");

        await host.Services.GetRequiredService<AuditChainer>().ChainPendingAsync(ct);
        // The sign-in is audited too.
        await VerifyAsync(host, 1 + warm.Entries + writes.Entries, $"{target.Name} over HTTP", failures, ct);
        return
        [
            new Figure($"audit HTTP ({target.Name})", "POST /devices (audited)", writeRate, "GET /devices/{code}", readRate, "req/s", Better.Higher),
        ];
    }

    private static async Task VerifyAsync(PlatformHost host, long expected, string what, IList<string> failures, CancellationToken ct)
    {
        await using var db = SystemDb.Create(host.Services);
        var clock = Stopwatch.StartNew();
        var result = await AuditVerifier.VerifyAsync(db, ct);
        var rate = result.Entries / clock.Elapsed.TotalSeconds;
        Report.Line($"verify: ok={result.Ok}, entries={result.Entries:N0} (expected {expected:N0}), {Report.Seconds(clock.Elapsed)} = {Report.Rate(rate)}");
        if (!result.Ok || result.Entries != expected)
        {
            failures.Add($"{what}: chain ok={result.Ok}, entries {result.Entries} of {expected}, broken at {result.BrokenAt}");
        }
    }

    private static Task AuditedAppendAsync(IServiceProvider services, int caller, int n, CancellationToken ct)
    {
        services.GetRequiredService<IAuditLog>().Record("bench.append", "bench", $"{caller}-{n}", new { caller, n });
        return services.GetRequiredService<VanguardDbContext>().SaveChangesAsync(ct);
    }

    private static Task AuditedGroupAsync(IServiceProvider services, int caller, int n, CancellationToken ct)
    {
        var audit = services.GetRequiredService<IAuditLog>();
        for (var i = 0; i < Grouped; i++)
        {
            audit.Record("bench.append", "bench", $"g{caller}-{n}-{i}", new { caller, n, i });
        }

        return services.GetRequiredService<VanguardDbContext>().SaveChangesAsync(ct);
    }

    private static Task PlainInsertAsync(IServiceProvider services, int caller, int n, CancellationToken ct)
    {
        var db = services.GetRequiredService<VanguardDbContext>();
        db.AuditEntries.Add(new AuditEntry
        {
            At = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            ActorKind = "system",
            ActorId = "system",
            ActorName = "系统",
            Action = "bench.append",
            TargetType = "bench",
            TargetId = $"{caller}-{n}",
            PayloadDigest = FixedDigest,
        });
        return db.SaveChangesAsync(ct);
    }

    /// <summary>Runs <paramref name="total"/> units of work from <see cref="Callers"/> callers, each in its own DI scope acting as the system.</summary>
    private static Task<Run> ConcurrentlyAsync(
        IServiceProvider root, int units, Func<IServiceProvider, int, int, CancellationToken, Task> unit, CancellationToken ct, int entriesPerUnit = 1) =>
        ConcurrentlyAsync(
            units,
            async (caller, n) =>
            {
                await using var scope = root.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
                await unit(scope.ServiceProvider, caller, n, ct);
            },
            ct,
            entriesPerUnit);

    private static async Task<Run> ConcurrentlyAsync(int total, Func<int, int, Task> unit, CancellationToken ct, int entriesPerUnit = 1)
    {
        var perCaller = total / Callers;
        var latencies = new List<double>[Callers];
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(
            async () =>
            {
                var mine = latencies[caller] = new List<double>(perCaller);
                for (var n = 0; n < perCaller && clock.Elapsed < Cap; n++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await unit(caller, n);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            },
            ct)));
        var elapsed = clock.Elapsed;
        self.Refresh();
        return new Run(elapsed, [.. latencies.SelectMany(l => l)], entriesPerUnit, self.TotalProcessorTime - cpuBefore, Callers * perCaller);
    }

    /// <summary>A timed run; latency is per unit of work, and its tail shows lock waits (Microsoft.Data.Sqlite sleeps 150 ms per SQLITE_BUSY).</summary>
    private sealed record Run(TimeSpan Elapsed, double[] LatenciesMs, int EntriesPerUnit, TimeSpan Cpu, int PlannedUnits)
    {
        public int Entries => LatenciesMs.Length * EntriesPerUnit;

        public double Rate => Entries / Elapsed.TotalSeconds;

        public override string ToString()
        {
            var sorted = LatenciesMs.Order().ToArray();
            double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
            var capped = LatenciesMs.Length < PlannedUnits ? $" (stopped at the {Cap.TotalSeconds:0} s cap: {LatenciesMs.Length:N0} of {PlannedUnits:N0} units)" : string.Empty;
            return $"{Entries:N0}{capped} in {Report.Seconds(Elapsed)} = {Report.Rate(Rate)}; latency p50 {At(0.5):0.0} ms, p99 {At(0.99):0.0} ms, " +
                $"max {sorted[^1]:0} ms, {sorted.Count(l => l >= 150):N0} took ≥ 150 ms; " +
                $"CPU {Cpu.TotalMilliseconds * 1000 / Entries:0} µs per entry ({Cpu / Elapsed / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores)";
        }
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)status}");
        }
    }
}
