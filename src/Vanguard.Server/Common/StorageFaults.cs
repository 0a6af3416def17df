using System.Data.Common;
using Microsoft.Data.Sqlite;
using Vanguard.Domain.Common;

namespace Vanguard.Server.Common;

/// <summary>
/// A full or read-only disk under a write, told apart from a bug: the caller gets a stable code it can retry on
/// later, the operator a log line that says what to fix. Nothing half-written is left by these faults: SQLite rolls
/// the transaction back (WAL), blobs and photos are renamed into place only once whole.
/// </summary>
internal static class StorageFaults
{
    private const int Enospc = 28, Erofs = 30, Edquot = 122;                          // Linux errno, the HResult of a .NET IOException on Unix
    private const int WindowsDiskFull = unchecked((int)0x80070070), WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const int SqliteReadOnly = 8, SqliteIoError = 10, SqliteFull = 13;       // SQLite primary result codes

    public static readonly Error Full = new(
        "storage.full", "服务器存储空间已满，本次写入未保存，请稍后重试并通知系统管理员。",
        "The server's storage is full; nothing of this request was saved. Retry later and tell the administrator.", ErrorKind.RuleViolation);

    public static readonly Error ReadOnly = new(
        "storage.read_only", "服务器数据目录不可写（只读或无权限），本次写入未保存，请通知系统管理员。",
        "The server's data directory cannot be written (read-only or no permission); nothing of this request was saved. Tell the administrator.",
        ErrorKind.RuleViolation);

    public static readonly Error Failed = new(
        "storage.io_error", "服务器存储读写失败，本次写入未保存，请稍后重试并通知系统管理员。",
        "The server's storage failed to read or write; nothing of this request was saved. Retry later and tell the administrator.", ErrorKind.RuleViolation);

    /// <summary>The fault and its HTTP status (507 Insufficient Storage, 503 for the rest), or null when the exception is not a storage fault.</summary>
    public static (Error Error, int Status)? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var fault = e switch
            {
                SqliteException { SqliteErrorCode: SqliteFull } => Full,
                SqliteException { SqliteErrorCode: SqliteReadOnly } => ReadOnly,
                SqliteException { SqliteErrorCode: SqliteIoError } => Failed,
                DbException { SqlState: "53100" } => Full,                         // PostgreSQL disk_full
                DbException { SqlState: "25006" } => ReadOnly,                     // PostgreSQL read_only_sql_transaction (a standby)
                IOException { HResult: Enospc or Edquot or WindowsDiskFull or WindowsHandleDiskFull } => Full,
                IOException { HResult: Erofs } => ReadOnly,
                UnauthorizedAccessException => ReadOnly,                             // only the file system throws it here
                _ => null,
            };
            if (fault is not null)
            {
                return (fault, fault == Full ? StatusCodes.Status507InsufficientStorage : StatusCodes.Status503ServiceUnavailable);
            }
        }

        return null;
    }
}

/// <summary>The data directory must take writes before anything starts: a clear message and exit, not a stack trace later.</summary>
internal static class DataDirectoryCheck
{
    private const int ExitIoError = 74; // sysexits.h EX_IOERR

    public static void ExitUnlessWritable(IConfiguration configuration)
    {
        var directory = Data.DataDirectory.Resolve(configuration);
        var probe = Path.Combine(directory, $".write-check-{Guid.NewGuid():N}");
        try
        {
            using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                file.WriteByte(0);
                file.Flush(flushToDisk: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(
                $"数据目录 {directory} 不可写（{e.Message}），Vanguard 无法启动：请检查磁盘是否只读、已满，或运行账户是否有写权限（Vanguard:DataDirectory）。{Environment.NewLine}"
                + $"The data directory {directory} cannot be written ({e.Message}); Vanguard cannot start: check that the disk is not read-only or full "
                + "and that the service account may write there (Vanguard:DataDirectory).");
            Environment.Exit(ExitIoError);
        }
    }
}
