using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Payments.Gateways;
using Vanguard.Server.Tests.Evidence;
using Vanguard.Server.Tests.Online;

namespace Vanguard.Server.Tests.Security.Fuzz;

/// <summary>
/// The platform on a real loopback port (Kestrel parses the requests and enforces the body limits, as in production),
/// with the public throttles opened wide: every fuzz request comes from one address.
/// </summary>
public sealed class FuzzFactory : VanguardFactory
{
    public FuzzFactory() => UseKestrel(0);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        .. base.Settings,
        new("Vanguard:Online:PerAddressPer10Minutes", "100000"),
        new("Vanguard:Online:PerPlatePer10Minutes", "100000"),
        new("Vanguard:Complaints:PublicFilingsPer10Minutes", "100000"),
        new("Vanguard:Complaints:PublicLookupsPer10Minutes", "100000"),
        new("Vanguard:Complaints:DemoComplaints", "false"),
    ];

    private FuzzState? _state;
    private readonly SemaphoreSlim _prepare = new(1, 1);

    /// <summary>Devices, a party session and an upload to fuzz with, made once for the class.</summary>
    public async Task<FuzzState> StateAsync()
    {
        await _prepare.WaitAsync(ApiClient.Ct);
        try
        {
            return _state ??= await FuzzState.PrepareAsync(this);
        }
        finally
        {
            _prepare.Release();
        }
    }

    /// <summary>A client that keeps no cookies and follows no redirects: each request carries exactly what the fuzzer put in it.</summary>
    public HttpClient RawClient()
    {
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => a.Replace("://[::]:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal))
            .First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        return CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), AllowAutoRedirect = false, HandleCookies = false });
    }

    public async Task<T> WithDbAsync<T>(Func<VanguardDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await work(scope.ServiceProvider.GetRequiredService<VanguardDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        _prepare.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>What the targets need that only a running platform can give: device keys, a party's case and session, an upload, tokens.</summary>
public sealed partial class FuzzState
{
    private readonly Dictionary<string, (string Cookie, string Token)> _antiforgery = [];

    public required Dictionary<string, string> DeviceKeys { get; init; }

    public required Guid WimDeviceId { get; init; }

    public required Guid AnprDeviceId { get; init; }

    public required Guid PartyCaseId { get; init; }

    public required string PartyPlate { get; init; }

    public required string NoticeCode { get; init; }

    public required string PartySession { get; init; }

    public required string OfficerNo { get; init; }

    public required Guid UploadId { get; init; }

    /// <summary>An upload of its own for the DELETE target, so terminating it leaves <see cref="UploadId"/> to the others.</summary>
    public required Guid DeletedUploadId { get; init; }

    public required string StaffToken { get; init; }

    public required string RefreshToken { get; init; }

    public SimulatedGateway? Gateway { get; init; }

    internal static async Task<FuzzState> PrepareAsync(FuzzFactory factory)
    {
        var keys = new Dictionary<string, string>
        {
            [FuzzCallers.Wim] = await RegisterAsync(factory, "wim-station", "WIM-FUZZ"),
            [FuzzCallers.Anpr] = await RegisterAsync(factory, "anpr-camera", "ANPR-FUZZ"),
            [FuzzCallers.Dock] = await EvidenceApi.DockKeyAsync(factory, "zhengzhou.admin", "410100"),
            [FuzzCallers.Hotline] = await RegisterAsync(factory, "hotline", "HOTLINE-FUZZ", "410000", "admin"),
        };
        var plate = OnlineApi.NewPlate();
        var (caseId, noticeCode, _) = await OnlineApi.OffsiteCaseAsync(factory, plate);
        var lookup = await factory.CreateClient().PostAsJsonAsync("/api/v1/online/lookup", new { plate, noticeCode }, ApiClient.Ct);
        var granted = await lookup.JsonAsync();
        lookup.StatusCode.ShouldBe(HttpStatusCode.OK, granted.ToJsonString());
        var officerNo = await EvidenceApi.OfficerNoAsync(factory, "zhengzhou.admin", "410100");
        var dock = factory.AsDevice(keys[FuzzCallers.Dock]);
        var content = EvidenceApi.RandomBytes(64, 11);
        var upload = await EvidenceApi.CreateAsync(dock, content.Length, EvidenceApi.Meta(content, officerNo));
        var deleted = await EvidenceApi.CreateAsync(dock, content.Length, EvidenceApi.Meta(content, officerNo));
        var token = await (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "zhengzhou.case", password = VanguardFactory.Password }, ApiClient.Ct)).JsonAsync();
        var ids = await factory.WithDbAsync(async db =>
        {
            var devices = db.Set<Modules.Organisation.Data.Device>();
            return (Wim: devices.Single(d => d.Code == "WIM-FUZZ").Id, Anpr: devices.Single(d => d.Code == "ANPR-FUZZ").Id);
        });
        return new FuzzState
        {
            DeviceKeys = keys,
            WimDeviceId = ids.Wim,
            AnprDeviceId = ids.Anpr,
            PartyCaseId = caseId,
            PartyPlate = plate,
            NoticeCode = noticeCode,
            PartySession = granted["sessionToken"]!.GetValue<string>(),
            OfficerNo = officerNo,
            UploadId = Guid.Parse(upload.TrimEnd('/').Split('/')[^1]),
            DeletedUploadId = Guid.Parse(deleted.TrimEnd('/').Split('/')[^1]),
            StaffToken = token["accessToken"]!.GetValue<string>(),
            RefreshToken = token["refreshToken"]!.GetValue<string>(),
            Gateway = factory.Services.GetService<SimulatedGateway>(),
        };
    }

    private static async Task<string> RegisterAsync(FuzzFactory factory, string kind, string code, string agencyCode = "410122", string admin = "zhengzhou.admin")
    {
        var client = await factory.SignedInAsync(admin);
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);
        var response = await client.PostAsJsonAsync("/api/v1/devices", new
        {
            kind, code, name = "模糊测试 " + code, agencyCode, accuracyClass = kind == "wim-station" ? 5 : (int?)null,
            certificate = kind == "wim-station"
                ? new { number = "JD-" + code, validFrom = until.AddYears(-1).AddDays(-7).ToString("yyyy-MM-dd"), validUntil = until.ToString("yyyy-MM-dd") }
                : null,
        }, ApiClient.Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["apiKey"]!.GetValue<string>();
    }

    /// <summary>Fetches the antiforgery cookie and token of each page the form targets post from.</summary>
    internal async Task LoadAntiforgeryAsync(HttpClient client, IEnumerable<string> pages)
    {
        foreach (var page in pages.Distinct().Where(p => !_antiforgery.ContainsKey(p)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, page);
            request.Headers.Add(PartySessionHeader, PartySession);
            using var response = await client.SendAsync(request, ApiClient.Ct);
            var html = await response.Content.ReadAsStringAsync(ApiClient.Ct);
            var token = TokenField().Match(html).Groups[1].Value;
            var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
                ? cookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal))
                : null;
            if (token.Length > 0 && cookie is not null)
            {
                _antiforgery[page] = (cookie, System.Net.WebUtility.HtmlDecode(token));
            }
        }
    }

    internal string? AntiforgeryToken(FuzzTarget target) =>
        target.AntiforgeryFrom is { } page && _antiforgery.TryGetValue(page, out var pair) ? pair.Token : null;

    private const string PartySessionHeader = "X-Online-Session";

    /// <summary>The credentials of the target's caller, and the antiforgery cookie of a form post.</summary>
    internal void AddCallerHeaders(FuzzTarget target, Dictionary<string, string> headers)
    {
        switch (target.Caller)
        {
            case FuzzCallers.Party:
                headers[PartySessionHeader] = PartySession;
                break;
            case FuzzCallers.Staff:
                headers["Authorization"] = "Bearer " + StaffToken;
                break;
            case FuzzCallers.Anonymous:
                break;
            default:
                headers["X-Device-Key"] = DeviceKeys[target.Caller];
                break;
        }

        if (target.AntiforgeryFrom is { } page && _antiforgery.TryGetValue(page, out var pair))
        {
            headers["Cookie"] = pair.Cookie;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
