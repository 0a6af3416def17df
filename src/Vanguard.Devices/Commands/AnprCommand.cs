using System.CommandLine;
using Vanguard.Devices.Client;
using Vanguard.Devices.Scenarios;
using Vanguard.Devices.Traffic;
using Vanguard.Domain.Organisation;

namespace Vanguard.Devices.Commands;

/// <summary><c>vanguard-sim anpr</c>: a plate-reading camera posting reads to the off-site ingest API.</summary>
internal static class AnprCommand
{
    public static Command Create()
    {
        var traffic = new TrafficOptions(defaultRate: 100);
        var plates = new Option<int>("--plates")
        {
            Description = "Distinct vehicles the camera sees",
            DefaultValueFactory = _ => 5_000,
        };
        var hotspots = new Option<int>("--hotspots")
        {
            Description = "Vehicles that pass again and again (suspected illegal operation)",
            DefaultValueFactory = _ => 20,
        };
        var hotspotShare = new Option<double>("--hotspot-share")
        {
            Description = "Share (0–1) of reads that are of a hotspot vehicle",
            DefaultValueFactory = _ => 0.2,
        };
        plates.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 2 or > 1_000_000) { r.AddError("--plates must be within 2–1 000 000."); } });
        hotspots.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--hotspots must be at least 1."); } });
        hotspotShare.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 1) { r.AddError("--hotspot-share must be within 0–1."); } });

        var scenario = new Option<string?>("--scenario")
        {
            Description = $"Run a whole story instead of one camera: {IllegalOperationScenario.Name} (cameras, rules, 30 days of reads, suspects, watch-list, officers, live alerts)",
        };
        scenario.AcceptOnlyFromAmong(IllegalOperationScenario.Name);
        var username = new Option<string>("--username", "-u") { Description = "Scenario: administrator who registers the cameras and officers", DefaultValueFactory = _ => "admin" };
        // No default value factory for the password: help would print the environment's password.
        var password = new Option<string?>("--password", "-p") { Description = $"Scenario: password of every account used (or {TerminalCommand.AdminPasswordVariable}; default the demo's)" };
        var vehicles = new Option<int>("--vehicles") { Description = "Scenario: unlicensed cars that haunt the station", DefaultValueFactory = _ => 4 };
        var officers = new Option<int>("--officers") { Description = "Scenario: field officers on duty near the station", DefaultValueFactory = _ => 3 };
        var minutes = new Option<double>("--minutes") { Description = "Scenario: minutes of live reads", DefaultValueFactory = _ => 2 };
        vehicles.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 50) { r.AddError("--vehicles must be within 1–50."); } });
        officers.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 20) { r.AddError("--officers must be within 1–20."); } });
        minutes.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0.5 or > 120) { r.AddError("--minutes must be within 0.5–120."); } });

        var command = new Command("anpr", "Simulate a plate-reading camera (车牌识别卡口) sending reads to /api/v1/offsite/anpr-reads");
        traffic.AddTo(command);
        command.Options.Add(plates);
        command.Options.Add(hotspots);
        command.Options.Add(hotspotShare);
        foreach (var option in (Option[])[scenario, username, password, vehicles, officers, minutes])
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => parse.GetValue(scenario) is not null
            ? new IllegalOperationScenario(
                new ScenarioSettings
                {
                    Server = new Uri(parse.GetRequiredValue(traffic.Server)),
                    Admin = parse.GetRequiredValue(username),
                    Password = parse.GetValue(password) ?? Environment.GetEnvironmentVariable(TerminalCommand.AdminPasswordVariable) ?? TerminalCommand.DemoPassword,
                    Vehicles = parse.GetValue(vehicles),
                    Officers = parse.GetValue(officers),
                    Live = TimeSpan.FromMinutes(parse.GetValue(minutes)),
                    Rate = Math.Max(1, parse.GetValue(traffic.Rate)),
                    Seed = parse.GetValue(traffic.Seed) ?? Random.Shared.Next(1, 1_000_000),
                },
                parse.InvocationConfiguration.Output).RunAsync(ct)
            : traffic.RunAsync(parse, DeviceKind.AnprCamera, Wire.AnprReadsPath, start => new AnprTraffic(
            new AnprTrafficOptions
            {
                Camera = start.DeviceCode,
                FirstSequence = start.FirstSequence,
                Seed = start.Seed,
                Plates = parse.GetValue(plates),
                Hotspots = parse.GetValue(hotspots),
                HotspotShare = parse.GetValue(hotspotShare),
                BadPercent = start.BadPercent,
                ResendPercent = start.ResendPercent,
                Images = start.Images,
                ResendMinAge = start.BatchSize,
            },
            TimeProvider.System), ct));
        return command;
    }
}
