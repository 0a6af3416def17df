using System.Data.Common;

namespace Vanguard.Cluster.Tests.Nodes;

/// <summary>The detection tables read directly (SQLite or PostgreSQL), not through the API that is under test.</summary>
internal static class StoredRecords
{
    public const string Weighings = "offsite_wim_records";

    public const string PlateReads = "offsite_anpr_reads";

    /// <summary>How many rows each record id of the device has in <paramref name="table"/>.</summary>
    public static async Task<Dictionary<string, int>> CountsAsync(DbConnection connection, string table, string deviceCode, CancellationToken ct)
    {
        var idColumn = table == Weighings ? "RecordId" : "ReadId";
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT r."{idColumn}", COUNT(*) FROM {table} r JOIN org_devices d ON d."Id" = r."DeviceId"
            WHERE d."Code" = @code GROUP BY r."{idColumn}"
            """;
        var code = command.CreateParameter();
        code.ParameterName = "code";
        code.Value = deviceCode;
        command.Parameters.Add(code);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>A single number from a query (a count).</summary>
    public static async Task<long> ScalarAsync(DbConnection connection, string sql, string deviceCode, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var code = command.CreateParameter();
        code.ParameterName = "code";
        code.Value = deviceCode;
        command.Parameters.Add(code);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Every id the devices sent is stored exactly once, and nothing else is: the ids missing, stored twice, or unknown are
    /// listed in the failure.
    /// </summary>
    public static void ShouldHoldExactlyOnce(IReadOnlyDictionary<string, int> stored, IReadOnlySet<string> sent, string what)
    {
        var missing = sent.Where(id => !stored.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var twice = stored.Where(s => s.Value != 1).Select(s => $"{s.Key}×{s.Value}").Order(StringComparer.Ordinal).ToList();
        var unknown = stored.Keys.Where(id => !sent.Contains(id)).Order(StringComparer.Ordinal).ToList();
        missing.ShouldBeEmpty($"{what}: {missing.Count} of {sent.Count} acknowledged records are not stored: {string.Join(", ", missing.Take(20))}");
        twice.ShouldBeEmpty($"{what}: records stored more than once: {string.Join(", ", twice.Take(20))}");
        unknown.ShouldBeEmpty($"{what}: records stored that no device sent: {string.Join(", ", unknown.Take(20))}");
    }
}
