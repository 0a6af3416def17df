using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Data;
using Vanguard.Server.Hosting;
using Vanguard.Server.Modules.Organisation.Data;

namespace Vanguard.Server.Modules.Organisation.Demo;

/// <summary>Creates the first province administrator on a platform without demo data (CLI verb <c>admin create</c>).</summary>
internal sealed class AdminAccounts(
    VanguardDbContext db, UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<VanguardOptions> options, TimeProvider clock)
{
    public async Task<IdentityResult> CreateProvinceAdminAsync(string username, string password, CancellationToken ct)
    {
        await DemoSeeder.EnsureRolesAsync(roles);
        var root = await db.Agencies.SingleOrDefaultAsync(a => a.ParentId == null, ct);
        if (root is null)
        {
            var province = options.Value.Province;
            root = new Agency
            {
                Id = Guid.CreateVersion7(), Code = province.Code, Name = province.Name, Level = AgencyLevel.Province,
                DivisionCode = province.Code, CreatedAt = clock.GetUtcNow(),
            };
            db.Agencies.Add(root);
            await db.SaveChangesAsync(ct);
        }

        var user = new StaffUser { UserName = username, DisplayName = "系统管理员", AgencyId = root.Id, CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? await users.AddToRoleAsync(user, Role.ProvinceAdmin) : result;
    }
}
