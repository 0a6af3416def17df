using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vanguard.Server.Data;

/// <summary>
/// One in-process, FIFO queue for SQLite writers (SQLite only; one instance per database).
/// SQLite allows one writer, and when the write lock is taken Microsoft.Data.Sqlite does not wait for it: it gets
/// SQLITE_BUSY and sleeps 150 ms before retrying (busy_timeout is 0), so under contention writers sleep while the lock
/// is free and the latency tail goes to seconds (docs/performance.md). Queueing here hands the lock over at once.
/// Held from an EF transaction's BEGIN to its COMMIT/ROLLBACK, and around an autocommit INSERT/UPDATE/DELETE (EF runs
/// a single-statement SaveChanges without a transaction). Reads never take it. Re-entrant per connection: a command
/// on the connection that holds it (raw ADO inside an EF transaction bypasses interceptors anyway) does not wait.
/// Released on commit, rollback, failure, and, as a backstop (a transaction disposed without either), when the
/// connection closes, which EF does when the transaction it opened the connection for is disposed.
/// </summary>
internal sealed class SqliteWriteGate : IDisposable
{
    // The command timeout: a flow that would wait on itself (a transaction on one context, a write on another) fails
    // after the same 30 s Microsoft.Data.Sqlite would have spun, instead of hanging.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private readonly Lock _lock = new();
    private DbConnection? _ownerConnection;
    private DbCommand? _ownerCommand; // null while a transaction holds it

    /// <summary>True when this call took the gate; false when the connection already holds it.</summary>
    public bool Enter(DbConnection connection, DbCommand? command)
    {
        if (HeldBy(connection))
        {
            return false;
        }

        if (!_semaphore.Wait(Timeout))
        {
            throw new TimeoutException("Timed out waiting for the SQLite write gate.");
        }

        SetOwner(connection, command);
        return true;
    }

    public async ValueTask<bool> EnterAsync(DbConnection connection, DbCommand? command, CancellationToken ct)
    {
        if (HeldBy(connection))
        {
            return false;
        }

        if (!await _semaphore.WaitAsync(Timeout, ct))
        {
            throw new TimeoutException("Timed out waiting for the SQLite write gate.");
        }

        SetOwner(connection, command);
        return true;
    }

    /// <summary>Releases if <paramref name="connection"/> holds the gate (for a command: only if that command took it).</summary>
    public void Exit(DbConnection connection, DbCommand? command, bool any = false)
    {
        lock (_lock)
        {
            if (_ownerConnection != connection || (!any && _ownerCommand != command))
            {
                return;
            }

            _ownerConnection = null;
            _ownerCommand = null;
        }

        _semaphore.Release();
    }

    private bool HeldBy(DbConnection connection)
    {
        lock (_lock)
        {
            return _ownerConnection == connection;
        }
    }

    private void SetOwner(DbConnection connection, DbCommand? command)
    {
        lock (_lock)
        {
            _ownerConnection = connection;
            _ownerCommand = command;
        }
    }

    public static bool IsWrite(DbCommand command)
    {
        if (command.Transaction is not null)
        {
            return false; // inside a transaction, which holds the gate
        }

        var sql = command.CommandText.AsSpan().TrimStart();
        return sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _semaphore.Dispose();
}

/// <summary>Takes the write gate for EF transactions.</summary>
internal sealed class SqliteWriteGateTransactions(SqliteWriteGate gate) : DbTransactionInterceptor
{
    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        gate.Enter(connection, null);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await gate.EnterAsync(connection, null, cancellationToken);
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Release(transaction, eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Release(transaction, eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction, eventData);
        return Task.CompletedTask;
    }

    // A failed begin, commit or rollback ends the hold; a failed savepoint operation does not end the transaction.
    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (!eventData.Action.Contains("Savepoint", StringComparison.OrdinalIgnoreCase))
        {
            Release(transaction, eventData);
        }
    }

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Release(DbTransaction transaction, TransactionEventData eventData)
    {
        var connection = eventData.Context?.Database.GetDbConnection() ?? transaction.Connection;
        if (connection is not null)
        {
            gate.Exit(connection, null);
        }
    }
}

/// <summary>Takes the write gate around autocommit writes; releases a transaction's hold when its connection closes.</summary>
internal sealed class SqliteWriteGateCommands(SqliteWriteGate gate) : DbCommandInterceptor
{
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Enter(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, cancellationToken);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Exit(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Exit(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Enter(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, cancellationToken);
        return result;
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Exit(command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Exit(command);
        return ValueTask.FromResult(result);
    }

    // INSERT … RETURNING runs as a reader; SQLite keeps the statement's lock until the reader closes, so the gate is
    // released when EF disposes the reader (after closing it), not when it is returned.
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Enter(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Exit(command);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Exit(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Exit(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(command);
        return Task.CompletedTask;
    }

    private void Enter(DbCommand command)
    {
        if (SqliteWriteGate.IsWrite(command) && command.Connection is { } connection)
        {
            gate.Enter(connection, command);
        }
    }

    private async ValueTask EnterAsync(DbCommand command, CancellationToken ct)
    {
        if (SqliteWriteGate.IsWrite(command) && command.Connection is { } connection)
        {
            await gate.EnterAsync(connection, command, ct);
        }
    }

    private void Exit(DbCommand command)
    {
        if (command.Connection is { } connection)
        {
            gate.Exit(connection, command);
        }
    }
}

/// <summary>Backstop: a connection that closes still holding the gate (transaction disposed uncommitted) lets it go.</summary>
internal sealed class SqliteWriteGateConnections(SqliteWriteGate gate) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        gate.Exit(connection, null, any: true);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        gate.Exit(connection, null, any: true);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        gate.Exit(connection, null, any: true);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        gate.Exit(connection, null, any: true);
        return ValueTask.FromResult(result);
    }
}
