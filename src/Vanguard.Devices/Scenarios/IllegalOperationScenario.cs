using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vanguard.Devices.Client;
using Vanguard.Devices.Terminal;

namespace Vanguard.Devices.Scenarios;

internal sealed record ScenarioSettings
{
    public required Uri Server { get; init; }
    public string Admin { get; init; } = "admin";
    public required string Password { get; init; }
    public string CommandUser { get; init; } = "zhengzhou.command";
    public string Approver { get; init; } = "zhengzhou.admin";
    public int Vehicles { get; init; } = 4;
    public int Officers { get; init; } = 3;
    public TimeSpan Live { get; init; } = TimeSpan.FromMinutes(2);
    public int Rate { get; init; } = 100;
    public int Seed { get; init; } = 42;
    public string OfficerPrefix { get; init; } = "sim.zzdz";

    /// <summary>After the live reads: how long to wait for the officers to finish the tasks still open.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(90);
}

/// <summary>
/// <c>vanguard-sim anpr --scenario illegal-operation</c>: the whole 非法营运 story against a running demo platform —
/// cameras at 郑州东站 and 二七广场, hotspot groups and suspect rules, 30 days of back-dated reads, the rules run, the
/// suspects promoted to the watch-list, officers on duty near the station, then live reads in which the suspects come
/// back and the platform raises, dispatches and closes alerts. Every step reuses what an earlier run made.
/// </summary>
internal sealed class IllegalOperationScenario(ScenarioSettings settings, TextWriter output)
{
    public const string Name = "illegal-operation";
    public const string ListName = "非法营运重点车辆";
    public const string DaysRuleName = "郑州东站出站口 高频滞留（30 天内 ≥ 5 天）";
    public const string TripsRuleName = "郑州东站 ⇄ 二七广场 往返（30 天内 ≥ 5 次，单程 ≤ 90 分钟）";
    public const int Threshold = 5;
    public const int WindowDays = 30;

    private readonly TextWriter _log = TextWriter.Synchronized(output);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        using var http = PlatformClient.CreateHttp(settings.Server, deviceKey: null, connections: 16);
        var stats = new TerminalStats();
        var retry = new RetryPolicy { MaxAttempts = 4 };
        using var adminSession = new TerminalSession(http, settings.Admin, settings.Password, retry, stats, TimeProvider.System);
        using var commandSession = new TerminalSession(http, settings.CommandUser, settings.Password, retry, stats, TimeProvider.System);
        using var approverSession = new TerminalSession(http, settings.Approver, settings.Password, retry, stats, TimeProvider.System);
        var admin = new SurveillanceApi(adminSession);
        var command = new SurveillanceApi(commandSession);
        var approver = new SurveillanceApi(approverSession);
        Say($"非法营运研判演示 → {settings.Server}（种子 {settings.Seed}，{settings.Vehicles} 辆涉嫌车辆，{settings.Officers} 名执法队员，实时阶段 {settings.Live.TotalMinutes:0.#} 分钟）");

        try
        {
            foreach (var api in (SurveillanceApi[])[admin, command, approver])
            {
                await api.SignInAsync(ct);
            }

            var keys = await RegisterCamerasAsync(admin, ct);
            var (stationRule, tripsRule, list) = await SetUpRulesAsync(command, ct);
            var plan = await BackfillAsync(command, keys, ct);
            var suspects = await RunRulesAsync(command, [stationRule, tripsRule], ct);
            await PromoteAsync(approver, command, suspects, list, ct);
            return await LiveAsync(http, command, keys, plan, ct);
        }
        catch (TerminalProblem e)
        {
            Say($"失败：{e.Message}");
            if (e.Status == 404)
            {
                Say("（平台没有该接口：是否为包含布控模块的版本？）");
            }

            return e.Status is null ? ExitCodes.Unreachable : 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Say("已中止。");
            return 1;
        }
    }

    /// <summary>(a) The five cameras, each with a fresh key (a camera registered by an earlier run gets a new one).</summary>
    private async Task<Dictionary<string, string>> RegisterCamerasAsync(SurveillanceApi admin, CancellationToken ct)
    {
        Step("a", $"登记车牌识别卡口（{admin.Username}）");
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        int created = 0, reused = 0;
        foreach (var camera in ScenarioSites.Cameras)
        {
            var (key, isNew) = await admin.CameraKeyAsync(camera, ScenarioSites.AgencyCode, ct);
            keys[camera.Code] = key;
            _ = isNew ? created++ : reused++;
            Say(string.Create(CultureInfo.InvariantCulture,
                $"    {camera.Code,-14} {camera.Name}（{camera.Lat:0.0000} N, {camera.Lon:0.0000} E）{(isNew ? "新登记" : "已存在，已重新签发密钥")}"));
        }

        Say($"  卡口 {keys.Count} 个：新登记 {created}，沿用 {reused}。");
        return keys;
    }

    /// <summary>(b) Hotspot groups, the two rules and the list, as the command operator.</summary>
    private async Task<(RuleInfo Days, RuleInfo Trips, ListInfo List)> SetUpRulesAsync(SurveillanceApi command, CancellationToken ct)
    {
        Step("b", $"建立热点区域、研判规则和布控名单（{command.Username}）");
        var (station, stationNew) = await command.HotspotAsync(ScenarioSites.StationGroup, ScenarioSites.StationGroupKind,
            ScenarioSites.At(CameraSite.Station), ScenarioSites.Station, ScenarioSites.AgencyCode, ct);
        Say($"    热点区域「{station.Name}」{New(stationNew)}");
        var (city, cityNew) = await command.HotspotAsync(ScenarioSites.CityGroup, ScenarioSites.CityGroupKind,
            ScenarioSites.At(CameraSite.CityArea), ScenarioSites.CityArea, ScenarioSites.AgencyCode, ct);
        Say($"    热点区域「{city.Name}」{New(cityNew)}");

        var (days, daysNew) = await command.RuleAsync(DaysRuleName, new
        {
            name = DaysRuleName, kind = "hotspot_days", hotspotId = station.Id, windowDays = WindowDays, threshold = Threshold,
            excludeLicensed = true, enabled = true,
        }, ct);
        Say($"    研判规则「{days.Name}」{New(daysNew)}");
        var (trips, tripsNew) = await command.RuleAsync(TripsRuleName, new
        {
            name = TripsRuleName, kind = "round_trips", hotspotId = station.Id, otherHotspotId = city.Id, windowDays = WindowDays,
            threshold = Threshold, maxTripMinutes = 90, excludeLicensed = true, enabled = true,
        }, ct);
        Say($"    研判规则「{trips.Name}」{New(tripsNew)}");

        var (list, listNew) = await command.WatchlistAsync(ListName, "郑州东站周边涉嫌非法营运（无道路运输证揽客）车辆，由研判模型发现、审批后布控。", ScenarioSites.AgencyCode, ct);
        Say(string.Create(CultureInfo.InvariantCulture, $"    布控名单「{list.Name}」{New(listNew)}（在控 {list.ActiveEntries}，待审批 {list.PendingEntries}）"));
        return (days, trips, list);
    }

    /// <summary>(c) 30 days of back-dated reads at the five cameras.</summary>
    private async Task<IllegalOperationPlan> BackfillAsync(SurveillanceApi command, Dictionary<string, string> keys, CancellationToken ct)
    {
        Step("c", $"回填近 {WindowDays} 天的过车记录");
        var licensed = await command.LicensedVehiclesAsync("豫A", 4, ct);
        if (licensed.Count == 0)
        {
            Say("    运政数据中没有持有效道路运输证的豫A车辆：跳过“合规营运车辆”一组（规则排除持证车辆这一点本次演示不到）。");
        }
        else
        {
            Say($"    持有效道路运输证的营运车辆 {licensed.Count} 辆（每天出现在东站，应被规则排除）：{string.Join("、", licensed.Select(l => $"{l.Plate}（{l.VehicleTypeName}）"))}");
            Say("    （演示运政数据中没有出租车和公交车，以持证营运车辆代替。）");
        }

        var plan = IllegalOperationPlan.Build(new PlanOptions
        {
            Seed = settings.Seed, Now = DateTimeOffset.UtcNow, WindowDays = WindowDays, Threshold = Threshold, HauntingVehicles = settings.Vehicles,
            Licensed = licensed.Select(l => (l.Plate, l.PlateColor)).ToList(),
        });
        foreach (var vehicle in plan.Of(VehicleRole.Haunting))
        {
            var known = await command.InRegistryAsync(vehicle.Plate, ct);
            Say($"    涉嫌非法营运车辆 {vehicle.Plate}（{CommandFeed.ColorName(vehicle.PlateColor)}）：{vehicle.Days.Count} 天在东站揽客{(known ? "；注意：该号牌在运政数据中有登记" : "，运政数据中无登记")}");
        }

        var counts = plan.Reads.GroupBy(r => r.Role).ToDictionary(g => g.Key, g => g.Count());
        Say(string.Create(CultureInfo.InvariantCulture,
            $"    共 {plan.Reads.Count} 条（{plan.Days[0]:yyyy-MM-dd} 至 {plan.Days[^1]:yyyy-MM-dd}）：背景车辆 {plan.Of(VehicleRole.Background).Count()} 辆 {counts.GetValueOrDefault(VehicleRole.Background)} 条，" +
            $"持证营运车辆 {counts.GetValueOrDefault(VehicleRole.Licensed)} 条，涉嫌车辆 {counts.GetValueOrDefault(VehicleRole.Haunting)} 条"));

        var sent = await SendAsync(keys, plan.Reads, ct);
        Say($"    平台接收 {sent.Accepted} 条，重复 {sent.Duplicates} 条（同一种子再次运行时即为重复），拒收 {sent.Rejected} 条。");
        if (sent.Failed > 0)
        {
            throw new TerminalProblem(null, "backfill_failed", $"{sent.Failed} 批过车记录未能送达", transient: true);
        }

        return plan;
    }

    /// <summary>(d) Runs both rules now (the job would do it every few minutes) and lists the pending suspects.</summary>
    private async Task<List<SuspectInfo>> RunRulesAsync(SurveillanceApi command, IReadOnlyList<RuleInfo> rules, CancellationToken ct)
    {
        Step("d", "运行研判规则");
        var suspects = new List<SuspectInfo>();
        foreach (var rule in rules)
        {
            var run = await command.RunRuleAsync(rule.Id, ct);
            var pending = await command.SuspectsAsync(rule.Id, "pending", ct);
            Say($"    「{rule.Name}」：发现 {run.Found} 辆，新增 {run.Created}，更新 {run.Updated}；待研判 {pending.Count} 辆");
            foreach (var s in pending.OrderByDescending(s => s.Score))
            {
                Say(string.Create(CultureInfo.InvariantCulture,
                    $"      {s.Plate}（{CommandFeed.ColorName(s.PlateColor)}）得分 {s.Score}，{s.FirstSeenAt.ToOffset(Wire.ChinaOffset):MM-dd} 至 {s.LastSeenAt.ToOffset(Wire.ChinaOffset):MM-dd}"));
            }

            suspects.AddRange(pending);
        }

        return suspects;
    }

    /// <summary>(e) The approver promotes each suspect plate once (promotion is the approval).</summary>
    private async Task PromoteAsync(SurveillanceApi approver, SurveillanceApi command, List<SuspectInfo> suspects, ListInfo list, CancellationToken ct)
    {
        Step("e", $"审批布控：疑似车辆加入「{list.Name}」（{approver.Username}）");
        int promoted = 0, already = 0, duplicates = 0;
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var suspect in suspects.OrderByDescending(s => s.Score))
        {
            if (!done.Add(suspect.Plate + "|" + suspect.PlateColor))
            {
                // Found by both rules: one entry is enough; the other lead is closed so the review list is not left with it.
                await approver.DismissAsync(suspect.Id, $"同一车辆已按另一研判规则布控至「{list.Name}」，本线索重复。", ct);
                duplicates++;
                continue;
            }

            try
            {
                await approver.PromoteAsync(suspect.Id, list.Id, 90, $"研判模型「{suspect.RuleName}」发现：{suspect.Plate} 频繁在郑州东站出站口滞留、往返二七广场，涉嫌非法营运。", ct);
                promoted++;
                Say($"    {suspect.Plate} 已布控（90 天）");
            }
            catch (TerminalProblem e) when (e.Status == 409)
            {
                // On the list already (an earlier run): the lead is closed as a repeat.
                await approver.DismissAsync(suspect.Id, $"该车已在「{list.Name}」中布控，本线索重复。", ct);
                already++;
                Say($"    {suspect.Plate} 已在名单中（{e.Code}），线索作重复处理");
            }
        }

        var now = (await command.ListsAsync(ct)).FirstOrDefault(l => l.Id == list.Id);
        Say($"  新布控 {promoted} 辆，已在控 {already} 辆，重复线索 {duplicates} 条；名单现有在控 {now?.ActiveEntries ?? 0} 辆。");
    }

    /// <summary>(f) + (g) Officers on duty near the station, the command feed, and the live reads.</summary>
    private async Task<int> LiveAsync(HttpClient http, SurveillanceApi command, Dictionary<string, string> keys, IllegalOperationPlan plan, CancellationToken ct)
    {
        Step("f", $"{settings.Officers} 名执法队员在郑州东站周边上岗");
        var usernames = OfficerAccounts.Named(settings.OfficerPrefix, settings.Officers);
        var (created, existing) = await OfficerAccounts.CreateAsync(http, settings.Admin, settings.Password, usernames, settings.Password, [ScenarioSites.AgencyCode], _log, ct);
        Say($"    执法账号：新建 {created}，沿用 {existing}（{string.Join("、", usernames)}）");
        var terminal = new TerminalSettings
        {
            Area = new PatrolArea("郑州东站", ScenarioSites.Station, 3_000),
            PositionInterval = TimeSpan.FromSeconds(5),
            BatchInterval = TimeSpan.FromSeconds(5),
            PollInterval = TimeSpan.FromSeconds(3),
            AcceptAfter = TimeSpan.FromSeconds(3),
            ArriveAfter = TimeSpan.FromSeconds(20),
            FinishAfter = TimeSpan.FromSeconds(10),
            ReportEvery = TimeSpan.FromSeconds(30),
            Outcomes =
            [
                (0.8, TerminalWire.Outcome.Seized, "现场查实无道路运输证从事客运经营，依法暂扣车辆（模拟）"),
                (0.2, TerminalWire.Outcome.NotFound, "到达东站出站口时目标车辆已驶离（模拟）"),
            ],
        };
        using var stopOfficers = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var runner = new TerminalRunner(http, terminal, _log, TimeProvider.System);
        var officers = Task.Run(() => runner.RunAsync(usernames.Select(u => (u, settings.Password)).ToList(), settings.Seed, null, stopOfficers.Token), CancellationToken.None);

        Step("g", $"实时过车 {settings.Live.TotalMinutes:0.#} 分钟（约 {settings.Rate} 条/秒），涉嫌车辆会回到东站");
        var token = await new PlatformClient(http).GetTokenAsync(settings.CommandUser, settings.Password, ct);
        await using var feed = new CommandFeed(settings.Server, token, _log);
        await feed.StartAsync(ct);
        Say($"    已订阅 /hubs/command（{settings.CommandUser}）");

        // Let the officers sign in and send a first position, so the dispatcher can find them.
        await Task.Delay(TimeSpan.FromSeconds(8), ct);
        var live = new LiveTraffic(settings.Seed, plan.Of(VehicleRole.Haunting).ToList(), settings.Live);
        var sent = new SendTotals();
        var started = Stopwatch.GetTimestamp();
        using var senders = new CameraSenders(settings.Server, keys);
        try
        {
            while (Stopwatch.GetElapsedTime(started) < settings.Live)
            {
                var tick = Stopwatch.GetTimestamp();
                var reads = live.Next(Stopwatch.GetElapsedTime(started), settings.Rate, DateTimeOffset.UtcNow);
                foreach (var r in reads.Where(r => r.Role == VehicleRole.Haunting))
                {
                    Say($"  【过车】{r.Read.CapturedAt:HH:mm:ss} {r.Read.Plate} 出现在 {r.Camera.Name}");
                }

                sent.Add(await SendAsync(senders, reads, ct));
                var rest = TimeSpan.FromSeconds(1) - Stopwatch.GetElapsedTime(tick);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, ct);
                }
            }

            Say($"  实时阶段结束：发送 {sent.Accepted + sent.Duplicates + sent.Rejected} 条，接收 {sent.Accepted}，拒收 {sent.Rejected}。等待处置结果（最多 {settings.Settle.TotalSeconds:0} 秒）…");
            var settleUntil = Stopwatch.GetTimestamp() + (long)(settings.Settle.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < settleUntil && feed.Alerts.Any(a => a.Status is "dispatched" or "accepted" or "arrived"))
            {
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
        }
        finally
        {
            await stopOfficers.CancelAsync();
        }

        await officers;
        Summarise(feed, plan);
        try
        {
            var today = IllegalOperationPlan.ChinaDay(DateTimeOffset.UtcNow);
            var precision = await command.PrecisionAsync(today, today, ct);
            foreach (var row in precision.Lists.Where(r => r.Name == ListName))
            {
                Say(string.Create(CultureInfo.InvariantCulture,
                    $"  今日「{row.Name}」命中率：预警 {row.Raised}，派警办结 {row.Dispatched}，查实 {row.Confirmed}，未发现 {row.NotFound}，误报 {row.FalseHits}，命中率 {(row.Precision is { } p ? (p * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "—")}"));
            }
        }
        catch (TerminalProblem e)
        {
            Say($"  （命中率未取到：{e.Message}）");
        }

        return feed.RaisedCount > 0 ? ExitCodes.Ok : 1;
    }

    private void Summarise(CommandFeed feed, IllegalOperationPlan plan)
    {
        var alerts = feed.Alerts;
        var haunting = plan.Of(VehicleRole.Haunting).Select(v => v.Plate).ToHashSet(StringComparer.Ordinal);
        Say(string.Empty);
        Say($"结果：收到预警 {alerts.Count} 条（涉嫌车辆 {alerts.Count(a => haunting.Contains(a.Plate))} 条，共 {alerts.Sum(a => a.Sightings)} 次过车）");
        foreach (var group in alerts.GroupBy(a => a.Status == "closed" ? CommandFeed.OutcomeName(a.Outcome) : CommandFeed.Describe(a)).OrderByDescending(g => g.Count()))
        {
            Say($"  {group.Key}：{group.Count()} 条（{string.Join("、", group.Select(a => a.Plate))}）");
        }

        if (alerts.Count == 0)
        {
            Say("  没有收到预警：涉嫌车辆是否已布控（步骤 e）？/hubs/command 是否推送 alertRaised？");
        }
    }

    /// <summary>Posts the reads camera by camera (each with its own key), 1 000 a request, the cameras side by side.</summary>
    private static async Task<SendTotals> SendAsync(CameraSenders senders, IReadOnlyList<PlannedRead> reads, CancellationToken ct)
    {
        var totals = new SendTotals();
        var results = await Task.WhenAll(reads.GroupBy(r => r.Camera.Code).Select(async group =>
        {
            var sender = senders.For(group.Key);
            var mine = new SendTotals();
            foreach (var chunk in group.Chunk(1_000))
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(chunk.Select(r => r.Read).ToList(), Wire.Json);
                mine.Add(await sender.SendAsync(Wire.AnprReadsPath, body, ct, ct), chunk.Length);
            }

            return mine;
        }));
        foreach (var result in results)
        {
            totals.Add(result);
        }

        return totals;
    }

    private async Task<SendTotals> SendAsync(Dictionary<string, string> keys, IReadOnlyList<PlannedRead> reads, CancellationToken ct)
    {
        using var senders = new CameraSenders(settings.Server, keys);
        return await SendAsync(senders, reads, ct);
    }

    /// <summary>One connection pool and sender per camera: the key travels as a default header.</summary>
    private sealed class CameraSenders(Uri server, Dictionary<string, string> keys) : IDisposable
    {
        private readonly Dictionary<string, (HttpClient Http, BatchSender Sender)> _senders = keys.ToDictionary(
            k => k.Key,
            k =>
            {
                var http = PlatformClient.CreateHttp(server, k.Value, 2);
                return (http, new BatchSender(http, new RetryPolicy(), new SendStats(), TimeProvider.System));
            },
            StringComparer.Ordinal);

        public BatchSender For(string camera) => _senders[camera].Sender;

        public void Dispose()
        {
            foreach (var (http, _) in _senders.Values)
            {
                http.Dispose();
            }
        }
    }

    private sealed class SendTotals
    {
        public int Accepted { get; private set; }
        public int Duplicates { get; private set; }
        public int Rejected { get; private set; }
        public int Failed { get; private set; }

        public void Add(SendTotals other)
        {
            Accepted += other.Accepted;
            Duplicates += other.Duplicates;
            Rejected += other.Rejected;
            Failed += other.Failed;
        }

        public void Add(SendResult result, int records)
        {
            if (result is { Outcome: SendOutcome.Delivered, Response: { } r })
            {
                Accepted += r.Accepted;
                Duplicates += r.Duplicates;
                Rejected += r.Rejected?.Count ?? 0;
            }
            else
            {
                Failed += records;
            }
        }
    }

    private void Step(string letter, string title) => Say($"（{letter}）{title}");

    private void Say(string line) => _log.WriteLine(line);

    private static string New(bool created) => created ? "已新建" : "已存在，沿用";
}
