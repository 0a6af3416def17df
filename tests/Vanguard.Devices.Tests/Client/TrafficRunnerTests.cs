using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Vanguard.Devices.Client;
using Vanguard.Devices.Traffic;

namespace Vanguard.Devices.Tests.Client;

public sealed class TrafficRunnerTests
{

    private static readonly RetryPolicy FastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(20), MaxAttempts = 4 };

    private sealed class Counting<T>(ITrafficSource<T> inner) : ITrafficSource<T>
    {
        public int Generated { get; private set; }

        public TrafficItem<T> Next()
        {
            Generated++;
            return inner.Next();
        }

        public IEnumerable<string> Describe() => inner.Describe();
    }

    private static (TrafficRunner<WimRecord> Runner, HttpClient Http, Counting<WimRecord> Source) Runner(
        Uri server, string key, RunSettings settings, double bad = 0, double resend = 0, RetryPolicy? retry = null, string path = Wire.WimRecordsPath)
    {
        var http = PlatformClient.CreateHttp(server, key, settings.Concurrency);
        var traffic = new Counting<WimRecord>(new WimTraffic(new WimTrafficOptions
        {
            Station = FakePlatform.DeviceCode,
            Seed = 5,
            FleetSize = 1_000,
            BadPercent = bad,
            ResendPercent = resend,
            ResendMinAge = settings.BatchSize,
        }, TimeProvider.System));
        var sender = new BatchSender(http, retry ?? FastRetries, new SendStats(), TimeProvider.System);
        return (new TrafficRunner<WimRecord>(traffic, sender, path, settings, TextWriter.Null, TimeProvider.System), http, traffic);
    }

    [Fact]
    public async Task Run_AgainstThePlatform_StoresEveryRecordOnceDespiteA429AndResends()
    {
        await using var fake = await FakePlatform.StartAsync();
        fake.ThrottleNext = 1;
        var (runner, http, _) = Runner(fake.Address, FakePlatform.DeviceKey,
            new RunSettings { Rate = 0, Count = 3_000, BatchSize = 250, Concurrency = 4 }, bad: 1, resend: 2);
        using var _ = http;

        var exit = await runner.RunAsync(TestContext.Current.CancellationToken);

        exit.ShouldBe(ExitCodes.Ok);
        var s = runner.Stats;
        s.RecordsSent.ShouldBe(3_000);
        s.RecordsGivenUp.ShouldBe(0);
        (s.Accepted + s.Duplicates + s.Rejected).ShouldBe(3_000);
        s.Accepted.ShouldBe(fake.Stored.Count);
        s.Duplicates.ShouldBeGreaterThan(0);
        s.Duplicates.ShouldBe(s.ResendsSent);
        s.Rejected.ShouldBeGreaterThan(0);
        s.RejectedBad.ShouldBe(s.Rejected);
        s.UnexpectedRejections.ShouldBeEmpty();
        s.Statuses[429].ShouldBe(1);
        s.Retries.ShouldBe(1);

        var requests = fake.Requests.ToList();
        var throttled = requests.Single(r => r.Status == 429);
        var retried = requests.Single(r => r.Status == 200 && r.FirstId == throttled.FirstId);
        (retried.At - throttled.At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
        requests.Count(r => r.Status == 200).ShouldBe(12);
    }

    [Fact]
    public async Task Run_WhenTheServerFails_RetriesTheBatchAndItLandsOnce()
    {
        await using var fake = await FakePlatform.StartAsync();
        fake.FailNext = 2;
        var (runner, http, _) = Runner(fake.Address, FakePlatform.DeviceKey, new RunSettings { Rate = 0, Count = 400, BatchSize = 100, Concurrency = 1 });
        using var _ = http;

        var exit = await runner.RunAsync(TestContext.Current.CancellationToken);

        exit.ShouldBe(ExitCodes.Ok);
        runner.Stats.Retries.ShouldBe(2);
        runner.Stats.Accepted.ShouldBe(400);
        fake.Stored.Count.ShouldBe(400);
    }

    [Fact]
    public async Task Run_WhenRetriesRunOut_GivesUpTheBatchAndSaysSo()
    {
        await using var fake = await FakePlatform.StartAsync();
        fake.FailNext = 100;
        var (runner, http, _) = Runner(fake.Address, FakePlatform.DeviceKey, new RunSettings { Rate = 0, Count = 100, BatchSize = 100, Concurrency = 1 },
            retry: FastRetries with { MaxAttempts = 3 });
        using var _ = http;

        var exit = await runner.RunAsync(TestContext.Current.CancellationToken);

        exit.ShouldBe(ExitCodes.Undelivered);
        runner.Stats.RecordsGivenUp.ShouldBe(100);
        runner.Stats.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task Run_WhenTheServerCannotBeReached_ExitsWithUnreachable()
    {
        var (runner, http, _) = Runner(new Uri($"http://127.0.0.1:{ClosedPort()}"), FakePlatform.DeviceKey,
            new RunSettings { Rate = 0, Count = 200, BatchSize = 100, Concurrency = 2 });
        using var _ = http;

        var exit = await runner.RunAsync(TestContext.Current.CancellationToken);

        exit.ShouldBe(ExitCodes.Unreachable);
        runner.Stats.Responses.ShouldBe(0);
        runner.Stats.RecordsGivenUp.ShouldBe(200);
    }

    [Fact]
    public async Task Run_WhenTheKeyIsRefused_StopsAtOnce()
    {
        await using var fake = await FakePlatform.StartAsync();
        var (runner, http, _) = Runner(fake.Address, "vgk_wrong", new RunSettings { Rate = 0, Count = 100_000, BatchSize = 100, Concurrency = 2 });
        using var _ = http;

        var exit = await runner.RunAsync(TestContext.Current.CancellationToken);

        exit.ShouldBe(ExitCodes.KeyRefused);
        fake.Requests.Count.ShouldBeLessThanOrEqualTo(2);
        fake.Stored.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_WhenTheEndpointIsMissing_StopsAtOnce()
    {
        await using var fake = await FakePlatform.StartAsync();
        var (runner, http, _) = Runner(fake.Address, FakePlatform.DeviceKey, new RunSettings { Rate = 0, Count = 100_000, BatchSize = 100, Concurrency = 2 },
            path: "api/v1/offsite/no-such-thing");
        using var _ = http;

        var exit = await runner.RunAsync(TestContext.Current.CancellationToken);

        exit.ShouldBe(ExitCodes.Undelivered);
        runner.Stats.Attempts.ShouldBeLessThanOrEqualTo(2);
        runner.Stats.Statuses.Keys.ShouldBe([404]);
    }

    [Fact]
    public async Task Run_WhenCancelled_StopsPromptlyAndCleanly()
    {
        await using var fake = await FakePlatform.StartAsync();
        var (runner, http, source) = Runner(fake.Address, FakePlatform.DeviceKey,
            new RunSettings { Rate = 1_000, Duration = TimeSpan.FromMinutes(5), BatchSize = 100, Concurrency = 2 });
        using var _ = http;
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        ctrlC.CancelAfter(TimeSpan.FromMilliseconds(1_500));
        var clock = Stopwatch.StartNew();

        var exit = await runner.RunAsync(ctrlC.Token);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(6));
        exit.ShouldBe(ExitCodes.Ok);
        runner.Stats.RecordsSent.ShouldBeInRange(500, 2_500);
        runner.Stats.Accepted.ShouldBe(fake.Stored.Count);
        (runner.Stats.RecordsSent + runner.Stats.RecordsDropped + runner.Stats.RecordsGivenUp).ShouldBe(source.Generated);
    }

    [Fact]
    public async Task Run_AtAGivenRate_SendsRoughlyThatMany()
    {
        await using var fake = await FakePlatform.StartAsync();
        var (runner, http, _) = Runner(fake.Address, FakePlatform.DeviceKey,
            new RunSettings { Rate = 500, Duration = TimeSpan.FromSeconds(2), BatchSize = 100, Concurrency = 2 });
        using var _ = http;

        await runner.RunAsync(TestContext.Current.CancellationToken);

        runner.Stats.RecordsSent.ShouldBeInRange(800, 1_200);
    }

    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
