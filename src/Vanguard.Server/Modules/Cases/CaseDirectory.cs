using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Cases.Data;
using Vanguard.Server.Modules.Cases.Documents;
using Vanguard.Server.Modules.Cases.Features;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Cases;

/// <summary>The cases module's side of <see cref="ICaseDirectory"/>; the context is the caller's (scoped), so the item commits with the caller's change.</summary>
internal sealed class CaseDirectory(VanguardDbContext db, ICurrentActor actor, TimeProvider clock) : ICaseDirectory
{
    public async Task<Result<CaseFileRef>> AddFileItemAsync(
        string caseIdOrNumber, string checklistCode, string description, string reference, CancellationToken ct)
    {
        var key = caseIdOrNumber.Trim();
        var query = db.Set<Case>().AsNoTracking();
        var c = Guid.TryParse(key, out var id)
            ? await query.SingleOrDefaultAsync(x => x.Id == id, ct)
            : await query.SingleOrDefaultAsync(x => x.CaseNumber == key, ct);
        if (c is null)
        {
            return CasesHandler.NotFound;
        }

        if (c.State.Stage is CaseStage.Closed or CaseStage.Archived)
        {
            return Error.Conflict("cases.closed", "案件已结案，卷宗不能再变更。", "The case is closed; its file can no longer change.");
        }

        db.Add(new CaseFileItem
        {
            CaseId = c.Id, Code = checklistCode, Description = description.Length > 500 ? description[..500] : description, Reference = reference,
            AddedAt = clock.GetUtcNow(), AddedBy = actor.Name,
        });
        return new CaseFileRef(c.Id, c.CaseNumber, c.Title, c.AgencyId);
    }

    public async Task<IReadOnlyList<VehicleCaseRef>> OpenCasesOfVehicleAsync(string plate, string plateColor, int max, CancellationToken ct)
    {
        var rows = await db.Set<Case>().AsNoTracking()
            .Where(c => c.VehiclePlate == plate && (c.PlateColor == null || c.PlateColor == plateColor)
                && c.State.Stage != CaseStage.Closed && c.State.Stage != CaseStage.Archived && c.State.Stage != CaseStage.Dropped)
            .OrderByDescending(c => c.CreatedAt)
            .Take(max)
            .Select(c => new { c.Id, c.CaseNumber, c.Title, c.State.Stage })
            .ToListAsync(ct);
        return rows.Select(c => new VehicleCaseRef(
                c.Id, c.CaseNumber, c.Title, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c.Stage.ToString()), CaseStageNames.Zh(c.Stage)))
            .ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, string?>> CaseNumbersAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0)
        {
            return new Dictionary<Guid, string?>();
        }

        var ids = caseIds.Distinct().ToList();
        return await db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);
    }
}

/// <summary>The case-document fonts, registered by the renderer (a singleton), offered to other modules.</summary>
internal sealed class DocumentFonts(CaseDocumentRenderer renderer) : IDocumentFonts
{
    public string SerifFamily => CaseDocumentFonts.SerifFamily;

    public string SansFamily => CaseDocumentFonts.SansFamily;

    public bool UseSans(int codePoint, bool preferSans) => renderer.Fonts.UseSans(codePoint, preferSans);
}
