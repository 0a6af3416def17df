using System.Security.Claims;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Tests.Security.Authorization;

/// <summary>Every kind of caller the platform knows; an endpoint's row in the matrix says which of them may call it.</summary>
[Flags]
public enum Who
{
    Nobody = 0,
    Anonymous = 1 << 0,
    ProvinceAdmin = 1 << 1,
    AgencyAdmin = 1 << 2,
    Command = 1 << 3,
    Case = 1 << 4,
    Legal = 1 << 5,
    Field = 1 << 6,
    Evaluator = 1 << 7,
    WimStation = 1 << 8,
    AnprCamera = 1 << 9,
    BodyCamera = 1 << 10,
    DockStation = 1 << 11,
    Terminal = 1 << 12,
    Hotline = 1 << 13,

    /// <summary>Every member of staff (the <c>staff</c> policy: a person with a role besides 第三方评估).</summary>
    Staff = ProvinceAdmin | AgencyAdmin | Command | Case | Legal | Field,
    Person = Staff | Evaluator,
    Device = WimStation | AnprCamera | BodyCamera | DockStation | Terminal | Hotline,

    /// <summary>Anyone, signed in or not: the public portal, published data, sign-in itself.</summary>
    Public = Anonymous | Person | Device,
}

/// <summary>Principals standing for each <see cref="Who"/>, to ask the authorization policies who passes them.</summary>
internal static class Callers
{
    public static IEnumerable<Who> Each => Enum.GetValues<Who>().Where(w => w != Who.Nobody && (w & (w - 1)) == 0);

    public static string Describe(Who who)
    {
        foreach (var named in new[] { Who.Public, Who.Person, Who.Staff, Who.Device })
        {
            if (who == named)
            {
                return "Who." + named;
            }
        }

        var parts = new List<string>();
        foreach (var named in new[] { Who.Staff, Who.Device })
        {
            if ((who & named) == named)
            {
                parts.Add("Who." + named);
                who &= ~named;
            }
        }

        parts.AddRange(Each.Where(w => (who & w) != 0).Select(w => "Who." + w));
        return parts.Count == 0 ? "Who.Nobody" : string.Join(" | ", parts);
    }

    public static ClaimsPrincipal Principal(Who who)
    {
        if (who == Who.Anonymous)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        var device = who switch
        {
            Who.WimStation => DeviceKind.WimStation,
            Who.AnprCamera => DeviceKind.AnprCamera,
            Who.BodyCamera => DeviceKind.BodyCamera,
            Who.DockStation => DeviceKind.DockStation,
            Who.Terminal => DeviceKind.HandheldTerminal,
            Who.Hotline => DeviceKind.Hotline,
            _ => null,
        };
        Claim[] claims = device is not null
            ? [new(ClaimTypes.Role, Role.Device), new(VanguardClaims.ActorKind, "device"), new(VanguardClaims.DeviceKind, device)]
            : [new(ClaimTypes.Role, RoleOf(who)), new(VanguardClaims.ActorKind, "person")];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "matrix"));
    }

    private static string RoleOf(Who who) => who switch
    {
        Who.ProvinceAdmin => Role.ProvinceAdmin,
        Who.AgencyAdmin => Role.AgencyAdmin,
        Who.Command => Role.CommandOperator,
        Who.Case => Role.CaseOfficer,
        Who.Legal => Role.LegalReviewer,
        Who.Field => Role.FieldOfficer,
        Who.Evaluator => Role.Evaluator,
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };
}
