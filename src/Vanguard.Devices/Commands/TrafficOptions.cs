using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using Vanguard.Devices.Client;
using Vanguard.Devices.Traffic;

namespace Vanguard.Devices.Commands;

/// <summary>What the traffic parameters of a run came to, after the platform told the device its code.</summary>
internal sealed record TrafficStart(string DeviceCode, int Seed, long FirstSequence, ImageMode Images, double BadPercent, double ResendPercent, int BatchSize);

/// <summary>The options the wim and anpr commands share, and the run they share: identify, then pace and send.</summary>
internal sealed class TrafficOptions
{
    public const string KeyVariable = "VANGUARD_DEVICE_KEY";

    private readonly Option<string> _server = new("--server", "-s")
    {
        Description = "Platform base address",
        DefaultValueFactory = _ => "http://localhost:5080",
    };

    private readonly Option<string?> _key = new("--key", "-k")
    {
        Description = $"Device key (vgk_…) printed by 'setup' or when the device was registered; or set {KeyVariable}",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(KeyVariable),
    };

    private readonly Option<string?> _code = new("--code")
    {
        Description = "Device code used in record ids (default: the code the platform gives for the key)",
    };

    private readonly Option<int> _rate;

    private readonly Option<TimeSpan?> _duration = new("--duration", "-d")
    {
        Description = "How long to send: 60s, 5m, 1h (default 60s unless --count is given)",
        CustomParser = result =>
        {
            if (Cli.TryParseDuration(result.Tokens[0].Value, out var d))
            {
                return d;
            }

            result.AddError($"'{result.Tokens[0].Value}' is not a duration such as 60s, 5m or 1h.");
            return null;
        },
    };

    private readonly Option<long?> _count = new("--count", "-n") { Description = "Stop after this many records (resends and bad ones included)" };

    private readonly Option<int> _batch = new("--batch")
    {
        Description = "Records per request (1–1000)",
        DefaultValueFactory = _ => 500,
    };

    private readonly Option<int> _concurrency = new("--concurrency")
    {
        Description = "Batches in flight at once",
        DefaultValueFactory = _ => 4,
    };

    private readonly Option<int?> _seed = new("--seed") { Description = "Seed for the traffic (default: random, printed so the run can be repeated)" };

    private readonly Option<double> _badPercent = new("--bad-percent")
    {
        Description = "Percent of deliberately bad records (invalid plate, … ) the platform should reject",
        DefaultValueFactory = _ => 0.5,
    };

    private readonly Option<double> _resendPercent = new("--resend-percent")
    {
        Description = "Percent of records sent again, as after a lost answer; the platform should count them as duplicates",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<ImageMode> _images = new("--images")
    {
        Description = "Pictures: none, hash (sha256 and content type only) or inline (small base64 blobs)",
        DefaultValueFactory = _ => ImageMode.Hash,
    };

    public TrafficOptions(int defaultRate)
    {
        _rate = new Option<int>("--rate", "-r")
        {
            Description = "Records per second (0: as fast as the server takes them)",
            DefaultValueFactory = _ => defaultRate,
        };
        _rate.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() >= 0, "--rate must be 0 or more."));
        _batch.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() is >= 1 and <= 1_000, "--batch must be within 1–1000 (the platform takes at most 1 000 records a request)."));
        _concurrency.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() is >= 1 and <= 64, "--concurrency must be within 1–64."));
        _count.Validators.Add(r => Check(r, r.GetValueOrDefault<long?>() is null or > 0, "--count must be positive."));
        _badPercent.Validators.Add(r => Check(r, r.GetValueOrDefault<double>() is >= 0 and <= 100, "--bad-percent must be within 0–100."));
        _resendPercent.Validators.Add(r => Check(r, r.GetValueOrDefault<double>() is >= 0 and <= 100, "--resend-percent must be within 0–100."));
        _server.Validators.Add(r => Check(r, Uri.TryCreate(r.GetValueOrDefault<string>(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
            "--server must be an http or https address such as http://localhost:5080."));
    }

    public Option<string> Server => _server;

    public Option<int> Rate => _rate;

    public Option<int?> Seed => _seed;

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[_server, _key, _code, _rate, _duration, _count, _batch, _concurrency, _seed, _badPercent, _resendPercent, _images])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Identifies the device, builds its traffic and sends it until the count, the duration or Ctrl+C.</summary>
    public async Task<int> RunAsync<T>(
        ParseResult parse, string deviceKind, string path, Func<TrafficStart, ITrafficSource<T>> makeSource, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var key = parse.GetValue(_key);
        if (string.IsNullOrWhiteSpace(key))
        {
            await error.WriteLineAsync($"A device key is needed: --key vgk_… or {KeyVariable}. 'vanguard-sim setup' registers devices and prints their keys.");
            return 1;
        }

        var server = new Uri(parse.GetRequiredValue(_server));
        var settings = new RunSettings
        {
            Rate = parse.GetValue(_rate),
            Count = parse.GetValue(_count),
            Duration = parse.GetValue(_duration) ?? (parse.GetValue(_count) is null ? TimeSpan.FromSeconds(60) : null),
            BatchSize = parse.GetValue(_batch),
            Concurrency = parse.GetValue(_concurrency),
        };
        using var http = PlatformClient.CreateHttp(server, key.Trim(), settings.Concurrency + 1);

        var code = parse.GetValue(_code);
        var identified = await IdentifyAsync(new PlatformClient(http), server, deviceKind, output, error, ct);
        if (identified.ExitCode is { } failed && (code is null || failed != ExitCodes.Undelivered))
        {
            return failed;
        }

        code ??= identified.Code!;
        var seed = parse.GetValue(_seed) ?? Random.Shared.Next(1, 1_000_000);
        var start = new TrafficStart(
            code, seed, RecordIds.StartFromTimeOfDay(TimeProvider.System.GetUtcNow()), parse.GetValue(_images),
            parse.GetValue(_badPercent), parse.GetValue(_resendPercent), settings.BatchSize);
        var source = makeSource(start);

        var limit = settings.Count is { } n ? $"{n} records" : string.Empty;
        if (settings.Duration is { } d)
        {
            limit += (limit.Length > 0 ? " or " : string.Empty) + d.ToString("c", CultureInfo.InvariantCulture);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{deviceKind} {code} → {server}: {(settings.Rate > 0 ? $"{settings.Rate}/s" : "as fast as possible")}, batches of {settings.BatchSize}, {settings.Concurrency} in flight, seed {seed}, for {limit}; Ctrl+C stops"));

        var sender = new BatchSender(http, new RetryPolicy(), new SendStats(), TimeProvider.System);
        var runner = new TrafficRunner<T>(source, sender, path, settings, output, TimeProvider.System);
        return await runner.RunAsync(ct);
    }

    private static async Task<(string? Code, int? ExitCode)> IdentifyAsync(
        PlatformClient platform, Uri server, string deviceKind, TextWriter output, TextWriter error, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var me = await platform.WhoAmIAsync(ct);
                if (!string.Equals(me.Kind, deviceKind, StringComparison.Ordinal))
                {
                    await output.WriteLineAsync($"warning: the key belongs to a {me.Kind}, not a {deviceKind}; the platform may refuse the records.");
                }

                return (me.Code, null);
            }
            catch (PlatformException e) when (e.Unreachable && attempt < 3 && !ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), ct);
            }
            catch (PlatformException e) when (e.Unreachable)
            {
                await error.WriteLineAsync($"Could not reach the platform at {server}: {e.Message}");
                return (null, ExitCodes.Unreachable);
            }
            catch (PlatformException e) when (e.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                await error.WriteLineAsync($"The platform refused the device key ({e.Message}). Register the device again or issue a new key.");
                return (null, ExitCodes.KeyRefused);
            }
            catch (PlatformException e)
            {
                await error.WriteLineAsync($"{e.Message}; give the device code with --code to send anyway.");
                return (null, ExitCodes.Undelivered);
            }
        }
    }

    private static void Check(OptionResult result, bool ok, string message)
    {
        if (!ok)
        {
            result.AddError(message);
        }
    }
}
