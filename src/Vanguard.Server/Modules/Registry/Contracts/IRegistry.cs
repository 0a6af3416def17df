namespace Vanguard.Server.Modules.Registry.Contracts;

/// <summary>
/// The platform's view of the provincial 运政 registry, for other modules (off-site notices, terminal look-ups,
/// credit, the public portal). Answers carry personal data in full: a caller that shows them to the public masks them
/// (<see cref="Vanguard.Domain.Identifiers.ResidentIdNumber.Mask"/>, <see cref="Vanguard.Domain.Identifiers.PlateNumber.Mask"/>)
/// and never logs them at Information or above.
/// </summary>
public interface IRegistry
{
    /// <summary>The vehicle with that plate and colour, its owner and the state of its 道路运输证; null when unknown.</summary>
    /// <param name="plate">Any common spelling (豫A·12345, lower case); it is normalised.</param>
    /// <param name="plateColor">A <see cref="Vanguard.Domain.Identifiers.PlateColor"/> value or its Chinese name.</param>
    Task<VehicleInfo?> FindVehicleAsync(string plate, string plateColor, CancellationToken ct);

    /// <summary>
    /// 行驶证总质量 of the given vehicles (plate, colour as stored: normalised plate, colour code), for those the registry
    /// knows and has a mass for — one query for a whole ingest batch.
    /// </summary>
    Task<IReadOnlyDictionary<(string Plate, string PlateColor), int>> RegisteredMassesAsync(
        IReadOnlyCollection<(string Plate, string PlateColor)> vehicles, CancellationToken ct);

    /// <summary>
    /// Those of the given vehicles (normalised plate, colour code) that hold a 道路运输证 in force on <paramref name="day"/>
    /// (a certificate number and a validity end on or after that day) — licensed operators, which the suspect rules
    /// (非法营运研判) leave out. One query per batch of vehicles.
    /// </summary>
    Task<IReadOnlySet<(string Plate, string PlateColor)>> LicensedAsync(
        IReadOnlyCollection<(string Plate, string PlateColor)> vehicles, DateOnly day, CancellationToken ct);

    /// <summary>The person (by 公民身份号码) or organisation (by 统一社会信用代码) with that number; null when unknown.</summary>
    Task<PartyInfo?> FindPartyAsync(string idNumberOrCreditCode, CancellationToken ct);

    /// <summary>The 从业资格证 held by the person with that ID number, or the one with that qualification number.</summary>
    Task<IReadOnlyList<DriverInfo>> FindDriversAsync(string idNumberOrQualificationNo, CancellationToken ct);

    /// <summary>The vehicles the person or organisation (<see cref="PartyInfo.Id"/>) owns, by plate; at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<VehicleInfo>> VehiclesOfOwnerAsync(Guid partyId, int max, CancellationToken ct);
}

public enum PartyKind
{
    Person,
    Organisation,
}

/// <summary>Whether a certificate (道路运输证, 从业资格证) is in force on the day asked about.</summary>
public enum CertificateStatus
{
    Valid,
    Expired,
    None,
}

/// <summary>A person or an organisation. <see cref="Number"/> is the 公民身份号码 or the 统一社会信用代码.</summary>
public sealed record PartyInfo(
    Guid Id, PartyKind Kind, string Name, string Number, string? Phone, string? Address, string? LegalRepresentative, string? OperatingLicenceNo);

public sealed record CertificateInfo(string? Number, DateOnly? ValidUntil, CertificateStatus Status);

public sealed record VehicleInfo(
    Guid Id, string Plate, string PlateColor, string VehicleTypeCode, string VehicleTypeName, int? AxleCount, int? RegisteredTotalMassKg,
    string Status, CertificateInfo TransportCertificate, PartyInfo Owner);

public sealed record DriverInfo(
    Guid Id, PartyInfo Person, string QualificationNo, string QualificationCategory, CertificateInfo Qualification, PartyInfo? Employer);
