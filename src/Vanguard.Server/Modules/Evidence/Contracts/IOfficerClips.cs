namespace Vanguard.Server.Modules.Evidence.Contracts;

/// <summary>
/// What an officer recorded during a period (body-camera clips, terminal photos), for the modules that review an
/// officer's conduct (a complaint about an officer). Live items in the caller's jurisdiction only; the caller decides
/// who may ask and audits the look-up. Opening a clip goes through the evidence player, which keeps its own custody line.
/// </summary>
public interface IOfficerClips
{
    /// <summary>The live items the officer recorded that overlap <paramref name="from"/>–<paramref name="to"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<OfficerClip>> RecordedByAsync(Guid officerId, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken ct);

    /// <summary>Those of <paramref name="ids"/> that are live items in the caller's jurisdiction (to validate a reference to a clip).</summary>
    Task<IReadOnlySet<Guid>> ExistingAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>
    /// For the demo province only: keeps <paramref name="content"/> as an item the officer recorded from
    /// <paramref name="from"/> to <paramref name="to"/> on a recorder with <paramref name="deviceSerial"/> (skipped when the
    /// officer already has an item with that file name). Saved here. Real recordings come through the dock's uploads.
    /// </summary>
    Task AddDemoRecordingAsync(
        Guid officerId, DateTimeOffset from, DateTimeOffset to, string fileName, string mediaType, byte[] content, string deviceSerial, CancellationToken ct);
}

/// <param name="DeviceSerial">The recorder's serial, or <c>terminal</c> for a photo from the handheld terminal.</param>
public sealed record OfficerClip(
    Guid EvidenceId, string FileName, string MediaType, DateTimeOffset RecordedFrom, DateTimeOffset RecordedTo, double? DurationSeconds,
    string DeviceSerial, string Sha256);
