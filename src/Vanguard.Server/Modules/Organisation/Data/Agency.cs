using Vanguard.Domain.Organisation;

namespace Vanguard.Server.Modules.Organisation.Data;

/// <summary>An enforcement agency: 省执法局, 市支队, 县大队, or a team or station (中队/超限检测站).</summary>
public sealed class Agency
{
    public Guid Id { get; set; }

    /// <summary>Stable code: the GB/T 2260 division code for 省/市/县 agencies, division code + "-NN" for teams.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>机关简称, used in case numbers: 郑 → 郑交执罚〔2026〕0001号.</summary>
    public string? ShortName { get; set; }

    public AgencyLevel Level { get; set; }

    /// <summary>GB/T 2260 code of the area the agency serves.</summary>
    public required string DivisionCode { get; set; }

    public Guid? ParentId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
