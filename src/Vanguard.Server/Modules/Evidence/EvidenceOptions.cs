using System.ComponentModel.DataAnnotations;

namespace Vanguard.Server.Modules.Evidence;

/// <summary>The <c>Vanguard:Evidence</c> configuration section (docs/evidence.md).</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Vanguard:Evidence";

    /// <summary>Months a standard recording is kept after it ends (or is uploaded, if later); never fewer than six.</summary>
    [Range(6, 1200)]
    public int RetentionMonths { get; set; } = 6;

    /// <summary>Hour of the day (China time) when the daily retention run starts.</summary>
    [Range(0, 23)]
    public int RetentionHour { get; set; } = 2;

    /// <summary>How often every blob is re-hashed; each run re-hashes the items not verified within this interval.</summary>
    [Range(1, 24 * 365)]
    public int IntegrityIntervalHours { get; set; } = 24 * 7;

    /// <summary>Blob root; default <c>&lt;DataDirectory&gt;/evidence</c>. Blobs live under <c>sha256/ab/cd/&lt;hash&gt;</c>.</summary>
    public string? StorageDirectory { get; set; }

    /// <summary>Where unfinished uploads are written; default <c>&lt;DataDirectory&gt;/evidence/uploads</c>. Must be shared when several nodes take uploads.</summary>
    public string? TempDirectory { get; set; }

    /// <summary>Largest file accepted (Tus-Max-Size); default 8 GiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 8L * 1024 * 1024 * 1024;

    /// <summary>An unfinished upload untouched for this long is removed (Upload-Expires).</summary>
    [Range(1, 24 * 90)]
    public int UploadExpiryHours { get; set; } = 72;

    /// <summary>ffprobe executable (name on PATH or full path); missing means no duration, no thumbnails, said so on the item.</summary>
    public string FfprobePath { get; set; } = "ffprobe";

    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Origins allowed to upload from a browser (CORS); empty means any origin (uploads carry a token, not a cookie).</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Run the retention and integrity jobs on their schedule; off, they run only when an administrator asks.</summary>
    public bool ScheduleJobs { get; set; } = true;
}
