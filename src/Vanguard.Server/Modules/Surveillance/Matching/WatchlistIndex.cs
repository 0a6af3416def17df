using System.Collections.Concurrent;
using Vanguard.Domain.Surveillance;
using Vanguard.Server.Modules.Surveillance.Data;

namespace Vanguard.Server.Modules.Surveillance.Matching;

/// <summary>An entry a read matched, and how (<see cref="MatchKinds"/>).</summary>
internal readonly record struct IndexMatch(IndexedEntry Entry, string MatchKind);

/// <summary>
/// Every active entry of every active list, in memory, keyed by the canonical (confusion-folded, 号牌易混字符) plate: one
/// look-up per read finds the exact entry and every entry a misread could mean, and allocates nothing when the plate is
/// on no list — which is nearly always. Readers never lock: a key's bucket is an immutable array replaced whole
/// (copy-on-write) by writers, which take one lock among themselves. Validity is checked at match time against the
/// clock, so an entry past <see cref="IndexedEntry.ValidUntil"/> stops matching with no job; expired entries are pruned
/// later only to free memory.
/// </summary>
internal sealed class WatchlistIndex
{
    private readonly ConcurrentDictionary<string, IndexedEntry[]> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IndexedEntry[]>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;
    private readonly ConcurrentDictionary<Guid, IndexedEntry> _byId = new();
    private readonly ConcurrentDictionary<Guid, byte> _inactiveLists = new();
    private readonly Lock _write = new();

    public WatchlistIndex() => _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many entries are held (some may have expired since they were loaded).</summary>
    public int Count => _byId.Count;

    public bool Contains(Guid entryId) => _byId.ContainsKey(entryId);

    /// <summary>Adds the entry, or replaces the one with its id (its plate may have changed key).</summary>
    public void Upsert(IndexedEntry entry)
    {
        var key = PlateConfusions.Key(entry.Plate);
        lock (_write)
        {
            RemoveLocked(entry.EntryId);
            _byKey[key] = _byKey.TryGetValue(key, out var bucket) ? [.. bucket, entry] : [entry];
            _byId[entry.EntryId] = entry;
        }
    }

    public bool Remove(Guid entryId)
    {
        lock (_write)
        {
            return RemoveLocked(entryId);
        }
    }

    /// <summary>A list switched off: none of its entries may match any more, and they leave memory.</summary>
    public int DeactivateList(Guid watchlistId)
    {
        lock (_write)
        {
            _inactiveLists[watchlistId] = 0;
            var removed = 0;
            foreach (var entry in _byId.Values)
            {
                if (entry.WatchlistId == watchlistId && RemoveLocked(entry.EntryId))
                {
                    removed++;
                }
            }

            return removed;
        }
    }

    /// <summary>A list switched (back) on: its entries may be added again (the caller loads them).</summary>
    public void ActivateList(Guid watchlistId) => _inactiveLists.TryRemove(watchlistId, out _);

    public bool IsListInactive(Guid watchlistId) => _inactiveLists.ContainsKey(watchlistId);

    /// <summary>Frees the memory of entries whose validity ended before <paramref name="now"/> (they already match nothing).</summary>
    public int RemoveExpired(DateTimeOffset now)
    {
        var removed = 0;
        foreach (var entry in _byId.Values)
        {
            if (entry.ValidUntil <= now && Remove(entry.EntryId))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>
    /// Adds to <paramref name="into"/> the entries a read of <paramref name="plate"/> in <paramref name="plateColor"/> at
    /// <paramref name="at"/> hits: the entry with the very same plate (<c>exact</c>), and — only for entries with
    /// fuzzy matching on — entries whose plate differs from the read only within confusion classes (<c>fuzzy</c>; a
    /// fuzzy hit is never reported as exact). Returns how many were added.
    /// </summary>
    public int Match(ReadOnlySpan<char> plate, string plateColor, DateTimeOffset at, List<IndexMatch> into)
    {
        Span<char> key = stackalloc char[PlateConfusions.MaxLength];
        var length = PlateConfusions.WriteKey(plate, key);
        if (length <= 0 || !_byKeySpan.TryGetValue(key[..length], out var bucket))
        {
            return 0;
        }

        var added = 0;
        foreach (var entry in bucket)
        {
            if (!string.Equals(entry.PlateColor, plateColor, StringComparison.Ordinal) || at < entry.ValidFrom || at >= entry.ValidUntil
                || _inactiveLists.ContainsKey(entry.WatchlistId))
            {
                continue;
            }

            if (plate.SequenceEqual(entry.Plate))
            {
                into.Add(new IndexMatch(entry, MatchKinds.Exact));
                added++;
            }
            else if (entry.FuzzyMatch && PlateConfusions.AreConfusable(plate, entry.Plate))
            {
                into.Add(new IndexMatch(entry, MatchKinds.Fuzzy));
                added++;
            }
        }

        return added;
    }

    /// <summary>Allocating convenience over <see cref="Match(ReadOnlySpan{char}, string, DateTimeOffset, List{IndexMatch})"/> (tests, tools).</summary>
    public IReadOnlyList<IndexMatch> Match(string plate, string plateColor, DateTimeOffset at)
    {
        var hits = new List<IndexMatch>();
        Match(plate, plateColor, at, hits);
        return hits;
    }

    private bool RemoveLocked(Guid entryId)
    {
        if (!_byId.TryRemove(entryId, out var old))
        {
            return false;
        }

        var key = PlateConfusions.Key(old.Plate);
        if (_byKey.TryGetValue(key, out var bucket))
        {
            var rest = Array.FindAll(bucket, e => e.EntryId != entryId);
            if (rest.Length == 0)
            {
                _byKey.TryRemove(key, out _);
            }
            else
            {
                _byKey[key] = rest;
            }
        }

        return true;
    }
}
