namespace Vanguard.Devices.Traffic;

internal enum TrafficTag
{
    Normal,

    /// <summary>Deliberately defective; the platform should reject it.</summary>
    Bad,

    /// <summary>A record sent before, sent again as a device does after a lost answer; the platform should call it a duplicate.</summary>
    Resend,
}

internal readonly record struct TrafficItem<T>(T Record, string Id, TrafficTag Tag);

/// <summary>An endless stream of device records; the runner paces, batches and sends them.</summary>
internal interface ITrafficSource<T>
{
    TrafficItem<T> Next();

    /// <summary>Lines for the final summary about what was generated.</summary>
    IEnumerable<string> Describe();
}

/// <summary>
/// Keeps recent good records so that a share of them can be sent again, older than one batch so they land in another.
/// Bad records are not resent: their second rejection would blur the count of duplicates.
/// </summary>
internal sealed class ResendHistory<T>(int minAge)
{
    private const int Capacity = 4_096;
    private readonly TrafficItem<T>[] _ring = new TrafficItem<T>[Capacity];
    private int _next;
    private int _count;

    public void Remember(TrafficItem<T> item)
    {
        _ring[_next] = item;
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
    }

    public bool TryPick(Random rng, out TrafficItem<T> item)
    {
        var eligible = _count - minAge;
        if (eligible <= 0)
        {
            item = default;
            return false;
        }

        var oldest = (_next - _count + Capacity) % Capacity;
        item = _ring[(oldest + rng.Next(eligible)) % Capacity] with { Tag = TrafficTag.Resend };
        return true;
    }
}
