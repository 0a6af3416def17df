using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Credit;
using Vanguard.Domain.Disclosure;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Credit.Data;

namespace Vanguard.Server.Modules.Credit.Features;

/// <summary>
/// 严重失信主体名单 for the public (信用信息公示): only confirmed listings in force; a natural person's name is cut to its first
/// character and their ID number and plates masked, an organisation is shown in full. Searchable by plate or by an enterprise's
/// name or credit code — never by a person's ID number, which would let anyone probe who is listed.
/// </summary>
internal sealed class PublicCreditHandler(VanguardDbContext db, TimeProvider clock)
{
    public const int MaxPageSize = 50;

    public async Task<Page<PublicBlacklistItem>> SearchAsync(string? q, int? page, CancellationToken ct)
    {
        var paging = PageRequest.From(page, MaxPageSize);
        var today = LegalClock.Today(clock);
        var query = db.Set<BlacklistEntry>().AsNoTracking().Where(e => e.Status == BlacklistStatus.Listed && e.ExpiresOn > today);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var plate = PlateNumber.Normalise(text);
            var upper = text.ToUpperInvariant();
            query = PlateNumber.IsValid(plate)
                ? query.Where(e => e.SubjectKind == CreditSubjectKind.Vehicle && e.SubjectKey.StartsWith(plate + "|"))
                : query.Where(e => e.SubjectKind == CreditSubjectKind.Organisation && (e.SubjectKey == upper || e.SubjectName.Contains(text)));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.ListedOn).ThenBy(e => e.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<PublicBlacklistItem>(
            rows.Select(e => new PublicBlacklistItem(
                CreditSubjectKind.NameZh(e.SubjectKind), CreditSubjectKind.PublicKey(e.SubjectKind, e.SubjectKey), PublicName(e), BlacklistRule.NameZh(e.Rule),
                e.ListedOn!.Value, e.ExpiresOn!.Value)).ToList(),
            paging.Page, paging.PageSize, total);
    }

    /// <summary>A vehicle's name is its plate: masked like the key. A person's name as 双公示 masks it (<see cref="DisclosureMask"/>).</summary>
    private static string PublicName(BlacklistEntry e) => e.SubjectKind == CreditSubjectKind.Vehicle
        ? DisclosureMask.Plate(CreditSubjectKind.SplitVehicleKey(e.SubjectKey).Plate)
        : CreditSubjectKind.PublicName(e.SubjectKind, e.SubjectName);
}
