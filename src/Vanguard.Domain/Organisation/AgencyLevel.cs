namespace Vanguard.Domain.Organisation;

/// <summary>Levels of the agencies tree: 省 → 市 → 县 → 大队/中队/超限检测站.</summary>
public enum AgencyLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Team = 4,
}
