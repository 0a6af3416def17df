using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Organisation;

/// <summary>Device look-ups for other modules, cached for 30 seconds (changes on this node take effect at once).</summary>
internal sealed class DeviceDirectory(IServiceScopeFactory scopes, TimeProvider clock) : IDeviceDirectory
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (DeviceInfo? Device, DateTimeOffset LoadedAt)> _cache = new(StringComparer.Ordinal);

    public async Task<DeviceInfo?> FindAsync(string code, CancellationToken ct)
    {
        if (_cache.TryGetValue(code, out var hit) && clock.GetUtcNow() - hit.LoadedAt < MaxAge)
        {
            return hit.Device;
        }

        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var device = await db.Devices.AsNoTracking().Where(d => d.Code == code)
            .Select(d => new DeviceInfo(d.Id, d.Code, d.Kind, d.Name, d.AgencyId, d.AccuracyClass, d.CertificateNumber, d.CertificateValidFrom,
                d.CertificateValidUntil, d.KeyHash != null, d.Latitude, d.Longitude, d.Location))
            .SingleOrDefaultAsync(ct);
        _cache[code] = (device, clock.GetUtcNow());
        return device;
    }

    public void Invalidate(string code) => _cache.TryRemove(code, out _);

    public async Task<IReadOnlyList<DeviceInfo>> ListAsync(IReadOnlyCollection<string> kinds, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        return await db.Devices.AsNoTracking().Where(d => kinds.Contains(d.Kind)).OrderBy(d => d.Code)
            .Select(d => new DeviceInfo(d.Id, d.Code, d.Kind, d.Name, d.AgencyId, d.AccuracyClass, d.CertificateNumber, d.CertificateValidFrom,
                d.CertificateValidUntil, d.KeyHash != null, d.Latitude, d.Longitude, d.Location))
            .ToListAsync(ct);
    }
}
