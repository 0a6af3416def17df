using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Warnings.Data;

internal static class WarningsModel
{
    public static void Configure(ModelBuilder b)
    {
    }
}
