using Vanguard.Domain.Disclosure;
using Vanguard.Domain.Identifiers;

namespace Vanguard.Domain.Credit;

/// <summary>
/// Who a credit record is about (信用主体). 车辆 by plate and colour (GA 36), 自然人 / 驾驶人 by 公民身份号码 (GB 11643), 运输企业 and
/// 货运源头单位 by 统一社会信用代码 (GB 32100).
/// </summary>
public static class CreditSubjectKind
{
    /// <summary>车辆: key <c>豫A12345|yellow</c>.</summary>
    public const string Vehicle = "vehicle";

    /// <summary>自然人 (the party or the 驾驶人): key the 身份证号.</summary>
    public const string Person = "person";

    /// <summary>法人或其他组织 (the party, the vehicle's owner enterprise, a 货运源头单位): key the 统一社会信用代码.</summary>
    public const string Organisation = "organisation";

    public static IReadOnlyList<string> All { get; } = [Vehicle, Person, Organisation];

    public static string NameZh(string kind) => kind switch
    {
        Vehicle => "车辆",
        Person => "自然人",
        _ => "企业/单位",
    };

    /// <summary>The key of a vehicle: normalised plate and colour code.</summary>
    public static string VehicleKey(string plate, string color) => PlateNumber.Normalise(plate) + "|" + color;

    /// <summary>Splits a vehicle key back into plate and colour.</summary>
    public static (string Plate, string Color) SplitVehicleKey(string key)
    {
        var bar = key.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (key, string.Empty) : (key[..bar], key[(bar + 1)..]);
    }

    /// <summary>
    /// What the public may see of a subject (严重失信主体名单 is published, 公路安全保护条例 art. 66 / the 2017 memorandum), masked as
    /// 双公示 masks (<see cref="DisclosureMask"/>, docs/disclosure.md) so that both pages show a subject alike: a vehicle's plate masked
    /// (豫A·***45: it points at a person or a small owner), a person's ID number masked, an organisation's credit code in full.
    /// </summary>
    public static string PublicKey(string kind, string key) => kind switch
    {
        Vehicle => DisclosureMask.Plate(SplitVehicleKey(key).Plate) + " " + PlateColor.NameZh(SplitVehicleKey(key).Color),
        Person => DisclosureMask.IdNumber(key),
        _ => key,
    };

    /// <summary>A natural person's name as 双公示 masks it (张三丰 → 张**); organisations in full.</summary>
    public static string PublicName(string kind, string name) => kind == Organisation ? name : DisclosureMask.PersonName(name);
}

/// <summary>The role the subject played in the decision (超限规定 art. 44 抄告 content: vehicle, driver, company, 货运源头).</summary>
public static class CreditRole
{
    /// <summary>The vehicle of the decision.</summary>
    public const string Vehicle = "vehicle";

    /// <summary>当事人 (the party the decision is addressed to).</summary>
    public const string Party = "party";

    /// <summary>车辆所有人 (the registry's owner enterprise of the vehicle, 超限规定 art. 29: the transport company is 责任主体).</summary>
    public const string Owner = "owner";

    /// <summary>驾驶人, recorded by an officer (超限规定 art. 44).</summary>
    public const string Driver = "driver";

    /// <summary>货运源头单位 that loaded the truck, recorded by an officer (超限规定 arts. 28, 44).</summary>
    public const string Source = "source";

    public static string NameZh(string role) => role switch
    {
        Vehicle => "车辆",
        Party => "当事人",
        Owner => "车辆所属企业",
        Driver => "驾驶人",
        Source => "货运源头单位",
        _ => role,
    };
}
