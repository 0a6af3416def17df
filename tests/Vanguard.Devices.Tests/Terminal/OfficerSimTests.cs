using System.Text.Json;
using Vanguard.Devices.Client;
using Vanguard.Devices.Terminal;

namespace Vanguard.Devices.Tests.Terminal;

public sealed class OfficerSimTests
{
    /// <summary>The same loop as in a real run, with its clock sped up: a fix every 50 ms, a batch every 200 ms.</summary>
    private static readonly TerminalSettings Fast = new()
    {
        PositionInterval = TimeSpan.FromMilliseconds(50),
        BatchInterval = TimeSpan.FromMilliseconds(200),
        PollInterval = TimeSpan.FromMilliseconds(100),
        AcceptAfter = TimeSpan.FromMilliseconds(100),
        ArriveAfter = TimeSpan.FromMilliseconds(200),
        FinishAfter = TimeSpan.FromMilliseconds(100),
        StopGrace = TimeSpan.FromSeconds(5),
        ReportEvery = TimeSpan.FromMilliseconds(500),
        StartStagger = TimeSpan.Zero,
        Retry = new RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100), MaxAttempts = 5 },
    };

    private static readonly string[] Outcomes = ["not_found", "warned", "seized", "false_hit"];

    private sealed class Run : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly CancellationTokenSource _abort = new();
        private readonly HttpClient _http;
        private readonly TerminalSession _session;

        public Run(FakeTerminal fake, string username, string password = FakeTerminal.Password)
        {
            _http = PlatformClient.CreateHttp(fake.Address, deviceKey: null, connections: 4);
            _session = new TerminalSession(_http, username, password, Fast.Retry, Stats, TimeProvider.System);
            Officer = new OfficerSim(_session, Fast, Stats, 11, TimeProvider.System, TextWriter.Synchronized(Log));
            Task = Officer.RunAsync(_stop.Token, _abort.Token);
        }

        public TerminalStats Stats { get; } = new();
        public StringWriter Log { get; } = new();
        public OfficerSim Officer { get; }
        public Task<OfficerEnd> Task { get; }

        public async Task<OfficerEnd> StopAsync()
        {
            await _stop.CancelAsync();
            _abort.CancelAfter(Fast.StopGrace);
            return await Task.WaitAsync(TimeSpan.FromSeconds(15));
        }

        public async ValueTask DisposeAsync()
        {
            if (!_stop.IsCancellationRequested)
            {
                await StopAsync();
            }

            _session.Dispose();
            _http.Dispose();
            _stop.Dispose();
            _abort.Dispose();
        }
    }

    private static async Task Until(Func<bool> condition, string what, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Still waiting for: {what}");
            }

            await System.Threading.Tasks.Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Officer_SignsInGoesOnDutySendsBatchesAndWorksADispatchedTask()
    {
        await using var fake = await FakeTerminal.StartAsync();
        await using var run = new Run(fake, "zhengzhou.field");

        await Until(() => fake.LastPosition("zhengzhou.field") is not null, "the first positions");
        var here = fake.LastPosition("zhengzhou.field")!.Value;
        var task = fake.Dispatch("zhengzhou.field", here.Lat + 0.0001, here.Lon); // about 11 m north of the last fix
        await Until(() => task.Status == "finished", "the task to be finished");
        await Until(() => fake.PositionRequests.Count(r => r.Status == 200) >= 3, "a few more batches");
        var end = await run.StopAsync();

        end.ShouldBe(OfficerEnd.Done, run.Log.ToString());
        fake.SignIns.ShouldBe(["zhengzhou.field"]);
        fake.DutyChanges.ShouldBe([("zhengzhou.field", true), ("zhengzhou.field", false)]);

        // Every batch has a key of its own, and every fix is stored once, in 郑州 and within 20 km of it.
        var requests = fake.PositionRequests.ToList();
        requests.ShouldAllBe(r => r.Status == 200);
        requests.Where(r => !Guid.TryParse(r.Key, out var _)).ShouldBeEmpty();
        requests.Select(r => r.Key).Distinct().Count().ShouldBe(requests.Count);
        var sent = requests.Sum(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("points").GetArrayLength());
        fake.Positions.Count.ShouldBe(sent);
        run.Stats.PointsAccepted.ShouldBe(sent);
        var centre = PatrolArea.ForAgency("410100").Centre;
        fake.Positions.Values.ShouldAllBe(p => Geo.DistanceM(centre, new GeoPoint(p.Lat, p.Lon)) <= 20_000);
        var point = JsonDocument.Parse(requests[0].Body).RootElement.GetProperty("points")[0];
        point.GetProperty("at").GetString()!.ShouldEndWith("+08:00");
        point.GetProperty("speedKmh").GetDouble().ShouldBeInRange(30, 80);
        point.GetProperty("accuracyM").GetDouble().ShouldBeInRange(3, 12);

        // accept → arrive (on the spot) → finish with a plausible outcome.
        var steps = fake.Steps.Where(s => s.Task == task.Id).ToList();
        steps.Select(s => s.Step).ShouldBe(["accept", "arrive", "finish"]);
        var arrive = steps[1].Body;
        Geo.DistanceM(new GeoPoint(arrive.GetProperty("lat").GetDouble(), arrive.GetProperty("lon").GetDouble()), new GeoPoint(here.Lat + 0.0001, here.Lon))
            .ShouldBeLessThan(1);
        task.Outcome.ShouldBeOneOf(Outcomes);
        task.Note.ShouldNotBeNullOrWhiteSpace();
        run.Stats.TasksAccepted.ShouldBe(1);
        run.Stats.TasksFinished.ShouldBe(1);
        run.Log.ToString().ShouldContain("finished");
    }

    [Fact]
    public async Task ARetriedBatch_ReusesItsKeyAndBody_AndTheNextBatchGetsANewKey()
    {
        await using var fake = await FakeTerminal.StartAsync();
        fake.FailPositionsNext = 2;
        await using var run = new Run(fake, "nanyang.field");

        await Until(() => fake.PositionRequests.Count(r => r.Status == 200) >= 2, "two delivered batches");
        await run.StopAsync();

        var requests = fake.PositionRequests.ToList();
        requests[0].Status.ShouldBe(503);
        requests[1].Status.ShouldBe(503);
        requests[2].Status.ShouldBe(200);
        requests[1].Key.ShouldBe(requests[0].Key);
        requests[2].Key.ShouldBe(requests[0].Key);
        requests[1].Body.ShouldBe(requests[0].Body);
        requests[2].Body.ShouldBe(requests[0].Body);
        requests.Skip(3).Select(r => r.Key).ShouldAllBe(k => k != requests[0].Key);
        run.Stats.Errors["server.unavailable"].ShouldBe(2);
        run.Stats.PointsDuplicate.ShouldBe(0);
        fake.Positions.Keys.ShouldAllBe(k => k.User == "nanyang.field");
        var centre = PatrolArea.ForAgency("411300").Centre;
        fake.Positions.Values.ShouldAllBe(p => Geo.DistanceM(centre, new GeoPoint(p.Lat, p.Lon)) <= 20_000);
    }

    [Fact]
    public async Task AnExpiredToken_IsRenewedWithTheRefreshToken()
    {
        await using var fake = await FakeTerminal.StartAsync();
        await using var run = new Run(fake, "xuchang.field");
        await Until(() => fake.PositionRequests.Any(r => r.Status == 200), "a first batch");

        fake.ExpireAccessTokens();
        var before = fake.PositionRequests.Count(r => r.Status == 200);
        await Until(() => fake.PositionRequests.Count(r => r.Status == 200) >= before + 2, "batches after the expiry");
        var end = await run.StopAsync();

        end.ShouldBe(OfficerEnd.Done, run.Log.ToString());
        fake.Refreshes.ShouldNotBeEmpty();
        fake.SignIns.Count.ShouldBe(1, "the refresh token should do; no second sign-in with the password");
        fake.DutyChanges.Last().ShouldBe(("xuchang.field", false));
        run.Stats.Renewals.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task PutOffDutyByThePlatform_GoesOnDutyAgainAndLosesNoFix()
    {
        await using var fake = await FakeTerminal.StartAsync();
        await using var run = new Run(fake, "zhengzhou.field");
        await Until(() => fake.PositionRequests.Any(r => r.Status == 200), "a first batch");

        fake.Duty["zhengzhou.field"] = false;
        await Until(() => fake.PositionRequests.Any(r => r.Status == 409), "a refused batch");
        await Until(() => fake.PositionRequests.Reverse().First().Status == 200 && fake.Duty["zhengzhou.field"], "back on duty and delivering");
        await run.StopAsync();

        run.Stats.Errors["terminal.off_duty"].ShouldBeGreaterThanOrEqualTo(1);
        fake.DutyChanges.Count(d => d.OnDuty).ShouldBeGreaterThanOrEqualTo(2);
        var refused = fake.PositionRequests.First(r => r.Status == 409);
        var points = JsonDocument.Parse(refused.Body).RootElement.GetProperty("points").EnumerateArray()
            .Select(p => p.GetProperty("at").GetDateTimeOffset());
        points.ShouldAllBe(at => fake.Positions.ContainsKey(ValueTuple.Create("zhengzhou.field", at)));
    }

    [Fact]
    public async Task ATaskWithoutAPlace_IsWorkedWhereTheOfficerIs_AndACancelledOneIsDropped()
    {
        await using var fake = await FakeTerminal.StartAsync();
        await using var run = new Run(fake, "zhengzhou.field");
        await Until(() => fake.DutyChanges.Count == 1, "on duty");

        var cancelled = fake.Dispatch("zhengzhou.field", null, null, "complaint", "投诉核查");
        cancelled.Status = "cancelled";
        cancelled.ChangedAt = DateTimeOffset.UtcNow;
        var task = fake.Dispatch("zhengzhou.field", null, null, "patrol", "巡查 G107");
        await Until(() => task.Status == "finished", "the task to be finished");
        await run.StopAsync();

        fake.Steps.Where(s => s.Task == cancelled.Id).ShouldBeEmpty();
        var arrive = fake.Steps.Single(s => s.Task == task.Id && s.Step == "arrive").Body;
        var at = new GeoPoint(arrive.GetProperty("lat").GetDouble(), arrive.GetProperty("lon").GetDouble());
        Geo.DistanceM(PatrolArea.ForAgency("410100").Centre, at).ShouldBeLessThanOrEqualTo(20_000);
    }

    [Fact]
    public async Task AStepWhoseAnswerIsLost_IsRepeated_AndThePlatformKeepsItOnce()
    {
        await using var fake = await FakeTerminal.StartAsync();
        fake.FailStepsNext = 3; // each of accept, arrive and finish is done, but its first answer is a 502
        await using var run = new Run(fake, "nanyang.field");
        await Until(() => fake.DutyChanges.Count == 1, "on duty");

        var task = fake.Dispatch("nanyang.field", null, null);
        await Until(() => task.Status == "finished" && run.Stats.TasksFinished == 1, "the task to be finished");
        await run.StopAsync();

        fake.Steps.Where(s => s.Task == task.Id).Select(s => s.Step).ShouldBe(["accept", "arrive", "finish"]);
        run.Stats.Errors["gateway.error"].ShouldBe(3);
        run.Stats.TasksAccepted.ShouldBe(1);
        run.Stats.TasksArrived.ShouldBe(1);
    }

    [Fact]
    public async Task AWrongPassword_IsRefusedWithoutRetrying()
    {
        await using var fake = await FakeTerminal.StartAsync();
        await using var run = new Run(fake, "zhengzhou.field", "wrong");

        var end = await run.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        end.ShouldBe(OfficerEnd.Refused);
        run.Stats.SignInFailed.ShouldBe(1);
        run.Stats.Errors.ShouldBe(new Dictionary<string, int> { ["auth.invalid_credentials"] = 1 });
        run.Log.ToString().ShouldContain("Wrong username or password");
        fake.DutyChanges.ShouldBeEmpty();
    }
}
