using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Common;

namespace Vanguard.Cluster.Tests.Storage;

/// <summary>Which exceptions are storage faults, and which stay bugs (500): the faults the disk tests cannot all produce.</summary>
public sealed class StorageFaultMappingTests
{
    private sealed class PostgresLike(string sqlState) : DbException("postgres")
    {
        public override string SqlState => sqlState;
    }

    public static TheoryData<string, Exception, string, int> Faults => new()
    {
        { "ENOSPC", new IOException("No space left on device", 28), "storage.full", 507 },
        { "EDQUOT", new IOException("Disk quota exceeded", 122), "storage.full", 507 },
        { "EROFS", new IOException("Read-only file system", 30), "storage.read_only", 503 },
        { "EACCES", new UnauthorizedAccessException("Access to the path is denied."), "storage.read_only", 503 },
        { "SQLITE_FULL in EF", new DbUpdateException("save", new SqliteException("database or disk is full", 13)), "storage.full", 507 },
        { "SQLITE_READONLY", new SqliteException("attempt to write a readonly database", 8), "storage.read_only", 503 },
        { "SQLITE_IOERR", new InvalidOperationException("wrapped", new SqliteException("disk I/O error", 10)), "storage.io_error", 503 },
        { "PostgreSQL disk_full", new DbUpdateException("save", new PostgresLike("53100")), "storage.full", 507 },
        { "PostgreSQL read-only", new PostgresLike("25006"), "storage.read_only", 503 },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void StorageFault_GetsItsCodeAndStatus(string name, Exception exception, string code, int status)
    {
        var fault = StorageFaults.Classify(exception);

        fault.ShouldNotBeNull(name);
        fault.Value.Error.Code.ShouldBe(code, name);
        fault.Value.Status.ShouldBe(status, name);
    }

    [Fact]
    public void OtherFailures_AreNotStorageFaults()
    {
        StorageFaults.Classify(new IOException("Broken pipe", 32)).ShouldBeNull();
        StorageFaults.Classify(new SqliteException("constraint failed", 19)).ShouldBeNull();
        StorageFaults.Classify(new InvalidOperationException("a bug")).ShouldBeNull();
        StorageFaults.Classify(new PostgresLike("23505")).ShouldBeNull();
    }
}
