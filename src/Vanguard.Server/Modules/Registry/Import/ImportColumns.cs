namespace Vanguard.Server.Modules.Registry.Import;

/// <summary>What can be imported; the value is the <c>{kind}</c> of the import URL.</summary>
internal enum ImportKind
{
    Persons,
    Organisations,
    Vehicles,
    Drivers,
}

/// <summary>
/// The columns of each import kind: the field name (as in the JSON API) and the headers accepted for it, English and
/// Chinese. Headers are matched ignoring case, spaces, underscores, hyphens, brackets and a required-marker '*', so
/// "Plate", "plate_number"… do not all need listing; docs/registry-import.md is the user's copy of this table.
/// </summary>
internal static class ImportColumns
{
    public sealed record Column(string Field, string[] Headers, bool Required = false);

    public static IReadOnlyList<Column> Of(ImportKind kind) => kind switch
    {
        ImportKind.Persons =>
        [
            new("name", ["name", "姓名"], Required: true),
            new("idNumber", ["idNumber", "身份证号", "身份证号码", "公民身份号码", "证件号码"], Required: true),
            new("phone", ["phone", "电话", "联系电话", "手机", "手机号", "手机号码"]),
            new("address", ["address", "住址", "地址", "联系地址"]),
        ],
        ImportKind.Organisations =>
        [
            new("name", ["name", "单位名称", "企业名称", "业户名称", "名称"], Required: true),
            new("creditCode", ["creditCode", "统一社会信用代码", "信用代码"], Required: true),
            new("legalRepresentative", ["legalRepresentative", "法定代表人", "法人", "负责人"]),
            new("address", ["address", "地址", "住所", "经营地址"]),
            new("phone", ["phone", "电话", "联系电话"]),
            new("operatingLicenceNo", ["operatingLicenceNo", "operatingLicenseNo", "道路运输经营许可证号", "经营许可证号", "许可证号"]),
        ],
        ImportKind.Vehicles =>
        [
            new("plate", ["plate", "车牌号码", "号牌号码", "车牌号", "车牌"], Required: true),
            new("plateColor", ["plateColor", "plateColour", "号牌颜色", "车牌颜色"], Required: true),
            new("vehicleTypeCode", ["vehicleTypeCode", "车辆类型代码", "车辆类型"], Required: true),
            new("vehicleTypeName", ["vehicleTypeName", "车辆类型名称"]),
            new("ownerIdNumber", ["ownerIdNumber", "所有人身份证号", "所有人公民身份号码", "车主身份证号"]),
            new("ownerCreditCode", ["ownerCreditCode", "所有人统一社会信用代码", "业户统一社会信用代码", "车主统一社会信用代码"]),
            new("axleCount", ["axleCount", "轴数"]),
            new("registeredTotalMassKg", ["registeredTotalMassKg", "totalMassKg", "总质量", "总质量kg", "总质量千克", "核定总质量"]),
            new("transportCertificateNo", ["transportCertificateNo", "道路运输证号", "运输证号"]),
            new("transportCertificateValidUntil", ["transportCertificateValidUntil", "道路运输证有效期至", "道路运输证有效期", "运输证有效期至", "有效期至"]),
            new("status", ["status", "状态", "车辆状态", "营运状态"]),
        ],
        ImportKind.Drivers =>
        [
            new("idNumber", ["idNumber", "身份证号", "身份证号码", "公民身份号码"], Required: true),
            new("qualificationNo", ["qualificationNo", "从业资格证号", "资格证号"], Required: true),
            new("qualificationCategory", ["qualificationCategory", "从业资格类别", "资格类别", "从业资格类型"], Required: true),
            new("validUntil", ["validUntil", "有效期至", "有效期", "从业资格证有效期至"], Required: true),
            new("employerCreditCode", ["employerCreditCode", "所属企业统一社会信用代码", "服务单位统一社会信用代码", "单位统一社会信用代码"]),
        ],
    };

    /// <summary>Field → index in the file for the columns found; the required ones that are missing.</summary>
    public static (Dictionary<string, int> Found, List<Column> Missing) Match(ImportKind kind, IReadOnlyList<string> headers)
    {
        var keys = headers.Select(Key).ToList();
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in Of(kind))
        {
            var index = keys.FindIndex(k => column.Headers.Any(h => Key(h) == k));
            if (index >= 0)
            {
                found[column.Field] = index;
            }
        }

        return (found, Of(kind).Where(c => c.Required && !found.ContainsKey(c.Field)).ToList());
    }

    public static string Key(string header) => string.Concat(header
            .Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-' or '*' or '(' or ')' or '（' or '）' or '\uFEFF')))
        .ToLowerInvariant();

    public static bool TryParseKind(string text, out ImportKind kind) => Enum.TryParse(text, ignoreCase: true, out kind)
        && Enum.IsDefined(kind) && !text.Any(char.IsAsciiDigit);
}
