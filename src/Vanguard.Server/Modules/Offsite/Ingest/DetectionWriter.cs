using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Vanguard.Server.Modules.Offsite.Data;

namespace Vanguard.Server.Modules.Offsite.Ingest;

/// <summary>
/// Writes detection rows in bulk, bypassing EF's change tracker (the province sends tens of millions a day).
/// <c>ON CONFLICT DO NOTHING</c> on (device, record id) makes resends duplicates; the ids of the rows actually inserted
/// come back so their review items can be written in the same transaction.
/// SQLite: prepared multi-row statements (64 rows each) inside the transaction. PostgreSQL: one statement over arrays
/// (<c>unnest</c>), so a batch is one round trip.
/// </summary>
internal static class DetectionWriter
{
    private const string WimColumns =
        "\"DeviceId\", \"AgencyId\", \"RecordId\", \"CapturedAtMs\", \"CapturedOffsetMinutes\", \"ReceivedAtMs\", \"Lane\", \"Plate\", \"PlateColor\", " +
        "\"AxleCount\", \"VehicleKind\", \"TractorSingleDriveAxle\", \"SingleTyreAxleCount\", \"AxleWeightsKg\", \"GrossWeightKg\", \"SpeedDeciKmh\", " +
        "\"HeightMm\", \"WidthMm\", \"LengthMm\", \"Verdict\", \"LimitKg\", \"ToleranceKg\", \"AdjustedKg\", \"OverKg\", \"OverBasisPoints\", " +
        "\"PenaltyKind\", \"PenaltyFen\", \"EvidenceUsable\", \"ImagesJson\"";

    /// <summary>Inserts the rows that are new; returns (row index in <paramref name="rows"/>, new id) for each.</summary>
    public static async Task<List<(int Index, long Id)>> InsertWimAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<WimRecord> rows, CancellationToken ct) =>
        connection switch
        {
            SqliteConnection sqlite => InsertWimSqlite(sqlite, (SqliteTransaction)tx, rows),
            NpgsqlConnection postgres => await InsertWimPostgresAsync(postgres, (NpgsqlTransaction)tx, rows, ct),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };

    /// <summary>Rows per INSERT statement on SQLite: fewer statements to step through, well under its 32 766-variable cap.</summary>
    private const int SqliteRowsPerStatement = 64;

    private const int WimColumnCount = 29;

    private static List<(int, long)> InsertWimSqlite(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<WimRecord> rows)
    {
        var index = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            index[rows[i].RecordId] = i;
        }

        var inserted = new List<(int, long)>(rows.Count);
        SqliteCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += SqliteRowsPerStatement)
            {
                var count = Math.Min(SqliteRowsPerStatement, rows.Count - start);
                // One prepared statement serves every full chunk; the last, shorter chunk gets its own.
                using var partial = count == SqliteRowsPerStatement ? null : WimCommand(connection, tx, count);
                var command = partial ?? (full ??= WimCommand(connection, tx, SqliteRowsPerStatement));
                for (var k = 0; k < count; k++)
                {
                    Bind(command.Parameters, k * WimColumnCount, rows[start + k]);
                }

                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    inserted.Add((index[reader.GetString(1)], reader.GetInt64(0)));
                }
            }
        }
        finally
        {
            full?.Dispose();
        }

        return inserted;
    }

    private static SqliteCommand WimCommand(SqliteConnection connection, SqliteTransaction tx, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        var values = new System.Text.StringBuilder();
        for (var row = 0; row < rowCount; row++)
        {
            values.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < WimColumnCount; column++)
            {
                var name = "$p" + ((row * WimColumnCount) + column).ToString(System.Globalization.CultureInfo.InvariantCulture);
                values.Append(column == 0 ? name : ", " + name);
                // No declared type: each value binds as what it is (INTEGER, TEXT, NULL).
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            values.Append(')');
        }

        command.CommandText = $"INSERT INTO offsite_wim_records ({WimColumns}) VALUES {values} ON CONFLICT DO NOTHING RETURNING \"Id\", \"RecordId\"";
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteParameterCollection p, int at, WimRecord r)
    {
        // EF stores Guid as upper-case TEXT on SQLite; match it so EF queries find these rows.
        p[at].Value = r.DeviceId.ToString().ToUpperInvariant();
        p[at + 1].Value = r.AgencyId.ToString().ToUpperInvariant();
        p[at + 2].Value = r.RecordId;
        p[at + 3].Value = r.CapturedAtMs;
        p[at + 4].Value = r.CapturedOffsetMinutes;
        p[at + 5].Value = r.ReceivedAtMs;
        p[at + 6].Value = r.Lane;
        p[at + 7].Value = r.Plate;
        p[at + 8].Value = r.PlateColor;
        p[at + 9].Value = r.AxleCount;
        p[at + 10].Value = r.VehicleKind;
        p[at + 11].Value = r.TractorSingleDriveAxle ? 1 : 0;
        p[at + 12].Value = r.SingleTyreAxleCount;
        p[at + 13].Value = r.AxleWeightsKg;
        p[at + 14].Value = r.GrossWeightKg;
        p[at + 15].Value = r.SpeedDeciKmh;
        p[at + 16].Value = (object?)r.HeightMm ?? DBNull.Value;
        p[at + 17].Value = (object?)r.WidthMm ?? DBNull.Value;
        p[at + 18].Value = (object?)r.LengthMm ?? DBNull.Value;
        p[at + 19].Value = r.Verdict;
        p[at + 20].Value = r.LimitKg;
        p[at + 21].Value = r.ToleranceKg;
        p[at + 22].Value = r.AdjustedKg;
        p[at + 23].Value = r.OverKg;
        p[at + 24].Value = r.OverBasisPoints;
        p[at + 25].Value = r.PenaltyKind;
        p[at + 26].Value = (object?)r.PenaltyFen ?? DBNull.Value;
        p[at + 27].Value = r.EvidenceUsable ? 1 : 0;
        p[at + 28].Value = (object?)r.ImagesJson ?? DBNull.Value;
    }

    private static async Task<List<(int, long)>> InsertWimPostgresAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<WimRecord> rows, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO offsite_wim_records ({WimColumns}) " +
            "SELECT * FROM unnest(@d, @a, @r, @c, @o, @rc, @l, @p, @pc, @ax, @vk, @t, @st, @aw, @g, @s, @h, @w, @len, @v, @lim, @tol, @adj, @ov, @bp, @pk, @pf, @u, @img) " +
            "ON CONFLICT DO NOTHING RETURNING \"Id\", \"RecordId\"",
            connection,
            tx);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("d", rows.Select(r => r.DeviceId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("a", rows.Select(r => r.AgencyId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("r", rows.Select(r => r.RecordId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("c", rows.Select(r => r.CapturedAtMs).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<short[]>("o", rows.Select(r => r.CapturedOffsetMinutes).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("rc", rows.Select(r => r.ReceivedAtMs).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("l", rows.Select(r => r.Lane).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("p", rows.Select(r => r.Plate).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("pc", rows.Select(r => r.PlateColor).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("ax", rows.Select(r => r.AxleCount).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("vk", rows.Select(r => r.VehicleKind).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<bool[]>("t", rows.Select(r => r.TractorSingleDriveAxle).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("st", rows.Select(r => r.SingleTyreAxleCount).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("aw", rows.Select(r => r.AxleWeightsKg).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("g", rows.Select(r => r.GrossWeightKg).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("s", rows.Select(r => r.SpeedDeciKmh).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("h", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = rows.Select(r => r.HeightMm).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("w", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = rows.Select(r => r.WidthMm).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("len", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = rows.Select(r => r.LengthMm).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<int[]>("v", rows.Select(r => r.Verdict).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("lim", rows.Select(r => r.LimitKg).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("tol", rows.Select(r => r.ToleranceKg).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("adj", rows.Select(r => r.AdjustedKg).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("ov", rows.Select(r => r.OverKg).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("bp", rows.Select(r => r.OverBasisPoints).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("pk", rows.Select(r => r.PenaltyKind).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("pf", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.PenaltyFen).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<bool[]>("u", rows.Select(r => r.EvidenceUsable).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("img", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.ImagesJson).ToArray() });
        var index = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            index[rows[i].RecordId] = i;
        }

        var inserted = new List<(int, long)>(rows.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            inserted.Add((index[reader.GetString(1)], reader.GetInt64(0)));
        }

        return inserted;
    }

    private const string AnprColumns =
        "\"DeviceId\", \"AgencyId\", \"ReadId\", \"CapturedAtMs\", \"CapturedOffsetMinutes\", \"ReceivedAtMs\", \"Plate\", \"PlateColor\", " +
        "\"ConfidencePermille\", \"Direction\", \"ImageSha256\", \"Retained\"";

    /// <summary>Inserts the plate reads that are new; returns how many were.</summary>
    public static async Task<int> InsertAnprAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<AnprRead> rows, CancellationToken ct)
    {
        if (connection is NpgsqlConnection postgres)
        {
            await using var command = new NpgsqlCommand(
                $"INSERT INTO offsite_anpr_reads ({AnprColumns}) SELECT * FROM unnest(@d, @a, @r, @c, @o, @rc, @p, @pc, @cf, @dir, @img, @ret) ON CONFLICT DO NOTHING",
                postgres,
                (NpgsqlTransaction)tx);
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("d", rows.Select(r => r.DeviceId).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("a", rows.Select(r => r.AgencyId).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("r", rows.Select(r => r.ReadId).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<long[]>("c", rows.Select(r => r.CapturedAtMs).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<short[]>("o", rows.Select(r => r.CapturedOffsetMinutes).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<long[]>("rc", rows.Select(r => r.ReceivedAtMs).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("p", rows.Select(r => r.Plate).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("pc", rows.Select(r => r.PlateColor).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<int[]>("cf", rows.Select(r => r.ConfidencePermille).ToArray()));
            command.Parameters.Add(new NpgsqlParameter("dir", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Direction).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("img", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.ImageSha256).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<bool[]>("ret", rows.Select(r => r.Retained).ToArray()));
            return await command.ExecuteNonQueryAsync(ct);
        }

        var sqlite = (SqliteConnection)connection;
        using var insert = sqlite.CreateCommand();
        insert.Transaction = (SqliteTransaction)tx;
        insert.CommandText = $"INSERT INTO offsite_anpr_reads ({AnprColumns}) VALUES ($d, $a, $r, $c, $o, $rc, $p, $pc, $cf, $dir, $img, $ret) ON CONFLICT DO NOTHING";
        string[] names = ["$d", "$a", "$r", "$c", "$o", "$rc", "$p", "$pc", "$cf", "$dir", "$img", "$ret"];
        var q = names.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        insert.Prepare();
        var count = 0;
        foreach (var r in rows)
        {
            q[0].Value = r.DeviceId.ToString().ToUpperInvariant();
            q[1].Value = r.AgencyId.ToString().ToUpperInvariant();
            q[2].Value = r.ReadId;
            q[3].Value = r.CapturedAtMs;
            q[4].Value = r.CapturedOffsetMinutes;
            q[5].Value = r.ReceivedAtMs;
            q[6].Value = r.Plate;
            q[7].Value = r.PlateColor;
            q[8].Value = r.ConfidencePermille;
            q[9].Value = (object?)r.Direction ?? DBNull.Value;
            q[10].Value = (object?)r.ImageSha256 ?? DBNull.Value;
            q[11].Value = r.Retained ? 1 : 0;
            count += insert.ExecuteNonQuery();
        }

        return count;
    }
}
