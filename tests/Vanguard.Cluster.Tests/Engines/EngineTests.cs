using Amazon.S3;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Npgsql;
using StackExchange.Redis;
using Vanguard.Cluster.Tests.Infrastructure;

namespace Vanguard.Cluster.Tests.Engines;

/// <summary>The engines the test script started answer as a province deployment needs them: a failure here explains the rest.</summary>
public sealed class EngineTests
{
    [Fact]
    public async Task Postgres_answers()
    {
        await using var connection = new NpgsqlConnection(ClusterServices.Postgres);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SHOW server_version_num", connection);
        var version = int.Parse((string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        version.ShouldBeGreaterThanOrEqualTo(150000); // PostgreSQL 15+ (docs/deploy.md)
    }

    [Fact]
    public async Task Nats_has_JetStream()
    {
        await using var nats = new NatsConnection(new NatsOpts { Url = ClusterServices.Nats });
        var js = new NatsJSContext(nats);
        var account = await js.GetAccountInfoAsync(TestContext.Current.CancellationToken);
        account.ShouldNotBeNull();
    }

    [Fact]
    public async Task Redis_answers()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ClusterServices.Redis);
        var latency = await redis.GetDatabase().PingAsync();
        latency.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task S3_server_has_the_evidence_bucket()
    {
        using var s3 = new AmazonS3Client("S3RVER", "S3RVER", new AmazonS3Config { ServiceURL = ClusterServices.S3, ForcePathStyle = true });
        var buckets = await s3.ListBucketsAsync(TestContext.Current.CancellationToken);
        buckets.Buckets.ShouldContain(b => b.BucketName == "vanguard-evidence");
    }
}
