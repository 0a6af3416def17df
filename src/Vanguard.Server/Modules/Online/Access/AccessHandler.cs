using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Online.Contracts;
using Vanguard.Server.Modules.Online.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Contracts;

namespace Vanguard.Server.Modules.Online.Access;

/// <summary>
/// How a party proves a case: plate + notice code (one case), or plate and colour + a one-time code sent to the registered
/// owner's phone (the owner's own cases of that vehicle, see <see cref="ICasePortal.CasesOfOwnedVehicleAsync"/>). A failure never tells whether the plate or the case exists: the same error, status and
/// message, after the same queries and a constant-time comparison on both paths.
/// </summary>
internal sealed class AccessHandler(
    VanguardDbContext db,
    IPublicPartyScope party,
    IOffsiteCaseEvidence notices,
    ICasePortal cases,
    IRegistry registry,
    ISmsSender sms,
    IAuditLog audit,
    OnlineThrottle throttle,
    PartySessions sessions,
    IOptions<OnlineOptions> options,
    TimeProvider clock)
{
    public static readonly Error LookupFailed = Error.NotFound(
        "online.lookup_failed", "号牌号码或通知码不正确，请核对短信中的号牌和通知码后重试。", "The plate or the notice code is wrong; check them against the text message.");

    public static readonly Error CodeInvalid = new(
        "online.code_invalid", "验证码不正确或已过期，请重新输入或重新获取。", "The code is wrong or has expired; try again or ask for a new one.", ErrorKind.Unauthorized);

    public static readonly Error CodeLocked = new(
        "online.code_locked", "验证码输错次数过多，已暂时锁定，请稍后重新获取验证码。", "Too many wrong codes; the plate is locked for a while. Ask for a new code later.",
        ErrorKind.Forbidden);

    public static readonly Error RateLimited = new(
        "online.rate_limited", "操作过于频繁，请稍后再试。", "Too many attempts; try again later.", ErrorKind.Forbidden);

    private static readonly string DummySalt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public async Task<Result<AccessGranted>> LookupAsync(HttpContext http, string? plateText, string? noticeCode, CancellationToken ct)
    {
        var check = new Validator()
            .Require("plate", plateText, "号牌号码", "Plate")
            .Require("noticeCode", noticeCode, "通知码", "Notice code");
        var plate = plateText is { Length: > 0 } ? PlateNumber.Normalise(plateText) : null;
        check.Check(plate is null || PlateNumber.IsValid(plate), "plate", "invalid", "号牌号码格式不正确，如 豫A12345。", "The plate is malformed, e.g. 豫A12345.");
        check.Check(noticeCode is null || noticeCode.Trim().Length <= 16, "noticeCode", "too_long", "通知码为 8 位字母和数字。", "The notice code has 8 letters and digits.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var plateHash = PlateHash(plate!);
        var sessionId = sessions.Read(http)?.Id ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        party.Enter("online:" + sessionId, "当事人（网上办理）");
        if (!throttle.TryAcquire(http.Connection.RemoteIpAddress?.ToString(), plateHash))
        {
            return RateLimited;
        }

        var found = await notices.FindCaseByNoticeAsync(plate!, noticeCode!, ct);
        // The same case query on both paths (an empty id finds nothing), so a miss costs what a hit costs.
        var view = await cases.PartyCaseAsync(found ?? Guid.Empty, ct);
        audit.Record("online.lookup", "online-plate", plateHash[..16], new { ok = view is not null });
        await db.SaveChangesAsync(ct);
        if (view is null)
        {
            return LookupFailed;
        }

        var token = sessions.Grant(http, [view.Id], plate: null);
        return new AccessGranted([new PartyCaseSummary(view.Id, view.CaseNumber, view.Title, view.Stage, view.StageName, view.ActOn, view.AgencyName)], token);
    }

    /// <summary>
    /// Always the same answer, whether or not the plate is known or has a phone (the code goes only to the registered phone of
    /// the vehicle of this plate AND colour), and whether or not the vehicle is locked or its texts throttled.
    /// </summary>
    public async Task<Result<CodeRequested>> RequestCodeAsync(HttpContext http, string? plateText, string? plateColor, CancellationToken ct)
    {
        var plate = plateText is { Length: > 0 } ? PlateNumber.Normalise(plateText) : null;
        var color = ColorOf(plateColor);
        var check = new Validator()
            .Require("plate", plateText, "号牌号码", "Plate")
            .Check(plate is null || PlateNumber.IsValid(plate), "plate", "invalid", "号牌号码格式不正确，如 豫A12345。", "The plate is malformed, e.g. 豫A12345.")
            .Check(color is not null, "plateColor", "invalid", "号牌颜色不正确。", "The plate colour is not known.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var vehicleHash = VehicleHash(plate!, color!);
        party.Enter("online:" + (sessions.Read(http)?.Id ?? "anonymous"), "当事人（网上办理）");
        if (!throttle.TryAcquire(http.Connection.RemoteIpAddress?.ToString(), PlateHash(plate!)))
        {
            return RateLimited;
        }

        var now = clock.GetUtcNow();
        var o = options.Value;
        var locked = await LockedAsync(vehicleHash, now, ct);
        // SMS throttle per vehicle: one text a minute, a few a day (a code stays valid for its minutes anyway).
        var recent = await db.Set<OnlineOneTimeCode>().Where(c => c.PlateHash == vehicleHash && c.CreatedAt > now.AddDays(-1))
            .Select(c => c.CreatedAt).ToListAsync(ct);
        var throttled = recent.Count >= o.SmsPerPlatePerDay || recent.Any(t => t > now.AddSeconds(-o.SmsPerPlateIntervalSeconds));
        var vehicle = await registry.FindVehicleAsync(plate!, color!, ct);
        if (!locked && !throttled)
        {
            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            db.Add(new OnlineOneTimeCode
            {
                Id = Guid.CreateVersion7(), PlateHash = vehicleHash, Salt = salt, CodeHash = CodeHash(salt, code), CreatedAt = now,
                ExpiresAt = now.AddMinutes(o.CodeMinutes),
            });
            if (vehicle?.Owner.Phone is { Length: > 0 } phone)
            {
                await sms.SendAsync(phone, $"{o.SmsSignature}您正在查询车辆{PlateNumber.Mask(plate!)}的执法案件，验证码{code}，{o.CodeMinutes}分钟内有效。如非本人操作请忽略。", "otp", ct);
            }
        }

        audit.Record("online.code_request", "online-plate", vehicleHash[..16], new { locked, throttled });
        await db.SaveChangesAsync(ct);
        return new CodeRequested(
            $"如该号牌在运政系统中登记了车主手机号，验证码已发送到该手机（尾号不显示），{o.CodeMinutes} 分钟内有效。",
            o.CodeMinutes);
    }

    public async Task<Result<AccessGranted>> VerifyCodeAsync(HttpContext http, string? plateText, string? plateColor, string? code, CancellationToken ct)
    {
        var plate = plateText is { Length: > 0 } ? PlateNumber.Normalise(plateText) : null;
        var color = ColorOf(plateColor);
        var check = new Validator()
            .Require("plate", plateText, "号牌号码", "Plate")
            .Require("code", code, "验证码", "Code")
            .Check(plate is null || PlateNumber.IsValid(plate), "plate", "invalid", "号牌号码格式不正确，如 豫A12345。", "The plate is malformed, e.g. 豫A12345.")
            .Check(color is not null, "plateColor", "invalid", "号牌颜色不正确。", "The plate colour is not known.")
            .Check(code is null || code.Trim().Length <= 12, "code", "too_long", "验证码为 6 位数字。", "The code has 6 digits.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var vehicleHash = VehicleHash(plate!, color!);
        var sessionId = sessions.Read(http)?.Id ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        party.Enter("online:" + sessionId, "当事人（网上办理）");
        if (!throttle.TryAcquire(http.Connection.RemoteIpAddress?.ToString(), PlateHash(plate!)))
        {
            return RateLimited;
        }

        var now = clock.GetUtcNow();
        var o = options.Value;
        var latest = await LatestCodeAsync(vehicleHash, ct);
        // Hash and compare on every path: a plate with no code is compared against a dummy.
        var computed = Encoding.ASCII.GetBytes(CodeHash(latest?.Salt ?? DummySalt, code!.Trim()));
        var stored = Encoding.ASCII.GetBytes(latest?.CodeHash ?? new string('0', 64));
        var matches = CryptographicOperations.FixedTimeEquals(computed, stored);
        if (await LockedAsync(vehicleHash, now, ct))
        {
            audit.Record("online.code_verify", "online-plate", vehicleHash[..16], new { ok = false, locked = true });
            await db.SaveChangesAsync(ct);
            return CodeLocked;
        }

        if (!matches || latest is null || latest.UsedAt is not null || latest.ExpiresAt <= now)
        {
            var lockedNow = false;
            if (latest is not null)
            {
                // Failures count per vehicle over the window, whichever code they were made against: a new code resets nothing.
                latest.FailedAttempts++;
                lockedNow = await FailuresAsync(vehicleHash, now, ct) + 1 >= o.CodeMaxAttempts;
            }

            audit.Record("online.code_verify", "online-plate", vehicleHash[..16], new { ok = false, locked = lockedNow });
            await db.SaveChangesAsync(ct);
            return lockedNow ? CodeLocked : CodeInvalid;
        }

        latest.UsedAt = now;
        // Only the registered owner's own cases of this vehicle; a driver's, a loader's, a previous owner's need the notice code.
        var vehicle = await registry.FindVehicleAsync(plate!, color!, ct);
        var list = vehicle is null ? [] : await cases.CasesOfOwnedVehicleAsync(plate!, color!, vehicle.Owner.Number, null, 50, ct);
        audit.Record("online.code_verify", "online-plate", vehicleHash[..16], new { ok = true, cases = list.Count });
        await db.SaveChangesAsync(ct);
        var token = sessions.Grant(http, list.Select(c => c.Id), plate);
        return new AccessGranted(list, token);
    }

    /// <summary>The key of a vehicle's codes: plate AND colour (blue 豫A12345 and the yellow truck 豫A12345 are different vehicles).</summary>
    public static string VehicleHash(string plate, string color) => PlateHash(plate + "|" + color);

    /// <summary>An empty colour means yellow (the portal's default, the usual colour of a truck); anything else must be a known colour.</summary>
    private static string? ColorOf(string? text) => string.IsNullOrWhiteSpace(text) ? PlateColor.Yellow : PlateColor.Parse(text);

    /// <summary>Wrong codes against this vehicle in the rolling window, summed over every code issued in it.</summary>
    private async Task<int> FailuresAsync(string vehicleHash, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddMinutes(-options.Value.FailureWindowMinutes);
        return await db.Set<OnlineOneTimeCode>().Where(c => c.PlateHash == vehicleHash && c.CreatedAt > since).SumAsync(c => c.FailedAttempts, ct);
    }

    /// <summary>
    /// Locked while the codes issued in the last <see cref="OnlineOptions.LockMinutes"/> carry the maximum of failures: no new
    /// code is issued while locked, so the lock ends an hour after the last code that drew failures.
    /// </summary>
    private async Task<bool> LockedAsync(string vehicleHash, DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        var since = now.AddMinutes(-Math.Max(o.LockMinutes, o.FailureWindowMinutes));
        var failures = await db.Set<OnlineOneTimeCode>().Where(c => c.PlateHash == vehicleHash && c.CreatedAt > since).SumAsync(c => c.FailedAttempts, ct);
        return failures >= o.CodeMaxAttempts;
    }

    public static string PlateHash(string plate) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("vanguard-online-plate:" + plate)));

    private static string CodeHash(string salt, string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes(code)));

    private Task<OnlineOneTimeCode?> LatestCodeAsync(string plateHash, CancellationToken ct) =>
        db.Set<OnlineOneTimeCode>().Where(c => c.PlateHash == plateHash).OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
}

/// <param name="SessionToken">The same value as the cookie, for apps that send it as <c>X-Online-Session</c>.</param>
public sealed record AccessGranted(IReadOnlyList<PartyCaseSummary> Cases, string SessionToken);

public sealed record CodeRequested(string Message, int ValidMinutes);
