using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Credit.Data;

internal static class CreditModel
{
    public static void Configure(ModelBuilder b)
    {
    }
}
