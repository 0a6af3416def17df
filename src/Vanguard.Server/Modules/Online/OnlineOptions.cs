using System.ComponentModel.DataAnnotations;

namespace Vanguard.Server.Modules.Online;

/// <summary><c>Vanguard:Online</c>: the portal's limits and the texts that differ by province.</summary>
public sealed class OnlineOptions
{
    /// <summary>How long a party session lasts (the cookie and the token).</summary>
    [Range(1, 240)]
    public int SessionMinutes { get; set; } = 30;

    [Range(1, 60)]
    public int CodeMinutes { get; set; } = 10;

    [Range(1, 20)]
    public int CodeMaxAttempts { get; set; } = 5;

    /// <summary>Wrong codes for a vehicle (plate and colour) are counted over this rolling window, across every code issued in it.</summary>
    [Range(1, 1440)]
    public int FailureWindowMinutes { get; set; } = 60;

    /// <summary>Once locked, no code for the vehicle is accepted or issued for this long after the last code that drew failures.</summary>
    [Range(1, 1440)]
    public int LockMinutes { get; set; } = 60;

    /// <summary>At most one text with a code per vehicle per this many seconds (further requests get the same answer, no text).</summary>
    [Range(0, 3600)]
    public int SmsPerPlateIntervalSeconds { get; set; } = 60;

    /// <summary>At most this many texts with a code per vehicle per day.</summary>
    [Range(1, 100)]
    public int SmsPerPlatePerDay { get; set; } = 5;

    /// <summary>Look-ups and code requests per client address per 10 minutes.</summary>
    [Range(1, 100000)]
    public int PerAddressPer10Minutes { get; set; } = 60;

    /// <summary>Look-ups and code requests per plate per 10 minutes.</summary>
    [Range(1, 100000)]
    public int PerPlatePer10Minutes { get; set; } = 20;

    /// <summary>Working days the officer has to answer a statement or a hearing request.</summary>
    [Range(1, 30)]
    public int AnswerWorkingDays { get; set; } = 3;

    /// <summary>复议机关 named on every decision; <c>{agency}</c> becomes the deciding agency.</summary>
    public string ReviewBody { get; set; } = "{agency}的本级人民政府（《行政复议法》第二十四条）";

    /// <summary>The court named on every decision.</summary>
    public string Court { get; set; } = "{agency}所在地有管辖权的人民法院";

    /// <summary>Prefix of SMS texts (【签名】).</summary>
    public string SmsSignature { get; set; } = "【交通运输综合执法】";

    /// <summary>How long a pay link (the terminal's payment QR code) opens its case: the 15 days to pay and some late ones.</summary>
    [Range(1, 365)]
    public int PayLinkDays { get; set; } = 30;

    /// <summary>Where the portal lives, for links in texts and the terminal's payment QR code (absolute).</summary>
    public string PortalUrl { get; set; } = "http://localhost:5080/online";
}
