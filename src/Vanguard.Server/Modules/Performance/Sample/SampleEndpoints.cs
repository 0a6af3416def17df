using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Performance.Sample;

/// <summary><c>/api/v1/performance/runs/{month}/{n}/agencies…</c>: a run's agency table and the evaluators' anonymised sample.</summary>
internal static class SampleEndpoints
{
    public static void MapSample(this RouteGroupBuilder performance)
    {
        performance.MapGet("/runs/{month}/{number:int}/agencies", async (string month, int number, SampleHandler h, HttpContext http) =>
                (await h.AgenciesAsync(month, number, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(PerformancePolicies.Read)
            .WithSummary("A run's agencies within your jurisdiction (computed or published): score, rank and points lost by indicator; no record ids.");
        performance.MapGet("/runs/{month}/{number:int}/agencies/{code}/sample", async (string month, int number, string code, int? size, SampleHandler h, HttpContext http) =>
                (await h.SampleAsync(month, number, code, size, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(PerformancePolicies.Read)
            .WithSummary("第三方评估抽样: per deduction a fixed sample (size 1–20, default 5) of its records with anonymised facts; evaluators see pseudonyms.");
    }
}
