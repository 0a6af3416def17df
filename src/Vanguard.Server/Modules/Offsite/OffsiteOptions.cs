using System.ComponentModel.DataAnnotations;
using Vanguard.Domain.Penalties;

namespace Vanguard.Server.Modules.Offsite;

/// <summary><c>Vanguard:Offsite</c> settings.</summary>
public sealed class OffsiteOptions
{
    /// <summary>Unmatched plate reads are personal data: deleted after this many days.</summary>
    [Range(1, 3650)]
    public int AnprRetentionDays { get; set; } = 90;

    /// <summary>A station silent for longer than this raises a warning on the dashboard.</summary>
    [Range(1, 10_080)]
    public int StationSilentMinutes { get; set; } = 30;

    /// <summary>A certificate ending within this many days raises a warning.</summary>
    [Range(1, 365)]
    public int CertificateWarningDays { get; set; } = 30;

    /// <summary>Whether a partial 1 000 kg counts (超限规定 art. 43; a provincial 裁量基准 setting).</summary>
    public OverloadUnitRounding OverloadRounding { get; set; } = OverloadUnitRounding.Floor;

    /// <summary>
    /// With <c>Vanguard:Bus=Nats</c>: batches this node processes at once from the ingest stream. 0 = this node only accepts
    /// batches and publishes them (the other nodes process them).
    /// </summary>
    [Range(0, 64)]
    public int BusWorkers { get; set; } = 2;

    /// <summary>Sender name at the start of notification texts.</summary>
    public string SmsSignature { get; set; } = "【河南交通执法】";
}
