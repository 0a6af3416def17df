using Microsoft.AspNetCore.Authorization;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Cases.Features;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Cases;

/// <summary>Administrative-penalty cases (行政处罚案件): workflow, legal time limits, case numbers, documents, legal review.</summary>
public static class CasesModule
{
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CasesOptions>().Bind(builder.Configuration.GetSection("Vanguard:Cases"));
        builder.Services.AddSingleton<CaseNumbers>();
        builder.Services.AddSingleton<CaseCalendars>();
        builder.Services.AddSingleton<Contracts.ILegalCalendar>(sp => sp.GetRequiredService<CaseCalendars>());
        builder.Services.AddScoped<CaseIntake>();
        builder.Services.AddScoped<Contracts.ICaseIntake>(sp => sp.GetRequiredService<CaseIntake>());
        builder.Services.AddScoped<Contracts.ICaseDocuments>(sp => sp.GetRequiredService<CaseIntake>());
        builder.Services.AddScoped<Contracts.ICaseExecution>(sp => sp.GetRequiredService<CaseIntake>());
        builder.Services.AddScoped<CasesHandler>();
        builder.Services.AddScoped<CaseDocumentsHandler>();
        builder.Services.AddSingleton<Documents.CaseDocumentRenderer>();
        builder.Services.AddScoped<Contracts.ICaseDirectory, CaseDirectory>();
        builder.Services.AddScoped<Contracts.ICasePortal, CasePortal>();
        builder.Services.AddScoped<Contracts.ICaseStatistics, CaseStatistics>(); // for the performance evaluation's case indicators
        builder.Services.AddScoped<Contracts.ICaseDecisions, CaseDecisions>();   // disclosure, credit and early warning act on decisions
        builder.Services.AddScoped<Contracts.ICaseWarningFacts, CaseWarningFacts>(); // early warning: deadlines, departures, top of range
        builder.Services.AddSingleton<Contracts.IDocumentFonts, DocumentFonts>();
        builder.Services.Configure<AuthorizationOptions>(CasesPolicies.Add);
        return builder;
    }

    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        api.MapCaseEndpoints();
        api.MapCaseSettings();
        api.MapCaseDocuments();
        api.MapPenalties();
        return api;
    }
}

public static class CasesPolicies
{
    /// <summary>Acts on cases: case officers, field officers (on-the-spot), legal reviewers (their review) and admins.</summary>
    public const string Handle = "cases-handle";

    /// <summary>Province-wide legal settings: the holiday calendar and hearing thresholds.</summary>
    public const string ProvinceAdmin = "cases-province-admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Handle, p => p.RequireClaim(VanguardClaims.ActorKind, "person")
            .RequireRole(Role.CaseOfficer, Role.FieldOfficer, Role.LegalReviewer, Role.AgencyAdmin, Role.ProvinceAdmin));
        options.AddPolicy(ProvinceAdmin, p => p.RequireClaim(VanguardClaims.ActorKind, "person").RequireRole(Role.ProvinceAdmin));
    }
}
