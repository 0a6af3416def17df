using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Offsite;

/// <summary>The off-site module's side of <see cref="IOverloadHistory"/>: the (plate, captured) index answers it.</summary>
internal sealed class OverloadHistory(VanguardDbContext db, IDeviceDirectory devices) : IOverloadHistory
{
    public async Task<IReadOnlyList<OverloadEvent>> OfVehicleAsync(string plate, string plateColor, int max, CancellationToken ct)
    {
        var rows = await db.Set<WimRecord>().AsNoTracking()
            .Where(r => r.Plate == plate && r.PlateColor == plateColor && r.Verdict == 1)
            .OrderByDescending(r => r.CapturedAtMs)
            .Take(max)
            .Select(r => new { r.Id, r.DeviceId, r.CapturedAtMs, r.CapturedOffsetMinutes, r.OverBasisPoints, r.OverKg })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var cases = await db.Set<ReviewItem>().AsNoTracking().Where(i => ids.Contains(i.WimRecordId) && i.CaseId != null)
            .ToDictionaryAsync(i => i.WimRecordId, i => i.CaseId, ct);
        var stations = (await devices.ListAsync([DeviceKind.WimStation], ct)).ToDictionary(d => d.Id);
        return rows.Select(r => new OverloadEvent(
                DateTimeOffset.FromUnixTimeMilliseconds(r.CapturedAtMs).ToOffset(TimeSpan.FromMinutes(r.CapturedOffsetMinutes)),
                stations.TryGetValue(r.DeviceId, out var s) ? s.Code : string.Empty,
                stations.TryGetValue(r.DeviceId, out var n) ? n.Name : string.Empty,
                r.OverBasisPoints / 100m,
                r.OverKg,
                cases.GetValueOrDefault(r.Id)))
            .ToList();
    }
}
