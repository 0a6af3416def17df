using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Disclosure;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Disclosure.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Disclosure.Publication;

/// <summary>What one publication run did.</summary>
public sealed record PublicationRun(int Published, int Withdrawn);

/// <summary>
/// Publishes the penalty decisions not yet published (masked at write time) and withdraws those a review or lawsuit corrected.
/// Runs as the platform. Safe on two nodes: an entry is unique per case (the loser's row is dropped), a withdrawal checks the
/// entry's version.
/// </summary>
internal sealed class DisclosurePublisher(
    VanguardDbContext db,
    ICaseDecisions decisions,
    ILegalCalendar legalCalendar,
    IAgencyDirectory agencies,
    IAuditLog audit,
    TimeProvider clock,
    IOptions<DisclosureOptions> options)
{
    public const string SystemActor = "system";

    /// <param name="fullSweep">Look back over the whole publication period (decisions entered late, reviews recorded long after),
    /// not only the recent window.</param>
    public async Task<PublicationRun> RunAsync(bool fullSweep, CancellationToken ct)
    {
        var o = options.Value;
        var today = LegalClock.Today(clock);
        var from = fullSweep ? today.AddMonths(-o.Period.LongestMonths) : today.AddDays(-o.WindowDays);
        var decided = await decisions.DecidedAsync(from, today.AddDays(1), ct);
        var ids = decided.Select(d => d.CaseId).ToList();
        var known = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(1_000))
        {
            known.UnionWith(await db.Set<DisclosureEntry>().AsNoTracking().Where(e => chunk.Contains(e.CaseId)).Select(e => e.CaseId).ToListAsync(ct));
        }

        var calendar = await legalCalendar.CurrentAsync(ct);
        var published = 0;
        foreach (var d in decided.Where(d => !known.Contains(d.CaseId) && MustPublish(d)))
        {
            var entry = Compose(d, calendar, today);
            db.Add(entry);
            audit.Record("disclosure.publish", "disclosure", entry.Id.ToString(),
                new { entry.CaseId, entry.DocumentNumber, entry.DecidedOn, entry.DueOn, entry.PublishedOn }, entry.AgencyId);
            if (d.Corrected)
            {
                // Set aside before it was ever shown: recorded as published and withdrawn in one step, never listed.
                Withdraw(entry, entry.PublishedAt, ReviewNote(d.Reviews.Last(r => ReviewOutcomes.IsCorrection(r.Result))), SystemActor, "review");
            }

            if (await SaveAsync(ct))
            {
                published++;
            }
        }

        var corrected = decided.Where(d => d.Corrected).ToDictionary(d => d.CaseId, d => ReviewNote(d.Reviews.Last(r => ReviewOutcomes.IsCorrection(r.Result))));
        if (fullSweep)
        {
            // Reviews recorded long after the decision: every entry still in force is checked against its case.
            var inForce = await db.Set<DisclosureEntry>().AsNoTracking().Where(e => e.WithdrawnAt == null).Select(e => e.CaseId).ToListAsync(ct);
            var ofInForce = await decisions.OfCasesAsync(inForce, ct);
            foreach (var d in ofInForce)
            {
                if (d.Corrected)
                {
                    corrected[d.CaseId] = ReviewNote(d.Reviews.Last(r => ReviewOutcomes.IsCorrection(r.Result)));
                }
            }

            await RegenerateFactsAsync(ofInForce, ct);
        }
        else
        {
            var since = clock.GetUtcNow().AddDays(-o.WindowDays);
            foreach (var r in await decisions.ReviewsRecordedSinceAsync(since, 10_000, ct))
            {
                if (r.Corrected)
                {
                    corrected[r.CaseId] = ReviewNote(new CaseReviewFact(r.Kind, r.Result, r.DecidedOn, r.Organ, r.DocumentNumber));
                }
            }
        }

        var withdrawn = 0;
        foreach (var chunk in corrected.Keys.Chunk(1_000))
        {
            var entries = await db.Set<DisclosureEntry>().Where(e => chunk.Contains(e.CaseId) && e.WithdrawnAt == null).ToListAsync(ct);
            foreach (var entry in entries)
            {
                Withdraw(entry, StoredTime.Now(clock), corrected[entry.CaseId], SystemActor, "review");
                audit.Record("disclosure.withdraw", "disclosure", entry.Id.ToString(), new { entry.CaseId, entry.WithdrawalKind, entry.WithdrawalNote }, entry.AgencyId);
                if (await SaveAsync(ct))
                {
                    withdrawn++;
                }
            }
        }

        return new PublicationRun(published, withdrawn);
    }

    /// <summary>
    /// 双公示 publishes 行政处罚 decisions: a fine, a warning or both (行政处罚法 art. 48: 具有一定社会影响的行政处罚决定应当依法公开).
    /// A decision not to punish (不予行政处罚) or a transfer to the judicial organs is not a penalty and is not published.
    /// </summary>
    public static bool MustPublish(CaseDecision d) => d.Outcome == CaseOutcome.Penalty;

    /// <summary>
    /// 不予公开 before publication: the entry is written (so the job never publishes the decision) already withdrawn, kind
    /// <c>withheld</c>, with the reason (政府信息公开条例 art. 14: 国家秘密, 危及安全稳定; art. 15: 商业秘密, 个人隐私).
    /// </summary>
    public const string WithheldKind = "withheld";

    internal static void Withdraw(DisclosureEntry entry, DateTimeOffset at, string note, string by, string kind)
    {
        entry.WithdrawnAt = at;
        entry.WithdrawnBy = by;
        entry.WithdrawalKind = kind;
        entry.WithdrawalNote = note;
        entry.Version++;
    }

    /// <summary>经行政复议撤销（郑州市人民政府，郑政复决〔2023〕15号，2023-05-10）.</summary>
    public static string ReviewNote(CaseReviewFact r) =>
        $"经{ReviewOutcomes.KindZh(r.Kind)}{ReviewOutcomes.ResultZh(r.Kind, r.Result)}（{r.Organ}，{r.DocumentNumber}，{r.DecidedOn:yyyy-MM-dd}），撤回公示。";

    internal DisclosureEntry Compose(CaseDecision d, Domain.Calendar.IHolidayCalendar calendar, DateOnly today)
    {
        var person = d.PartyKind == PartyKind.Person;
        var party = new DisclosureParty(person, d.PartyName, d.PartyIdNumber, d.PartyPhone, d.PartyAddress, d.VehiclePlate);
        var shown = DisclosureMask.Party(party, options.Value.PublishOrganisationPlates);
        var now = StoredTime.Now(clock);
        return new DisclosureEntry
        {
            Id = Guid.CreateVersion7(),
            CaseId = d.CaseId,
            AgencyId = d.AgencyId,
            AgencyName = agencies.Current.Find(d.AgencyId)?.Name ?? string.Empty,
            DocumentNumber = d.DocumentNumber,
            PartyKind = person ? "person" : "organisation",
            PartyName = shown.Name,
            PartyIdNumber = shown.IdNumber,
            LegalRepresentative = shown.LegalRepresentative,
            VehiclePlate = shown.Plate,
            PartyAddress = shown.Address,
            OffenceCode = d.OffenceCode,
            OffenceName = d.OffenceName,
            // Generated, never the officer's text (DisclosureFacts): other people's names, addresses and numbers hide in free text.
            Facts = Cut(DisclosureFacts.Compose(person, shown, d.ActOn, d.OffenceName, d.ViolationBasis), 4000),
            ViolationBasis = Cut(d.ViolationBasis, 500),
            PenaltyBasis = Cut(d.PenaltyBasis, 500),
            Penalty = PenaltyText(d.FineFen, d.Warning),
            FineFen = d.FineFen is > 0 ? d.FineFen : null,
            Warning = d.Warning,
            Procedure = d.Procedure switch
            {
                CaseProcedure.Ordinary => "ordinary",
                CaseProcedure.Simplified => "simplified",
                CaseProcedure.Offsite => "offsite",
            },
            DecidedOn = d.DecidedOn,
            DueOn = DisclosureDeadline.DueOn(d.DecidedOn, calendar),
            PublishedAt = now,
            PublishedOn = today,
            ExpiresOn = options.Value.Period.ExpiresOn(today, person),
        };
    }

    /// <summary>
    /// Entries published when the facts were the officer's text (scrubbed, and leaking other people's names and numbers) get the
    /// generated sentence, built from the entry's own masked party and plate. Idempotent: only a differing text is written.
    /// </summary>
    private async Task RegenerateFactsAsync(IReadOnlyList<CaseDecision> ofInForce, CancellationToken ct)
    {
        var actOn = ofInForce.ToDictionary(d => d.CaseId, d => d.ActOn);
        foreach (var chunk in actOn.Keys.Chunk(1_000))
        {
            var entries = await db.Set<DisclosureEntry>().Where(e => chunk.Contains(e.CaseId) && e.WithdrawnAt == null).ToListAsync(ct);
            foreach (var entry in entries)
            {
                var shown = new DisclosedParty(entry.PartyName, entry.PartyIdNumber, entry.LegalRepresentative, entry.VehiclePlate, entry.PartyAddress);
                var facts = Cut(DisclosureFacts.Compose(entry.PartyKind == "person", shown, actOn[entry.CaseId], entry.OffenceName, entry.ViolationBasis), 4000);
                if (entry.Facts != facts)
                {
                    entry.Facts = facts;
                    audit.Record("disclosure.facts_regenerated", "disclosure", entry.Id.ToString(), new { entry.CaseId }, entry.AgencyId);
                }
            }

            await SaveAsync(ct);
        }
    }

    /// <summary>处罚内容: 警告 / 罚款 1,000 元 / 警告并罚款 1,000 元.</summary>
    public static string PenaltyText(long? fineFen, bool warning) =>
        string.Join("并", new[] { warning ? "警告" : null, fineFen is > 0 ? $"罚款 {CaseWorkflow.Yuan(fineFen.Value)} 元" : null }.Where(t => t is not null))
        is { Length: > 0 } text ? text : "行政处罚";

    private static string? Cut(string? text, int max) => text is { } t && t.Length > max ? t[..max] : text;

    /// <summary>Saves the staged change; a conflict with another node (same case published, entry changed) drops it.</summary>
    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
