using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Vanguard.Devices.Client;
using Vanguard.Devices.Terminal;

namespace Vanguard.Devices.Commands;

/// <summary>
/// <c>vanguard-sim terminal</c>: field officers on patrol with the 手持执法终端 — duty, GPS positions in batches, and the
/// tasks the command centre dispatches to them — against the terminal API of docs/terminal.md.
/// </summary>
internal static class TerminalCommand
{
    public const string PasswordVariable = "VANGUARD_SIM_PASSWORD";
    public const string AdminPasswordVariable = "VANGUARD_ADMIN_PASSWORD";
    public const string DemoPassword = "Demo#2022";

    public static Command Create()
    {
        var url = new Option<string>("--url", "--server", "-s") { Description = "Platform base address", DefaultValueFactory = _ => "http://localhost:5080" };
        var officers = new Option<int?>("--officers", "-o") { Description = "Officers to simulate (default 5, or as many as --users names)" };
        var duration = Duration("--duration", "-d", "How long to patrol: 60s, 5m, 1h (default: until Ctrl+C)");
        var positionInterval = Duration("--position-interval", null, "Time between GPS fixes (default 10s)");
        var batchSeconds = new Option<int>("--batch-seconds") { Description = "Fixes are posted together this often", DefaultValueFactory = _ => 30 };
        var pollSeconds = new Option<int>("--poll-seconds") { Description = "How often each officer asks for new tasks", DefaultValueFactory = _ => 5 };
        var acceptAfter = new Option<int>("--accept-after") { Description = "Seconds from seeing a dispatched task to accepting it", DefaultValueFactory = _ => 5 };
        var arriveAfter = new Option<int>("--arrive-after") { Description = "Seconds from accepting to arriving (the car drives to the task's place meanwhile)", DefaultValueFactory = _ => 60 };
        var finishAfter = new Option<int>("--finish-after") { Description = "Seconds on scene before finishing", DefaultValueFactory = _ => 30 };
        var radius = new Option<double>("--radius-km") { Description = "How far from the city centre officers patrol", DefaultValueFactory = _ => 20 };
        var seed = new Option<int?>("--seed") { Description = "Seed for the routes and outcomes (default: random, printed)" };
        var users = new Option<string?>("--users", "-u") { Description = "Comma-separated usernames, e.g. zhengzhou.field,nanyang.field,xuchang.field" };
        var prefix = new Option<string>("--prefix") { Description = "Without --users: accounts {prefix}01, {prefix}02 …", DefaultValueFactory = _ => "sim.field" };
        var count = new Option<int?>("--count", "-n") { Description = "Without --users: how many {prefix}NN accounts (default: --officers)" };
        // No default value factories for the passwords: help would print the environment's password.
        var password = new Option<string?>("--password", "-p") { Description = $"The officers' password (or {PasswordVariable}; default the demo's)" };
        var createAccounts = new Option<bool>("--create-accounts") { Description = "First create the missing officers and their logins with the admin account" };
        var admin = new Option<string>("--admin") { Description = "Administrator for --create-accounts", DefaultValueFactory = _ => "admin" };
        var adminPassword = new Option<string?>("--admin-password") { Description = $"Their password (or {AdminPasswordVariable}; default the demo's)" };
        var agencies = new Option<string>("--agencies")
        {
            Description = "Agencies the created officers belong to, in turn (they patrol that city)",
            DefaultValueFactory = _ => string.Join(',', OfficerAccounts.DemoAgencies),
        };

        url.Validators.Add(r => Check(r, Uri.TryCreate(r.GetValueOrDefault<string>(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
            "--url must be an http or https address such as http://localhost:5080."));
        officers.Validators.Add(r => Check(r, r.GetValueOrDefault<int?>() is null or (>= 1 and <= 999), "--officers must be within 1–999."));
        count.Validators.Add(r => Check(r, r.GetValueOrDefault<int?>() is null or (>= 1 and <= 999), "--count must be within 1–999."));
        batchSeconds.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() is >= 1 and <= 3600, "--batch-seconds must be within 1–3600."));
        pollSeconds.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() is >= 1 and <= 600, "--poll-seconds must be within 1–600."));
        foreach (var o in (Option<int>[])[acceptAfter, arriveAfter, finishAfter])
        {
            o.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() is >= 0 and <= 86_400, $"{o.Name} must be within 0–86400 seconds."));
        }

        radius.Validators.Add(r => Check(r, r.GetValueOrDefault<double>() is >= 0.5 and <= 200, "--radius-km must be within 0.5–200."));

        var command = new Command("terminal", "Simulate field officers with the 手持执法终端: duty, GPS positions and tasks against /api/v1/terminal")
        {
            url, officers, duration, positionInterval, batchSeconds, pollSeconds, acceptAfter, arriveAfter, finishAfter, radius, seed,
            users, prefix, count, password, createAccounts, admin, adminPassword, agencies,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var server = new Uri(parse.GetRequiredValue(url));

            // Who: the listed users, or {prefix}01… as many as asked. Each simulated officer needs an account of its own.
            var named = parse.GetValue(users) is { } list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList()
                : null;
            var n = parse.GetValue(officers) ?? named?.Count ?? parse.GetValue(count) ?? 5;
            var usernames = named ?? [.. OfficerAccounts.Named(parse.GetRequiredValue(prefix), parse.GetValue(count) ?? n)];
            if (usernames.Count == 0 || n > usernames.Count)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"--officers {n} needs as many accounts, but only {usernames.Count} are named; each simulated officer signs in with an account of its own."));
                return 1;
            }

            usernames = usernames.Take(n).ToList();
            var officerPassword = parse.GetValue(password) ?? Environment.GetEnvironmentVariable(PasswordVariable) ?? DemoPassword;
            var settings = new TerminalSettings
            {
                PositionInterval = parse.GetValue(positionInterval) ?? TimeSpan.FromSeconds(10),
                BatchInterval = TimeSpan.FromSeconds(parse.GetValue(batchSeconds)),
                PollInterval = TimeSpan.FromSeconds(parse.GetValue(pollSeconds)),
                AcceptAfter = TimeSpan.FromSeconds(parse.GetValue(acceptAfter)),
                ArriveAfter = TimeSpan.FromSeconds(parse.GetValue(arriveAfter)),
                FinishAfter = TimeSpan.FromSeconds(parse.GetValue(finishAfter)),
                RadiusM = parse.GetValue(radius) * 1000,
            };
            using var http = PlatformClient.CreateHttp(server, deviceKey: null, connections: Math.Min(64, (n * 2) + 1));

            if (parse.GetValue(createAccounts))
            {
                var agencyCodes = parse.GetRequiredValue(agencies).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                try
                {
                    await output.WriteLineAsync($"Creating officer accounts as {parse.GetRequiredValue(admin)}:");
                    var (created, existing) = await OfficerAccounts.CreateAsync(
                        http, parse.GetRequiredValue(admin), parse.GetValue(adminPassword) ?? Environment.GetEnvironmentVariable(AdminPasswordVariable) ?? DemoPassword, usernames, officerPassword,
                        agencyCodes.Length > 0 ? agencyCodes : OfficerAccounts.DemoAgencies, output, ct);
                    await output.WriteLineAsync($"Accounts: {created} created, {existing} already there.");
                }
                catch (TerminalProblem e)
                {
                    await error.WriteLineAsync($"Could not create the officer accounts: {e.Message}");
                    return e.Status is null ? ExitCodes.Unreachable : 1;
                }
            }

            var runSeed = parse.GetValue(seed) ?? Random.Shared.Next(1, 1_000_000);
            var runDuration = parse.GetValue(duration);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"terminal → {server}: {n} officers ({string.Join(", ", usernames.Take(5))}{(n > 5 ? ", …" : string.Empty)}), fix every {settings.PositionInterval.TotalSeconds:0.#} s, " +
                $"batch every {settings.BatchInterval.TotalSeconds:0} s, seed {runSeed}, {(runDuration is { } d ? "for " + d.ToString("c", CultureInfo.InvariantCulture) : "until Ctrl+C")}"));

            var runner = new TerminalRunner(http, settings, output, TimeProvider.System);
            return await runner.RunAsync(usernames.Select(u => (u, officerPassword)).ToList(), runSeed, runDuration, ct);
        });
        return command;
    }

    private static Option<TimeSpan?> Duration(string name, string? alias, string description)
    {
        var option = alias is null ? new Option<TimeSpan?>(name) : new Option<TimeSpan?>(name, alias);
        option.Description = description;
        option.CustomParser = result =>
        {
            if (Cli.TryParseDuration(result.Tokens[0].Value, out var d))
            {
                return d;
            }

            result.AddError($"'{result.Tokens[0].Value}' is not a duration such as 10s, 5m or 1h.");
            return null;
        };
        return option;
    }

    private static void Check(OptionResult result, bool ok, string message)
    {
        if (!ok)
        {
            result.AddError(message);
        }
    }
}
