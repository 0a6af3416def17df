using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Modules.Complaints.Data;
using Vanguard.Server.Modules.Offsite.Data;

namespace Vanguard.Server.Tests.Security.Fuzz;

/// <summary>
/// Issue 11 item 7: a fuzzing run over the device and public endpoints gets only 4xx problem details, never a 500, and
/// stores no bad record. Deterministic: a failure names the seed, the target and the iteration, and shows the request.
/// </summary>
public sealed class FuzzTests(FuzzFactory factory) : IClassFixture<FuzzFactory>
{
    public static TheoryData<string> Targets => [.. FuzzTargets.ExplicitKeys];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Endpoint_UnderFuzzing_AnswersOnlyProblemDetails_AndStoresNoBadRecord(string key)
    {
        var state = await factory.StateAsync();
        var target = FuzzTargets.WithLimitOf(FuzzTargets.Explicit(key, state), FuzzCoverageTests.RoutesByKey(factory.Services).GetValueOrDefault(key));
        using var client = factory.RawClient();
        if (target.AntiforgeryFrom is { } page)
        {
            await state.LoadAntiforgeryAsync(client, [page]);
            state.AntiforgeryToken(target).ShouldNotBeNull($"no antiforgery token on {page}");
        }

        var before = await StoredAsync(state);

        var (outcomes, failures) = await FuzzRunner.RunAsync(client, target, state);

        failures.AddRange(await StoredRecordFaultsAsync(key, state, before, outcomes));
        failures.ShouldBeEmpty(Summary(failures));
        // The example is valid: the run reached the handler, not only the parser.
        outcomes[0].Status.ShouldBeLessThan(500);
    }

    [Fact]
    public async Task ReadsAndPages_UnderFuzzing_AnswerOnlyProblemDetails()
    {
        var state = await factory.StateAsync();
        var routes = FuzzCoverageTests.RoutesByKey(factory.Services);
        var targets = (await EndpointCatalogue.ReachableAsync(factory.Services))
            .Where(e => !FuzzTargets.Exclusions.Any(x => x.Matches(e)) && !FuzzTargets.ExplicitKeys.Contains(e.Key))
            .Where(e => FuzzTargets.GenericCovers(e, routes.GetValueOrDefault(e.Key)))
            .Select(e => FuzzTargets.Generic(e, routes.GetValueOrDefault(e.Key), state))
            .ToList();
        using var client = factory.RawClient();
        await state.LoadAntiforgeryAsync(client, targets.Select(t => t.AntiforgeryFrom).OfType<string>());
        var failures = new List<string>();

        foreach (var target in targets)
        {
            failures.AddRange((await FuzzRunner.RunAsync(client, target, state)).Failures);
        }

        targets.Count.ShouldBeGreaterThan(20);
        failures.ShouldBeEmpty(Summary(failures));
    }

    [Fact]
    public async Task Logout_WithADeviceKey_IsForbidden_NotAServerError()
    {
        var state = await factory.StateAsync();

        var response = await factory.AsDevice(state.DeviceKeys[FuzzCallers.Wim]).PostAsync("/api/v1/auth/logout", null, ApiClient.Ct);

        await response.ShouldBeProblemAsync(System.Net.HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task PageWithAQueryValueOfTheWrongType_IsABadRequest_NotAServerError()
    {
        using var client = factory.RawClient();

        var response = await client.GetAsync("/disclosure?page=NaN", ApiClient.Ct);

        await response.ShouldBeProblemAsync(System.Net.HttpStatusCode.BadRequest, "request.malformed_query");
    }

    private static string Summary(List<string> failures) =>
        $"{failures.Count} bad answers (replay with VANGUARD_FUZZ_SEED={FuzzRunner.Seed}); the first ones:\n\n" + string.Join("\n\n", failures.Take(6));

    private sealed record Stored(int Wim, int Anpr, int Complaints);

    private Task<Stored> StoredAsync(FuzzState state) => factory.WithDbAsync(async db => new Stored(
        await db.Set<WimRecord>().CountAsync(r => r.DeviceId == state.WimDeviceId, ApiClient.Ct),
        await db.Set<AnprRead>().CountAsync(r => r.DeviceId == state.AnprDeviceId, ApiClient.Ct),
        await db.Set<Complaint>().CountAsync(ApiClient.Ct)));

    /// <summary>
    /// After the run: exactly the records the answers acknowledged were stored (so nothing refused slipped in, and no
    /// injected SQL deleted or added rows), and every stored one passes the rules a record is accepted by.
    /// </summary>
    private async Task<List<string>> StoredRecordFaultsAsync(string key, FuzzState state, Stored before, List<FuzzOutcome> outcomes)
    {
        var after = await StoredAsync(state);
        var faults = new List<string>();
        var accepted = outcomes.Where(o => o.Status == 200 && o.Body.StartsWith('{'))
            .Sum(o => JsonNode.Parse(o.Body)?["accepted"] is JsonValue v ? v.GetValue<int>() : 0);
        var created = outcomes.Count(o => o.Status == 201);
        switch (key)
        {
            case "POST /api/v1/offsite/wim-records":
                if (after.Wim - before.Wim != accepted)
                {
                    faults.Add($"{after.Wim - before.Wim} weighings stored, {accepted} acknowledged");
                }

                var weighings = await factory.WithDbAsync(db => db.Set<WimRecord>().Where(r => r.DeviceId == state.WimDeviceId).ToListAsync(ApiClient.Ct));
                faults.AddRange(weighings.Select(r => WimFault(r) is { } fault ? $"stored weighing {r.RecordId}: {fault}" : null).OfType<string>());
                break;
            case "POST /api/v1/offsite/anpr-reads":
                if (after.Anpr - before.Anpr != accepted)
                {
                    faults.Add($"{after.Anpr - before.Anpr} plate reads stored, {accepted} acknowledged");
                }

                var reads = await factory.WithDbAsync(db => db.Set<AnprRead>().Where(r => r.DeviceId == state.AnprDeviceId).ToListAsync(ApiClient.Ct));
                faults.AddRange(reads.Select(r => AnprFault(r) is { } fault ? $"stored plate read {r.ReadId}: {fault}" : null).OfType<string>());

                break;
            case "POST /api/v1/complaints/" or "POST /api/v1/public/complaints/":
                // A resent hotline ticket answers 201 with the first complaint (idempotent by ticket): at most one row per 201.
                if (after.Complaints - before.Complaints > created || (key.Contains("public", StringComparison.Ordinal) && after.Complaints - before.Complaints != created))
                {
                    faults.Add($"{after.Complaints - before.Complaints} complaints stored, {created} acknowledged with 201");
                }

                break;
        }

        foreach (var pending in faults.Where(f => FuzzTargets.PendingStoredFaults.Any(p => f.EndsWith(p, StringComparison.Ordinal))).ToList())
        {
            TestContext.Current.TestOutputHelper?.WriteLine("pending fix: " + pending);
            faults.Remove(pending);
        }

        return faults;
    }

    private static string? WimFault(WimRecord r) => r switch
    {
        _ when string.IsNullOrWhiteSpace(r.RecordId) || r.RecordId.Length > 64 => "record id empty or over 64 characters",
        _ when !PlateNumber.IsValid(r.Plate) => "plate not GA 36",
        _ when PlateColor.Parse(r.PlateColor) is null => "plate colour unknown",
        _ when r.VehicleKind is not ("truck" or "combination") => "vehicle kind unknown",
        _ when r.AxleCount is < 2 or > 12 || r.AxleWeightsKg.Split(',').Length != r.AxleCount => "axles inconsistent",
        _ when r.GrossWeightKg is <= 0 or > 200_000 => "gross weight out of range",
        _ when r.SpeedDeciKmh < 0 => "negative speed",
        _ when r.CapturedAtMs > r.ReceivedAtMs + (long)TimeSpan.FromMinutes(10).TotalMilliseconds => "captured in the future",
        _ when r.ImagesJson is { Length: > 2_000 } => "image list over its column",
        _ => null,
    };

    private static string? AnprFault(AnprRead r) => r switch
    {
        _ when r.ReadId.Length == 0 || r.ReadId.Length > 64 => "read id empty or over 64 characters",
        _ when string.IsNullOrWhiteSpace(r.ReadId) => "blank read id",
        _ when !PlateNumber.IsValid(r.Plate) => "plate not GA 36",
        _ when PlateColor.Parse(r.PlateColor) is null => "plate colour unknown",
        _ when r.ConfidencePermille is < 0 or > 1_000 => "confidence out of 0–1",
        _ when r.Direction is { Length: > 16 } => "direction over its 16-character column",
        _ when r.ImageSha256 is { } sha && (sha.Length != 64 || !sha.All(char.IsAsciiHexDigit)) => "image hash not a SHA-256",
        _ when r.CapturedAtMs > r.ReceivedAtMs + (long)TimeSpan.FromMinutes(10).TotalMilliseconds => "captured in the future",
        _ => null,
    };
}
