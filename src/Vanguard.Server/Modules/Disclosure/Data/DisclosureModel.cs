using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Disclosure.Data;

internal static class DisclosureModel
{
    public static void Configure(ModelBuilder b)
    {
    }
}
