using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Vanguard.Domain.Disclosure;

/// <summary>
/// 脱敏 (masking) of a penalty decision's party before it is published (双公示). 个人信息保护法 art. 6 (最小必要) and art. 51
/// (去标识化) for natural persons; 政府信息公开条例 art. 15 (涉及个人隐私的不予公开, 可作区分处理 art. 37). A legal person's penalty
/// is published in full (名称、统一社会信用代码: 信用中国 行政处罚信息 data standard), but the person behind it is still a person:
/// its 法定代表人 is masked like any natural person. The rules (docs/disclosure.md):
/// <list type="bullet">
/// <item>a natural person's name: the first character, then one <c>*</c> per remaining character (张三丰 → 张**);</item>
/// <item>公民身份号码: the first 6 (the issuing county) and the last 4, 8 stars between (410102********1234), the form
/// government sites and 信用中国 use; a number of another length keeps its first 2 and last 2;</item>
/// <item>phone: 3 + 4 (138****5678); a phone is never a published field, this only scrubs free text;</item>
/// <item>plate: a natural person's vehicle shows the province, the authority and the last two characters (豫A·***45); an
/// organisation's vehicle (营运车辆, registered business information) is shown in full;</item>
/// <item>address: a natural person's is cut to the county (河南省郑州市中牟县) or removed when it cannot be read; an
/// organisation's registered address is shown in full;</item>
/// <item>free text (违法事实): every occurrence of the party's name, ID number, phone, plate, address and legal
/// representative is replaced by its masked form, and any other 18-character ID number or 11-digit mobile number too.</item>
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
    /// A natural person's address to the county: 河南省郑州市中牟县官渡镇… → 河南省郑州市中牟县. Null when no county can be read:
    /// an address that is not understood is removed, not guessed at.
    /// </summary>
    public static string? AddressToCounty(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var s = address.Trim();
        var m = CountyPrefix().Match(s);
        return m.Success ? m.Value : null;
    }

    /// <summary>
    /// Scrubs free text of the party's identifiers: each given value is replaced by its masked form (longest first, so that an
    /// address containing the name is handled whole), then any remaining ID number or mobile number.
    /// </summary>
    public static string? Scrub(string? text, DisclosureParty party)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var replacements = new List<(string From, string To)>();
        void Add(string? from, string? to)
        {
            if (!string.IsNullOrWhiteSpace(from) && from.Trim().Length >= 2)
            {
                replacements.Add((from.Trim(), to ?? string.Empty));
            }
        }

        var person = party.IsPerson;
        if (person)
        {
            Add(party.Name, PersonName(party.Name));
            Add(party.Address, AddressToCounty(party.Address) ?? "（地址略）");
        }

        Add(party.IdNumber, person ? IdNumber(party.IdNumber ?? string.Empty) : party.IdNumber);
        Add(party.Phone, Phone(party.Phone ?? string.Empty));
        if (party.LegalRepresentative is { } rep)
        {
            Add(rep, PersonName(rep));
        }

        if (person && party.Plate is { } plate)
        {
            var bare = plate.Trim().Replace("·", string.Empty, StringComparison.Ordinal);
            Add(bare, Plate(bare));
            if (bare.Length > 2)
            {
                Add(bare[..2] + "·" + bare[2..], Plate(bare));
            }
        }

        var sb = new StringBuilder(text);
        foreach (var (from, to) in replacements.OrderByDescending(r => r.From.Length))
        {
            sb.Replace(from, to);
        }

        var scrubbed = IdPattern().Replace(sb.ToString(), m => IdNumber(m.Value));
        return MobilePattern().Replace(scrubbed, m => Phone(m.Value));
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

    // Up to the province (省/自治区, or a municipality's 市), the city (市/州/地区/盟) and the county (县/区/旗/县级市); each part at
    // most 10 characters so that "…小区" deep in a street address is not taken for a district.
    [GeneratedRegex(@"^(?:[\p{IsCJKUnifiedIdeographs}]{2,10}?(?:省|自治区))?(?:[\p{IsCJKUnifiedIdeographs}]{2,10}?(?:市|自治州|州|地区|盟))?[\p{IsCJKUnifiedIdeographs}]{1,10}?(?:县|区|旗|市)")]
    private static partial Regex CountyPrefix();

    // 公民身份号码 (GB 11643): 17 digits and a check character; not inside a longer run of digits.
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdPattern();

    // 中国大陆手机号: 11 digits starting 1[3-9]; not inside a longer run of digits.
    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobilePattern();
}

/// <summary>The party of a decision as the case holds it (in full).</summary>
public sealed record DisclosureParty(
    bool IsPerson, string Name, string? IdNumber, string? Phone, string? Address, string? Plate, string? LegalRepresentative = null);

/// <summary>The party as published: masked for a natural person, in full (but its legal representative masked) for an organisation.</summary>
public sealed record DisclosedParty(string Name, string? IdNumber, string? LegalRepresentative, string? Plate, string? Address);
