using System.Globalization;
using System.Text.RegularExpressions;

namespace Vanguard.Domain.Disclosure;

/// <summary>
/// 脱敏 (masking): THE masking rules of the platform. Every module that shows a person to the public (双公示 here, the credit
/// blacklist, …) calls these methods rather than masking in its own way, so that one person looks the same everywhere:
/// <see cref="PersonName"/>, <see cref="IdNumber"/>, <see cref="Phone"/>, <see cref="Plate"/>, <see cref="AddressToCounty"/>, and
/// <see cref="Party"/> for a whole party. 个人信息保护法 art. 6 (最小必要) and art. 51 (去标识化) for natural persons; 政府信息公开条例
/// art. 15 (涉及个人隐私的不予公开, 可作区分处理 art. 37). A legal person's penalty is published in full (名称、统一社会信用代码: 信用中国
/// 行政处罚信息 data standard), but the person behind it is still a person: its 法定代表人 is masked like any natural person. The
/// rules (docs/disclosure.md):
/// <list type="bullet">
/// <item>a natural person's name: the first character, then one <c>*</c> per remaining character (张三丰 → 张**);</item>
/// <item>公民身份号码: the first 6 (the issuing county) and the last 4, stars between (410102********1234; a 15-digit number
/// 410102*****1123), the form government sites and 信用中国 use; a number of another length keeps its first 2 and last 2;</item>
/// <item>phone: a mobile 3 + 4 (138****5678), a fixed line its last 4; a phone is never a published field;</item>
/// <item>plate: a natural person's vehicle shows the province, the authority and the last two characters (豫A·***45, a trailer
/// 豫A·***4挂); an organisation's vehicle (营运车辆, registered business information) is shown in full;</item>
/// <item>address: a natural person's is cut to the county (河南省郑州市中牟县), to the city when no county is written, or removed
/// when it cannot be read; an organisation's registered address is shown in full;</item>
/// <item>free text (违法事实) is never masked and published: no scrubber finds every name, address and number an officer may
/// write; the public facts are generated from these masked fields (<see cref="DisclosureFacts"/>).</item>
/// </list>
/// </summary>
public static partial class DisclosureMask
{
    /// <summary>张三丰 → 张**; a single character stays as it is (nothing left to hide without hiding the whole name).</summary>
    public static string PersonName(string name)
    {
        var info = new StringInfo(name.Trim());
        return info.LengthInTextElements <= 1
            ? info.String
            : info.SubstringByTextElements(0, 1) + new string('*', info.LengthInTextElements - 1);
    }

    /// <summary>410102199001011234 → 410102********1234; other lengths keep the first and last 2.</summary>
    public static string IdNumber(string id)
    {
        var s = id.Trim();
        if (s.Length == 18 || s.Length == 15)
        {
            return s[..6] + new string('*', s.Length - 10) + s[^4..];
        }

        return s.Length <= 4 ? new string('*', s.Length) : s[..2] + new string('*', s.Length - 4) + s[^2..];
    }

    /// <summary>13812345678 → 138****5678; a fixed line keeps its last 4.</summary>
    public static string Phone(string phone)
    {
        var s = phone.Trim();
        if (s.Length == 11 && s[0] == '1')
        {
            return s[..3] + "****" + s[^4..];
        }

        return s.Length <= 4 ? new string('*', s.Length) : new string('*', s.Length - 4) + s[^4..];
    }

    /// <summary>豫A12345 → 豫A·***45 (the house form of an anonymised plate, as the evaluator sample shows it).</summary>
    public static string Plate(string plate)
    {
        var s = plate.Trim().Replace("·", string.Empty, StringComparison.Ordinal);
        return s.Length < 5 ? new string('*', s.Length) : s[..2] + "·***" + s[^2..];
    }

    /// <summary>
    /// A natural person's address to the county: 河南省郑州市中牟县官渡镇… → 河南省郑州市中牟县; to the city or province when no
    /// county is written (郑州市文化路小区3号楼 → 郑州市). Null when nothing can be read: an address that is not understood is
    /// removed, not guessed at.
    /// </summary>
    public static string? AddressToCounty(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var s = address.Trim();
        var m = CountyPrefix().Match(s);
        return m.Success && m.Length > 0 ? m.Value : null;
    }

    /// <summary>The party as published: what <see cref="DisclosedParty"/> holds is all the public may see of it.</summary>
    public static DisclosedParty Party(DisclosureParty party, bool publishOrganisationPlates = true)
    {
        if (party.IsPerson)
        {
            return new DisclosedParty(
                PersonName(party.Name),
                party.IdNumber is { Length: > 0 } id ? IdNumber(id) : null,
                null,
                party.Plate is { Length: > 0 } plate ? Plate(plate) : null,
                AddressToCounty(party.Address));
        }

        return new DisclosedParty(
            party.Name.Trim(),
            party.IdNumber?.Trim(),
            party.LegalRepresentative is { Length: > 0 } rep ? PersonName(rep) : null,
            party.Plate is { Length: > 0 } p ? (publishOrganisationPlates ? p.Trim() : Plate(p)) : null,
            party.Address?.Trim());
    }

    // Up to the province (省/自治区, or a municipality's 市), the city (市/州/地区/盟) and the county (县/区/旗/县级市), each part at
    // most 10 characters of a place name (no 路/街/巷/号/楼/弄: those are streets and buildings, never a division). A county ending
    // 区 must not be 小区/社区/园区/校区/厂区/景区/街区/片区/营区/服务区, nor 市 the start of 市场: "郑州市文化路小区3号楼" is cut to
    // "郑州市", not "郑州市文化路小区".
    [GeneratedRegex(@"^(?<province>[\p{IsCJKUnifiedIdeographs}-[路街巷号楼弄]]{2,10}?(?:省|自治区))?(?<city>[\p{IsCJKUnifiedIdeographs}-[路街巷号楼弄]]{2,10}?(?:市|自治州|州|地区|盟)(?!场))?(?<county>[\p{IsCJKUnifiedIdeographs}-[路街巷号楼弄]]{1,10}?(?:县|(?<![小社园校厂景街片营务])区|旗|市(?!场)))?")]
    private static partial Regex CountyPrefix();
}

/// <summary>The party of a decision as the case holds it (in full).</summary>
public sealed record DisclosureParty(
    bool IsPerson, string Name, string? IdNumber, string? Phone, string? Address, string? Plate, string? LegalRepresentative = null);

/// <summary>The party as published: masked for a natural person, in full (but its legal representative masked) for an organisation.</summary>
public sealed record DisclosedParty(string Name, string? IdNumber, string? LegalRepresentative, string? Plate, string? Address);
