namespace Vanguard.Server.Modules.Registry.Data;

/// <summary>A natural person known to the provincial 运政 registry (vehicle owner, driver, party).</summary>
public sealed class RegistryPerson
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>公民身份号码 (GB 11643), upper-case X; unique.</summary>
    public required string IdNumber { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A legal person or other organisation (运输企业, 个体工商户 …) known to the registry.</summary>
public sealed class RegistryOrganisation
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>统一社会信用代码 (GB 32100); unique.</summary>
    public required string CreditCode { get; set; }

    /// <summary>法定代表人 (or 负责人 / 经营者).</summary>
    public string? LegalRepresentative { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    /// <summary>道路运输经营许可证号, when the organisation holds one.</summary>
    public string? OperatingLicenceNo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A registered vehicle: its plate, 行驶证 data and 道路运输证.</summary>
public sealed class RegistryVehicle
{
    public Guid Id { get; set; }

    /// <summary>号牌号码 (GA 36), normalised: upper case, no separator dot.</summary>
    public required string Plate { get; set; }

    /// <summary>号牌颜色: see <see cref="Vanguard.Domain.Identifiers.PlateColor"/>.</summary>
    public required string PlateColor { get; set; }

    /// <summary>车辆类型代码 (GA/T 16.4), e.g. H11, Q11.</summary>
    public required string VehicleTypeCode { get; set; }

    public required string VehicleTypeName { get; set; }

    /// <summary>Exactly one of <see cref="OwnerPersonId"/> and <see cref="OwnerOrganisationId"/> is set.</summary>
    public Guid? OwnerPersonId { get; set; }

    public Guid? OwnerOrganisationId { get; set; }

    public int? AxleCount { get; set; }

    /// <summary>行驶证总质量, kg.</summary>
    public int? RegisteredTotalMassKg { get; set; }

    /// <summary>道路运输证号.</summary>
    public string? TransportCertificateNo { get; set; }

    public DateOnly? TransportCertificateValidUntil { get; set; }

    /// <summary>See <see cref="VehicleStatus"/>.</summary>
    public required string Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A driver's 从业资格证: the person, the qualification and, when known, the employer.</summary>
public sealed class RegistryDriver
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>从业资格证号; unique.</summary>
    public required string QualificationNo { get; set; }

    /// <summary>从业资格类别, e.g. 道路货物运输驾驶员.</summary>
    public required string QualificationCategory { get; set; }

    public DateOnly ValidUntil { get; set; }

    public Guid? EmployerOrganisationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
