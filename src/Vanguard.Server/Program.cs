using Vanguard.Server.Components;
using Vanguard.Server.Data;
using Vanguard.Server.Hosting;
using Vanguard.Server.Modules.Audit;
using Vanguard.Server.Modules.Cases;
using Vanguard.Server.Modules.Complaints;
using Vanguard.Server.Modules.Credit;
using Vanguard.Server.Modules.Disclosure;
using Vanguard.Server.Modules.Offsite;
using Vanguard.Server.Modules.Evidence;
using Vanguard.Server.Modules.Online;
using Vanguard.Server.Modules.Organisation;
using Vanguard.Server.Modules.Payments;
using Vanguard.Server.Modules.Performance;
using Vanguard.Server.Modules.Registry;
using Vanguard.Server.Modules.Supervision;
using Vanguard.Server.Modules.Surveillance;
using Vanguard.Server.Modules.Terminal;
using Vanguard.Server.Modules.Warnings;

var builder = WebApplication.CreateBuilder(args);

builder.UseVanguardHosting();      // http://localhost:5080 unless --urls says otherwise; options; data directory
builder.AddVanguardDatabase();     // SQLite by default, PostgreSQL when configured
builder.AddVanguardApi();          // problem details, OpenAPI, rate limits, request limits
builder.AddVanguardScaleOut();     // SignalR and data-protection keys (through Redis when several nodes run); job claims

builder.AddOrganisation();         // agencies, officers, accounts, devices, jurisdiction
builder.AddAudit();                // hash-chained audit log (可溯)
builder.AddRegistry();             // 运政 registry: persons, organisations, vehicles, drivers
builder.AddCases();                // penalty cases: workflow, deadlines, case numbers, documents
builder.AddOffsite();              // 非现场执法: weigh-in-motion and plate-camera ingest, review, off-site cases
builder.AddEvidence();             // body-camera evidence: tus uploads, content-addressed blobs, custody, retention
builder.AddTerminal();             // 手持执法终端: duty, positions, tasks (SignalR push), roadside look-ups
builder.AddPayments();             // 缴纳罚款 online: orders, gateways (simulated for demo), signed callbacks, 加处罚款
builder.AddOnline();               // 不见面执法: the public's portal (/online) — look-up, evidence, statement, hearing, e-service
builder.AddSurveillance();         // 布控 + 统一指挥: watch-lists, plate-read matching, suspects, alerts, dispatch, webhooks
builder.AddComplaints();           // 投诉举报: 12328 intake, assignment, the two musts on timers, result, reply, return visit, breaches
builder.AddPerformance();          // 绩效评价: indicator catalogue, monthly scoring with drill-down, public board, objections
builder.AddDisclosure();           // 执法公开 (双公示): decisions published within 7 working days, masked; withdrawal; detection sites
builder.AddCredit();               // 信用监管: credit records, blacklists (公路安全保护条例 art. 66), credit repair, 源头治超
builder.AddWarnings();             // 问题预警: rules over platform data, warnings to the responsible leader with a deadline
builder.AddSupervision();          // 执法监督: officer trace (可溯) and the "八六四" discipline inspections

builder.AddWebUi();                // Blazor + AntDesign staff pages

var app = builder.Build();

if (AdminCommand.IsRequested(args))
{
    return await AdminCommand.RunAsync(app, args);
}

await StartupTasks.PrepareAsync(app, app.Lifetime.ApplicationStopping);

app.UseEvidenceUploads();          // tus headers and CORS on /api/v1/evidence/uploads
app.UseVanguardPipeline();

var api = app.MapVanguardApi();    // /api/v1, /openapi/v1.json, /docs, /health
api.MapOrganisation();
api.MapAudit();
api.MapRegistry();
api.MapCases();
api.MapOffsite();
api.MapEvidence();
api.MapTerminal();
api.MapPayments();                 // /api/v1/payments: orders of a case, gateway callbacks
api.MapOnline();                   // /api/v1/online/…: the party's API for apps, and the staff queue
api.MapSurveillance();             // /api/v1/surveillance/…: watch-lists, suspects, alerts, precision, command summary
api.MapComplaints();               // /api/v1/complaints: intake, steps of the two musts, warnings
api.MapPerformance();              // /api/v1/performance/…: indicators, runs, drill-down, scores (public), objections
api.MapDisclosure();               // /api/v1/disclosure/…: published decisions (public), detection sites, withdrawal
api.MapCredit();                   // /api/v1/credit/…: records, blacklists, repair, look-ups
api.MapWarnings();                 // /api/v1/warnings/…: rules, warnings, responses
api.MapSupervision();              // /api/v1/supervision/…: officer timelines, inspections
app.MapTerminalHub();              // /hubs/terminal: taskAssigned / taskChanged to the officer's terminals
app.MapCommandHub();               // /hubs/command: alertRaised / alertChanged to the command centre's screens
app.MapOnlinePortal();             // /online/forms/…: the portal pages' form posts (antiforgery)

app.MapWebUi();

await app.RunAsync();
return 0;

/// <summary>Visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
