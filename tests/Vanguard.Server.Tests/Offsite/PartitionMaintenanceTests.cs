using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Vanguard.Server.Common.Jobs;
using Vanguard.Server.Modules.Offsite.Jobs;

namespace Vanguard.Server.Tests.Offsite;

/// <summary>
/// Monthly partitions of the detection tables (PostgreSQL; migration PartitionDetectionsByMonth, docs/partitioning.md):
/// rows land in their China month's partition, resends stay duplicates, and the maintenance job creates months ahead,
/// moving rows out of the DEFAULT partition. On SQLite the job does nothing.
/// </summary>
public sealed class PartitionMaintenanceTests(VanguardFactory factory) : IClassFixture<VanguardFactory>
{
    private static CancellationToken Ct => ApiClient.Ct;

    private PartitionMaintenance Job(DateTimeOffset now) =>
        new(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<JobClaims>(), new FakeTimeProvider(now),
            NullLogger<PartitionMaintenance>.Instance);

    [Fact]
    public async Task WimRecord_LandsInItsChinaMonthsPartition_AndAResendInTheSameMonthIsADuplicate()
    {
        var admin = await factory.SignedInAsync("zhengzhou.admin");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var register = await admin.PostAsJsonAsync("/api/v1/devices", new
        {
            kind = "wim-station", code = "WIM-PART-01", name = "分区测试检测点", agencyCode = "410122", accuracyClass = 5,
            certificate = new { number = "JD-PART-01", validFrom = today.AddYears(-1).ToString("yyyy-MM-dd"), validUntil = today.AddYears(1).ToString("yyyy-MM-dd") },
        }, Ct);
        register.StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = (await register.JsonAsync())["apiKey"]!.GetValue<string>();
        var captured = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMinutes(-5);
        object Record(DateTimeOffset at) => new
        {
            recordId = "part-1", capturedAt = at.ToString("yyyy-MM-ddTHH:mm:sszzz"), lane = 1, plate = "豫A23456", plateColor = "yellow", axleCount = 2,
            vehicleKind = "truck", axleWeightsKg = new[] { 6_000, 6_000 }, grossWeightKg = 12_000, speedKmh = 60,
            images = new[] { new { kind = "plate", sha256 = new string('b', 64), contentType = "image/jpeg" } },
        };

        var first = await (await factory.AsDevice(key).PostAsJsonAsync("/api/v1/offsite/wim-records", new[] { Record(captured) }, Ct)).JsonAsync();
        // The same record id re-stamped a second off, within the same minute (so the same month): the partition's own unique
        // index catches it, where a key on (device, record id, capture time) would not.
        var restampedAt = captured.Second >= 30 ? captured.AddSeconds(-1) : captured.AddSeconds(1);
        var restamped = await (await factory.AsDevice(key).PostAsJsonAsync("/api/v1/offsite/wim-records", new[] { Record(restampedAt) }, Ct)).JsonAsync();

        first["accepted"]!.GetValue<int>().ShouldBe(1);
        restamped["accepted"]!.GetValue<int>().ShouldBe(0);
        restamped["duplicates"]!.GetValue<int>().ShouldBe(1);
        if (factory.PostgresConnectionString is { } postgres)
        {
            var month = DateOnly.FromDateTime(captured.DateTime);
            (await ScalarAsync(postgres, "SELECT tableoid::regclass::text FROM offsite_wim_records WHERE \"RecordId\" = 'part-1'"))
                .ShouldBe(PartitionMaintenance.PartitionName("offsite_wim_records", new DateOnly(month.Year, month.Month, 1)));
            (await ScalarAsync(postgres, "SELECT relkind::text FROM pg_class WHERE relname = 'offsite_anpr_reads'")).ShouldBe("p");
        }
    }

    [Fact]
    public async Task RunOnce_CreatesTheComingMonths_MovingRowsOutOfDefault_AndIsIdempotent()
    {
        // Far ahead of the months the migration created, so the job has work; this class's database is its own.
        var now = new DateTimeOffset(2031, 2, 10, 12, 0, 0, TimeSpan.FromHours(8));
        if (factory.PostgresConnectionString is not { } postgres)
        {
            (await Job(now).RunOnceAsync(Ct)).ShouldBeEmpty();
            return;
        }

        var april = new DateTimeOffset(2031, 4, 30, 23, 30, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
        (await ScalarAsync(postgres,
            "INSERT INTO offsite_anpr_reads (\"DeviceId\", \"AgencyId\", \"ReadId\", \"CapturedAtMs\", \"CapturedOffsetMinutes\", \"ReceivedAtMs\", \"Plate\", " +
            $"\"PlateColor\", \"ConfidencePermille\", \"Retained\") VALUES (gen_random_uuid(), gen_random_uuid(), 'early-clock', {april}, 480, 0, '豫A00001', 'blue', 900, false) " +
            "RETURNING tableoid::regclass::text")).ShouldBe("offsite_anpr_reads_default");

        var created = await Job(now).RunOnceAsync(Ct);
        var again = await Job(now).RunOnceAsync(Ct);

        created.ShouldBe(
        [
            "offsite_wim_records_2031_02", "offsite_wim_records_2031_03", "offsite_wim_records_2031_04", "offsite_wim_records_2031_05",
            "offsite_anpr_reads_2031_02", "offsite_anpr_reads_2031_03", "offsite_anpr_reads_2031_04", "offsite_anpr_reads_2031_05",
        ]);
        again.ShouldBeEmpty();
        (await ScalarAsync(postgres, "SELECT tableoid::regclass::text FROM offsite_anpr_reads WHERE \"ReadId\" = 'early-clock'")).ShouldBe("offsite_anpr_reads_2031_04");
        (await ScalarAsync(postgres, "SELECT count(*)::text FROM pg_indexes WHERE tablename = 'offsite_anpr_reads_2031_04' AND indexdef LIKE 'CREATE UNIQUE INDEX%(\"DeviceId\", \"ReadId\")'"))
            .ShouldBe("1");
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync(Ct))?.ToString();
    }
}
