using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Common;
using Vanguard.Domain.Evidence;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Evidence.Storage;
using Vanguard.Server.Modules.Evidence.Tus;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Evidence.Features;

/// <summary>Small files (photos, signatures) kept as evidence items for other modules; see <see cref="IEvidenceArchive"/>.</summary>
internal sealed class EvidenceArchive(
    VanguardDbContext db, ICurrentActor actor, IEvidenceStore store, BlobLocks blobs, CustodyLog custody, TimeProvider clock,
    IOptions<EvidenceOptions> options) : IEvidenceArchive
{
    /// <summary>What the archive takes: still images, not recordings (those come through tus).</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    /// <summary>Stands in for a recorder's serial number: the file came from the officer's handheld terminal (手持执法终端).</summary>
    public const string TerminalSerial = "terminal";

    public static readonly Error NotAnOfficer = Error.Forbidden(
        "evidence.not_an_officer", "当前账号未关联执法人员，不能保存证据。", "Your account is not linked to an officer; it cannot keep evidence.");

    /// <summary>Stands in for a recorder's serial number: a member of the public handed the file in (投诉人提交).</summary>
    public const string SubmittedSerial = "submitted";

    public async Task<Result<ArchivedFile>> StoreAsync(
        Stream content, string mediaType, string fileName, string description, Guid? agencyId, CancellationToken ct)
    {
        if (!Guid.TryParse(actor.OfficerId, out var officerId))
        {
            return NotAnOfficer;
        }

        var owner = agencyId ?? actor.AgencyId;
        if (owner is not { } agency)
        {
            return NotAnOfficer;
        }

        return await KeepAsync(content, mediaType, fileName, description, agency, officerId, null, ct);
    }

    public Task<Result<ArchivedFile>> StoreSubmittedAsync(
        Stream content, string mediaType, string fileName, string description, Guid agencyId, string submittedBy, CancellationToken ct) =>
        KeepAsync(content, mediaType, fileName, description, agencyId, Guid.Empty, submittedBy, ct);

    /// <param name="submittedBy">Null for an officer's file; otherwise who handed it in (no officer then: <paramref name="officerId"/> is empty).</param>
    private async Task<Result<ArchivedFile>> KeepAsync(
        Stream content, string mediaType, string fileName, string description, Guid agency, Guid officerId, string? submittedBy, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            return Error.Validation(new Dictionary<string, FieldError[]>
            {
                ["content"] = [new FieldError("too_large", "文件过大。", "The file is too large.")],
            });
        }

        var bytes = buffer.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        using (await blobs.LockAsync(sha, ct))
        {
            if (await store.LengthAsync(sha, ct) is null)
            {
                await using var source = new MemoryStream(bytes, writable: false);
                await store.PutAsync(sha, source, ct);
            }

            // Staged items are not in the database yet: two identical photos in one record find each other here.
            var existing = db.Set<EvidenceItem>().Local.FirstOrDefault(e => e.AgencyId == agency && e.Sha256 == sha && e.DeletedAt == null)
                ?? await db.Set<EvidenceItem>().IgnoreQueryFilters()
                    .SingleOrDefaultAsync(e => e.AgencyId == agency && e.Sha256 == sha && e.DeletedAt == null, ct);
            if (existing is not null)
            {
                custody.Record(existing, "upload", Details("再次保存相同内容", "same content kept again", description));
                return new ArchivedFile(existing.Id, sha, existing.Length);
            }

            var officer = submittedBy is not null
                ? new { OfficerNo = string.Empty, Name = submittedBy.Length > 100 ? submittedBy[..100] : submittedBy }
                : await db.Officers.IgnoreQueryFilters().AsNoTracking()
                    .Where(o => o.Id == officerId).Select(o => new { o.OfficerNo, o.Name }).SingleOrDefaultAsync(ct);
            if (officer is null)
            {
                return NotAnOfficer;
            }

            var now = clock.GetUtcNow();
            var retention = EvidenceRetention.DefaultClass(EvidenceCategory.Routine);
            var item = new EvidenceItem
            {
                Id = Guid.CreateVersion7(),
                AgencyId = agency,
                Sha256 = sha,
                Length = bytes.Length,
                FileName = fileName.Length > 255 ? fileName[..255] : fileName,
                ContentType = mediaType,
                OfficerId = officerId,
                OfficerNo = officer.OfficerNo,
                OfficerName = officer.Name,
                DeviceSerial = submittedBy is null ? TerminalSerial : SubmittedSerial,
                UploadedByKind = actor.Kind.ToString().ToLowerInvariant(),
                UploadedById = actor.Id,
                UploadedByName = actor.Name,
                RecordedFrom = now,
                RecordedTo = now,
                UploadedAt = now,
                Category = EvidenceCategory.Routine,
                RetentionClass = retention,
                RetainUntil = EvidenceRetention.DueAt(retention, now, now, options.Value.RetentionMonths),
                // A still image has nothing for the media worker (ffprobe, thumbnails) to do.
                MediaStatus = MediaStatus.Unavailable,
                MediaReason = "静态图片（照片或签名），不是音视频记录 / still image (photo or signature), not a recording",
                LastVerifiedAt = now,
            };
            db.Add(item);
            db.Add(new EvidenceTag { EvidenceId = item.Id, Tag = submittedBy is null ? "terminal" : SubmittedSerial });
            custody.Record(item, "upload", submittedBy is null
                ? Details("手持执法终端", "handheld terminal", description)
                : Details($"{submittedBy}提交", $"handed in by {submittedBy}", description));
            return new ArchivedFile(item.Id, sha, item.Length);
        }
    }

    public async Task<bool> ExistsAsync(Guid evidenceId, CancellationToken ct) =>
        await db.Set<EvidenceItem>().AsNoTracking().AnyAsync(e => e.Id == evidenceId && e.DeletedAt == null, ct);

    public async Task<ArchivedContent?> OpenAsync(Guid evidenceId, CancellationToken ct)
    {
        var item = await db.Set<EvidenceItem>().SingleOrDefaultAsync(e => e.Id == evidenceId && e.DeletedAt == null, ct);
        if (item is null || await store.OpenReadAsync(item.Sha256, ct) is not { } stream)
        {
            return null;
        }

        custody.Record(item, "view");
        await db.SaveChangesAsync(ct);
        return new ArchivedContent(stream, item.ContentType, item.Sha256, item.Length, item.FileName);
    }

    public async Task<Guid?> TransferAsync(Guid evidenceId, Guid toAgencyId, string reason, CancellationToken ct)
    {
        var item = await db.Set<EvidenceItem>().SingleOrDefaultAsync(e => e.Id == evidenceId && e.DeletedAt == null, ct);
        if (item is null || item.AgencyId == toAgencyId)
        {
            return item?.Id;
        }

        // One live item per content per agency: the new agency may hold the same file already.
        var held = await db.Set<EvidenceItem>().AsNoTracking()
            .Where(e => e.AgencyId == toAgencyId && e.Sha256 == item.Sha256 && e.DeletedAt == null).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct);
        if (held is { } existing)
        {
            return existing;
        }

        custody.Record(item, "transfer", Details("移交", "handed over", reason));
        item.AgencyId = toAgencyId;
        return item.Id;
    }

    public async Task<IReadOnlyList<CaseEvidenceFile>> OfCaseAsync(Guid caseId, CancellationToken ct) =>
        await (from link in db.Set<EvidenceCaseLink>().AsNoTracking()
               join e in db.Set<EvidenceItem>().AsNoTracking() on link.EvidenceId equals e.Id
               where link.CaseId == caseId && e.DeletedAt == null
               orderby e.RecordedFrom
               select new CaseEvidenceFile(e.Id, e.FileName, e.ContentType, e.Sha256, e.Length, e.RecordedFrom, e.OfficerName)).ToListAsync(ct);

    private static string Details(string zh, string en, string description) => $"{zh}：{description} / {en}: {description}";
}
