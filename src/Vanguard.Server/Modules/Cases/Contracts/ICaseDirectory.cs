using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Cases.Contracts;

/// <summary>What other modules may do with cases: put a piece of evidence into a case's file (卷宗); find a vehicle's open cases.</summary>
public interface ICaseDirectory
{
    /// <summary>
    /// Finds the case by id or case number (案号) in the caller's jurisdiction and stages a case-file item against the
    /// checklist code (e.g. <c>bodycam_clip</c>) in the caller's unit of work: it is written by the caller's next
    /// <c>SaveChangesAsync</c>, together with the caller's own change. Fails with <c>cases.not_found</c> or <c>cases.closed</c>.
    /// </summary>
    Task<Result<CaseFileRef>> AddFileItemAsync(string caseIdOrNumber, string checklistCode, string description, string reference, CancellationToken ct);

    /// <summary>
    /// The cases not yet closed, archived or dropped about the vehicle (normalised plate, colour code), newest first, in the
    /// caller's jurisdiction; a case recorded without a plate colour matches any colour.
    /// </summary>
    Task<IReadOnlyList<VehicleCaseRef>> OpenCasesOfVehicleAsync(string plate, string plateColor, int max, CancellationToken ct);

    /// <summary>The case numbers (案号, null before 立案) of the given cases the caller may see.</summary>
    Task<IReadOnlyDictionary<Guid, string?>> CaseNumbersAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct);
}

/// <summary>A case about a vehicle; <see cref="Stage"/> is the stage's stable camelCase name (<c>investigation</c> …).</summary>
public sealed record VehicleCaseRef(Guid Id, string? CaseNumber, string Title, string Stage, string StageName);

/// <summary>The case a file item was added to.</summary>
public sealed record CaseFileRef(Guid CaseId, string? CaseNumber, string Title, Guid AgencyId);
