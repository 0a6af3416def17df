using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Cases.Contracts;

/// <summary>What other modules may do with cases: put a piece of evidence into a case's file (卷宗).</summary>
public interface ICaseDirectory
{
    /// <summary>
    /// Finds the case by id or case number (案号) in the caller's jurisdiction and stages a case-file item against the
    /// checklist code (e.g. <c>bodycam_clip</c>) in the caller's unit of work: it is written by the caller's next
    /// <c>SaveChangesAsync</c>, together with the caller's own change. Fails with <c>cases.not_found</c> or <c>cases.closed</c>.
    /// </summary>
    Task<Result<CaseFileRef>> AddFileItemAsync(string caseIdOrNumber, string checklistCode, string description, string reference, CancellationToken ct);
}

/// <summary>The case a file item was added to.</summary>
public sealed record CaseFileRef(Guid CaseId, string? CaseNumber, string Title, Guid AgencyId);
