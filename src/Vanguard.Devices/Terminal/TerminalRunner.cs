using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vanguard.Devices.Client;
using Vanguard.Domain.Organisation;

namespace Vanguard.Devices.Terminal;

/// <summary>Runs the officers side by side, prints the live line every <see cref="TerminalSettings.ReportEvery"/> and the summary.</summary>
internal sealed class TerminalRunner(HttpClient http, TerminalSettings settings, TextWriter output, TimeProvider clock)
{
    public TerminalStats Stats { get; } = new();

    public async Task<int> RunAsync(IReadOnlyList<(string Username, string Password)> accounts, int seed, TimeSpan? duration, CancellationToken ct)
    {
        var log = TextWriter.Synchronized(output);
        Stats.Officers = accounts.Count;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (duration is { } d)
        {
            stop.CancelAfter(d);
        }

        using var abort = new CancellationTokenSource();
        await using var graceOnStop = stop.Token.Register(() => abort.CancelAfter(settings.StopGrace));

        var started = Stopwatch.GetTimestamp();
        var sessions = accounts.Select(a => new TerminalSession(http, a.Username, a.Password, settings.Retry, Stats, clock)).ToList();
        try
        {
            var officers = sessions.Select((s, i) => RunOfficerAsync(new OfficerSim(s, settings, Stats, seed + (i * 7919), clock, log), i, stop.Token, abort.Token)).ToList();
            using var reporting = CancellationTokenSource.CreateLinkedTokenSource(abort.Token);
            var reporter = ReportAsync(log, started, reporting.Token);
            var ends = await Task.WhenAll(officers);
            await reporting.CancelAsync();
            await reporter;

            var elapsed = Stopwatch.GetElapsedTime(started);
            log.WriteLine(Stats.Line(elapsed));
            log.WriteLine();
            log.WriteLine(Stats.Summary(elapsed));
            if (ends.Contains(OfficerEnd.NoTerminalApi))
            {
                log.WriteLine($"The platform at {http.BaseAddress} has no terminal API (POST /api/v1/terminal/duty answered 404/405): is the terminal module deployed?");
            }

            return ExitCode(ends);
        }
        finally
        {
            foreach (var session in sessions)
            {
                session.Dispose();
            }
        }
    }

    private int ExitCode(OfficerEnd[] ends)
    {
        if (Stats.NeverReached)
        {
            return ExitCodes.Unreachable;
        }

        if (ends.Length > 0 && ends.All(e => e is OfficerEnd.Refused or OfficerEnd.Stopped) && ends.Any(e => e == OfficerEnd.Refused))
        {
            return ExitCodes.KeyRefused;
        }

        return ends.Any(e => e is OfficerEnd.Refused or OfficerEnd.Unreachable or OfficerEnd.NoTerminalApi) || Stats.PointsDropped > 0
            ? ExitCodes.Undelivered
            : ExitCodes.Ok;
    }

    private async Task<OfficerEnd> RunOfficerAsync(OfficerSim officer, int index, CancellationToken stopping, CancellationToken aborting)
    {
        try
        {
            // Spread the sign-ins (the platform limits logins per minute and address), but over 30 s at most.
            var stagger = TimeSpan.FromTicks(Math.Min(settings.StartStagger.Ticks, TimeSpan.FromSeconds(30).Ticks / Math.Max(1, Stats.Officers)));
            await Task.Delay(stagger * index, clock, stopping);
        }
        catch (OperationCanceledException)
        {
            return OfficerEnd.Stopped;
        }

        return await Task.Run(() => officer.RunAsync(stopping, aborting), CancellationToken.None);
    }

    private async Task ReportAsync(TextWriter log, long started, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(settings.ReportEvery, clock, ct);
                log.WriteLine(Stats.Line(Stopwatch.GetElapsedTime(started)));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

/// <summary>The officers' login accounts: named from a prefix, and created through <c>POST /api/v1/officers</c> with an admin login.</summary>
internal static class OfficerAccounts
{
    /// <summary>The demo's three cities, so the created officers patrol 郑州, 南阳 and 许昌 in turn.</summary>
    public static readonly IReadOnlyList<string> DemoAgencies = ["410100", "411300", "411000"];

    /// <summary><c>sim.field01</c>, <c>sim.field02</c> …; three digits past 99.</summary>
    public static IReadOnlyList<string> Named(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => prefix + i.ToString(count > 99 ? "D3" : "D2", CultureInfo.InvariantCulture)).ToList();

    /// <summary>
    /// Creates an officer with a field-officer login for each username that has none. An officer number or username that
    /// is already taken counts as "already there": the account is then expected to have the same password.
    /// </summary>
    public static async Task<(int Created, int Existing)> CreateAsync(
        HttpClient http, string admin, string adminPassword, IReadOnlyList<string> usernames, string password, IReadOnlyList<string> agencies,
        TextWriter output, CancellationToken ct)
    {
        using var session = new TerminalSession(http, admin, adminPassword, new RetryPolicy { MaxAttempts = 4 }, new TerminalStats(), TimeProvider.System);
        await session.SignInAsync(ct);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Wire.ChinaOffset).DateTime);
        int created = 0, existing = 0;
        for (var i = 0; i < usernames.Count; i++)
        {
            var username = usernames[i];
            var agency = agencies[i % agencies.Count];
            var officer = new CreateOfficer(
                agency, OfficerNo(username), Name(i), CertificateNo(username), today.AddYears(3), Phone: null,
                new OfficerAccount(username, password, [Role.FieldOfficer]));
            try
            {
                await session.PostAsync<JsonElement>(TerminalWire.OfficersPath, officer, ct);
                created++;
                output.WriteLine($"  created {username} ({officer.Name}, {officer.OfficerNo}) under {agency}");
            }
            catch (TerminalProblem e) when (e.Status == 409 || (e.Status == 400 && e.Body?.Contains("DuplicateUserName", StringComparison.Ordinal) == true))
            {
                existing++;
            }
        }

        return (created, existing);
    }

    /// <summary>The letters and digits of the username, upper case, starting SIM: stable, so a second run finds the first's officer.</summary>
    internal static string OfficerNo(string username)
    {
        var letters = new string(username.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        var no = letters.StartsWith("SIM", StringComparison.Ordinal) ? letters : "SIM" + letters;
        return no.Length <= 32 ? no : no[..32];
    }

    /// <summary>执法证号 41 (河南) + 99 (not a real issuing office) + 9 digits from the username, stable across runs.</summary>
    internal static string CertificateNo(string username)
    {
        var hash = 2166136261u;
        foreach (var c in username)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return string.Create(CultureInfo.InvariantCulture, $"4199{hash % 1_000_000_000:D9}");
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] GivenNames = ["建国", "志强", "海峰", "晓东", "国庆", "伟", "磊", "勇", "军", "鹏", "涛", "明", "静", "丽", "红梅", "秀英"];

    private static string Name(int index) => Surnames[index % Surnames.Length] + GivenNames[(index * 7 / 3) % GivenNames.Length] + "（模拟）";
}
