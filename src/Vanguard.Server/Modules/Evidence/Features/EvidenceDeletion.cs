using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Evidence.Storage;
using Vanguard.Server.Modules.Evidence.Tus;

namespace Vanguard.Server.Modules.Evidence.Features;

/// <summary>
/// Deletes an item: the row stays (metadata, custody), the file goes — unless another item (another agency's upload of the
/// same bytes) still uses the blob. The decision whether it may be deleted is the caller's.
/// </summary>
internal sealed class EvidenceDeletion(IEvidenceStore store, BlobLocks blobs, TimeProvider clock, ILogger<EvidenceDeletion> logger)
{
    public async Task DeleteAsync(VanguardDbContext db, CustodyLog custody, EvidenceItem item, string reason, CancellationToken ct)
    {
        using (await blobs.LockAsync(item.Sha256, ct))
        {
            item.DeletedAt = clock.GetUtcNow();
            item.DeletedReason = reason.Length > 200 ? reason[..200] : reason;
            item.Thumbnail = null;
            item.Version++;
            custody.Record(item, "delete", reason);
            await db.SaveChangesAsync(ct);

            var stillUsed = await db.Set<EvidenceItem>().IgnoreQueryFilters()
                .AnyAsync(e => e.Sha256 == item.Sha256 && e.DeletedAt == null && e.Id != item.Id, ct);
            var removed = !stillUsed && await store.DeleteAsync(item.Sha256, ct);
            if (removed && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Evidence {EvidenceId} deleted; blob {Sha256} removed", item.Id, item.Sha256);
            }
        }
    }
}
