using Vanguard.Server.Common.Idempotency;
using Vanguard.Server.Modules.Terminal.Records.Features;

namespace Vanguard.Server.Modules.Terminal.Records;

/// <summary>
/// The officer's terminal, hand 2 (docs/terminal.md): on-site records (现场笔录) and the simplified procedure (简易程序).
/// Registered by <see cref="TerminalModule"/>; the Idempotency-Key machinery it uses is shared (Common/Idempotency).
/// </summary>
public static class TerminalRecordsSetup
{
    public static WebApplicationBuilder AddTerminalRecords(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdempotency();
        builder.Services.AddScoped<RecordsHandler>();
        builder.Services.AddScoped<OnSpotPenaltiesHandler>();
        return builder;
    }

    public static RouteGroupBuilder MapTerminalRecords(this RouteGroupBuilder api)
    {
        api.MapRecordEndpoints();
        api.MapOnSpotPenaltyEndpoints();
        return api;
    }
}
