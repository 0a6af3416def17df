using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Common.Idempotency;
using Vanguard.Server.Modules.Organisation.Contracts;
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
        builder.Services.Configure<AuthorizationOptions>(TerminalRecordsPolicies.Add);
        return builder;
    }

    public static RouteGroupBuilder MapTerminalRecords(this RouteGroupBuilder api)
    {
        api.MapRecordEndpoints();
        api.MapOnSpotPenaltyEndpoints();
        return api;
    }
}

public static class TerminalRecordsPolicies
{
    /// <summary>Makes records and on-the-spot decisions: officers in the field and case officers (the account must be linked to an officer).</summary>
    public const string Officer = "terminal-records-officer";

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Officer, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.FieldOfficer, Role.CaseOfficer, Role.AgencyAdmin, Role.ProvinceAdmin));
}
