namespace Vanguard.Server.Modules.Evidence.Contracts;

/// <summary>
/// Which cases have audio-visual evidence (音像记录: body-camera clips and other video), for the monthly performance evaluation
/// (现场执法音像记录率). "Video" is a live (not deleted) item whose media type is <c>video/*</c>: a still photo from the terminal is
/// not a recording of the enforcement. The caller's jurisdiction applies.
/// </summary>
public interface ICaseVideoEvidence
{
    /// <summary>Of <paramref name="caseIds"/>, those linked (<c>POST /evidence/{id}/links</c>) to at least one live video item.</summary>
    Task<IReadOnlySet<Guid>> CasesWithLinkedVideoAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct);

    /// <summary>Of <paramref name="evidenceIds"/> (as a case file names them), those that are live video items.</summary>
    Task<IReadOnlySet<Guid>> LiveVideoAsync(IReadOnlyCollection<Guid> evidenceIds, CancellationToken ct);
}
