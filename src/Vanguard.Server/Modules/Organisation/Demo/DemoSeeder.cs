using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;

namespace Vanguard.Server.Modules.Organisation.Demo;

/// <summary>
/// A demo province (河南, GB/T 2260 codes) with the three cities the seed speech names — 郑州, 南阳, 许昌 — their
/// counties, teams and stations, officers with 执法证号, and one account per role in each city.
/// </summary>
internal sealed class DemoSeeder(VanguardDbContext db, UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider clock)
{
    public const string SeededKey = "demo.seeded";

    private sealed record City(string Login, string Code, string Name, string Short, (string Code, string Name, string Short)[] Counties);

    private static readonly City[] Cities =
    [
        new("zhengzhou", "410100", "郑州市交通运输综合行政执法支队", "郑",
            [("410102", "中原区交通运输综合行政执法大队", "中原"), ("410122", "中牟县交通运输综合行政执法大队", "中牟"), ("410184", "新郑市交通运输综合行政执法大队", "新郑")]),
        new("nanyang", "411300", "南阳市交通运输综合行政执法支队", "宛",
            [("411302", "宛城区交通运输综合行政执法大队", "宛城"), ("411322", "方城县交通运输综合行政执法大队", "方城"), ("411381", "邓州市交通运输综合行政执法大队", "邓州")]),
        new("xuchang", "411000", "许昌市交通运输综合行政执法支队", "许",
            [("411002", "魏都区交通运输综合行政执法大队", "魏都"), ("411081", "禹州市交通运输综合行政执法大队", "禹州"), ("411082", "长葛市交通运输综合行政执法大队", "长葛")]),
    ];

    private static readonly (string Suffix, string Role, string Name)[] CityAccounts =
    [
        ("admin", Role.AgencyAdmin, "管理员"),
        ("command", Role.CommandOperator, "指挥中心值班员"),
        ("case", Role.CaseOfficer, "办案人员"),
        ("legal", Role.LegalReviewer, "法制审核员"),
        ("field", Role.FieldOfficer, "执法队员"),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] GivenNames = ["建国", "志强", "海涛", "晓东", "丽娟", "国庆", "伟", "磊", "静", "勇", "敏", "军", "洋", "婷", "超", "鹏"];

    public static IReadOnlyList<string> Logins { get; } =
        ["admin", "evaluator", .. Cities.SelectMany(c => CityAccounts.Select(a => $"{c.Login}.{a.Suffix}"))];

    public async Task<bool> IsSeededAsync(CancellationToken ct) =>
        await db.PlatformSettings.AnyAsync(s => s.Key == SeededKey, ct);

    public async Task SeedAsync(string password, CancellationToken ct)
    {
        if (await IsSeededAsync(ct))
        {
            return;
        }

        await EnsureRolesAsync(roles);
        var now = clock.GetUtcNow();
        var province = new Agency
        {
            Id = Guid.CreateVersion7(), Code = "410000", Name = "河南省交通运输综合行政执法局", ShortName = "豫",
            Level = AgencyLevel.Province, DivisionCode = "410000", CreatedAt = now,
        };
        db.Agencies.Add(province);
        var serial = 0;
        var cityAgencies = new List<(City City, Agency Agency)>();
        foreach (var city in Cities)
        {
            var cityAgency = new Agency
            {
                Id = Guid.CreateVersion7(), Code = city.Code, Name = city.Name, ShortName = city.Short, Level = AgencyLevel.City,
                DivisionCode = city.Code, ParentId = province.Id, CreatedAt = now,
            };
            db.Agencies.Add(cityAgency);
            cityAgencies.Add((city, cityAgency));
            db.Agencies.Add(new Agency
            {
                Id = Guid.CreateVersion7(), Code = city.Code + "-01", Name = city.Name.Replace("支队", "支队直属一大队", StringComparison.Ordinal),
                Level = AgencyLevel.Team, DivisionCode = city.Code, ParentId = cityAgency.Id, CreatedAt = now,
            });
            foreach (var county in city.Counties)
            {
                var countyAgency = new Agency
                {
                    Id = Guid.CreateVersion7(), Code = county.Code, Name = county.Name, ShortName = county.Short, Level = AgencyLevel.County,
                    DivisionCode = county.Code, ParentId = cityAgency.Id, CreatedAt = now,
                };
                db.Agencies.Add(countyAgency);
                db.Agencies.Add(new Agency
                {
                    Id = Guid.CreateVersion7(), Code = county.Code + "-01", Name = county.Name.Replace("大队", "超限检测站", StringComparison.Ordinal),
                    Level = AgencyLevel.Team, DivisionCode = county.Code, ParentId = countyAgency.Id, CreatedAt = now,
                });
                for (var i = 0; i < 4; i++)
                {
                    db.Officers.Add(NewOfficer(countyAgency, ++serial, now));
                }
            }
        }

        await db.SaveChangesAsync(ct);

        await CreateAccountAsync("admin", "省局系统管理员", province, null, Role.ProvinceAdmin, password);
        // 第三方评估 (issue #9): read-only over the whole province's evaluation, pseudonyms instead of record ids.
        await CreateAccountAsync("evaluator", "第三方评估机构", province, null, Role.Evaluator, password);
        foreach (var (city, agency) in cityAgencies)
        {
            foreach (var account in CityAccounts)
            {
                var officer = NewOfficer(agency, ++serial, now);
                db.Officers.Add(officer);
                await db.SaveChangesAsync(ct);
                await CreateAccountAsync($"{city.Login}.{account.Suffix}", officer.Name, agency, officer, account.Role, password);
            }
        }

        db.PlatformSettings.Add(new PlatformSetting { Key = SeededKey, Value = now.ToString("O") });
        await db.SaveChangesAsync(ct);
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole<Guid>> roles)
    {
        foreach (var role in Role.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }
    }

    private static Officer NewOfficer(Agency agency, int serial, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AgencyId = agency.Id,
        OfficerNo = $"{agency.DivisionCode[..4]}{serial:D4}",
        Name = Surnames[serial % Surnames.Length] + GivenNames[(serial * 7) % GivenNames.Length],
        // 执法证号: province prefix 41 + issuing year + serial; valid for the usual 5 years.
        CertificateNo = $"41{agency.DivisionCode[2..4]}2022{serial:D6}",
        CertificateValidUntil = new DateOnly(2027, 6, 30),
        CreatedAt = now,
    };

    private async Task CreateAccountAsync(string username, string displayName, Agency agency, Officer? officer, string role, string password)
    {
        var user = new StaffUser
        {
            UserName = username, DisplayName = displayName, AgencyId = agency.Id, OfficerId = officer?.Id, CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {username}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
