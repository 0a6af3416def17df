namespace Vanguard.Cluster.Tests.Infrastructure;

/// <summary>
/// The engines the test script (<c>./test.sh</c>) starts on loopback ports for this project: PostgreSQL, NATS with
/// JetStream, Redis and an S3-compatible server (s3rver). A test that needs one asks here; when the variable is missing
/// the test fails and says how to get it, rather than being skipped.
/// </summary>
public static class ClusterServices
{
    /// <summary>A PostgreSQL server connection string (<c>VANGUARD_TEST_POSTGRES</c>).</summary>
    public static string Postgres => Required("VANGUARD_TEST_POSTGRES");

    /// <summary>A NATS URL with JetStream enabled (<c>VANGUARD_TEST_NATS</c>, e.g. <c>nats://127.0.0.1:4333</c>).</summary>
    public static string Nats => Required("VANGUARD_TEST_NATS");

    /// <summary>A StackExchange.Redis configuration string (<c>VANGUARD_TEST_REDIS</c>, e.g. <c>127.0.0.1:6390</c>).</summary>
    public static string Redis => Required("VANGUARD_TEST_REDIS");

    /// <summary>An S3-compatible endpoint (<c>VANGUARD_TEST_S3</c>, e.g. <c>http://127.0.0.1:4568</c>; s3rver's keys S3RVER/S3RVER).</summary>
    public static string S3 => Required("VANGUARD_TEST_S3");

    /// <summary>The folder of the built server (<c>Vanguard.Server.dll</c>) that node processes are started from.</summary>
    public static string ServerBuild
    {
        get
        {
            // tests/Vanguard.Cluster.Tests/bin/<Configuration>/net10.0 → src/Vanguard.Server/bin/<Configuration>/net10.0
            var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var framework = Path.GetFileName(here);
            var configuration = Path.GetFileName(Path.GetDirectoryName(here)!);
            var root = Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", ".."));
            var build = Path.Combine(root, "src", "Vanguard.Server", "bin", configuration, framework);
            return File.Exists(Path.Combine(build, "Vanguard.Server.dll"))
                ? build
                : throw new InvalidOperationException($"The server is not built at {build}; build the solution first (./test.sh does).");
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: these tests need the engines that ./test.sh installs and starts (PostgreSQL, NATS JetStream, Redis, s3rver). Run ./test.sh.");
}
