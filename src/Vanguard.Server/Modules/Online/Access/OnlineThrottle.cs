using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Vanguard.Server.Modules.Online.Access;

/// <summary>
/// Counts look-ups and code requests per client address and per plate in fixed 10-minute windows (in memory, per node:
/// a province behind a load balancer multiplies the limit by its node count, which still stops guessing).
/// </summary>
internal sealed class OnlineThrottle(IOptions<OnlineOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (long Window, int Count)> _counts = new(StringComparer.Ordinal);

    /// <summary>Counts one attempt against both keys; false when either is over its limit.</summary>
    public bool TryAcquire(string? address, string plateHash)
    {
        var window = clock.GetUtcNow().ToUnixTimeSeconds() / 600;
        if (_counts.Count > 100_000)
        {
            foreach (var stale in _counts.Where(c => c.Value.Window < window).Select(c => c.Key).ToList())
            {
                _counts.TryRemove(stale, out _);
            }
        }

        var byAddress = Count("a:" + (address ?? "unknown"), window);
        var byPlate = Count("p:" + plateHash, window);
        return byAddress <= options.Value.PerAddressPer10Minutes && byPlate <= options.Value.PerPlatePer10Minutes;
    }

    private int Count(string key, long window) =>
        _counts.AddOrUpdate(key, _ => (window, 1), (_, v) => v.Window == window ? (window, v.Count + 1) : (window, 1)).Count;
}
