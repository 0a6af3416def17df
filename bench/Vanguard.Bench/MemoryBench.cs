using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vanguard.Bench;

/// <summary>
/// Memory at idle (target ≤ 300 MB RSS): start on the existing database, a few warm-up requests, <see cref="Idle"/> of
/// quiet, then VmRSS. The baseline app gets the same treatment with its only endpoint.
/// </summary>
internal static class MemoryBench
{
    private const int WarmUpRounds = 3;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    public static async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken ct)
    {
        Report.Heading($"memory: VmRSS after start, warm-up requests and {Idle.TotalSeconds:0} s idle");
        var data = await SeededDatabase.GetAsync(ct);

        double server;
        double serverPeak;
        await using (var app = await AppProcess.StartAsync(Paths.ServerDll, data, ct))
        {
            // A sign-in and the agency tree: touches Identity, the password hasher, EF queries and JSON.
            using var login = await app.Client.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "Demo#2022" }, ct);
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonObject>(ct))!["accessToken"]!.GetValue<string>();
            app.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            for (var i = 0; i < WarmUpRounds; i++)
            {
                using var agencies = await app.Client.GetAsync("/api/v1/agencies", ct);
                agencies.EnsureSuccessStatusCode();
                using var me = await app.Client.GetAsync("/api/v1/me", ct);
                me.EnsureSuccessStatusCode();
            }

            await Task.Delay(Idle, ct);
            server = app.ResidentMegabytes();
            serverPeak = app.ResidentMegabytes("VmHWM");
        }

        double baseline;
        double baselinePeak;
        await using (var app = await AppProcess.StartAsync(Paths.BaselineDll, Paths.NewScratchDirectory("baseline"), ct))
        {
            for (var i = 0; i < WarmUpRounds * 2; i++)
            {
                using var health = await app.Client.GetAsync("/health", ct);
                health.EnsureSuccessStatusCode();
            }

            await Task.Delay(Idle, ct);
            baseline = app.ResidentMegabytes();
            baselinePeak = app.ResidentMegabytes("VmHWM");
        }

        Report.Line($"server   VmRSS {server:0.0} MB (peak VmHWM {serverPeak:0.0} MB)");
        Report.Line($"baseline VmRSS {baseline:0.0} MB (peak VmHWM {baselinePeak:0.0} MB)");
        return
        [
            new Figure("memory", "server RSS at idle", server, "minimal app RSS at idle", baseline, "MB", Better.Lower, Target: 300),
        ];
    }
}
