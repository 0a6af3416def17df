using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Vanguard.Domain.Cases;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Warnings.Engine;
using Vanguard.Server.Modules.Warnings.Jobs;

namespace Vanguard.Server.Tests.Warnings;

/// <summary>
/// The platform on a clock the test moves, the warning job driven by the test only. Complaints, stations and leaders are the
/// platform's own (created through the APIs); cases, weighings and the evidence integrity findings come from fakes of the
/// contracts the engine reads (rows the tests put in), since building a departed decision or a corrupted blob through the
/// APIs would take most of the test.
/// </summary>
public sealed class WarningsFactory : VanguardFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    internal FakeCaseData Cases { get; } = new();

    internal FakeIntegrity Integrity { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [.. base.Settings, new("Vanguard:Complaints:DemoComplaints", "false"), new("Vanguard:Performance:JobEnabled", "false")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null
                && d.ImplementationFactory.Method.ReturnType == typeof(WarningJob)));
            services.AddSingleton<ICaseWarningFacts>(Cases);
            services.AddSingleton<ICaseStatistics>(Cases);
            services.AddSingleton<IOverloadStatistics>(Cases);
            services.AddSingleton<IEvidenceIntegrity>(Integrity);
        });
    }

    internal Task<WarningRun> RunAsync() => Services.GetRequiredService<WarningJob>().RunOnceAsync(ApiClient.Ct);

    public AgencyInfo Agency(string code) => Services.GetRequiredService<IAgencyDirectory>().Current.FindByCode(code)!;

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    public async Task<T> WithDbAsync<T>(Func<VanguardDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await work(scope.ServiceProvider.GetRequiredService<VanguardDbContext>());
    }

    public Task<(Guid Id, string OfficerNo)> OfficerOfAsync(string agencyCode, int skip) => WithDbAsync(async db =>
    {
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode, ApiClient.Ct);
        var officer = await db.Officers.Where(o => o.AgencyId == agency.Id && o.Active).OrderBy(o => o.OfficerNo).Skip(skip).FirstAsync(ApiClient.Ct);
        return (officer.Id, officer.OfficerNo);
    });

    /// <summary>The warnings about one subject, through the API as <paramref name="login"/>.</summary>
    public async Task<List<JsonNode>> WarningsAboutAsync(string subject, string login = "admin", string? query = null)
    {
        var client = await this.SignedInAsync(login);
        var page = await (await client.GetAsync($"/api/v1/warnings?pageSize=200{query}", ApiClient.Ct)).JsonAsync();
        return page["items"]!.AsArray().Where(w => w!["subject"]!.GetValue<string>() == subject).Select(w => w!).ToList();
    }

    public async Task<JsonNode> OnlyWarningAsync(string subject, string rule, string login = "admin")
    {
        var found = (await WarningsAboutAsync(subject, login)).Where(w => w["ruleCode"]!.GetValue<string>() == rule).ToList();
        found.Count.ShouldBe(1, $"one {rule} warning about {subject}");
        return found[0];
    }

    /// <summary>A station registered through the devices API by the province administrator (no data, no certificate unless given).</summary>
    public async Task<string> StationAsync(string kind, string agencyCode) => (await RegisterStationAsync(kind, agencyCode, certified: false)).Code;

    /// <summary>A station registered through the devices API; <paramref name="certified"/>: with a 检定 certificate valid for a year from today.</summary>
    public async Task<(string Code, string ApiKey)> RegisterStationAsync(string kind, string agencyCode, bool certified)
    {
        var admin = await this.SignedInAsync("admin");
        var code = kind + "-w" + Guid.NewGuid().ToString("N")[..8];
        var certificate = certified
            ? new { number = "JD-" + code, validFrom = Today.AddDays(-1).ToString("yyyy-MM-dd"), validUntil = Today.AddYears(1).ToString("yyyy-MM-dd") }
            : null;
        var response = await admin.PostAsJsonAsync("/api/v1/devices", new { kind, code, name = "预警测试站 " + code, agencyCode, accuracyClass = certified ? 5m : (decimal?)null, certificate }, ApiClient.Ct);
        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return (code, body["apiKey"]!.GetValue<string>());
    }

    /// <summary>The WIM station reports one legal weighing (a 6-axle combination at 40 t, under its 49 t limit) received now.</summary>
    public async Task ReportWeighingAsync(string apiKey)
    {
        var record = new
        {
            recordId = "w" + Guid.NewGuid().ToString("N")[..12], capturedAt = Clock.GetUtcNow().AddMinutes(-1).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
            lane = 1, plate = "豫A3W" + Random.Shared.Next(100, 999), plateColor = "yellow", axleCount = 6, vehicleKind = "combination",
            axleWeightsKg = new[] { 6_000, 6_000, 7_000, 7_000, 7_000, 7_000 }, grossWeightKg = 40_000, speedKmh = 62.5,
            images = new[] { new { kind = "plate", sha256 = new string('a', 64), contentType = "image/jpeg" } },
        };
        var response = await this.AsDevice(apiKey).PostAsJsonAsync("/api/v1/offsite/wim-records", new[] { record }, ApiClient.Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ApiClient.Ct));
    }
}

/// <summary>Cases and weighings as the contracts answer them: whatever the tests added, filtered by the period asked.</summary>
internal sealed class FakeCaseData : ICaseWarningFacts, ICaseStatistics, IOverloadStatistics
{
    public ConcurrentBag<PendingDecision> Pending { get; } = [];

    public ConcurrentBag<DepartedDecision> Departed { get; } = [];

    public ConcurrentBag<DecidedFine> Fines { get; } = [];

    public ConcurrentBag<DecidedCase> Decided { get; } = [];

    /// <summary>Penalty decisions with a fine, per agency and legal day.</summary>
    public ConcurrentBag<(Guid AgencyId, DateOnly DecidedOn, long FineFen)> Fined { get; } = [];

    public ConcurrentBag<CaseLabel> Labels { get; } = [];

    /// <summary>Weighings per agency and capture day: (weighed, overloaded).</summary>
    public ConcurrentBag<(Guid AgencyId, DateTimeOffset At, int Weighed, int Overloaded)> Weighings { get; } = [];

    public Task<IReadOnlyList<PendingDecision>> PendingDecisionsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<PendingDecision>>([.. Pending]);

    public Task<IReadOnlyList<DepartedDecision>> DepartedDecisionsAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DepartedDecision>>([.. Departed.Where(d => d.DecidedOn >= from && d.DecidedOn < to)]);

    public Task<IReadOnlyList<DecidedFine>> DecidedFinesAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DecidedFine>>([.. Fines.Where(d => d.DecidedOn >= from && d.DecidedOn < to)]);

    public Task<IReadOnlyList<DecidedCase>> DecidedAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DecidedCase>>([.. Decided.Where(d => d.DecidedOn >= from && d.DecidedOn < to)]);

    public Task<IReadOnlyList<ReviewedCase>> ReviewOutcomesAsync(DateOnly from, DateOnly to, CancellationToken ct) => Task.FromResult<IReadOnlyList<ReviewedCase>>([]);

    public Task<IReadOnlyList<CaseFacts>> FactsAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct) => Task.FromResult<IReadOnlyList<CaseFacts>>([]);

    public Task<IReadOnlyList<AgencyFines>> FinesByAgencyAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AgencyFines>>(Fined.Where(f => f.DecidedOn >= from && f.DecidedOn < to).GroupBy(f => f.AgencyId)
            .Select(g => new AgencyFines(g.Key, g.Sum(f => f.FineFen), g.Count())).ToList());

    public Task<IReadOnlyList<CaseLabel>> LabelsAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CaseLabel>>([.. Labels.Where(l => caseIds.Contains(l.CaseId))]);

    public Task<IReadOnlyList<AgencyWeighings>> WeighingsAsync(DateTimeOffset from, DateTimeOffset to, int maxIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AgencyWeighings>>(Weighings.Where(w => w.At >= from && w.At < to).GroupBy(w => w.AgencyId)
            .Select(g => new AgencyWeighings(g.Key, g.Sum(w => w.Weighed), g.Sum(w => w.Overloaded), [])).ToList());

    public Task<IReadOnlyList<AgencyReviewTimeliness>> ReviewTimelinessAsync(DateTimeOffset from, DateTimeOffset to, int maxIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AgencyReviewTimeliness>>([]);

    public Task<IReadOnlyList<VehicleOverloads>> VehicleOverloadsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<VehicleOverloads>>([]);

    public Task<IReadOnlyList<WeighingFacts>> DescribeWeighingsAsync(IReadOnlyCollection<long> weighingIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<WeighingFacts>>([]);
}

internal sealed class FakeIntegrity : IEvidenceIntegrity
{
    public ConcurrentDictionary<long, IntegrityProblem> Open { get; } = new();

    public Task<IReadOnlyList<IntegrityProblem>> OpenFindingsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<IntegrityProblem>>([.. Open.Values]);

    public IntegrityProblem Add(Guid agencyId, string kind = "mismatch")
    {
        var id = Interlocked.Increment(ref _next);
        var problem = new IntegrityProblem(id, Guid.NewGuid(), agencyId, kind, DateTimeOffset.UtcNow, new string('a', 64), kind == "missing" ? null : new string('b', 64), $"clip-{id}.mp4");
        Open[id] = problem;
        return problem;
    }

    private long _next;
}
