using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Supervision.Data;

internal static class SupervisionModel
{
    public static void Configure(ModelBuilder b)
    {
    }
}
