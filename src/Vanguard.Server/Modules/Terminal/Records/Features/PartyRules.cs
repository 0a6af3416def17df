using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;

namespace Vanguard.Server.Modules.Terminal.Records.Features;

/// <summary>The party (当事人) as the terminal sends it, checked the same way for records and on-the-spot penalties.</summary>
internal static class PartyRules
{
    public static void Check(Validator check, PartyInput? party)
    {
        if (party is null)
        {
            check.Add("party", "required", "当事人不能为空。", "The party is required.");
            return;
        }

        check.Check(party.Kind is "person" or "organisation", "party.kind", "invalid", "当事人类型须为 person（个人）或 organisation（单位）。",
                "Party kind must be person or organisation.")
            .Require("party.name", party.Name, "当事人姓名或名称", "Party name")
            .MaxLength("party.name", party.Name, 100, "当事人姓名或名称", "Party name")
            .MaxLength("party.phone", party.Phone, 32, "联系电话", "Phone")
            .MaxLength("party.address", party.Address, 200, "地址", "Address");
        if (party.IdNumber is not { Length: > 0 } raw)
        {
            return;
        }

        var id = raw.Trim().ToUpperInvariant();
        if (party.Kind == "organisation")
        {
            check.Check(UnifiedSocialCreditCode.IsValid(id), "party.idNumber", "check_digit", "统一社会信用代码校验不通过（GB 32100）。",
                "The unified social credit code fails its check (GB 32100).");
            return;
        }

        if (ResidentIdNumber.IsValid(id))
        {
            return;
        }

        // GB 11643: name the expected check character when the first 17 are well-formed, so a typo is easy to find.
        var expected = id.Length == 18 && id[..17].All(char.IsAsciiDigit) ? ResidentIdNumber.CheckCharacterOf(id.AsSpan(0, 17)) : null;
        if (expected is { } c && c != id[17])
        {
            check.Add("party.idNumber", "check_digit", $"身份证号码校验不通过（GB 11643），按前 17 位校验码应为 {c}。",
                $"The ID number fails its check (GB 11643): the check character should be {c}.");
        }
        else
        {
            check.Add("party.idNumber", "check_digit", "身份证号码格式不正确（GB 11643，18 位）。", "The ID number is malformed (GB 11643, 18 characters).");
        }
    }

    public static string? NormaliseId(string? idNumber) => idNumber is { Length: > 0 } s ? s.Trim().ToUpperInvariant() : null;

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
