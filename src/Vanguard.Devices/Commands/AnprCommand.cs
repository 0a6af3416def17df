using System.CommandLine;
using Vanguard.Devices.Client;
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

        var command = new Command("anpr", "Simulate a plate-reading camera (车牌识别卡口) sending reads to /api/v1/offsite/anpr-reads");
        traffic.AddTo(command);
        command.Options.Add(plates);
        command.Options.Add(hotspots);
        command.Options.Add(hotspotShare);
        command.SetAction((parse, ct) => traffic.RunAsync(parse, DeviceKind.AnprCamera, Wire.AnprReadsPath, start => new AnprTraffic(
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
