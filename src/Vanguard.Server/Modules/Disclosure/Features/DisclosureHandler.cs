using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Disclosure;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Disclosure.Data;
using Vanguard.Server.Modules.Disclosure.Publication;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Disclosure.Features;

/// <summary>The public list and detail (masked text only, every agency), the detection sites, and the staff queue with withdrawal.</summary>
internal sealed class DisclosureHandler(
    VanguardDbContext db,
    ICaseDecisions decisions,
    ILegalCalendar legalCalendar,
    IAgencyDirectory agencies,
    IDeviceDirectory devices,
    ICurrentActor actor,
    IAuditLog audit,
    DisclosurePublisher publisher,
    TimeProvider clock)
{
    /// <summary>In-force publications: not withdrawn and not past their 公示期. Read across jurisdictions: they are public.</summary>
    private IQueryable<DisclosureEntry> InForce(DateOnly today) =>
        db.Set<DisclosureEntry>().IgnoreQueryFilters().AsNoTracking().Where(e => e.WithdrawnAt == null && e.ExpiresOn >= today);

    public async Task<Result<Page<PublicDecision>>> PublicListAsync(string? q, string? agencyCode, string? month, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = PageRequest.From(page, pageSize);
        var query = InForce(LegalClock.Today(clock));
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (ParseMonth(month) is not { } first)
            {
                return DisclosureErrors.BadMonth;
            }

            var next = first.AddMonths(1);
            query = query.Where(e => e.DecidedOn >= first && e.DecidedOn < next);
        }

        if (!string.IsNullOrWhiteSpace(agencyCode))
        {
            var tree = agencies.Current;
            var subtree = tree.FindByCode(agencyCode.Trim()) is { } a ? tree.Subtree(a.Id).ToList() : [];
            query = query.Where(e => subtree.Contains(e.AgencyId));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(e => (e.DocumentNumber != null && e.DocumentNumber.Contains(term)) || e.OffenceName.Contains(term) || e.PartyName.Contains(term));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.DecidedOn).ThenByDescending(e => e.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(e => new PublicDecision(e.Id, e.DocumentNumber, e.AgencyName, e.PartyKind, e.PartyName, e.OffenceName, e.Penalty, e.DecidedOn, e.PublishedOn, e.ExpiresOn))
            .ToListAsync(ct);
        return new Page<PublicDecision>(items, paging.Page, paging.PageSize, total);
    }

    public async Task<Result<PublicDecisionDetail>> PublicDetailAsync(Guid id, CancellationToken ct)
    {
        var e = await InForce(LegalClock.Today(clock)).SingleOrDefaultAsync(x => x.Id == id, ct);
        return e is null
            ? DisclosureErrors.NotFound
            : new PublicDecisionDetail(
                e.Id, e.DocumentNumber, e.AgencyName, e.PartyKind, e.PartyName, e.PartyIdNumber, e.LegalRepresentative, e.VehiclePlate, e.PartyAddress,
                e.OffenceName, e.Facts, e.ViolationBasis, e.PenaltyBasis, e.Penalty, e.FineFen, e.Warning, e.Procedure, e.DecidedOn, e.PublishedOn, e.ExpiresOn);
    }

    /// <summary>The agencies down to the county (大队) level, for the public filter (a filter takes the agency's whole subtree).</summary>
    public IReadOnlyList<AgencyInfo> PublicAgencies() =>
        agencies.Current.All.Where(a => a.Level <= 3).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();

    /// <summary>WIM stations and plate cameras of every agency, with their verification status today (行政处罚法 art. 41).</summary>
    public async Task<IReadOnlyList<DetectionSite>> SitesAsync(string? agencyCode, CancellationToken ct)
    {
        var today = LegalClock.Today(clock);
        var tree = agencies.Current;
        HashSet<Guid>? subtree = null;
        if (!string.IsNullOrWhiteSpace(agencyCode))
        {
            subtree = tree.FindByCode(agencyCode.Trim()) is { } a ? tree.Subtree(a.Id) : [];
        }

        var list = await devices.ListAsync([DeviceKind.WimStation, DeviceKind.AnprCamera], ct);
        return list.Where(d => subtree is null || subtree.Contains(d.AgencyId))
            .OrderBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Code, StringComparer.Ordinal)
            .Select(d =>
            {
                // 检定 concerns measuring instruments (计量法 art. 9, 强制检定): the weigh-in-motion station. A plate camera measures nothing.
                var verification = d.Kind != DeviceKind.WimStation ? (d.CertificateNumber is null ? "not_required" : d.IsCertifiedOn(today) ? "valid" : "expired")
                    : d.IsCertifiedOn(today) ? "valid"
                    : d.CertificateNumber is null ? "missing"
                    : "expired";
                return new DetectionSite(
                    d.Code, d.Name, d.Kind, DeviceKind.NameZh(d.Kind), d.Location, d.Latitude, d.Longitude, tree.Find(d.AgencyId)?.Name ?? string.Empty,
                    d.CertificateNumber, d.CertificateValidUntil, verification, VerificationZh(verification));
            })
            .ToList();
    }

    public static string VerificationZh(string v) => v switch
    {
        "valid" => "检定有效",
        "expired" => "检定过期",
        "missing" => "未检定",
        _ => "非计量设备，无需检定",
    };

    /// <summary>The decisions of a month in the caller's jurisdiction with their publication status.</summary>
    public async Task<Result<ManageQueue>> QueueAsync(string? month, string? status, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var today = LegalClock.Today(clock);
        var first = string.IsNullOrWhiteSpace(month) ? new DateOnly(today.Year, today.Month, 1) : ParseMonth(month);
        if (first is not { } from)
        {
            return DisclosureErrors.BadMonth;
        }

        var rows = await MonthAsync(from, today, ct);
        var counts = DisclosureStatus.All.ToDictionary(s => s, s => rows.Count(r => r.Status == s));
        var required = rows.Count(r => r.Status is not (DisclosureStatus.Exempt or DisclosureStatus.Withheld));
        var late = rows.Count(r => IsLate(r, today));
        var filtered = rows.AsEnumerable();
        if (!string.IsNullOrWhiteSpace(status))
        {
            filtered = filtered.Where(r => r.Status == status.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            filtered = filtered.Where(r => (r.DocumentNumber?.Contains(term, StringComparison.Ordinal) ?? false)
                || r.OffenceName.Contains(term, StringComparison.Ordinal) || r.PartyName.Contains(term, StringComparison.Ordinal));
        }

        var list = filtered.ToList();
        var paging = PageRequest.From(page, pageSize);
        return new ManageQueue(
            from.ToString("yyyy-MM", CultureInfo.InvariantCulture), list.Skip(paging.Skip).Take(paging.PageSize).ToList(), paging.Page, paging.PageSize,
            list.Count, counts, required, late, required == 0 ? null : Math.Round((decimal)(required - late) / required, 4));
    }

    /// <summary>撤回 by hand, with the reason (e.g. 政府信息公开条例 art. 14/15: 国家秘密, 商业秘密, 个人隐私).</summary>
    public async Task<Result<ManagedDecision>> WithdrawAsync(Guid entryId, WithdrawRequest request, CancellationToken ct)
    {
        var v = new Validator()
            .Require("note", request.Note, "撤回理由", "The reason")
            .MaxLength("note", request.Note, 500, "撤回理由", "The reason");
        if (!v.IsValid)
        {
            return v.ToError();
        }

        var entry = await db.Set<DisclosureEntry>().SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
        {
            return DisclosureErrors.EntryNotFound;
        }

        if (entry.WithdrawnAt is not null)
        {
            return DisclosureErrors.AlreadyWithdrawn;
        }

        if (request.Version is { } version && version != entry.Version)
        {
            return DisclosureErrors.VersionConflict;
        }

        DisclosurePublisher.Withdraw(entry, StoredTime.Now(clock), request.Note!.Trim(), actor.Name, "manual");
        audit.Record("disclosure.withdraw", "disclosure", entry.Id.ToString(), new { entry.CaseId, entry.WithdrawalKind, entry.WithdrawalNote }, entry.AgencyId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DisclosureErrors.VersionConflict;
        }

        return Row(entry, LegalClock.Today(clock));
    }

    /// <summary>不予公开 of a decision not yet published, with the reason; the job then never publishes it.</summary>
    public async Task<Result<ManagedDecision>> WithholdAsync(Guid caseId, WithdrawRequest request, CancellationToken ct)
    {
        var v = new Validator()
            .Require("note", request.Note, "不予公开的理由", "The reason")
            .MaxLength("note", request.Note, 500, "不予公开的理由", "The reason");
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if ((await decisions.OfCasesAsync([caseId], ct)).SingleOrDefault() is not { } decision)
        {
            return DisclosureErrors.DecisionNotFound;
        }

        if (!DisclosurePublisher.MustPublish(decision))
        {
            return DisclosureErrors.NotPublishable;
        }

        if (await db.Set<DisclosureEntry>().IgnoreQueryFilters().AnyAsync(e => e.CaseId == caseId, ct))
        {
            return DisclosureErrors.AlreadyPublished;
        }

        var today = LegalClock.Today(clock);
        var entry = publisher.Compose(decision, await legalCalendar.CurrentAsync(ct), today);
        DisclosurePublisher.Withdraw(entry, entry.PublishedAt, request.Note!.Trim(), actor.Name, DisclosurePublisher.WithheldKind);
        db.Add(entry);
        audit.Record("disclosure.withhold", "disclosure", entry.Id.ToString(), new { entry.CaseId, entry.WithdrawalNote }, entry.AgencyId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return DisclosureErrors.AlreadyPublished; // the job (or a colleague) got there first: the unique index on the case
        }

        return Row(entry, today);
    }

    /// <summary>The month's decisions (caller's jurisdiction) joined with their publications.</summary>
    internal async Task<List<ManagedDecision>> MonthAsync(DateOnly first, DateOnly today, CancellationToken ct)
    {
        var decided = await decisions.DecidedAsync(first, first.AddMonths(1), ct);
        var ids = decided.Select(d => d.CaseId).ToList();
        var entries = new Dictionary<Guid, DisclosureEntry>();
        foreach (var chunk in ids.Chunk(1_000))
        {
            foreach (var e in await db.Set<DisclosureEntry>().AsNoTracking().Where(e => chunk.Contains(e.CaseId)).ToListAsync(ct))
            {
                entries[e.CaseId] = e;
            }
        }

        var calendar = await legalCalendar.CurrentAsync(ct);
        var tree = agencies.Current;
        return decided.Select(d =>
            {
                if (entries.TryGetValue(d.CaseId, out var e))
                {
                    return Row(e, today);
                }

                var person = d.PartyKind == Domain.Cases.PartyKind.Person;
                var name = person ? DisclosureMask.PersonName(d.PartyName) : d.PartyName;
                var agency = tree.Find(d.AgencyId)?.Name ?? string.Empty;
                var penalty = DisclosurePublisher.PenaltyText(d.FineFen, d.Warning);
                if (!DisclosurePublisher.MustPublish(d))
                {
                    return new ManagedDecision(d.CaseId, null, d.DocumentNumber, agency, name, d.OffenceName, "不予行政处罚", d.DecidedOn, null, null, null,
                        DisclosureStatus.Exempt, null, null, null, null);
                }

                var due = DisclosureDeadline.DueOn(d.DecidedOn, calendar);
                return new ManagedDecision(d.CaseId, null, d.DocumentNumber, agency, name, d.OffenceName, penalty, d.DecidedOn, due, null, null,
                    today > due ? DisclosureStatus.Overdue : DisclosureStatus.Pending, null, null, null, null);
            })
            .OrderByDescending(r => r.DecidedOn).ThenBy(r => r.DocumentNumber, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Late by the indicator's rule: published after the due day, or unpublished and past it.</summary>
    internal static bool IsLate(ManagedDecision r, DateOnly today) => r.Status switch
    {
        DisclosureStatus.Exempt or DisclosureStatus.Pending or DisclosureStatus.Withheld => false,
        DisclosureStatus.Overdue => true,
        _ => r.PublishedAt is { } at && r.DueOn is { } due && !DisclosureDeadline.OnTime(LegalClock.DayOf(at), due),
    };

    private static ManagedDecision Row(DisclosureEntry e, DateOnly today) => new(
        e.CaseId, e.Id, e.DocumentNumber, e.AgencyName, e.PartyName, e.OffenceName, e.Penalty, e.DecidedOn, e.DueOn, e.PublishedAt, e.ExpiresOn,
        e.WithdrawalKind == DisclosurePublisher.WithheldKind ? DisclosureStatus.Withheld
        : e.WithdrawnAt is not null ? DisclosureStatus.Withdrawn
        : e.ExpiresOn < today ? DisclosureStatus.Expired
        : DisclosureDeadline.OnTime(e.PublishedOn, e.DueOn) ? DisclosureStatus.Published
        : DisclosureStatus.PublishedLate,
        e.WithdrawnAt, e.WithdrawnBy, e.WithdrawalNote, e.Version);

    internal static DateOnly? ParseMonth(string? text) =>
        text is { Length: 7 } t && t[4] == '-' && int.TryParse(t.AsSpan(0, 4), CultureInfo.InvariantCulture, out var y)
        && int.TryParse(t.AsSpan(5, 2), CultureInfo.InvariantCulture, out var m) && y is >= 2000 and <= 2999 && m is >= 1 and <= 12
            ? new DateOnly(y, m, 1)
            : null;
}
