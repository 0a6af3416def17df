using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal.Data;

namespace Vanguard.Server.Modules.Terminal.Features;

/// <param name="CertificateValid">Holds a 执法证 valid today (China time): may be the second officer of 行政处罚法 art. 42.</param>
public sealed record ColleagueView(Guid Id, string OfficerNo, string Name, string? CertificateNo, DateOnly? CertificateValidUntil, bool CertificateValid, bool OnDuty);

/// <summary>
/// 同事: the active officers of the signed-in officer's own agency (themselves excluded), on duty first, so the terminal
/// can name the second officer of an on-the-spot decision (<c>coOfficerIds</c>).
/// </summary>
internal sealed class ColleaguesHandler(VanguardDbContext db, CurrentOfficer current, IOfficerDirectory officers, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<ColleagueView>>> ListAsync(CancellationToken ct)
    {
        var found = await current.GetAsync(ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var me = found.Value;
        var people = (await officers.InAgencyAsync(me.AgencyId, ct)).Where(o => o.Id != me.Id).ToList();
        var ids = people.Select(o => o.Id).ToList();
        var onDuty = (await db.Set<DutySession>().AsNoTracking().Where(s => s.EndedAt == null && ids.Contains(s.OfficerId))
            .Select(s => s.OfficerId).ToListAsync(ct)).ToHashSet();
        var today = LegalClock.Today(clock);
        return Result<IReadOnlyList<ColleagueView>>.Success(people
            .Select(o => new ColleagueView(o.Id, o.OfficerNo, o.Name, o.CertificateNo, o.CertificateValidUntil,
                o.CertificateNo is not null && o.CertificateValidUntil >= today, onDuty.Contains(o.Id)))
            .OrderByDescending(c => c.OnDuty).ThenByDescending(c => c.CertificateValid).ThenBy(c => c.OfficerNo, StringComparer.Ordinal)
            .ToList());
    }
}
