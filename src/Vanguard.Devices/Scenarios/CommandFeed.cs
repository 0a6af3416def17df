using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Devices.Client;

namespace Vanguard.Devices.Scenarios;

/// <summary>
/// The command centre's screen, without the screen: subscribed to <c>/hubs/command</c> with the command operator's bearer
/// token, it keeps the latest view of every alert and prints each one raised and each change of status.
/// </summary>
internal sealed class CommandFeed : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly TextWriter _log;
    private readonly ConcurrentDictionary<Guid, AlertInfo> _alerts = new();

    public CommandFeed(Uri server, string accessToken, TextWriter log)
    {
        _log = log;
        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/command"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.PropertyNamingPolicy = Wire.Json.PropertyNamingPolicy;
                o.PayloadSerializerOptions.PropertyNameCaseInsensitive = true;
            })
            .WithAutomaticReconnect()
            .Build();
        _hub.On<AlertInfo>("alertRaised", Raised);
        _hub.On<AlertInfo>("alertChanged", Changed);
    }

    public IReadOnlyCollection<AlertInfo> Alerts => _alerts.Values.ToList();

    public int RaisedCount { get; private set; }

    public Task StartAsync(CancellationToken ct) => _hub.StartAsync(ct);

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    private void Raised(AlertInfo alert)
    {
        _alerts[alert.Id] = alert;
        RaisedCount++;
        _log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  【预警】{alert.RaisedAt.ToOffset(Wire.ChinaOffset):HH:mm:ss} {alert.Plate}（{ColorName(alert.PlateColor)}）{(alert.MatchKind == "exact" ? "精确" : "模糊")}命中「{alert.WatchlistName}」@ {alert.DeviceName}，" +
            $"{(alert.Status == "new" ? "新预警" : Describe(alert))}（识别→预警 {(alert.RaisedAt - alert.CapturedAt).TotalSeconds:0.0} 秒）"));
    }

    private void Changed(AlertInfo alert)
    {
        var before = _alerts.TryGetValue(alert.Id, out var known) ? known : null;
        _alerts[alert.Id] = alert;
        if (before is not null && before.Status == alert.Status && before.Sightings == alert.Sightings)
        {
            return;
        }

        var what = before is not null && before.Sightings != alert.Sightings && before.Status == alert.Status
            ? string.Create(CultureInfo.InvariantCulture, $"再次出现（第 {alert.Sightings} 次）@ {alert.DeviceName}")
            : Describe(alert);
        _log.WriteLine($"  【更新】{alert.Plate}：{what}");
    }

    public static string Describe(AlertInfo alert) => alert.Status switch
    {
        "new" => "待处置（无在岗人员或待人工研判）",
        "dispatched" => $"已派警 → {alert.OfficerName}",
        "accepted" => $"{alert.OfficerName} 已接警",
        "arrived" => $"{alert.OfficerName} 已到场",
        "closed" => $"已办结：{OutcomeName(alert.Outcome)}",
        _ => alert.Status,
    };

    public static string OutcomeName(string? outcome) => outcome switch
    {
        "seized" => "查扣",
        "warned" => "警告教育",
        "case_opened" => "已立案",
        "not_found" => "未发现",
        "false_hit" => "误报",
        "resolved" => "已处置",
        "other" => "其他",
        null => "—",
        _ => outcome,
    };

    public static string ColorName(string color) => color switch
    {
        "blue" => "蓝牌",
        "yellow" => "黄牌",
        "green" => "绿牌",
        "yellow-green" => "黄绿牌",
        "white" => "白牌",
        "black" => "黑牌",
        _ => color,
    };
}
