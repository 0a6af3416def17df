using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Evidence;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Evidence.Storage;

namespace Vanguard.Server.Modules.Evidence.Features;

/// <summary><see cref="IOfficerClips"/> over the evidence items; the DbContext keeps it to the caller's jurisdiction.</summary>
internal sealed class OfficerClips(VanguardDbContext db, IEvidenceStore store, CustodyLog custody, TimeProvider clock, IOptions<EvidenceOptions> options)
    : IOfficerClips
{
    public async Task<IReadOnlyList<OfficerClip>> RecordedByAsync(Guid officerId, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken ct) =>
        await db.Set<EvidenceItem>().AsNoTracking()
            .Where(e => e.OfficerId == officerId && e.DeletedAt == null && e.RecordedFrom <= to && e.RecordedTo >= from)
            .OrderBy(e => e.RecordedFrom)
            .Take(max)
            .Select(e => new OfficerClip(e.Id, e.FileName, e.ContentType, e.RecordedFrom, e.RecordedTo, e.DurationSeconds, e.DeviceSerial, e.Sha256))
            .ToListAsync(ct);

    public async Task<IReadOnlySet<Guid>> ExistingAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var list = ids.Distinct().ToList();
        return (await db.Set<EvidenceItem>().AsNoTracking().Where(e => list.Contains(e.Id) && e.DeletedAt == null).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
    }

    public async Task AddDemoRecordingAsync(
        Guid officerId, DateTimeOffset from, DateTimeOffset to, string fileName, string mediaType, byte[] content, string deviceSerial, CancellationToken ct)
    {
        var officer = await db.Officers.AsNoTracking().Where(o => o.Id == officerId).Select(o => new { o.AgencyId, o.OfficerNo, o.Name }).SingleOrDefaultAsync(ct);
        if (officer is null || await db.Set<EvidenceItem>().AnyAsync(e => e.OfficerId == officerId && e.FileName == fileName, ct))
        {
            return;
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        if (await db.Set<EvidenceItem>().IgnoreQueryFilters().AnyAsync(e => e.AgencyId == officer.AgencyId && e.Sha256 == sha && e.DeletedAt == null, ct))
        {
            return;
        }

        if (await store.LengthAsync(sha, ct) is null)
        {
            await using var source = new MemoryStream(content, writable: false);
            await store.PutAsync(sha, source, ct);
        }

        var now = clock.GetUtcNow();
        var retention = EvidenceRetention.DefaultClass(EvidenceCategory.Complaint);
        var item = new EvidenceItem
        {
            Id = Guid.CreateVersion7(), AgencyId = officer.AgencyId, Sha256 = sha, Length = content.Length, FileName = fileName, ContentType = mediaType,
            OfficerId = officerId, OfficerNo = officer.OfficerNo, OfficerName = officer.Name, DeviceSerial = deviceSerial, UploadedByKind = "system",
            UploadedById = "demo", UploadedByName = "演示数据", RecordedFrom = from, RecordedTo = to, UploadedAt = now, Category = EvidenceCategory.Complaint,
            RetentionClass = retention, RetainUntil = EvidenceRetention.DueAt(retention, to, now, options.Value.RetentionMonths),
            // The demo complaint about this officer is open: what it may need is held, as a reviewer would hold it.
            LegalHold = true, LegalHoldReason = "投诉举报核查中（演示数据） / held for an open complaint (demo data)",
            MediaStatus = MediaStatus.Unavailable, MediaReason = "演示数据 / demo data", LastVerifiedAt = now,
        };
        db.Add(item);
        db.Add(new EvidenceTag { EvidenceId = item.Id, Tag = "demo" });
        custody.Record(item, "upload", "演示数据 / demo data");
        await db.SaveChangesAsync(ct);
    }
}
