using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Evidence.Contracts;

/// <summary>
/// How other modules keep files as evidence (photos and signatures from the officer's terminal): in the same
/// content-addressed store as body-camera clips, with an evidence item, retention and a chain of custody.
/// </summary>
public interface IEvidenceArchive
{
    /// <summary>
    /// Writes the blob at once and stages the evidence item and its custody line in the caller's unit of work: they are
    /// saved by the caller's next <c>SaveChangesAsync</c>, with the caller's own record. The same content already kept
    /// for the agency is reused (one live item per content per agency). The current actor must be linked to an officer.
    /// </summary>
    /// <param name="agencyId">The owning agency; the current actor's when null.</param>
    Task<Result<ArchivedFile>> StoreAsync(Stream content, string mediaType, string fileName, string description, Guid? agencyId, CancellationToken ct);

    /// <summary>
    /// As <see cref="StoreAsync"/>, for a file a member of the public handed in (a complainant's photos, online or at the
    /// window): no officer recorded it, so the item names <paramref name="submittedBy"/> as its source and no officer.
    /// Needs no officer account: the caller has checked the file and decides the owning agency.
    /// </summary>
    Task<Result<ArchivedFile>> StoreSubmittedAsync(
        Stream content, string mediaType, string fileName, string description, Guid agencyId, string submittedBy, CancellationToken ct);

    /// <summary>Whether a live (not deleted) item with this id exists in the caller's jurisdiction.</summary>
    Task<bool> ExistsAsync(Guid evidenceId, CancellationToken ct);

    /// <summary>Opens an item's file in the caller's jurisdiction and records the view in its custody (saved here); null when absent.</summary>
    Task<ArchivedContent?> OpenAsync(Guid evidenceId, CancellationToken ct);

    /// <summary>
    /// Hands an item over to another agency with the record it belongs to (a complaint reassigned to another agency takes the
    /// complainant's photos along): staged in the caller's unit of work with a <c>transfer</c> line in its custody; the caller's
    /// jurisdiction must cover both agencies. When the new agency already holds the same content, that item is the answer and
    /// this one stays. Returns the id of the item the new agency now holds, or null when the item is not found.
    /// </summary>
    Task<Guid?> TransferAsync(Guid evidenceId, Guid toAgencyId, string reason, CancellationToken ct);

    /// <summary>The live items linked to a case (body-camera clips and photos), in the caller's jurisdiction, oldest first.</summary>
    Task<IReadOnlyList<CaseEvidenceFile>> OfCaseAsync(Guid caseId, CancellationToken ct);
}

public sealed record CaseEvidenceFile(Guid EvidenceId, string FileName, string MediaType, string Sha256, long Length, DateTimeOffset RecordedFrom, string OfficerName);

public sealed record ArchivedFile(Guid EvidenceId, string Sha256, long Length);

/// <summary>An opened evidence file: the caller disposes <see cref="Content"/>.</summary>
public sealed record ArchivedContent(Stream Content, string MediaType, string Sha256, long Length, string FileName);
