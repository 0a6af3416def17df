using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Credit;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Common;
using Vanguard.Server.Common.Jobs;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Credit.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Contracts;
using CasePartyKind = Vanguard.Domain.Cases.PartyKind;
using RegistryPartyKind = Vanguard.Server.Modules.Registry.Contracts.PartyKind;

namespace Vanguard.Server.Modules.Credit.Jobs;

/// <summary>What one run did.</summary>
public sealed record CreditRunResult(int EventsWritten, int EventsVoided, int EntriesChanged, int EntriesExpired);

/// <summary>
/// Turns decisions into credit events (信用记录) and applies the blacklist rules to the subjects touched. Only decisions count
/// — a weighing that never became a penalty decision is no credit record — only those that punish (给予行政处罚, a warning
/// included): a decision not to punish records no violation; and only once served, when the decision takes effect (行政处罚法
/// art. 61; <see cref="CreditCorrections.Counts"/>). An unserved decision is read again when it is served (its case changes).
/// </summary>
internal sealed class CreditProcessor(
    VanguardDbContext db, ICaseDecisions decisions, IRegistry registry, BlacklistEvaluator evaluator, TimeProvider clock,
    ILogger<CreditProcessor> logger)
{
    private const string ReviewsCursor = "reviews";
    private const string DecisionsCursor = "decisions";

    /// <summary>Changed decisions read per run; a backlog (the first run over a full database) is worked off over a few runs.</summary>
    private const int DecisionsPerRun = 5_000;
    private const int ChunkSize = 500;

    public async Task<CreditRunResult> RunAsync(CancellationToken ct)
    {
        var now = StoredTime.Now(clock);
        var touched = new HashSet<(string Kind, string Key)>();

        // Decisions whose case changed since the last run (decided, served, a review recorded …), by a cursor over the case rows'
        // change time: a run reads what changed, not a window of days. Rows changed in the same instant as the last one read are
        // read again next time; writing is idempotent.
        var cursor = await CursorAsync(DecisionsCursor, ct);
        var changedCases = await decisions.ChangedSinceAsync(cursor.Value, DecisionsPerRun, ct);
        var found = changedCases.Select(c => c.Decision).ToList();
        var recorded = await db.Set<OverloadParties>().Where(p => p.ProcessedAt == null).OrderBy(p => p.RecordedAt).Take(ChunkSize).ToListAsync(ct);
        if (recorded.Count > 0)
        {
            found.AddRange(await decisions.OfCasesAsync(recorded.Select(p => p.CaseId).ToList(), ct));
        }

        var all = found.DistinctBy(d => d.CaseId).ToList();
        var written = 0;
        var voided = 0;
        foreach (var chunk in all.Chunk(ChunkSize))
        {
            var ids = chunk.Select(d => d.CaseId).ToList();
            var existing = await db.Set<CreditEvent>().Where(e => ids.Contains(e.CaseId)).ToListAsync(ct);
            var parties = (await db.Set<OverloadParties>().Where(p => ids.Contains(p.CaseId)).ToListAsync(ct)).ToDictionary(p => p.CaseId);
            var byCase = existing.ToLookup(e => e.CaseId);
            foreach (var decision in chunk.Where(d => CreditCorrections.Counts(d.Outcome == CaseOutcome.Penalty, d.ServedOn)))
            {
                var have = byCase[decision.CaseId].ToList();
                parties.TryGetValue(decision.CaseId, out var party);
                // The registry is asked once per case (its owner), when the case has no events yet.
                var owner = have.Count == 0 && decision.VehiclePlate is { } plate && decision.PlateColor is { } color
                    ? (await registry.FindVehicleAsync(plate, color, ct))?.Owner
                    : null;
                var added = new List<CreditEvent>();
                foreach (var e in EventsOf(decision, owner, party, now))
                {
                    if (have.Any(h => h.SubjectKind == e.SubjectKind && h.SubjectKey == e.SubjectKey && h.Role == e.Role))
                    {
                        continue;
                    }

                    db.Add(e);
                    have.Add(e);
                    added.Add(e);
                }

                // 变更 keeps the events (the violation stands); only 撤销 / 确认违法 void them.
                if (decision.Reviews.LastOrDefault(r => CreditCorrections.RemovesFinding(r.Result)) is { } removing)
                {
                    voided += Void(have, removing, now, touched);
                }

                party?.ProcessedAt ??= now;

                // Saved decision by decision: a clash on the unique index (another node wrote this decision's events first) skips
                // this decision only, and the two nodes converge.
                if (db.ChangeTracker.HasChanges() && await SaveStepAsync(ct))
                {
                    written += added.Count;
                    foreach (var e in added)
                    {
                        touched.Add((e.SubjectKind, e.SubjectKey));
                    }
                }
            }

            foreach (var p in parties.Values.Where(p => p.ProcessedAt is null))
            {
                p.ProcessedAt = now; // not a penalty, or not served yet (the decision is read again once served): nothing to write now
            }
        }

        if (changedCases.Count > 0)
        {
            cursor.Value = changedCases[^1].ChangedAt;
        }

        voided += await CorrectionsAsync(now, touched, ct);
        if (!await SaveStepAsync(ct))
        {
            return new CreditRunResult(written, 0, 0, 0);
        }

        var changed = 0;
        foreach (var (kind, key) in touched.Concat(await OwnersOfAsync(touched, ct)).Distinct())
        {
            changed += await evaluator.EvaluateAsync(kind, key, ct);
        }

        var expired = await evaluator.ExpireAsync(ct);
        return await SaveAsync(ct) ? new CreditRunResult(written, voided, changed, expired) : new CreditRunResult(written, voided, 0, 0);
    }

    /// <summary>Review and lawsuit outcomes recorded since the last run: one that removes the finding voids the case's events.</summary>
    private async Task<int> CorrectionsAsync(DateTimeOffset now, HashSet<(string Kind, string Key)> touched, CancellationToken ct)
    {
        var cursor = await CursorAsync(ReviewsCursor, ct);
        var reviews = await decisions.ReviewsRecordedSinceAsync(cursor.Value, 5_000, ct);
        var voided = 0;
        var corrected = reviews.Where(r => CreditCorrections.RemovesFinding(r.Result)).ToList();
        foreach (var chunk in corrected.Chunk(ChunkSize))
        {
            var ids = chunk.Select(r => r.CaseId).Distinct().ToList();
            var events = await db.Set<CreditEvent>().Where(e => ids.Contains(e.CaseId)).ToListAsync(ct);
            foreach (var review in chunk)
            {
                voided += Void(events.Where(e => e.CaseId == review.CaseId).ToList(),
                    new CaseReviewFact(review.Kind, review.Result, review.DecidedOn, review.Organ, review.DocumentNumber), now, touched);
            }
        }

        if (reviews.Count > 0)
        {
            // Outcomes recorded in the same millisecond as the last one read are read again next time; voiding is idempotent.
            cursor.Value = reviews[^1].RecordedAt;
        }

        return voided;
    }

    private async Task<CreditCursor> CursorAsync(string name, CancellationToken ct)
    {
        var cursor = await db.Set<CreditCursor>().FindAsync([name], ct);
        if (cursor is null)
        {
            cursor = new CreditCursor { Name = name, Value = DateTimeOffset.UnixEpoch };
            db.Add(cursor);
        }

        return cursor;
    }

    private static int Void(List<CreditEvent> events, CaseReviewFact review, DateTimeOffset now, HashSet<(string Kind, string Key)> touched)
    {
        var count = 0;
        foreach (var e in events.Where(e => !e.Voided))
        {
            e.Voided = true;
            e.VoidedAt = now;
            e.VoidReason = $"{ReviewOutcomes.KindZh(review.Kind)}（{review.Organ} {review.DecidedOn:yyyy-MM-dd}）：{ReviewOutcomes.ResultZh(review.Kind, review.Result)}";
            touched.Add((e.SubjectKind, e.SubjectKey));
            count++;
        }

        return count;
    }

    /// <summary>The owner enterprises of the vehicles touched: their 10 % rate may have changed.</summary>
    private async Task<IEnumerable<(string Kind, string Key)>> OwnersOfAsync(HashSet<(string Kind, string Key)> touched, CancellationToken ct)
    {
        var vehicles = touched.Where(t => t.Kind == CreditSubjectKind.Vehicle).Select(t => t.Key).ToList();
        var owners = new List<(string, string)>();
        foreach (var chunk in vehicles.Chunk(ChunkSize))
        {
            var cases = await db.Set<CreditEvent>().Where(e => e.SubjectKind == CreditSubjectKind.Vehicle && chunk.Contains(e.SubjectKey))
                .Select(e => e.CaseId).Distinct().ToListAsync(ct);
            owners.AddRange((await db.Set<CreditEvent>().Where(e => cases.Contains(e.CaseId) && e.Role == CreditRole.Owner)
                    .Select(e => e.SubjectKey).Distinct().ToListAsync(ct))
                .Select(k => (CreditSubjectKind.Organisation, k)));
        }

        return owners;
    }

    /// <summary>
    /// Saves one step. A unique-index clash means another node wrote the same rows (events, the cursor) first: the rows this run
    /// added are dropped — the other node's stand — and the rest of the step (updates) is saved.
    /// </summary>
    private async Task<bool> SaveStepAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            logger.LogWarning(ex, "Credit run: rows written by another node first are skipped");
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }

            return await SaveAsync(ct);
        }
    }

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex)
        {
            // Another node wrote the same events or proposed the same listing first (unique indexes): its work stands, this run's
            // is dropped and the next run finds nothing left to do.
            logger.LogWarning(ex, "Credit run lost a race with another node; retrying next period");
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The events of one decision: the vehicle, the party, the vehicle's owner enterprise, and the recorded driver and source unit.</summary>
    internal static IEnumerable<CreditEvent> EventsOf(CaseDecision d, PartyInfo? owner, OverloadParties? recorded, DateTimeOffset now)
    {
        CreditEvent Make(string kind, string key, string name, string role) => new()
        {
            CaseId = d.CaseId, AgencyId = d.AgencyId, SubjectKind = kind, SubjectKey = key, SubjectName = name, Role = role, CaseNumber = d.DocumentNumber,
            OffenceCode = d.OffenceCode, OffenceName = d.OffenceName, IsOverload = d.IsOverload, ActOn = d.ActOn ?? d.DecidedOn, DecidedOn = d.DecidedOn,
            FineFen = d.FineFen, CreatedAt = now,
        };

        if (d.VehiclePlate is { } plate && d.PlateColor is { } color && PlateNumber.IsValid(PlateNumber.Normalise(plate)))
        {
            var key = CreditSubjectKind.VehicleKey(plate, color);
            yield return Make(CreditSubjectKind.Vehicle, key, PlateNumber.Normalise(plate), CreditRole.Vehicle);
        }

        if (d.PartyIdNumber?.Trim().ToUpperInvariant() is { } number)
        {
            if (d.PartyKind == CasePartyKind.Person && ResidentIdNumber.IsValid(number))
            {
                yield return Make(CreditSubjectKind.Person, number, d.PartyName, CreditRole.Party);
            }
            else if (d.PartyKind == CasePartyKind.Organisation && UnifiedSocialCreditCode.IsValid(number))
            {
                yield return Make(CreditSubjectKind.Organisation, number, d.PartyName, CreditRole.Party);
            }
        }

        if (owner is { Kind: RegistryPartyKind.Organisation } && UnifiedSocialCreditCode.IsValid(owner.Number))
        {
            yield return Make(CreditSubjectKind.Organisation, owner.Number, owner.Name, CreditRole.Owner);
        }

        if (d.IsOverload && recorded is not null)
        {
            if (recorded.DriverIdNumber is { } driver)
            {
                yield return Make(CreditSubjectKind.Person, driver, recorded.DriverName ?? driver[..6], CreditRole.Driver);
            }

            if (recorded.SourceCreditCode is { } source)
            {
                yield return Make(CreditSubjectKind.Organisation, source, recorded.SourceName ?? source, CreditRole.Source);
            }
        }
    }
}

/// <summary>Runs the <see cref="CreditProcessor"/> at start-up and every <c>RunMinutes</c>, as the platform (all jurisdictions).</summary>
internal sealed class CreditJob(IServiceScopeFactory scopes, JobClaims claims, IOptions<CreditOptions> options, ILogger<CreditJob> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>One run now; public so tests and tools need not wait for the timer. Runs on one node do not overlap.</summary>
    public async Task<CreditRunResult> RunOnceAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
            var result = await scope.ServiceProvider.GetRequiredService<CreditProcessor>().RunAsync(ct);
            if ((result.EventsWritten > 0 || result.EntriesChanged > 0) && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation(
                    "Credit: {Events} events written, {Voided} voided, {Changed} blacklist entries proposed or lifted, {Expired} expired",
                    result.EventsWritten, result.EventsVoided, result.EntriesChanged, result.EntriesExpired);
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The first run waits a little so that the demo data of the start-up tasks is there.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.JobEnabled
        ? claims.RunEachPeriodAsync("credit.processing", TimeSpan.FromMinutes(options.Value.RunMinutes), RunOnceAsync, stoppingToken, firstDelay: TimeSpan.FromSeconds(20))
        : Task.CompletedTask;
}
