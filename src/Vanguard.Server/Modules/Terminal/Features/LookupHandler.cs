using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Credit.Contracts;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Contracts;
using Vanguard.Server.Modules.Surveillance.Contracts;
using Vanguard.Server.Modules.Terminal.Data;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Terminal.Features;

public sealed record OverloadHistoryItem(DateTimeOffset At, string StationName, decimal OverloadPercent, string? CaseNumber);

/// <param name="Watchlist">
/// 布控: the entries in force now that name this vehicle (exact plate and colour) on lists the officer's agency sees;
/// empty when there are none.
/// </param>
/// <param name="Credit">信用监管: blacklist status and decided 超限 violations in the last 12 months.</param>
public sealed record VehicleLookup(
    VehicleInfo Vehicle, IReadOnlyList<VehicleCaseRef> OpenCases, IReadOnlyList<OverloadHistoryItem> OverloadHistory, IReadOnlyList<WatchlistHitInfo> Watchlist,
    VehicleCreditStanding Credit);

public sealed record DriverLookup(IReadOnlyList<DriverInfo> Drivers);

public sealed record EnterpriseVehicle(
    string Plate, string PlateColor, string VehicleTypeCode, string VehicleTypeName, int? AxleCount, int? RegisteredTotalMassKg, string Status,
    CertificateInfo TransportCertificate);

public sealed record EnterpriseLookup(PartyInfo Party, IReadOnlyList<EnterpriseVehicle> Vehicles);

/// <summary>
/// 查询: the roadside look-ups. Each needs a stated purpose (查询事由) and leaves an audit entry; identifiers are checked
/// (plate per GA 36, ID number per GB 11643, credit code per GB 32100) before the registry is asked anything.
/// </summary>
internal sealed class LookupHandler(
    VanguardDbContext db, IRegistry registry, ICaseDirectory cases, IOverloadHistory overloads, IWatchlistLookup watchlists, IAuditLog audit,
    ICurrentActor actor, TimeProvider clock, ICreditLookup credit)
{
    public const int MaxCases = 20;
    public const int MaxOverloads = 20;
    public const int MaxVehicles = 200;

    public async Task<Result<VehicleLookup>> VehicleAsync(string? plate, string? plateColor, string? purpose, CancellationToken ct)
    {
        var normalised = plate is null ? null : PlateNumber.Normalise(plate);
        var color = PlateColor.Parse(plateColor);
        var check = new Validator()
            .Require("plate", plate, "号牌号码", "Plate")
            .Check(string.IsNullOrWhiteSpace(plate) || PlateNumber.IsValid(normalised), "plate", "format",
                "号牌号码格式不正确（如 豫A12345）。", "The plate is not a valid plate number (e.g. 豫A12345).")
            .Require("plateColor", plateColor, "号牌颜色", "Plate colour")
            .Check(string.IsNullOrWhiteSpace(plateColor) || color is not null, "plateColor", "unknown",
                "号牌颜色须为 蓝、黄、绿、黄绿、白、黑 之一。", "plateColor must be one of " + string.Join(", ", PlateColor.All) + ".");
        CheckPurpose(check, purpose);
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var vehicle = await registry.FindVehicleAsync(normalised!, color!, ct);
        Record("vehicle", "registry_vehicle", $"{normalised}/{color}", purpose!, vehicle?.Id.ToString());
        await db.SaveChangesAsync(ct);
        if (vehicle is null)
        {
            return TerminalErrors.NotFound;
        }

        var open = await cases.OpenCasesOfVehicleAsync(vehicle.Plate, vehicle.PlateColor, MaxCases, ct);
        var history = await overloads.OfVehicleAsync(vehicle.Plate, vehicle.PlateColor, MaxOverloads, ct);
        var numbers = await cases.CaseNumbersAsync(history.Where(h => h.CaseId is not null).Select(h => h.CaseId!.Value).ToList(), ct);
        var watched = await watchlists.ActiveEntriesAsync(vehicle.Plate, vehicle.PlateColor, ct);
        return new VehicleLookup(
            vehicle,
            open,
            history.Select(h => new OverloadHistoryItem(h.At, h.StationName, h.OverloadPercent, h.CaseId is { } c ? numbers.GetValueOrDefault(c) : null)).ToList(),
            watched,
            await credit.OfVehicleAsync(vehicle.Plate, vehicle.PlateColor, ct));
    }

    public async Task<Result<DriverLookup>> DriverAsync(string? idNumber, string? qualificationNo, string? purpose, CancellationToken ct)
    {
        var check = new Validator();
        string key;
        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            key = idNumber.Trim().ToUpperInvariant();
            CheckIdNumber(check, key);
        }
        else
        {
            check.Require("idNumber", qualificationNo, "身份证号码或从业资格证号", "ID number or qualification number")
                .MaxLength("qualificationNo", qualificationNo, 32, "从业资格证号", "Qualification number");
            key = qualificationNo?.Trim().ToUpperInvariant() ?? string.Empty;
            // 从业资格证号 is usually the holder's ID number: one that looks like it (18 characters, 17 digits and a
            // digit or X) gets the same GB 11643 check, or a typo would search the registry for nobody.
            if (key.Length == 18 && key.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') is false && (char.IsAsciiDigit(key[17]) || key[17] == 'X'))
            {
                CheckIdNumber(check, key, "qualificationNo");
            }
        }

        CheckPurpose(check, purpose);
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var drivers = await registry.FindDriversAsync(key, ct);
        Record("driver", "registry_person", key, purpose!, drivers.Count == 0 ? null : drivers[0].Person.Id.ToString());
        await db.SaveChangesAsync(ct);
        return new DriverLookup(drivers);
    }

    public async Task<Result<EnterpriseLookup>> EnterpriseAsync(string? creditCode, string? purpose, CancellationToken ct)
    {
        var check = new Validator().Require("creditCode", creditCode, "统一社会信用代码", "Unified social credit code");
        var code = creditCode?.Trim().ToUpperInvariant() ?? string.Empty;
        if (code.Length > 0)
        {
            CheckCreditCode(check, code);
        }

        CheckPurpose(check, purpose);
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var party = await registry.FindPartyAsync(code, ct);
        var organisation = party is { Kind: PartyKind.Organisation } ? party : null;
        Record("enterprise", "registry_organisation", code, purpose!, organisation?.Id.ToString());
        await db.SaveChangesAsync(ct);
        if (organisation is null)
        {
            return TerminalErrors.NotFound;
        }

        var vehicles = await registry.VehiclesOfOwnerAsync(organisation.Id, MaxVehicles, ct);
        return new EnterpriseLookup(
            organisation,
            vehicles.Select(v => new EnterpriseVehicle(
                v.Plate, v.PlateColor, v.VehicleTypeCode, v.VehicleTypeName, v.AxleCount, v.RegisteredTotalMassKg, v.Status, v.TransportCertificate)).ToList());
    }

    /// <summary>
    /// Keeps the look-up with its purpose in <c>terminal_lookups</c> and puts the row's digest into the audit chain, in the
    /// same unit of work: both are written by the caller's next save, or neither.
    /// </summary>
    private void Record(string kind, string targetType, string query, string purpose, string? targetId)
    {
        var record = new LookupRecord
        {
            At = StoredTime.Now(clock), AgencyId = actor.AgencyId ?? Guid.Empty, ActorId = actor.Id, ActorName = actor.Name, Kind = kind, Query = query,
            Purpose = purpose.Trim(), TargetId = targetId,
        };
        db.Add(record);
        audit.Record(
            "terminal.lookup_" + kind, targetType, targetId ?? "none",
            new { record.At, record.ActorId, record.Kind, record.Query, record.Purpose, record.TargetId }, record.AgencyId);
    }

    private static void CheckPurpose(Validator check, string? purpose)
    {
        if (string.IsNullOrWhiteSpace(purpose))
        {
            check.Add("purpose", "required", "请填写查询事由。", "A purpose is required.");
        }
        else if (purpose.Trim().Length is < 2 or > 100)
        {
            check.Add("purpose", "length", "查询事由须为 2 至 100 个字符。", "The purpose must be 2 to 100 characters.");
        }
    }

    /// <summary>GB 11643: the 18th character is the check character of the first 17; the message names the expected one.</summary>
    private static void CheckIdNumber(Validator check, string id, string field = "idNumber")
    {
        if (ResidentIdNumber.IsValid(id))
        {
            return;
        }

        if (id.Length == 18 && ResidentIdNumber.CheckCharacterOf(id.AsSpan(0, 17)) is { } expected && id[17] != expected)
        {
            check.Add(field, "check_digit", $"身份证号码校验位有误：按前 17 位计算，最后一位应为“{expected}”，请核对。",
                $"The ID number's check character is wrong: from the first 17 digits it should be '{expected}'.");
            return;
        }

        check.Add(field, "format", "身份证号码格式不正确（18 位，前 17 位为数字，含有效出生日期）。",
            "The ID number is not 18 characters of digits with a valid birth date.");
    }

    /// <summary>GB 32100: the 18th character checks the first 17; the 17th is the check of the embedded 组织机构代码 (GB 11714).</summary>
    private static void CheckCreditCode(Validator check, string code)
    {
        if (UnifiedSocialCreditCode.IsValid(code))
        {
            return;
        }

        if (code.Length == 18 && UnifiedSocialCreditCode.CheckCharacterOf(code.AsSpan(0, 17)) is { } expected)
        {
            if (code[17] != expected)
            {
                check.Add("creditCode", "check_digit", $"统一社会信用代码校验位有误：最后一位应为“{expected}”，请核对。",
                    $"The credit code's check character is wrong: it should end in '{expected}'.");
            }
            else
            {
                var organisationCheck = UnifiedSocialCreditCode.OrganisationCheckCharacterOf(code.AsSpan(8, 8));
                check.Add("creditCode", "check_digit", $"统一社会信用代码中的组织机构代码校验位有误（第 17 位应为“{organisationCheck}”），请核对。",
                    $"The check character of the embedded organisation code is wrong (the 17th character should be '{organisationCheck}').");
            }

            return;
        }

        check.Add("creditCode", "format", "统一社会信用代码须为 18 位数字或大写字母（不含 I、O、S、V、Z）。",
            "The credit code must be 18 digits or capital letters (no I, O, S, V, Z).");
    }
}
