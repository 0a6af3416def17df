using System.Diagnostics;
using System.Globalization;
using Vanguard.Server.Modules.Surveillance.Matching;

namespace Vanguard.Bench;

internal static partial class WatchlistBench
{
    private const int Reads = 3_000_000;
    private const int Rounds = 3;

    /// <summary>
    /// Part (a): the server's <see cref="WatchlistIndex"/> with 1 000 000 entries (one in ten with fuzzy matching), and
    /// the time of <c>Match</c> per read over 3 000 000 reads — 98 % on no list, 1 % exact hits, 1 % misreads of a fuzzy
    /// entry — against <c>Dictionary&lt;string, IndexedEntry&gt;.TryGetValue</c> on the same plates (exact only), in the
    /// same process, each timed three times alternately, the best of each taken.
    /// </summary>
    private static IReadOnlyList<Figure> MatchCost()
    {
        Report.Heading($"watch-list match: WatchlistIndex with {Entries:N0} entries, {Reads:N0} reads (1 % exact hits, 1 % fuzzy)");
        var now = DateTimeOffset.UtcNow;
        var list = Guid.CreateVersion7();
        var agency = Guid.CreateVersion7();
        IReadOnlyList<Guid> noAgencies = [];
        IReadOnlyList<string> channels = ["command", "terminal", "webhook"];

        var m0 = Memory();
        var entries = new IndexedEntry[Entries];
        for (var i = 0; i < Entries; i++)
        {
            entries[i] = new IndexedEntry(Guid.CreateVersion7(), list, agency, EntryPlate(i), "blue", now.AddDays(-1), now.AddDays(300),
                FuzzyMatch: i % 10 == 0, noAgencies, channels, null, "基准测试");
        }

        var m1 = Memory();
        var dictionary = new Dictionary<string, IndexedEntry>(Entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            dictionary[entry.Plate] = entry;
        }

        var m2 = Memory();
        var buildWatch = Stopwatch.StartNew();
        var index = new WatchlistIndex();
        foreach (var entry in entries)
        {
            index.Upsert(entry);
        }

        buildWatch.Stop();
        var m3 = Memory();
        var entriesMb = (m1 - m0) / 1048576.0;
        var indexMb = entriesMb + ((m3 - m2) / 1048576.0);
        var dictionaryMb = entriesMb + ((m2 - m1) / 1048576.0);
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"index built in {Report.Seconds(buildWatch.Elapsed)}; managed memory with the entries themselves ({entriesMb:0} MB of it): index {indexMb:0} MB, plain dictionary {dictionaryMb:0} MB"));

        var random = new Random(8);
        var plates = new string[Reads];
        int exact = 0, fuzzy = 0;
        for (var r = 0; r < Reads; r++)
        {
            var roll = random.Next(100);
            if (roll == 0)
            {
                plates[r] = EntryPlate(random.Next(Entries));
                exact++;
            }
            else if (roll == 1 && Misread(EntryPlate(random.Next(Entries / 10) * 10)) is { } misread)
            {
                plates[r] = misread;
                fuzzy++;
            }
            else
            {
                plates[r] = MissPlate(random);
            }
        }

        var at = now;
        var found = new List<IndexMatch>(4);
        long IndexPass()
        {
            long hits = 0;
            foreach (var plate in plates)
            {
                hits += index.Match(plate, "blue", at, found);
                found.Clear();
            }

            return hits;
        }

        long DictionaryPass()
        {
            long hits = 0;
            foreach (var plate in plates)
            {
                if (dictionary.TryGetValue(plate, out var entry) && entry.PlateColor == "blue" && at >= entry.ValidFrom && at < entry.ValidUntil)
                {
                    hits++;
                }
            }

            return hits;
        }

        IndexPass();
        DictionaryPass();
        double bestIndex = double.MaxValue, bestDictionary = double.MaxValue;
        long indexHits = 0, dictionaryHits = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            indexHits = IndexPass();
            bestIndex = Math.Min(bestIndex, watch.Elapsed.TotalNanoseconds / Reads);
            watch.Restart();
            dictionaryHits = DictionaryPass();
            bestDictionary = Math.Min(bestDictionary, watch.Elapsed.TotalNanoseconds / Reads);
        }

        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"reads: {exact:N0} exact hits and {fuzzy:N0} misreads planted; index found {indexHits:N0} (exact + fuzzy), dictionary {dictionaryHits:N0} (exact only)"));
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"per read: index {bestIndex:0.0} ns, dictionary {bestDictionary:0.0} ns (×{bestIndex / bestDictionary:0.00})"));
        GC.KeepAlive(index);
        GC.KeepAlive(dictionary);
        return
        [
            new Figure("watch-list match, 1 M entries", "WatchlistIndex.Match", bestIndex, "Dictionary.TryGetValue", bestDictionary, "ns/read", Better.Lower),
            new Figure("watch-list index memory, 1 M entries", "WatchlistIndex", indexMb, "Dictionary<string, entry>", dictionaryMb, "MB", Better.Lower),
        ];
    }

    /// <summary>The plate as a camera might misread it: its first 0, 8, 2 or 5 read as D, B, Z or S; null when it has none.</summary>
    private static string? Misread(string plate)
    {
        for (var i = 2; i < plate.Length; i++)
        {
            var swapped = plate[i] switch { '0' => 'D', '8' => 'B', '2' => 'Z', '5' => 'S', _ => '\0' };
            if (swapped != '\0')
            {
                return string.Concat(plate.AsSpan(0, i), [swapped], plate.AsSpan(i + 1));
            }
        }

        return null;
    }

    private static long Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
