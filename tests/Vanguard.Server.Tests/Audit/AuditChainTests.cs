using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vanguard.Server.Tests.Audit;

/// <summary>可溯: every change leaves a chained entry, and a change behind the platform's back is found.</summary>
public sealed class AuditChainTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<System.Text.Json.Nodes.JsonNode> VerifyAsync()
    {
        var admin = await factory.SignedInAsync("admin");
        var response = await admin.GetAsync("/api/v1/audit/verify", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    private async Task RegisterDevicesAsync(string prefix, int count)
    {
        var admin = await factory.SignedInAsync("nanyang.admin");
        for (var i = 0; i < count; i++)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/devices", new { kind = "anpr-camera", code = $"{prefix}-{i}", name = "卡口", agencyCode = "411302" }, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task Chain_WithEveryActionRecorded_Verifies()
    {
        var before = (await VerifyAsync())["entries"]!.GetValue<long>();
        await RegisterDevicesAsync("AUD-A", 3);

        var result = await VerifyAsync();

        result["ok"]!.GetValue<bool>().ShouldBeTrue();
        // 3 registrations + the logins that made them.
        result["entries"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(before + 3);
        result.AsObject().ContainsKey("brokenAt").ShouldBeFalse();
    }

    [Fact]
    public async Task Chain_WithParallelAuditedWrites_AllSucceedAndVerifies()
    {
        // Concurrent writers queue on SQLite's write gate instead of colliding on the write lock.
        var admin = await factory.SignedInAsync("nanyang.admin");
        var before = (await VerifyAsync())["entries"]!.GetValue<long>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            admin.PostAsJsonAsync("/api/v1/devices", new { kind = "anpr-camera", code = $"AUD-P-{i}", name = "卡口", agencyCode = "411302" }, Ct)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var result = await VerifyAsync();
        result["ok"]!.GetValue<bool>().ShouldBeTrue();
        result["entries"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(before + 16);
    }

    [Fact]
    public async Task Verify_IsRefusedToAFieldOfficer()
    {
        var field = await factory.SignedInAsync("zhengzhou.field");

        var response = await field.GetAsync("/api/v1/audit/verify", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}

/// <summary>A changed row breaks the chain at that row; own platform so the tampering does not leak into other tests.</summary>
public sealed class AuditTamperTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private async Task<System.Text.Json.Nodes.JsonNode> VerifyAsync()
    {
        var admin = await factory.SignedInAsync("admin");
        var response = await admin.GetAsync("/api/v1/audit/verify", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    private async Task RegisterDevicesAsync(string prefix, int count)
    {
        var admin = await factory.SignedInAsync("nanyang.admin");
        for (var i = 0; i < count; i++)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/devices", new { kind = "anpr-camera", code = $"{prefix}-{i}", name = "卡口", agencyCode = "411302" }, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    private async Task ExecuteSqlAsync(string sql)
    {
        if (factory.PostgresConnectionString is { } postgres)
        {
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(sql, connection);
            (await command.ExecuteNonQueryAsync(Ct)).ShouldBe(1);
        }
        else
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "vanguard.db")}");
            await connection.OpenAsync(Ct);
            await using var command = new SqliteCommand(sql, connection);
            (await command.ExecuteNonQueryAsync(Ct)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Chain_WithARowChangedInTheDatabase_ReportsWhereItBreaks()
    {
        await RegisterDevicesAsync("AUD-B", 2);
        var clean = await VerifyAsync();
        clean["ok"]!.GetValue<bool>().ShouldBeTrue();
        var target = clean["entries"]!.GetValue<long>() - 1;

        await ExecuteSqlAsync($"UPDATE audit_entries SET \"TargetId\" = 'AUD-B-forged' WHERE \"Sequence\" = {target}");
        var tampered = await VerifyAsync();

        tampered["ok"]!.GetValue<bool>().ShouldBeFalse();
        tampered["brokenAt"]!.GetValue<long>().ShouldBe(target);
    }

}

/// <summary>A deleted row is a gap in the sequence; own platform so the tampering does not leak into other tests.</summary>
public sealed class AuditDeletionTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    [Fact]
    public async Task Chain_WithARowDeleted_ReportsTheGap()
    {
        var admin = await factory.SignedInAsync("admin");
        for (var i = 0; i < 3; i++)
        {
            (await admin.PostAsJsonAsync("/api/v1/devices", new { kind = "body-camera", code = $"DEL-{i}", name = "记录仪", agencyCode = "411000" }, Ct))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var clean = await (await admin.GetAsync("/api/v1/audit/verify", Ct)).JsonAsync();
        var victim = clean["entries"]!.GetValue<long>() - 1;
        var sql = $"DELETE FROM audit_entries WHERE \"Sequence\" = {victim}";
        if (factory.PostgresConnectionString is { } postgres)
        {
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync(Ct);
            await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync(Ct);
        }
        else
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "vanguard.db")}");
            await connection.OpenAsync(Ct);
            await new SqliteCommand(sql, connection).ExecuteNonQueryAsync(Ct);
        }

        var result = await (await admin.GetAsync("/api/v1/audit/verify", Ct)).JsonAsync();

        result["ok"]!.GetValue<bool>().ShouldBeFalse();
        result["brokenAt"]!.GetValue<long>().ShouldBe(victim);
    }
}
