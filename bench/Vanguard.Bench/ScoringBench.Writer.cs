using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Vanguard.Bench;

/// <summary>
/// Writes rows of one entity straight into its table, the columns, column types and value conversions taken from the
/// server's own EF model (complex properties such as a case's <c>State</c> included), so the rows are what the server
/// would write: on SQLite one prepared <c>INSERT</c> reused inside the caller's transaction, on PostgreSQL a binary
/// <c>COPY</c>. Times are stored as the platform stores them (UTC, whole milliseconds).
/// </summary>
internal sealed class TableWriter<T> : IAsyncDisposable
    where T : class
{
    private readonly Column[] _columns;
    private readonly DbCommand? _insert;
    private readonly DbParameter[] _parameters = [];
    private readonly NpgsqlBinaryImporter? _copy;

    private TableWriter(Column[] columns, DbCommand? insert, DbParameter[] parameters, NpgsqlBinaryImporter? copy)
    {
        _columns = columns;
        _insert = insert;
        _parameters = parameters;
        _copy = copy;
    }

    public string Table { get; private init; } = "";

    public long Rows { get; private set; }

    public static async Task<TableWriter<T>> OpenAsync(DbContext db, DbTransaction? transaction, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new Column(p, null, store))
            .Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties().Select(p => new Column(p, c, store))))
            .ToArray();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            var copy = await npgsql.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
            return new TableWriter<T>(columns, null, [], copy) { Table = table };
        }

        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, i) =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await insert.PrepareAsync(ct);
        return new TableWriter<T>(columns, insert, parameters, null) { Table = table };
    }

    public async ValueTask WriteAsync(T row, CancellationToken ct)
    {
        if (_copy is not null)
        {
            await _copy.StartRowAsync(ct);
            foreach (var column in _columns)
            {
                var value = column.Value(row);
                if (value is null)
                {
                    await _copy.WriteNullAsync(ct);
                }
                else
                {
                    await _copy.WriteAsync(value, column.PostgresType, ct);
                }
            }
        }
        else
        {
            for (var k = 0; k < _columns.Length; k++)
            {
                // EF stores a Guid on SQLite as upper-case text (Microsoft.Data.Sqlite alone would bind a blob).
                _parameters[k].Value = _columns[k].Value(row) switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString().ToUpperInvariant(),
                    var v => v,
                };
            }

            await _insert!.ExecuteNonQueryAsync(ct);
        }

        Rows++;
    }

    /// <summary>Ends the COPY (PostgreSQL); on SQLite the caller's transaction commits the rows.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_copy is not null)
        {
            await _copy.CompleteAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
        }

        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
    }

    private sealed class Column
    {
        private readonly IPropertyBase? _complex;
        private readonly IProperty _property;
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter;

        public Column(IProperty property, IComplexProperty? complex, StoreObjectIdentifier store)
        {
            _property = property;
            _complex = complex;
            _converter = property.GetTypeMapping().Converter;
            Name = property.GetColumnName(store) ?? property.GetColumnName();
            var type = property.GetColumnType(store) ?? property.GetColumnType();
            // "character varying(64)", "numeric(4,1)": COPY names the type without its facets.
            PostgresType = type.IndexOf('(', StringComparison.Ordinal) is var open and > 0 ? type[..open] : type;
        }

        public string Name { get; }

        public string PostgresType { get; }

        public object? Value(object row)
        {
            var owner = _complex is null ? row : _complex.PropertyInfo!.GetValue(row);
            var value = owner is null ? null : _property.PropertyInfo!.GetValue(owner);
            if (value is DateTimeOffset time)
            {
                var utc = time.ToUniversalTime();
                value = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
            }

            return value is not null && _converter is not null ? _converter.ConvertToProvider(value) : value;
        }
    }
}
