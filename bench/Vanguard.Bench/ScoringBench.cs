using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vanguard.Server.Data;
using Vanguard.Server.Hosting;
using Vanguard.Server.Modules.Audit.Jobs;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Demo;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Bench;

/// <summary>
/// Monthly scoring (绩效评价月度评分) of 200 agencies over 10 000 000 weighings, 1 000 000 cases and 100 000 complaints
/// (target ≤ 30 s): the tables are seeded straight into a fresh platform database, then one
/// <c>POST /api/v1/performance/runs</c> for the month as the province administrator is timed against a plain
/// <c>SELECT COUNT(*)</c> of every seeded table in the same run. The database commands of the run are captured (EF's
/// diagnostic events) and the slowest are printed with their query plans.
/// </summary>
internal static partial class ScoringBench
{
    private const string AdminName = "bench.admin";
    private const string AdminPassword = "Bench#2024-scoring";
    private const double TargetSeconds = 30;
    private const int SlowestShown = 4;

    /// <summary>
    /// <c>--scale 0.01</c> (of the issue's volumes), <c>--engine sqlite|postgres|both</c>, <c>--bench-index</c> (measure again
    /// with an index created in the bench database only).
    /// </summary>
    internal sealed record Options(double Scale, string Engine, bool BenchIndex)
    {
        public static Options Parse(IReadOnlyList<string> args)
        {
            var options = new Options(1.0, "both", false);
            for (var i = 0; i < args.Count; i++)
            {
                options = args[i] switch
                {
                    "--scale" when i + 1 < args.Count && double.TryParse(args[++i], CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 1 =>
                        options with { Scale = s },
                    "--engine" when i + 1 < args.Count && args[++i] is "sqlite" or "postgres" or "both" => options with { Engine = args[i] },
                    "--bench-index" => options with { BenchIndex = true },
                    _ => throw new ArgumentException($"scoring: unknown or invalid option '{args[i]}' (--scale 0<s≤1, --engine sqlite|postgres|both, --bench-index)"),
                };
            }

            return options;
        }
    }

    public static async Task<IReadOnlyList<Figure>> RunAsync(Options options, IList<string> failures, CancellationToken ct)
    {
        var figures = new List<Figure>();
        if (options.Engine is "sqlite" or "both")
        {
            await BenchProgram.RunAsync("scoring on SQLite", () => OneAsync(DatabaseTarget.Sqlite, options, failures, ct), figures, failures);
        }

        if (options.Engine is "postgres" or "both")
        {
            await BenchProgram.RunAsync("scoring on PostgreSQL", async () =>
            {
                // A server given by the caller, else a throw-away one on a free loopback port, stopped afterwards.
                var given = Environment.GetEnvironmentVariable(DatabaseTarget.PostgresVariable);
                await using var local = given is { Length: > 0 } ? null : await ThrowawayPostgres.StartAsync(ct);
                return await OneAsync(new DatabaseTarget("PostgreSQL", given is { Length: > 0 } ? given : local!.ConnectionString), options, failures, ct);
            }, figures, failures);
        }

        return figures;
    }

    private static async Task<IReadOnlyList<Figure>> OneAsync(DatabaseTarget target, Options options, IList<string> failures, CancellationToken ct)
    {
        var month = ScoringMonth.Of(DateTimeOffset.UtcNow).Previous();
        // The monthly job would score the month on start, before the seeding, and take the run number the bench expects.
        Environment.SetEnvironmentVariable("Vanguard__Performance__JobEnabled", "false");
        Report.Heading(string.Create(CultureInfo.InvariantCulture,
            $"monthly scoring on {target.Name}: month {month}, 200 agencies, {10_000_000 * options.Scale:N0} weighings, {1_000_000 * options.Scale:N0} cases, {100_000 * options.Scale:N0} complaints (scale {options.Scale})"));
        await using var host = await PlatformHost.StartAsync(target, kestrel: false, ct);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var created = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateProvinceAdminAsync(AdminName, AdminPassword, ct);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("admin not created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        // Chain the administrator's audit entries now: the chainer would otherwise wait on the seeding's write lock (SQLite) and log it.
        await host.Services.GetRequiredService<AuditChainer>().ChainPendingAsync(ct);
        var seeded = await SeedAsync(host, options, month, ct);
        var total = seeded.Rows.Values.Sum();
        Report.Line($"seeded {total:N0} rows in {Report.Seconds(seeded.Elapsed)}: " + string.Join(", ", seeded.Rows.Select(r => $"{r.Key} {r.Value:N0}")));

        await using var db = SystemDb.Create(host.Services);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        using var http = host.CreateClient();
        http.Timeout = TimeSpan.FromMinutes(60);
        using (var login = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = AdminName, password = AdminPassword }, ct))
        {
            login.EnsureSuccessStatusCode();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonObject>(ct))!["accessToken"]!.GetValue<string>());
        }

        // Warm-up of the connections and the pipeline, not of the measured queries: one trivial statement, one small request.
        await ScalarAsync(connection, "SELECT 1", ct);
        (await http.GetAsync($"/api/v1/performance/runs?month={month}", ct)).EnsureSuccessStatusCode();

        var label = $"monthly scoring ({target.Name}, scale {options.Scale.ToString(CultureInfo.InvariantCulture)})";
        List<Figure> figures = [await MeasureAsync(http, connection, month, seeded, target, label, "POST /performance/runs, 1 month", failures, ct)];
        figures.Add(await ProposedAsync(host, month, seeded, target, label, figures[0].BaselineValue, failures, ct));
        if (options.BenchIndex)
        {
            await CreateBenchIndexAsync(connection, target, ct);
            figures.Add(await MeasureAsync(http, connection, month, seeded, target, label, "the same, with the bench index", failures, ct));
        }

        return figures;
    }

    /// <summary>(a) COUNT(*) of every seeded table, summed; then (b) one scoring run through the API as the province administrator.</summary>
    private static async Task<Figure> MeasureAsync(
        HttpClient http, DbConnection connection, ScoringMonth month, Seeded seeded, DatabaseTarget target, string label, string measured, IList<string> failures, CancellationToken ct)
    {
        var countWatch = Stopwatch.StartNew();
        foreach (var (table, rows) in seeded.Rows)
        {
            var counted = await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\"", ct);
            if (counted < rows)
            {
                failures.Add($"scoring ({target.Name}): {table} has {counted} rows, {rows} were written");
            }
        }

        var countSeconds = countWatch.Elapsed.TotalSeconds;
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"baseline, SELECT COUNT(*) of the {seeded.Rows.Count} tables: {countSeconds:0.000} s"));

        // What the seeding left in the heap is not the run's: collect it, then take the resident set before and the peak during the run.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var residentBefore = Resident("VmRSS");
        ResetPeak();
        var commands = new ConcurrentQueue<Captured>();
        var capture = CaptureCommands(commands);
        var runWatch = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync("/api/v1/performance/runs", new { month = month.ToString(), reason = "基准测试" }, ct);
        var runSeconds = runWatch.Elapsed.TotalSeconds;
        capture.Dispose();
        var peak = Resident("VmHWM");
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Created && response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"POST /api/v1/performance/runs answered {(int)response.StatusCode}: {body}");
        }

        var run = JsonNode.Parse(body)!;
        var number = run["number"]!.GetValue<int>();
        var agencies = run["agencies"]!.GetValue<int>();
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"POST /api/v1/performance/runs {month}: {runSeconds:0.000} s (×{runSeconds / countSeconds:0.00} the COUNT scan), run #{number}, {agencies} agencies scored; working set {residentBefore:0} MB before the run, peak {peak:0} MB during it"));
        if (agencies != Cities + Counties)
        {
            failures.Add($"scoring ({target.Name}): {agencies} agencies scored, expected {Cities + Counties}");
        }

        await CheckAsync(http, month, number, seeded, target, failures, ct);
        await ExplainSlowestAsync(connection, commands, ct);
        return new Figure(label, measured, runSeconds, "COUNT(*) of the seeded tables", countSeconds, "s", Better.Lower, TargetSeconds);
    }

    /// <summary>
    /// The change proposed for Offsite's <c>OverloadStatistics.WeighingsAsync</c> (not the bench's to make): the overloaded ids of
    /// every agency in one query, the first <c>maxIds</c> of each taken in memory, instead of one query per agency — the same
    /// two queries the platform would run, through EF with the system's jurisdiction, timed here; the answer is checked.
    /// </summary>
    private static async Task<Figure> ProposedAsync(
        PlatformHost host, ScoringMonth month, Seeded seeded, DatabaseTarget target, string label, double countSeconds, IList<string> failures, CancellationToken ct)
    {
        await using var db = SystemDb.Create(host.Services);
        await db.Database.OpenConnectionAsync(ct);
        var watch = Stopwatch.StartNew();
        var fromMs = month.From.ToUnixTimeMilliseconds();
        var toMs = month.To.ToUnixTimeMilliseconds();
        var inPeriod = db.Set<WimRecord>().AsNoTracking().Where(r => r.CapturedAtMs >= fromMs && r.CapturedAtMs < toMs);
        var counts = await inPeriod.GroupBy(r => r.AgencyId)
            .Select(g => new { AgencyId = g.Key, Weighings = g.Count(), Overloaded = g.Count(r => r.Verdict == 1) })
            .ToListAsync(ct);
        var overloaded = await inPeriod.Where(r => r.Verdict == 1).Select(r => new { r.AgencyId, r.Id }).ToListAsync(ct);
        var ids = overloaded.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.Select(r => r.Id).Order().Take(100).ToList());
        var seconds = watch.Elapsed.TotalSeconds;
        var county = counts.SingleOrDefault(c => c.AgencyId == seeded.CheckedCounty);
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"proposed weighing queries (2, not 1 + one per agency), run in the bench: {seconds:0.000} s; {counts.Count} agencies, {overloaded.Count:N0} overloaded ids; county {seeded.CheckedCountyCode} {county?.Overloaded:N0} of {county?.Weighings:N0}"));
        if (county is null || county.Weighings != seeded.CheckedWeighings || county.Overloaded != seeded.CheckedOverloaded || ids.Sum(i => i.Value.Count) == 0)
        {
            failures.Add($"scoring ({target.Name}): the proposed queries read county {seeded.CheckedCountyCode} as {county?.Overloaded} of {county?.Weighings}");
        }

        return new Figure(label, "proposed weighing queries alone", seconds, "COUNT(*) of the seeded tables", countSeconds, "s", Better.Lower);
    }

    /// <summary>The run must have measured the seeded month: one county's overload indicator against what the seeder wrote.</summary>
    private static async Task CheckAsync(HttpClient http, ScoringMonth month, int number, Seeded seeded, DatabaseTarget target, IList<string> failures, CancellationToken ct)
    {
        var drill = await http.GetFromJsonAsync<JsonObject>($"/api/v1/performance/runs/{month}/{number}/agencies/{seeded.CheckedCountyCode}", ct);
        var overload = drill!["indicators"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "station_overload_rate")!;
        var (failed, of) = (overload["failures"]!.GetValue<int>(), overload["total"]!.GetValue<int>());
        Report.Line($"check: county {seeded.CheckedCountyCode} station_overload_rate {failed:N0} of {of:N0} (seeded {seeded.CheckedOverloaded:N0} of {seeded.CheckedWeighings:N0}), score {drill["score"]}");
        if (failed != seeded.CheckedOverloaded || of != seeded.CheckedWeighings)
        {
            failures.Add($"scoring ({target.Name}): county {seeded.CheckedCountyCode} read {failed} of {of} overloaded, seeded {seeded.CheckedOverloaded} of {seeded.CheckedWeighings}");
        }
    }

    private sealed record Captured(string Sql, (string Name, object? Value)[] Parameters, TimeSpan Duration);

    /// <summary>EF's <c>CommandExecuted</c> diagnostic events of this process: the SQL the run sent, with its parameters and time.</summary>
    private static IDisposable CaptureCommands(ConcurrentQueue<Captured> into)
    {
        var subscriptions = new List<IDisposable>();
        var executing = new ConcurrentDictionary<Guid, TimeSpan>();
        var observer = new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (subscriptions)
                {
                    subscriptions.Add(listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                    {
                        // A query's time is its execution (until the reader is returned, which Npgsql does on the row description,
                        // before the server has done the work) plus the reading of its rows, up to the reader's disposal.
                        if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData data)
                        {
                            if (data.Result is DbDataReader)
                            {
                                executing[data.CommandId] = data.Duration;
                            }
                            else
                            {
                                into.Enqueue(Capture(data.Command, data.Duration));
                            }
                        }
                        else if (e.Key == RelationalEventId.DataReaderDisposing.Name && e.Value is DataReaderDisposingEventData read)
                        {
                            into.Enqueue(Capture(read.Command, read.Duration + (executing.TryRemove(read.CommandId, out var executed) ? executed : TimeSpan.Zero)));
                        }
                    })));
                }
            }
        });
        subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(observer));
        return new Disposer(() =>
        {
            lock (subscriptions)
            {
                subscriptions.ForEach(s => s.Dispose());
                subscriptions.Clear();
            }
        });
    }

    private static Captured Capture(DbCommand command, TimeSpan duration) =>
        new(command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray(), duration);

    /// <summary>The run's slowest commands, their share of the run and their plan (EXPLAIN QUERY PLAN / EXPLAIN, not executed again).</summary>
    private static async Task ExplainSlowestAsync(DbConnection connection, IEnumerable<Captured> commands, CancellationToken ct)
    {
        var all = commands.ToList();
        var byText = all.GroupBy(c => c.Sql).Select(g => (First: g.First(), Count: g.Count(), Time: TimeSpan.FromTicks(g.Sum(c => c.Duration.Ticks))))
            .OrderByDescending(g => g.Time).ToList();
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{all.Count} database commands in the run ({byText.Count} distinct), {all.Sum(c => c.Duration.TotalSeconds):0.000} s in the database; the slowest:"));
        foreach (var (first, count, time) in byText.Take(SlowestShown))
        {
            Report.Line(string.Create(CultureInfo.InvariantCulture, $"  {time.TotalSeconds:0.000} s in {count} × {OneLine(first.Sql)}"));
            // Only a single SELECT: EXPLAIN without ANALYZE does not run it, but the statements after the first of a batch would run.
            if (!first.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || first.Sql.TrimEnd().TrimEnd(';').Contains(';', StringComparison.Ordinal))
            {
                continue;
            }

            await using var explain = connection.CreateCommand();
            explain.CommandText = (connection is NpgsqlConnection ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + first.Sql;
            foreach (var (name, value) in first.Parameters)
            {
                var parameter = explain.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                explain.Parameters.Add(parameter);
            }

            try
            {
                await using var reader = await explain.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    Report.Line("      plan: " + reader.GetString(reader.FieldCount - 1));
                }
            }
            catch (DbException ex)
            {
                Report.Line("      plan not available: " + ex.Message);
            }
        }
    }

    /// <summary>
    /// <c>--bench-index</c>: the index the month's weighing queries need, created in the bench database only (never in the
    /// migrations) and named so, after the measurement as shipped, to measure what it changes.
    /// </summary>
    private static async Task CreateBenchIndexAsync(DbConnection connection, DatabaseTarget target, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(connection, null,
            "CREATE INDEX \"bench_ix_offsite_wim_records_agency_verdict_captured\" ON \"offsite_wim_records\" (\"AgencyId\", \"Verdict\", \"CapturedAtMs\")", ct);
        await ExecuteAsync(connection, null, "ANALYZE \"offsite_wim_records\"", ct);
        Report.Line($"--bench-index: bench_ix_offsite_wim_records_agency_verdict_captured (AgencyId, Verdict, CapturedAtMs) created on {target.Name} in {Report.Seconds(watch.Elapsed)} (bench database only)");
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>Resets the process's peak resident set (Linux: <c>clear_refs</c> 5), so the peak read afterwards is the run's.</summary>
    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not Linux or not allowed: the peak then covers the seeding too, which the line says below.
        }
    }

    /// <summary>VmRSS or VmHWM of this process (Linux), in MB; elsewhere the working set or its peak.</summary>
    private static double Resident(string field)
    {
        foreach (var line in File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status") : [])
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        using var self = Process.GetCurrentProcess();
        return (field == "VmHWM" ? self.PeakWorkingSet64 : self.WorkingSet64) / 1048576.0;
    }

    private static string OneLine(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return line.Length <= 260 ? line : line[..260] + "…";
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => next(value);
    }

    private sealed class Disposer(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
