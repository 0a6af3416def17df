using Vanguard.Domain.Common;
using Vanguard.Domain.Organisation;

namespace Vanguard.Server.Components.Shared;

/// <summary>Display names for organisation values, in the user's language.</summary>
public static class OrgText
{
    public static string Level(AgencyLevel level) => level switch
    {
        AgencyLevel.Province => L.T("省级", "Province"),
        AgencyLevel.City => L.T("市级", "City"),
        AgencyLevel.County => L.T("县级", "County"),
        AgencyLevel.Team => L.T("大队 / 站", "Team / station"),
        _ => level.ToString(),
    };

    public static string Role(string role) => L.IsEnglish
        ? role switch
        {
            Domain.Organisation.Role.ProvinceAdmin => "Province administrator",
            Domain.Organisation.Role.AgencyAdmin => "Agency administrator",
            Domain.Organisation.Role.CommandOperator => "Command-centre operator",
            Domain.Organisation.Role.CaseOfficer => "Case officer",
            Domain.Organisation.Role.LegalReviewer => "Legal reviewer",
            Domain.Organisation.Role.FieldOfficer => "Field officer",
            Domain.Organisation.Role.Evaluator => "Third-party evaluator",
            Domain.Organisation.Role.Device => "Device",
            _ => role,
        }
        : Domain.Organisation.Role.NameZh(role);

    public static string DeviceKindName(string kind) => L.IsEnglish
        ? kind switch
        {
            DeviceKind.WimStation => "Weigh-in-motion station",
            DeviceKind.AnprCamera => "ANPR camera",
            DeviceKind.BodyCamera => "Body camera",
            DeviceKind.DockStation => "Body-camera dock",
            DeviceKind.HandheldTerminal => "Handheld terminal",
            _ => kind,
        }
        : DeviceKind.NameZh(kind);

    public static string Message(Error error) => L.T(error.MessageZh, error.MessageEn);

    public static string Message(FieldError error) => L.T(error.MessageZh, error.MessageEn);
}
