using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Offsite.Ingest;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Offsite;

internal sealed class OffsiteCaseEvidence(VanguardDbContext db, IDeviceDirectory devices, ImageStore images) : IOffsiteCaseEvidence
{
    private static readonly byte[] Dummy = Encoding.UTF8.GetBytes("XXXXXXXX");

    public async Task<Guid?> FindCaseByNoticeAsync(string plate, string noticeCode, CancellationToken ct)
    {
        // A plate may have several notices; the code is compared with each (and with a dummy when there is none), in constant time.
        var notices = await db.Set<OffsiteNotification>().AsNoTracking().Where(n => n.Plate == plate)
            .Select(n => new { n.CaseId, n.NoticeCode }).ToListAsync(ct);
        // Codes are 8 characters; anything else is compared as a value that matches no code, never cut to fit.
        var trimmed = noticeCode.Trim().ToUpperInvariant();
        var given = Encoding.UTF8.GetBytes(trimmed.Length == 8 ? trimmed : "********");
        Guid? found = null;
        var candidates = notices.Count == 0 ? [new { CaseId = Guid.Empty, NoticeCode = "XXXXXXXX" }] : notices;
        foreach (var n in candidates)
        {
            var stored = n.NoticeCode.Length == 8 ? Encoding.UTF8.GetBytes(n.NoticeCode) : Dummy;
            if (CryptographicOperations.FixedTimeEquals(stored, given) && n.CaseId != Guid.Empty)
            {
                found = n.CaseId;
            }
        }

        return found;
    }

    public async Task<OffsiteWeighingEvidence?> WeighingOfCaseAsync(Guid caseId, CancellationToken ct)
    {
        var item = await db.Set<ReviewItem>().AsNoTracking().Where(i => i.CaseId == caseId).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }

        var r = await db.Set<WimRecord>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == item.WimRecordId, ct);
        var station = await devices.FindAsync(item.StationCode, ct);
        if (r is null)
        {
            // Retention removed the record: say so rather than fail the party's whole case page.
            return new OffsiteWeighingEvidence(
                item.StationCode, station?.Name ?? item.StationCode, station?.AccuracyClass, station?.CertificateNumber, station?.CertificateValidFrom,
                station?.CertificateValidUntil, string.Empty, default, string.Empty, 0, [], 0, 0, 0, 0, 0, 0m, 0m, [], RecordPurged: true);
        }

        var photos = r.ImagesJson is null ? [] : JsonSerializer.Deserialize(r.ImagesJson, OffsiteJson.Default.ListImageMeta) ?? [];
        return new OffsiteWeighingEvidence(
            item.StationCode, station?.Name ?? item.StationCode, station?.AccuracyClass, station?.CertificateNumber, station?.CertificateValidFrom,
            station?.CertificateValidUntil, r.RecordId, r.CapturedAt, r.Plate, r.AxleCount,
            r.AxleWeightsKg.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList(),
            r.GrossWeightKg, r.LimitKg, r.ToleranceKg, r.AdjustedKg, r.OverKg, r.OverBasisPoints / 100m, r.SpeedDeciKmh / 10m,
            photos.Select(p => new OffsitePhoto(p.Kind, p.Sha256, p.ContentType, images.Find(p.Sha256) is not null)).ToList());
    }

    public async Task<OffsiteImage?> ImageOfCaseAsync(Guid caseId, string sha256, CancellationToken ct)
    {
        var weighing = await WeighingOfCaseAsync(caseId, ct);
        var photo = weighing?.Photos.FirstOrDefault(p => string.Equals(p.Sha256, sha256, StringComparison.Ordinal));
        if (photo is null || images.Find(photo.Sha256) is not { } path)
        {
            return null;
        }

        return new OffsiteImage(path, await ImageStore.ContentTypeAsync(path, ct), photo.Sha256);
    }
}
