using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Vanguard.Domain.Organisation;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Performance.Sample;

/// <summary>
/// Stable pseudonyms of record references for third-party evaluators (第三方评估): <c>case:…</c> becomes <c>case#</c> and the first
/// 16 hex digits of HMAC-SHA-256 of the reference. The same record always gets the same pseudonym, so an evaluator can follow it
/// from month to month without learning which record it is; the key never leaves the server.
/// </summary>
/// <remarks>
/// The key is <c>Vanguard:Performance:PseudonymKey</c> (at least 32 characters) when configured; otherwise 32 random bytes made on
/// first use and kept, protected with ASP.NET Core Data Protection, beside its key ring (<c>keys/</c> in the data directory, which
/// the nodes of one installation share already). A record id alone is no secret (weighing ids are sequential): without the key
/// anyone could hash every id and reverse the pseudonyms.
/// </remarks>
internal sealed class RecordPseudonyms(IConfiguration configuration, IDataProtectionProvider protection)
{
    public const string KeySetting = "Vanguard:Performance:PseudonymKey";

    public const int MinKeyLength = 32;

    private const string KeyFile = "performance-pseudonyms.key";

    private readonly Lazy<byte[]> _key = new(() => LoadKey(configuration, protection), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Administrators see the records themselves (they may open them anyway); a caller who is only an evaluator does not.</summary>
    public static bool AppliesTo(ICurrentActor actor) => !actor.IsInRole(Role.ProvinceAdmin) && !actor.IsInRole(Role.AgencyAdmin);

    public string Of(string recordRef)
    {
        var colon = recordRef.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? recordRef[..colon] : "record";
        var mac = HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(recordRef));
        return $"{kind}#{Convert.ToHexStringLower(mac.AsSpan(0, 8))}";
    }

    private static byte[] LoadKey(IConfiguration configuration, IDataProtectionProvider protection)
    {
        if (configuration[KeySetting] is { Length: > 0 } configured)
        {
            return configured.Length >= MinKeyLength
                ? Encoding.UTF8.GetBytes(configured)
                : throw new InvalidOperationException($"{KeySetting} must be at least {MinKeyLength} characters.");
        }

        var protector = protection.CreateProtector("Vanguard.Performance.RecordPseudonyms");
        var folder = Path.Combine(DataDirectory.Resolve(configuration), "keys");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, KeyFile);
        try
        {
            // CreateNew: when two nodes start together, one writes the key and the other reads it.
            using var created = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            var key = RandomNumberGenerator.GetBytes(32);
            created.Write(Encoding.UTF8.GetBytes(protector.Protect(Convert.ToBase64String(key))));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            for (var attempt = 0; ; attempt++)
            {
                var text = File.ReadAllText(path);
                if (text.Length > 0)
                {
                    return Convert.FromBase64String(protector.Unprotect(text));
                }

                if (attempt >= 20)
                {
                    // Still empty after a second: its writer died between creating and writing it. Replace it whole (rename).
                    var key = RandomNumberGenerator.GetBytes(32);
                    var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                    File.WriteAllText(temporary, protector.Protect(Convert.ToBase64String(key)));
                    File.Move(temporary, path, overwrite: true);
                    return key;
                }

                Thread.Sleep(50); // the other node is still writing it
            }
        }
    }
}
