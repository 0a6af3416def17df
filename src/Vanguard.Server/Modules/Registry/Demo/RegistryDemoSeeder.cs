using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Identifiers;
using Vanguard.Domain.Registry;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Registry.Contracts;
using Vanguard.Server.Modules.Registry.Data;

namespace Vanguard.Server.Modules.Registry.Demo;

/// <summary>
/// A small, realistic 河南 registry for the demo province: 30 persons and 10 transport companies whose ID numbers and
/// credit codes carry correct check characters (computed, not invented), 50 trucks and tractors with 豫 plates — yellow
/// for heavy vehicles, blue for light trucks that need no 道路运输证 (≤ 4 500 kg since the 2019 reform), yellow-green for
/// a few electric trucks, some certificates expired — and 20 drivers. Deterministic: the same data every time.
/// </summary>
internal sealed class RegistryDemoSeeder(VanguardDbContext db, IAuditLog audit, TimeProvider clock)
{
    public const string SeededKey = "demo.registry.seeded";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] GivenNames = ["国强", "建军", "红伟", "志刚", "卫东", "振华", "永生", "金海", "爱民", "新峰", "学军", "长江", "春生", "保国", "明亮", "秀英", "桂芳", "利军", "战伟", "海洋"];

    // (GB/T 2260 county code, 地址)
    private static readonly (string Code, string Address)[] Counties =
    [
        ("410102", "郑州市中原区建设西路"), ("410105", "郑州市金水区花园路"), ("410122", "郑州市中牟县青年路"), ("410184", "新郑市中华北路"),
        ("411302", "南阳市宛城区仲景路"), ("411322", "南阳市方城县凤瑞路"), ("411381", "邓州市新华路"),
        ("411002", "许昌市魏都区七一路"), ("411081", "禹州市药城路"), ("411082", "长葛市钟繇大道"),
    ];

    // (name, county index, plate prefix, organisation code body or MA-style new code)
    private static readonly (string Name, int County, string PlatePrefix, string OrgCode)[] Companies =
    [
        ("郑州宏达物流有限公司", 0, "豫A", "MA40B3K7"),
        ("河南中原陆港运输集团有限公司", 1, "豫A", "17015236"),
        ("中牟县大通货物运输有限公司", 2, "豫A", "MA44F1P2"),
        ("新郑市顺发物流有限公司", 3, "豫A", "78801937"),
        ("南阳宛运货运有限公司", 4, "豫R", "17514089"),
        ("方城县鑫达运输有限公司", 5, "豫R", "MA45TQ8C"),
        ("邓州市长运物流有限公司", 6, "豫R", "MA3X9N2D"),
        ("许昌瑞通物流有限公司", 7, "豫K", "MA46R2G5"),
        ("禹州市鑫源汽车运输有限公司", 8, "豫K", "76780242"),
        ("河南豫通危险货物运输有限公司", 9, "豫K", "MA47DW1H"),
    ];

    public async Task<bool> IsSeededAsync(CancellationToken ct) => await db.PlatformSettings.AnyAsync(s => s.Key == SeededKey, ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await IsSeededAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = RegistryRules.Today(clock);
        var persons = Enumerable.Range(0, 30).Select(i => NewPerson(i, now)).ToList();
        var organisations = Companies.Select((c, i) => NewOrganisation(c, i, persons[20 + i].Name, now)).ToList();
        var vehicles = new List<RegistryVehicle>();
        for (var i = 0; i < 50; i++)
        {
            vehicles.Add(NewVehicle(i, persons, organisations, today, now));
        }

        var drivers = Enumerable.Range(0, 20).Select(i => NewDriver(i, persons[i], organisations, today, now)).ToList();

        db.RegistryPersons.AddRange(persons);
        db.RegistryOrganisations.AddRange(organisations);
        db.RegistryVehicles.AddRange(vehicles);
        db.RegistryDrivers.AddRange(drivers);
        db.PlatformSettings.Add(new PlatformSetting { Key = SeededKey, Value = now.ToString("O") });
        audit.Record("registry.demo_seed", "registry_import", "demo", new { persons = persons.Count, organisations = organisations.Count, vehicles = vehicles.Count, drivers = drivers.Count });
        await db.SaveChangesAsync(ct);
    }

    private static RegistryPerson NewPerson(int i, DateTimeOffset now)
    {
        var county = Counties[i % Counties.Length];
        var birth = new DateOnly(1962, 1, 1).AddDays((i * 397) % 11_000);
        // Sequence: odd for men, even for women (秀英 and 桂芳 are women's names).
        var sequence = (i * 37 % 450) * 2 + (GivenNames[(i * 3) % GivenNames.Length] is "秀英" or "桂芳" ? 2 : 1);
        var first17 = $"{county.Code}{birth:yyyyMMdd}{sequence % 1000:D3}";
        return new RegistryPerson
        {
            Id = Guid.CreateVersion7(),
            Name = Surnames[i % Surnames.Length] + GivenNames[(i * 3) % GivenNames.Length],
            IdNumber = first17 + ResidentIdNumber.CheckCharacterOf(first17),
            Phone = $"13{(i % 9) + 1}{(37_100_000 + (i * 7_919_3)) % 100_000_000:D8}",
            Address = $"河南省{county.Address}{(i * 13 % 200) + 1}号",
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static RegistryOrganisation NewOrganisation((string Name, int County, string PlatePrefix, string OrgCode) c, int i, string representative, DateTimeOffset now)
    {
        var county = Counties[c.County];
        // 9 市场监管 + 1 企业 + GB/T 2260 code + 组织机构代码 with its GB 11714 check, then the GB 32100 check.
        var first16 = "91" + county.Code + c.OrgCode + UnifiedSocialCreditCode.OrganisationCheckCharacterOf(c.OrgCode);
        return new RegistryOrganisation
        {
            Id = Guid.CreateVersion7(),
            Name = c.Name,
            CreditCode = first16 + UnifiedSocialCreditCode.CheckCharacterOf(first16),
            LegalRepresentative = representative,
            Address = $"河南省{county.Address}{(i * 29 % 300) + 1}号",
            Phone = $"0{(c.PlatePrefix == "豫A" ? "371" : c.PlatePrefix == "豫R" ? "377" : "374")}-{6_000_0000 + (i * 1_234_567 % 9_999_999)}",
            OperatingLicenceNo = $"{county.Code}{100_000 + (i * 4_241):D6}",
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static RegistryVehicle NewVehicle(
        int i, List<RegistryPerson> persons, List<RegistryOrganisation> organisations, DateOnly today, DateTimeOffset now)
    {
        // 40 company vehicles (4 per company), 10 owned by private operators (个体户).
        var company = i < 40 ? Companies[i / 4] : Companies[i % Companies.Length];
        var prefix = company.PlatePrefix;
        var serial = (i * 7_321 + 12_345) % 100_000;
        var (type, axles, mass) = (i % 10) switch
        {
            0 or 1 or 2 => ("Q11", i % 3 == 0 ? 2 : 3, i % 3 == 0 ? 18_000 : 25_000),
            3 or 4 or 5 => ("H11", 3 + (i % 2), i % 2 == 0 ? 31_000 : 25_000),
            6 => ("H17", 4, 31_000),
            7 => ("H12", 2, 18_000),
            8 => ("H32", 2, 4_495),
            _ => ("H14", 3, 25_000),
        };
        var electric = i is 13 or 27;
        var light = type == "H32";
        var plate = electric ? $"{prefix}{serial:D5}D" : $"{prefix}{Letters(i)}{serial % 10_000:D4}";
        string? certificate = light ? null : $"{Counties[company.County].Code}{(i * 9_973 + 10_000) % 1_000_000:D6}";
        // Every sixth certificate lapsed some weeks or months ago: what a roadside check or an off-site case looks for.
        DateOnly? validUntil = certificate is null ? null : i % 6 == 5 ? today.AddDays(-(20 + (i * 11 % 300))) : today.AddDays(60 + (i * 37 % 900));
        return new RegistryVehicle
        {
            Id = Guid.CreateVersion7(),
            Plate = plate,
            PlateColor = electric ? PlateColor.YellowGreen : light ? PlateColor.Blue : PlateColor.Yellow,
            VehicleTypeCode = type,
            VehicleTypeName = VehicleType.NameOf(type)!,
            OwnerOrganisationId = i < 40 ? organisations[i / 4].Id : null,
            OwnerPersonId = i < 40 ? null : persons[i - 40].Id,
            AxleCount = axles,
            RegisteredTotalMassKg = mass,
            TransportCertificateNo = certificate,
            TransportCertificateValidUntil = validUntil,
            Status = i == 38 ? VehicleStatus.Suspended : i == 47 ? VehicleStatus.Deregistered : VehicleStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static RegistryDriver NewDriver(int i, RegistryPerson person, List<RegistryOrganisation> organisations, DateOnly today, DateTimeOffset now)
    {
        // Since 2017 the 从业资格证号 of a road-transport driver is the holder's ID number; older certificates have their own.
        var number = i % 5 == 4 ? $"4101{2012_0000 + (i * 131):D8}" : person.IdNumber;
        var employer = i < 18 ? organisations[i % organisations.Count] : null;
        return new RegistryDriver
        {
            Id = Guid.CreateVersion7(),
            PersonId = person.Id,
            QualificationNo = number,
            QualificationCategory = employer?.Name.Contains("危险货物", StringComparison.Ordinal) == true ? "道路危险货物运输驾驶员" : "道路货物运输驾驶员",
            ValidUntil = i % 7 == 6 ? today.AddDays(-(30 + i)) : today.AddDays(200 + (i * 53 % 1_800)),
            EmployerOrganisationId = employer?.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static string Letters(int i)
    {
        const string letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        return letters[i * 5 % letters.Length].ToString();
    }
}
