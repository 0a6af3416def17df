using System.CommandLine;
using Vanguard.Devices.Client;
using Vanguard.Devices.Traffic;
using Vanguard.Domain.Organisation;

namespace Vanguard.Devices.Commands;

/// <summary><c>vanguard-sim wim</c>: a weigh-in-motion station posting passages to the off-site ingest API.</summary>
internal static class WimCommand
{
    public static Command Create()
    {
        var traffic = new TrafficOptions(defaultRate: 2_000);
        var overload = new Option<double>("--overload-percent")
        {
            Description = "Percent of passages over the art. 3 gross limit (by 2–40 %)",
            DefaultValueFactory = _ => 3,
        };
        var overDimension = new Option<double>("--overdim-percent")
        {
            Description = "Percent of passages over 4.0 m high, 2.55 m wide or 18.1 m long",
            DefaultValueFactory = _ => 1,
        };
        var fleet = new Option<int>("--fleet")
        {
            Description = "Vehicles in the fixed pool the passages are drawn from",
            DefaultValueFactory = _ => 10_000,
        };
        overload.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 100) { r.AddError("--overload-percent must be within 0–100."); } });
        overDimension.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 100) { r.AddError("--overdim-percent must be within 0–100."); } });
        fleet.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1_000_000) { r.AddError("--fleet must be within 1–1 000 000."); } });

        var command = new Command("wim", "Simulate a weigh-in-motion station (动态称重检测点) sending passages to /api/v1/offsite/wim-records");
        traffic.AddTo(command);
        command.Options.Add(overload);
        command.Options.Add(overDimension);
        command.Options.Add(fleet);
        command.SetAction((parse, ct) => traffic.RunAsync(parse, DeviceKind.WimStation, Wire.WimRecordsPath, start => new WimTraffic(
            new WimTrafficOptions
            {
                Station = start.DeviceCode,
                FirstSequence = start.FirstSequence,
                Seed = start.Seed,
                FleetSize = parse.GetValue(fleet),
                OverloadPercent = parse.GetValue(overload),
                OverDimensionPercent = parse.GetValue(overDimension),
                BadPercent = start.BadPercent,
                ResendPercent = start.ResendPercent,
                Images = start.Images,
                ResendMinAge = start.BatchSize,
            },
            TimeProvider.System), ct));
        return command;
    }
}
