using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;
using Vanguard.Server.Modules.Offsite.Data;

namespace Vanguard.Server.Modules.Offsite.Ingest;

/// <summary>
/// Writes detection rows in bulk, bypassing EF's change tracker (the province sends tens of millions a day).
/// <c>ON CONFLICT DO NOTHING</c> on (device, record id) makes resends duplicates; the ids of the rows actually inserted
/// come back so their review items can be written in the same transaction.
/// SQLite: one statement prepared once and stepped per row inside the transaction. PostgreSQL: one statement over arrays
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

    /// <summary>
    /// SQLite: one statement prepared once and stepped per row through SQLitePCL with positional binds. Microsoft.Data.Sqlite
    /// looks every named parameter up again on each execution, which made it the bottleneck (measured: 3× slower with 29
    /// named parameters a row, and worse again with multi-row statements, the look-up growing with the square of the count).
    /// </summary>
    private static List<(int, long)> InsertWimSqlite(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<WimRecord> rows)
    {
        _ = tx; // The statement runs on the connection that holds the transaction; SQLite needs nothing more.
        var placeholders = string.Join(", ", Enumerable.Range(1, 29).Select(i => "?" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var sql = $"INSERT INTO offsite_wim_records ({WimColumns}) VALUES ({placeholders}) ON CONFLICT DO NOTHING RETURNING \"Id\"";
        var handle = connection.Handle!;
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        var inserted = new List<(int, long)>(rows.Count);
        try
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                // EF stores Guid as upper-case TEXT on SQLite; match it so EF queries find these rows.
                Text(statement, 1, r.DeviceId.ToString().ToUpperInvariant());
                Text(statement, 2, r.AgencyId.ToString().ToUpperInvariant());
                Text(statement, 3, r.RecordId);
                raw.sqlite3_bind_int64(statement, 4, r.CapturedAtMs);
                raw.sqlite3_bind_int64(statement, 5, r.CapturedOffsetMinutes);
                raw.sqlite3_bind_int64(statement, 6, r.ReceivedAtMs);
                raw.sqlite3_bind_int64(statement, 7, r.Lane);
                Text(statement, 8, r.Plate);
                Text(statement, 9, r.PlateColor);
                raw.sqlite3_bind_int64(statement, 10, r.AxleCount);
                Text(statement, 11, r.VehicleKind);
                raw.sqlite3_bind_int64(statement, 12, r.TractorSingleDriveAxle ? 1 : 0);
                raw.sqlite3_bind_int64(statement, 13, r.SingleTyreAxleCount);
                Text(statement, 14, r.AxleWeightsKg);
                raw.sqlite3_bind_int64(statement, 15, r.GrossWeightKg);
                raw.sqlite3_bind_int64(statement, 16, r.SpeedDeciKmh);
                Int(statement, 17, r.HeightMm);
                Int(statement, 18, r.WidthMm);
                Int(statement, 19, r.LengthMm);
                raw.sqlite3_bind_int64(statement, 20, r.Verdict);
                raw.sqlite3_bind_int64(statement, 21, r.LimitKg);
                raw.sqlite3_bind_int64(statement, 22, r.ToleranceKg);
                raw.sqlite3_bind_int64(statement, 23, r.AdjustedKg);
                raw.sqlite3_bind_int64(statement, 24, r.OverKg);
                raw.sqlite3_bind_int64(statement, 25, r.OverBasisPoints);
                Text(statement, 26, r.PenaltyKind);
                Int(statement, 27, r.PenaltyFen);
                raw.sqlite3_bind_int64(statement, 28, r.EvidenceUsable ? 1 : 0);
                Text(statement, 29, r.ImagesJson);
                var step = raw.sqlite3_step(statement);
                if (step == raw.SQLITE_ROW)
                {
                    // A row comes back only when the insert happened; a duplicate returns none.
                    inserted.Add((i, raw.sqlite3_column_int64(statement, 0)));
                    step = raw.sqlite3_step(statement);
                }

                Check(handle, step == raw.SQLITE_DONE ? raw.SQLITE_OK : step);
                raw.sqlite3_reset(statement);
            }
        }
        finally
        {
            raw.sqlite3_finalize(statement);
        }

        return inserted;
    }

    private static void Text(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(statement, index);
        }
        else
        {
            raw.sqlite3_bind_text(statement, index, value);
        }
    }

    private static void Int(sqlite3_stmt statement, int index, long? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_int64(statement, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(statement, index);
        }
    }

    private static void Check(sqlite3 handle, int code)
    {
        if (code != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), code);
        }
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

    /// <summary>
    /// Inserts the plate reads that are new; returns (row index in <paramref name="rows"/>, new id) for each, so the
    /// watch-list matcher is told about new reads only, never about resends. The rows of one batch come from one camera
    /// and have distinct read ids (the handler drops repeats within a batch).
    /// </summary>
    public static async Task<List<(int Index, long Id)>> InsertAnprAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<AnprRead> rows, CancellationToken ct) =>
        connection switch
        {
            SqliteConnection sqlite => InsertAnprSqlite(sqlite, (SqliteTransaction)tx, rows),
            NpgsqlConnection postgres => await InsertAnprPostgresAsync(postgres, (NpgsqlTransaction)tx, rows, ct),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };

    /// <summary>SQLite: prepared once, stepped per row with positional binds (see <see cref="InsertWimSqlite"/> for why).</summary>
    private static List<(int, long)> InsertAnprSqlite(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<AnprRead> rows)
    {
        _ = tx; // The statement runs on the connection that holds the transaction.
        const string sql = $"INSERT INTO offsite_anpr_reads ({AnprColumns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) " +
            "ON CONFLICT DO NOTHING RETURNING \"Id\"";
        var handle = connection.Handle!;
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        var inserted = new List<(int, long)>(rows.Count);
        try
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                // EF stores Guid as upper-case TEXT on SQLite; match it so EF queries find these rows.
                Text(statement, 1, r.DeviceId.ToString().ToUpperInvariant());
                Text(statement, 2, r.AgencyId.ToString().ToUpperInvariant());
                Text(statement, 3, r.ReadId);
                raw.sqlite3_bind_int64(statement, 4, r.CapturedAtMs);
                raw.sqlite3_bind_int64(statement, 5, r.CapturedOffsetMinutes);
                raw.sqlite3_bind_int64(statement, 6, r.ReceivedAtMs);
                Text(statement, 7, r.Plate);
                Text(statement, 8, r.PlateColor);
                raw.sqlite3_bind_int64(statement, 9, r.ConfidencePermille);
                Text(statement, 10, r.Direction);
                Text(statement, 11, r.ImageSha256);
                raw.sqlite3_bind_int64(statement, 12, r.Retained ? 1 : 0);
                var step = raw.sqlite3_step(statement);
                if (step == raw.SQLITE_ROW)
                {
                    // A row comes back only when the insert happened; a resend returns none.
                    inserted.Add((i, raw.sqlite3_column_int64(statement, 0)));
                    step = raw.sqlite3_step(statement);
                }

                Check(handle, step == raw.SQLITE_DONE ? raw.SQLITE_OK : step);
                raw.sqlite3_reset(statement);
            }
        }
        finally
        {
            raw.sqlite3_finalize(statement);
        }

        return inserted;
    }

    private static async Task<List<(int, long)>> InsertAnprPostgresAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<AnprRead> rows, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO offsite_anpr_reads ({AnprColumns}) SELECT * FROM unnest(@d, @a, @r, @c, @o, @rc, @p, @pc, @cf, @dir, @img, @ret) " +
            "ON CONFLICT DO NOTHING RETURNING \"Id\", \"ReadId\"",
            connection,
            tx);
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
        var index = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            index[rows[i].ReadId] = i;
        }

        var inserted = new List<(int, long)>(rows.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            inserted.Add((index[reader.GetString(1)], reader.GetInt64(0)));
        }

        return inserted;
    }
}
