using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Common;
using Vanguard.Domain.Evidence;
using Vanguard.Server.Common;
using Vanguard.Server.Components;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Evidence.Storage;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Evidence.Features;

/// <summary>Search, read, play, link, retention and deletion of evidence items; every access is in the chain of custody.</summary>
internal sealed class EvidenceHandler(
    VanguardDbContext db,
    IAgencyDirectory directory,
    ICurrentActor actor,
    IEvidenceStore store,
    CustodyLog custody,
    ICaseDirectory cases,
    EvidenceDeletion deletion,
    TimeProvider clock,
    IOptions<EvidenceOptions> options)
{
    public static readonly Error NotFound = Error.NotFound("evidence.not_found", "证据不存在或不在您的管辖范围内。", "No such evidence item in your jurisdiction.");

    public static readonly Error Deleted = new(
        "evidence.deleted", "该证据已按保存期限删除，只保留记录与保管链。", "The item was deleted under its retention period; only its record and custody remain.",
        ErrorKind.NotFound);

    public static readonly Error BlobMissing = new(
        "evidence.blob_missing", "证据文件在存储中缺失，已记录完整性告警。", "The evidence file is missing from storage; an integrity warning was raised.",
        ErrorKind.Conflict);

    private IQueryable<EvidenceItem> Items => db.Set<EvidenceItem>();

    public async Task<Page<EvidenceSummary>> SearchAsync(EvidenceQuery q, PageRequest page, CancellationToken ct)
    {
        var query = Items.AsNoTracking();
        if (!q.IncludeDeleted)
        {
            query = query.Where(e => e.DeletedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(q.OfficerNo))
        {
            var no = q.OfficerNo.Trim();
            query = query.Where(e => e.OfficerNo == no);
        }

        if (q.From is { } from)
        {
            query = query.Where(e => e.RecordedTo >= from);
        }

        if (q.To is { } to)
        {
            query = query.Where(e => e.RecordedFrom <= to);
        }

        if (q.CaseId is { } caseId)
        {
            query = query.Where(e => db.Set<EvidenceCaseLink>().Any(l => l.EvidenceId == e.Id && l.CaseId == caseId));
        }

        if (!string.IsNullOrWhiteSpace(q.Tag))
        {
            var tag = q.Tag.Trim();
            query = query.Where(e => db.Set<EvidenceTag>().Any(t => t.EvidenceId == e.Id && t.Tag == tag));
        }

        if (!string.IsNullOrWhiteSpace(q.Sha256))
        {
            var sha = q.Sha256.Trim().ToLowerInvariant();
            query = query.Where(e => e.Sha256 == sha);
        }

        if (!string.IsNullOrWhiteSpace(q.Category))
        {
            query = query.Where(e => e.Category == q.Category);
        }

        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var term = q.Q.Trim();
            query = query.Where(e => e.FileName.Contains(term) || e.DeviceSerial.Contains(term) || e.OfficerName.Contains(term) || e.OfficerNo == term);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.RecordedFrom).ThenByDescending(e => e.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var tags = (await db.Set<EvidenceTag>().AsNoTracking().Where(t => ids.Contains(t.EvidenceId)).ToListAsync(ct)).ToLookup(t => t.EvidenceId, t => t.Tag);
        var links = (await db.Set<EvidenceCaseLink>().AsNoTracking().Where(l => ids.Contains(l.EvidenceId)).Select(l => l.EvidenceId).ToListAsync(ct))
            .CountBy(x => x).ToDictionary();
        return new Page<EvidenceSummary>(
            items.Select(e =>
            {
                var agency = directory.Current.Find(e.AgencyId);
                return new EvidenceSummary(
                    e.Id, e.FileName, e.ContentType, e.Sha256, e.Length, e.OfficerNo, e.OfficerName, agency?.Code ?? string.Empty, agency?.Name ?? string.Empty,
                    e.DeviceSerial, e.RecordedFrom, e.RecordedTo, e.UploadedAt, e.Category, tags[e.Id].Order(StringComparer.Ordinal).ToList(), e.MediaStatus,
                    e.DurationSeconds, e.LegalHold, links.GetValueOrDefault(e.Id), e.DeletedAt is not null);
            }).ToList(),
            page.Page, page.PageSize, total);
    }

    public async Task<Result<EvidenceDetail>> GetAsync(Guid id, CancellationToken ct)
    {
        var item = await Items.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        return item is null ? NotFound : await DetailAsync(item, ct);
    }

    /// <summary>Opens the file for playback (view) or download and records the access; range requests after the first are not recorded again.</summary>
    public async Task<Result<(EvidenceItem Item, Stream Content)>> OpenContentAsync(Guid id, bool download, bool recordAccess, CancellationToken ct)
    {
        var item = await Items.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (item is null)
        {
            return NotFound;
        }

        if (item.DeletedAt is not null)
        {
            return Deleted;
        }

        var stream = await store.OpenReadAsync(item.Sha256, ct);
        if (stream is null)
        {
            return BlobMissing;
        }

        if (recordAccess)
        {
            custody.Record(item, download ? "download" : "view");
            await db.SaveChangesAsync(ct);
        }

        return (item, stream);
    }

    public async Task<byte[]?> ThumbnailAsync(Guid id, CancellationToken ct) =>
        await Items.AsNoTracking().Where(e => e.Id == id && e.DeletedAt == null).Select(e => e.Thumbnail).SingleOrDefaultAsync(ct);

    /// <summary>Links the item to a case in the caller's jurisdiction and puts a body-camera clip into the case file.</summary>
    public async Task<Result<EvidenceDetail>> LinkAsync(Guid id, LinkRequest request, CancellationToken ct)
    {
        var key = request.CaseId ?? request.CaseNumber;
        if (string.IsNullOrWhiteSpace(key))
        {
            return Validator.Invalid("caseId", "required", "请指定案件（caseId 或 caseNumber）。", "Name the case (caseId or caseNumber).");
        }

        var item = await Items.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (item is null)
        {
            return NotFound;
        }

        if (item.DeletedAt is not null)
        {
            return Deleted;
        }

        var description = $"执法记录仪音像记录 {item.FileName}（{item.OfficerName}，{item.RecordedFrom.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}，SHA-256 {item.Sha256[..16]}…）";
        var linked = await cases.AddFileItemAsync(key, CaseChecklists.BodyCamClip.Code, description, $"evidence:{item.Id}", ct);
        if (!linked.IsSuccess)
        {
            return linked.Error!;
        }

        var target = linked.Value;
        if (await db.Set<EvidenceCaseLink>().AnyAsync(l => l.EvidenceId == id && l.CaseId == target.CaseId, ct))
        {
            return Error.Conflict("evidence.already_linked", "该证据已关联此案件。", "The item is already linked to this case.");
        }

        db.Add(new EvidenceCaseLink { EvidenceId = id, CaseId = target.CaseId, CaseNumber = target.CaseNumber, LinkedAt = clock.GetUtcNow(), LinkedBy = actor.Name });
        custody.Record(item, "link", $"案件 {target.CaseNumber ?? target.CaseId.ToString()}（{target.Title}） / case {target.CaseNumber ?? target.CaseId.ToString()}");
        await db.SaveChangesAsync(ct);
        return await DetailAsync(item, ct);
    }

    public async Task<Result<EvidenceDetail>> ChangeRetentionAsync(Guid id, RetentionRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Require("reason", request.Reason, "变更理由", "Reason")
            .MaxLength("reason", request.Reason, 500, "变更理由", "Reason")
            .Check(request.RetentionClass is null || RetentionClass.IsKnown(request.RetentionClass), "retentionClass", "unknown",
                "保存类别须为 standard（定期）或 permanent（永久）。", "retentionClass must be standard or permanent.")
            .Check(request.RetentionClass is not null || request.LegalHold is not null, "retentionClass", "required",
                "请指定保存类别或诉讼保全。", "Give a retention class or a legal hold.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var item = await Items.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (item is null)
        {
            return NotFound;
        }

        if (item.DeletedAt is not null)
        {
            return Deleted;
        }

        var reason = request.Reason!.Trim();
        if (request.RetentionClass is { } retention && retention != item.RetentionClass)
        {
            if (retention == RetentionClass.Standard && EvidenceRetention.DefaultClass(item.Category) == RetentionClass.Permanent)
            {
                return new Error("evidence.category_requires_permanent", "该类别（阻碍执法、重大突发事件、疑难复杂案件）的记录须永久保存。",
                    "Recordings of this category (obstruction, emergency, complex case) are kept permanently.");
            }

            var before = item.RetentionClass;
            item.RetentionClass = retention;
            item.RetainUntil = EvidenceRetention.DueAt(retention, item.RecordedTo, item.UploadedAt, options.Value.RetentionMonths);
            custody.Record(item, "retention", $"{before} → {retention}：{reason}");
        }

        if (request.LegalHold is { } hold && hold != item.LegalHold)
        {
            item.LegalHold = hold;
            item.LegalHoldReason = hold ? reason : null;
            custody.Record(item, "legal_hold", (hold ? "冻结删除 / hold set：" : "解除冻结 / hold released：") + reason);
        }

        item.Version++;
        await db.SaveChangesAsync(ct);
        return await DetailAsync(item, ct);
    }

    /// <summary>Deletes an item before the job does; only what the retention rules allow (due, not held, not linked).</summary>
    public async Task<Result<EvidenceDetail>> DeleteAsync(Guid id, DeleteRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Validator.Invalid("reason", "required", "删除理由不能为空。", "Reason is required.");
        }

        var item = await Items.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (item is null)
        {
            return NotFound;
        }

        if (item.DeletedAt is not null)
        {
            return Deleted;
        }

        var linked = await db.Set<EvidenceCaseLink>().AnyAsync(l => l.EvidenceId == id, ct);
        var verdict = EvidenceRetention.Decide(item.RetentionClass, item.RetainUntil, linked, item.LegalHold, clock.GetUtcNow());
        var refusal = verdict switch
        {
            RetentionVerdict.KeepLegalHold => new Error("evidence.legal_hold", "该证据处于诉讼保全（冻结）状态，不能删除。", "The item is under legal hold and cannot be deleted."),
            RetentionVerdict.KeepLinkedToCase => new Error("evidence.linked_to_case", "该证据已关联案件，须永久保存。", "The item is linked to a case and is kept permanently."),
            RetentionVerdict.KeepPermanent => new Error("evidence.permanent", "该证据须永久保存。", "The item is kept permanently."),
            RetentionVerdict.KeepNotDue => new Error("evidence.retention_not_due", $"保存期限未满（至 {item.RetainUntil:yyyy-MM-dd}）。",
                $"Its retention period has not ended ({item.RetainUntil:yyyy-MM-dd})."),
            RetentionVerdict.Delete => null,
        };
        if (refusal is not null)
        {
            return refusal;
        }

        await deletion.DeleteAsync(db, custody, item, request.Reason.Trim(), ct);
        return await DetailAsync(item, ct);
    }

    public async Task<Result<IReadOnlyList<CustodyView>>> CustodyAsync(Guid id, CancellationToken ct)
    {
        if (!await Items.AnyAsync(e => e.Id == id, ct))
        {
            return NotFound;
        }

        var english = L.IsEnglish;
        var entries = await db.Set<CustodyEntry>().AsNoTracking().Where(c => c.EvidenceId == id).OrderBy(c => c.Id).ToListAsync(ct);
        return entries.Select(c => new CustodyView(
            c.Id, c.At, c.Action, CustodyText.ActionName(c.Action, english), c.ActorKind, c.ActorId, c.ActorName, c.RemoteIp, c.UserAgent, c.Details)).ToList();
    }

    public async Task<Page<IntegrityFindingView>> IntegrityFindingsAsync(bool openOnly, PageRequest page, CancellationToken ct)
    {
        var query = db.Set<IntegrityFinding>().AsNoTracking();
        if (openOnly)
        {
            query = query.Where(f => f.ResolvedAt == null);
        }

        var total = await query.CountAsync(ct);
        var items = await (from f in query
                           join e in Items.AsNoTracking() on f.EvidenceId equals e.Id
                           orderby f.Id descending
                           select new IntegrityFindingView(f.Id, f.EvidenceId, e.FileName, f.DetectedAt, f.Kind, f.ExpectedSha256, f.ActualSha256, f.ResolvedAt))
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<IntegrityFindingView>(items, page.Page, page.PageSize, total);
    }

    private async Task<EvidenceDetail> DetailAsync(EvidenceItem e, CancellationToken ct)
    {
        var tags = await db.Set<EvidenceTag>().AsNoTracking().Where(t => t.EvidenceId == e.Id).Select(t => t.Tag).OrderBy(t => t).ToListAsync(ct);
        var links = await db.Set<EvidenceCaseLink>().AsNoTracking().Where(l => l.EvidenceId == e.Id).OrderBy(l => l.LinkedAt)
            .Select(l => new CaseLinkView(l.CaseId, l.CaseNumber, l.LinkedAt, l.LinkedBy)).ToListAsync(ct);
        var agency = directory.Current.Find(e.AgencyId);
        JsonElement? gps = e.GpsTrackJson is { } json ? JsonDocument.Parse(json).RootElement.Clone() : null;
        var english = L.IsEnglish;
        var retention = e.DeletedAt is not null ? (english ? "deleted" : "已删除")
            : e.LegalHold ? (english ? "legal hold: not deleted" : "诉讼保全：不删除")
            : links.Count > 0 ? (english ? "permanent while linked to a case" : "已关联案件：永久保存")
            : e.RetentionClass == RetentionClass.Permanent ? (english ? "permanent" : "永久保存")
            : english ? $"kept until {e.RetainUntil:yyyy-MM-dd}" : $"保存至 {e.RetainUntil:yyyy-MM-dd}";
        var media = e.MediaStatus == MediaStatus.Available
            ? new MediaView(e.DurationSeconds, e.Width, e.Height, e.VideoCodec, e.AudioCodec, e.Thumbnail is null ? null : $"/api/v1/evidence/{e.Id}/thumbnail.jpg")
            : null;
        return new EvidenceDetail(
            e.Id, e.FileName, e.ContentType, e.Sha256, e.Length, e.OfficerId, e.OfficerNo, e.OfficerName, agency?.Code ?? string.Empty, agency?.Name ?? string.Empty,
            e.DeviceSerial, e.DeviceId, new UploaderView(e.UploadedByKind, e.UploadedById, e.UploadedByName), e.RecordedFrom, e.RecordedTo, e.UploadedAt, gps,
            e.Category, tags, links, e.RetentionClass, e.RetainUntil, retention, e.LegalHold, e.LegalHoldReason, e.DeletedAt, e.DeletedReason, e.MediaStatus,
            e.MediaReason, media, e.LastVerifiedAt, $"/api/v1/evidence/{e.Id}/content", $"/api/v1/evidence/{e.Id}/custody", $"/api/v1/evidence/{e.Id}/custody.pdf");
    }
}
