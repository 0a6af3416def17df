namespace Vanguard.Server.Modules.Organisation.Contracts;

/// <summary>Claim types the platform adds to people and devices.</summary>
public static class VanguardClaims
{
    public const string AgencyId = "vg:agency";
    public const string DisplayName = "vg:name";
    public const string ActorKind = "vg:actor";
    public const string DeviceKind = "vg:device-kind";
    public const string OfficerId = "vg:officer";
}
