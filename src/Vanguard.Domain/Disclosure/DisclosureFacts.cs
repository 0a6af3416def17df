using System.Globalization;

namespace Vanguard.Domain.Disclosure;

/// <summary>
/// 主要违法事实 as published. The officer's free text is never published: it names drivers, witnesses, other vehicles, addresses
/// and phone numbers in forms no scrubber can be trusted to find (个人信息保护法 art. 6 最小必要; 政府信息公开条例 art. 15). The
/// public sentence is built from the structured fields only — the act date, the party and plate as <see cref="DisclosureMask.Party"/>
/// shows them, the offence and the provision it breaks — so nothing reaches the public that was not masked field by field.
/// </summary>
public static class DisclosureFacts
{
    /// <summary>
    /// 2026年11月3日，张**驾驶豫A·***45号车辆，车货总质量超限，违反了《超限运输车辆行驶公路管理规定》第三条第一款第（四）至（八）项的规定。
    /// An organisation's vehicle is 其所属 (the company does not drive); without a plate the party commits the offence itself;
    /// without an act date the sentence starts with the party.
    /// </summary>
    public static string Compose(bool isPerson, DisclosedParty shown, DateOnly? actOn, string offenceName, string? violationBasis)
    {
        var when = actOn is { } d ? d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) + "，" : string.Empty;
        var who = shown.Plate is { Length: > 0 } plate
            ? isPerson ? $"{shown.Name}驾驶{plate}号车辆" : $"{shown.Name}所属{plate}号车辆"
            : shown.Name;
        var basis = violationBasis is { Length: > 0 } b ? $"，违反了{b}的规定" : string.Empty;
        return $"{when}{who}，{offenceName.Trim()}{basis}。";
    }
}
