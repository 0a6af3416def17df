using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Domain.Registry;
using Vanguard.Server.Modules.Registry.Contracts;

namespace Vanguard.Server.Modules.Registry;

public sealed record CreatePersonRequest(string? Name, string? IdNumber, string? Phone, string? Address);

public sealed record CreateOrganisationRequest(
    string? Name, string? CreditCode, string? LegalRepresentative, string? Address, string? Phone, string? OperatingLicenceNo);

/// <summary>The owner is named by exactly one of <see cref="OwnerIdNumber"/> (a person) and <see cref="OwnerCreditCode"/> (an organisation).</summary>
public sealed record CreateVehicleRequest(
    string? Plate, string? PlateColor, string? VehicleTypeCode, string? VehicleTypeName, string? OwnerIdNumber, string? OwnerCreditCode,
    int? AxleCount, int? RegisteredTotalMassKg, string? TransportCertificateNo, DateOnly? TransportCertificateValidUntil, string? Status);

/// <summary>The driver is the registered person with <see cref="IdNumber"/>; the employer, when given, a registered organisation.</summary>
public sealed record CreateDriverRequest(
    string? IdNumber, string? QualificationNo, string? QualificationCategory, DateOnly? ValidUntil, string? EmployerCreditCode);

/// <summary>Field values after validation: trimmed, empty as null, identifiers in their canonical spelling.</summary>
internal sealed record PersonData(string Name, string IdNumber, string? Phone, string? Address);

internal sealed record OrganisationData(
    string Name, string CreditCode, string? LegalRepresentative, string? Address, string? Phone, string? OperatingLicenceNo);

internal sealed record VehicleData(
    string Plate, string PlateColor, string VehicleTypeCode, string VehicleTypeName, string? OwnerIdNumber, string? OwnerCreditCode,
    int? AxleCount, int? RegisteredTotalMassKg, string? TransportCertificateNo, DateOnly? TransportCertificateValidUntil, string Status);

internal sealed record DriverData(string IdNumber, string QualificationNo, string QualificationCategory, DateOnly ValidUntil, string? EmployerCreditCode);

/// <summary>
/// The rules every registry write follows, whether it comes as JSON or as a row of an import: the same checks, the
/// same error codes, the same canonical values (so that re-importing a file compares equal and changes nothing).
/// </summary>
internal static class RegistryRules
{
    // China has kept UTC+8 all year since 1991: a certificate expires at the end of its day in Beijing time,
    // whatever time zone the server runs in.
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);

    public static CertificateStatus StatusOf(string? number, DateOnly? validUntil, DateOnly today) => number is null
        ? CertificateStatus.None
        : validUntil is { } until && today <= until ? CertificateStatus.Valid : CertificateStatus.Expired;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string CanonicalNumber(string text) => text.Trim().ToUpperInvariant();

    /// <summary>Hides the middle of a phone number: 138****5678.</summary>
    public static string? MaskPhone(string? phone) =>
        phone is null ? null : phone.Length < 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];

    public static Result<PersonData> Check(CreatePersonRequest r)
    {
        var v = new Validator()
            .Require("name", r.Name, "姓名", "Name")
            .MaxLength("name", Clean(r.Name), 50, "姓名", "Name");
        IdNumber(v, "idNumber", r.IdNumber, required: true);
        Phone(v, "phone", r.Phone);
        v.MaxLength("address", Clean(r.Address), 200, "住址", "Address");
        return v.IsValid
            ? new PersonData(Clean(r.Name)!, CanonicalNumber(r.IdNumber!), Clean(r.Phone), Clean(r.Address))
            : v.ToError();
    }

    public static Result<OrganisationData> Check(CreateOrganisationRequest r)
    {
        var v = new Validator()
            .Require("name", r.Name, "单位名称", "Name")
            .MaxLength("name", Clean(r.Name), 100, "单位名称", "Name");
        CreditCode(v, "creditCode", r.CreditCode, required: true);
        v.MaxLength("legalRepresentative", Clean(r.LegalRepresentative), 50, "法定代表人", "Legal representative")
            .MaxLength("address", Clean(r.Address), 200, "地址", "Address")
            .MaxLength("operatingLicenceNo", Clean(r.OperatingLicenceNo), 40, "道路运输经营许可证号", "Operating licence number");
        Phone(v, "phone", r.Phone);
        return v.IsValid
            ? new OrganisationData(
                Clean(r.Name)!, CanonicalNumber(r.CreditCode!), Clean(r.LegalRepresentative), Clean(r.Address), Clean(r.Phone),
                Clean(r.OperatingLicenceNo))
            : v.ToError();
    }

    public static Result<VehicleData> Check(CreateVehicleRequest r)
    {
        var v = new Validator();
        var plate = Clean(r.Plate) is { } p ? PlateNumber.Normalise(p) : null;
        v.Require("plate", plate, "号牌号码", "Plate");
        v.Check(plate is null || PlateNumber.IsValid(plate), "plate", "registry.plate_invalid",
            "号牌号码不符合 GA 36 的格式（如 豫A12345、豫AD12345）。", "The plate does not follow GA 36 (e.g. 豫A12345, 豫AD12345).");
        var color = PlateColor.Parse(r.PlateColor);
        v.Require("plateColor", r.PlateColor, "号牌颜色", "Plate colour");
        v.Check(Clean(r.PlateColor) is null || color is not null, "plateColor", "registry.plate_color_invalid",
            $"号牌颜色须为：{string.Join("、", PlateColor.All)}（或其中文名）。", $"Plate colour must be one of: {string.Join(", ", PlateColor.All)}.");
        v.Check(color is null || plate is null || !PlateNumber.IsValid(plate) || PlateColor.IsConsistent(plate, color), "plateColor",
            "registry.plate_color_mismatch", "号牌颜色与号牌号码不符（八位新能源号牌为渐变绿或黄绿双拼，挂车为黄牌）。",
            "The colour does not fit the plate (8-character new-energy plates are green or yellow-green, trailers yellow).");

        var typeCode = Clean(r.VehicleTypeCode)?.ToUpperInvariant();
        v.Require("vehicleTypeCode", typeCode, "车辆类型代码", "Vehicle type code");
        v.Check(typeCode is null || VehicleType.IsWellFormed(typeCode), "vehicleTypeCode", "registry.vehicle_type_invalid",
            "车辆类型代码应为 GA/T 16.4 代码（如 H11、Q11）。", "The vehicle type must be a GA/T 16.4 code (e.g. H11, Q11).");
        var typeName = Clean(r.VehicleTypeName) ?? (typeCode is null ? null : VehicleType.NameOf(typeCode));
        if (typeCode is not null && VehicleType.IsWellFormed(typeCode))
        {
            v.Require("vehicleTypeName", typeName, "车辆类型名称", "Vehicle type name");
        }

        v.MaxLength("vehicleTypeName", typeName, 30, "车辆类型名称", "Vehicle type name");
        Owner(v, r.OwnerIdNumber, r.OwnerCreditCode);
        v.Check(r.AxleCount is null or (>= 2 and <= 12), "axleCount", "registry.axle_count_out_of_range", "轴数应在 2 至 12 之间。", "Axle count must be 2..12.");
        v.Check(r.RegisteredTotalMassKg is null or (> 0 and <= 200_000), "registeredTotalMassKg", "registry.mass_out_of_range",
            "总质量应在 1 至 200 000 千克之间。", "Total mass must be 1..200 000 kg.");
        var certificate = Clean(r.TransportCertificateNo)?.ToUpperInvariant();
        v.MaxLength("transportCertificateNo", certificate, 40, "道路运输证号", "Transport certificate number");
        v.Check(certificate is null || r.TransportCertificateValidUntil is not null, "transportCertificateValidUntil", "required",
            "填写道路运输证号时须填写有效期。", "A transport certificate needs its expiry date.");
        v.Check(certificate is not null || r.TransportCertificateValidUntil is null, "transportCertificateNo", "required",
            "填写道路运输证有效期时须填写证号。", "An expiry date needs the certificate number.");
        var status = Clean(r.Status) is null ? VehicleStatus.Active : VehicleStatus.Parse(r.Status);
        v.Check(status is not null, "status", "registry.status_invalid",
            $"车辆状态须为：{string.Join("、", VehicleStatus.All)}（或 营运、停运、注销）。", $"Status must be one of: {string.Join(", ", VehicleStatus.All)}.");
        return v.IsValid
            ? new VehicleData(
                plate!, color!, typeCode!, typeName!, Clean(r.OwnerIdNumber) is { } id ? CanonicalNumber(id) : null,
                Clean(r.OwnerCreditCode) is { } code ? CanonicalNumber(code) : null, r.AxleCount, r.RegisteredTotalMassKg, certificate,
                certificate is null ? null : r.TransportCertificateValidUntil, status!)
            : v.ToError();
    }

    public static Result<DriverData> Check(CreateDriverRequest r)
    {
        var v = new Validator();
        IdNumber(v, "idNumber", r.IdNumber, required: true);
        var number = Clean(r.QualificationNo)?.ToUpperInvariant();
        v.Require("qualificationNo", number, "从业资格证号", "Qualification number")
            .MaxLength("qualificationNo", number, 32, "从业资格证号", "Qualification number")
            .Check(number is null || number.All(char.IsAsciiLetterOrDigit), "qualificationNo", "registry.qualification_no_invalid",
                "从业资格证号只能包含字母和数字。", "The qualification number may contain letters and digits only.")
            .Require("qualificationCategory", r.QualificationCategory, "从业资格类别", "Qualification category")
            .MaxLength("qualificationCategory", Clean(r.QualificationCategory), 50, "从业资格类别", "Qualification category")
            .Check(r.ValidUntil is not null, "validUntil", "required", "有效期不能为空。", "The expiry date is required.");
        CreditCode(v, "employerCreditCode", r.EmployerCreditCode, required: false);
        return v.IsValid
            ? new DriverData(
                CanonicalNumber(r.IdNumber!), number!, Clean(r.QualificationCategory)!, r.ValidUntil!.Value,
                Clean(r.EmployerCreditCode) is { } code ? CanonicalNumber(code) : null)
            : v.ToError();
    }

    private static void IdNumber(Validator v, string field, string? value, bool required)
    {
        if (required)
        {
            v.Require(field, value, "公民身份号码", "ID number");
        }

        v.Check(Clean(value) is not { } id || ResidentIdNumber.IsValid(CanonicalNumber(id)), field, "registry.id_number_invalid",
            "公民身份号码无效（GB 11643：18 位，出生日期有效，校验码正确）。", "The ID number is invalid (GB 11643: 18 characters, a real birth date, a correct check digit).");
    }

    private static void CreditCode(Validator v, string field, string? value, bool required)
    {
        if (required)
        {
            v.Require(field, value, "统一社会信用代码", "Credit code");
        }

        v.Check(Clean(value) is not { } code || UnifiedSocialCreditCode.IsValid(CanonicalNumber(code)), field, "registry.credit_code_invalid",
            "统一社会信用代码无效（GB 32100：18 位，校验码正确）。", "The unified social credit code is invalid (GB 32100: 18 characters, correct check characters).");
    }

    private static void Owner(Validator v, string? idNumber, string? creditCode)
    {
        var hasPerson = Clean(idNumber) is not null;
        var hasOrganisation = Clean(creditCode) is not null;
        v.Check(hasPerson || hasOrganisation, "owner", "registry.owner_required",
            "须填写所有人的公民身份号码或统一社会信用代码。", "Give the owner's ID number or credit code.");
        v.Check(!(hasPerson && hasOrganisation), "owner", "registry.owner_ambiguous",
            "所有人只能是个人或单位之一。", "The owner is either a person or an organisation, not both.");
        IdNumber(v, "ownerIdNumber", idNumber, required: false);
        CreditCode(v, "ownerCreditCode", creditCode, required: false);
    }

    private static void Phone(Validator v, string field, string? value) =>
        v.Check(Clean(value) is not { } phone || (phone.Length is >= 5 and <= 20 && phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')),
            field, "registry.phone_invalid", "电话号码格式不正确。", "The phone number is malformed.");
}
