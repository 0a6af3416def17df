using System.CommandLine;
using System.Globalization;
using Vanguard.Devices.Client;
using Vanguard.Domain.Organisation;

namespace Vanguard.Devices.Commands;

/// <summary>
/// <c>vanguard-sim setup</c>: signs in as an administrator and registers one WIM station and one ANPR camera, each with a
/// verification certificate valid today, then prints their codes and keys (shown this once by the platform).
/// </summary>
internal static class SetupCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server", "-s") { Description = "Platform base address", DefaultValueFactory = _ => "http://localhost:5080" };
        var username = new Option<string>("--username", "-u") { Description = "Administrator who may register devices", DefaultValueFactory = _ => "admin" };
        var password = new Option<string>("--password", "-p") { Description = "Their password (the demo platform's by default)", DefaultValueFactory = _ => "Demo#2022" };
        var agency = new Option<string>("--agency") { Description = "Code of the agency the devices belong to", DefaultValueFactory = _ => "410122" };
        var prefix = new Option<string>("--prefix") { Description = "Start of the device codes", DefaultValueFactory = _ => "SIM" };
        server.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValueOrDefault<string>(), UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
            {
                r.AddError("--server must be an http or https address such as http://localhost:5080.");
            }
        });

        var command = new Command("setup", "Register a simulated WIM station and ANPR camera and print their keys") { server, username, password, agency, prefix };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var address = new Uri(parse.GetRequiredValue(server));
            var agencyCode = parse.GetRequiredValue(agency).Trim();
            using var http = PlatformClient.CreateHttp(address, deviceKey: null, connections: 1);
            var platform = new PlatformClient(http);
            try
            {
                var token = await platform.GetTokenAsync(parse.GetRequiredValue(username), parse.GetRequiredValue(password), ct);
                var wim = await RegisterAsync(platform, token, DeviceKind.WimStation, $"{parse.GetRequiredValue(prefix)}-WIM-{agencyCode}", "模拟动态称重检测点", agencyCode, ct);
                var anpr = await RegisterAsync(platform, token, DeviceKind.AnprCamera, $"{parse.GetRequiredValue(prefix)}-ANPR-{agencyCode}", "模拟车牌识别卡口", agencyCode, ct);

                await output.WriteLineAsync($"Registered with {address} under agency {agencyCode}:");
                await output.WriteLineAsync($"  WIM station   {wim.Device.Code,-24} key {wim.ApiKey}");
                await output.WriteLineAsync($"  ANPR camera   {anpr.Device.Code,-24} key {anpr.ApiKey}");
                await output.WriteLineAsync("The keys are shown this once. Send traffic with:");
                await output.WriteLineAsync($"  vanguard-sim wim --server {address.GetLeftPart(UriPartial.Authority)} --key {wim.ApiKey}");
                await output.WriteLineAsync($"  vanguard-sim anpr --server {address.GetLeftPart(UriPartial.Authority)} --key {anpr.ApiKey}");
                return ExitCodes.Ok;
            }
            catch (PlatformException e)
            {
                await error.WriteLineAsync(e.Unreachable ? $"Could not reach the platform at {address}: {e.Message}" : e.Message);
                return e.Unreachable ? ExitCodes.Unreachable : 1;
            }
        });
        return command;
    }

    /// <summary>Takes the first free code of <c>{stem}-01</c> … <c>{stem}-99</c>.</summary>
    private static async Task<RegisteredDevice> RegisterAsync(
        PlatformClient platform, string token, string kind, string stem, string name, string agencyCode, CancellationToken ct)
    {
        // China date: a certificate issued a month ago and valid for a year (检定周期 of a WIM scale is one year).
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Wire.ChinaOffset).DateTime);
        var validFrom = today.AddDays(-30);
        for (var n = 1; n <= 99; n++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n:D2}");
            var registration = new DeviceRegistration(
                kind, code, string.Create(CultureInfo.InvariantCulture, $"{name} {n:D2}"), agencyCode,
                AccuracyClass: 5,
                new Certificate(string.Create(CultureInfo.InvariantCulture, $"SIM-JD-{validFrom:yyyy}-{code}"), validFrom, validFrom.AddYears(1).AddDays(-1)),
                SerialNumber: string.Create(CultureInfo.InvariantCulture, $"SIM{Random.Shared.Next(100_000, 1_000_000)}"),
                Location: "G4 京港澳高速 中牟段（模拟）");
            if (await platform.RegisterDeviceAsync(token, registration, ct) is { } registered)
            {
                return registered;
            }
        }

        throw new PlatformException(System.Net.HttpStatusCode.Conflict, $"Codes {stem}-01 … {stem}-99 are all taken; pass another --prefix.");
    }
}
