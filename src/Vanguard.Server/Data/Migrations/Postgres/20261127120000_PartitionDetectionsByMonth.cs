using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Vanguard.Server.Data.Migrations.Postgres
{
    /// <summary>
    /// Written by hand, PostgreSQL only, and invisible to the EF model (no snapshot change): the two detection tables become
    /// range-partitioned by China month on <c>CapturedAtMs</c> (architecture: "detection tables partitioned by month";
    /// docs/partitioning.md says why each choice). Existing rows are moved; names of the table, its sequence and its
    /// indexes stay what EF created, so the model and later migrations still find them.
    /// <para>
    /// Idempotency: a unique index on a partitioned table must contain the partition key, and (device, record id) does
    /// not. Each partition carries its own unique index on (device, record id) instead, which <c>ON CONFLICT DO NOTHING</c>
    /// (no conflict target) honours: a resend is a duplicate whenever it falls in the same month as the first copy — always,
    /// for a device that resends the capture time it stored, and even for one that re-stamps it within the month.
    /// </para>
    /// <para>The primary key becomes (Id, CapturedAtMs); Id stays unique by its identity sequence. No foreign key points at
    /// either table (review items, alerts and cases hold the ids as plain values), so none had to go.</para>
    /// </summary>
    [DbContext(typeof(PostgresVanguardDbContext))]
    [Migration("20261127120000_PartitionDetectionsByMonth")]
    public partial class PartitionDetectionsByMonth : Migration
    {
        private static readonly Detections[] Tables =
        [
            new("offsite_wim_records", "RecordId",
            [
                ("IX_offsite_wim_records_AgencyId_Verdict_CapturedAtMs", "\"AgencyId\", \"Verdict\", \"CapturedAtMs\""),
                ("IX_offsite_wim_records_DeviceId_ReceivedAtMs", "\"DeviceId\", \"ReceivedAtMs\""),
                ("IX_offsite_wim_records_Plate_CapturedAtMs", "\"Plate\", \"CapturedAtMs\""),
            ]),
            new("offsite_anpr_reads", "ReadId",
            [
                ("IX_offsite_anpr_reads_CapturedAtMs", "\"CapturedAtMs\""),
                ("IX_offsite_anpr_reads_DeviceId_CapturedAtMs", "\"DeviceId\", \"CapturedAtMs\""),
                ("IX_offsite_anpr_reads_DeviceId_ReceivedAtMs", "\"DeviceId\", \"ReceivedAtMs\""),
                ("IX_offsite_anpr_reads_Plate_CapturedAtMs", "\"Plate\", \"CapturedAtMs\""),
            ]),
        ];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql(table.ToPartitioned());
            }
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql(table.ToPlain());
            }
        }

        private sealed record Detections(string Name, string DeviceKey, (string Name, string Columns)[] Indexes)
        {
            private string Staging => Name + "__staging";

            private string IndexesSql => string.Join("\n", Indexes.Select(i => $"CREATE INDEX \"{i.Name}\" ON {Name} ({i.Columns});"));

            /// <summary>
            /// Partitions for every China month from the oldest row (at most 36 months back) to the newest (at most 36 ahead),
            /// and at least last month to three months ahead; rows outside (a device clock gone wrong) land in the DEFAULT
            /// partition, which PartitionMaintenance empties into a month's partition when it creates that month.
            /// </summary>
            public string ToPartitioned() => $$"""
                CREATE TABLE {{Staging}} (LIKE {{Name}} INCLUDING DEFAULTS INCLUDING IDENTITY) PARTITION BY RANGE ("CapturedAtMs");

                DO $partitions$
                DECLARE
                    this_month date := date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date;
                    oldest date;
                    newest date;
                    month date;
                    partition text;
                BEGIN
                    SELECT date_trunc('month', to_timestamp(min("CapturedAtMs") / 1000.0) AT TIME ZONE 'Asia/Shanghai')::date,
                           date_trunc('month', to_timestamp(max("CapturedAtMs") / 1000.0) AT TIME ZONE 'Asia/Shanghai')::date
                      INTO oldest, newest
                      FROM {{Name}};
                    oldest := least(greatest(coalesce(oldest, this_month), (this_month - interval '36 months')::date), (this_month - interval '1 month')::date);
                    newest := greatest(least(coalesce(newest, this_month), (this_month + interval '36 months')::date), (this_month + interval '3 months')::date);
                    month := oldest;
                    WHILE month <= newest LOOP
                        partition := '{{Name}}_' || to_char(month, 'YYYY_MM');
                        EXECUTE format('CREATE TABLE %I PARTITION OF {{Staging}} FOR VALUES FROM (%s) TO (%s)', partition,
                            (extract(epoch from (month::timestamp AT TIME ZONE 'Asia/Shanghai')) * 1000)::bigint,
                            (extract(epoch from ((month + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai')) * 1000)::bigint);
                        month := (month + interval '1 month')::date;
                    END LOOP;
                END
                $partitions$;
                CREATE TABLE {{Name}}_default PARTITION OF {{Staging}} DEFAULT;

                INSERT INTO {{Staging}} SELECT * FROM {{Name}};
                SELECT setval(pg_get_serial_sequence('{{Staging}}', 'Id'), coalesce(max("Id"), 0) + 1, false) FROM {{Staging}};
                DROP TABLE {{Name}};
                ALTER TABLE {{Staging}} RENAME TO {{Name}};

                DO $names$
                BEGIN
                    EXECUTE format('ALTER SEQUENCE %s RENAME TO %I', pg_get_serial_sequence('{{Name}}', 'Id'), '{{Name}}_Id_seq');
                END
                $names$;
                ALTER TABLE {{Name}} ADD CONSTRAINT "PK_{{Name}}" PRIMARY KEY ("Id", "CapturedAtMs");
                {{IndexesSql}}

                DO $keys$
                DECLARE
                    partition text;
                BEGIN
                    FOR partition IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '{{Name}}'::regclass LOOP
                        EXECUTE format('CREATE UNIQUE INDEX %I ON %I ("DeviceId", "{{DeviceKey}}")', 'UX_' || partition || '_DeviceId_{{DeviceKey}}', partition);
                    END LOOP;
                END
                $keys$;
                """;

            /// <summary>Back to one table; fails on the unique index if a device's record id was stored in two months.</summary>
            public string ToPlain() => $$"""
                CREATE TABLE {{Staging}} (LIKE {{Name}} INCLUDING DEFAULTS INCLUDING IDENTITY);
                INSERT INTO {{Staging}} SELECT * FROM {{Name}};
                SELECT setval(pg_get_serial_sequence('{{Staging}}', 'Id'), coalesce(max("Id"), 0) + 1, false) FROM {{Staging}};
                DROP TABLE {{Name}};
                ALTER TABLE {{Staging}} RENAME TO {{Name}};

                DO $names$
                BEGIN
                    EXECUTE format('ALTER SEQUENCE %s RENAME TO %I', pg_get_serial_sequence('{{Name}}', 'Id'), '{{Name}}_Id_seq');
                END
                $names$;
                ALTER TABLE {{Name}} ADD CONSTRAINT "PK_{{Name}}" PRIMARY KEY ("Id");
                CREATE UNIQUE INDEX "IX_{{Name}}_DeviceId_{{DeviceKey}}" ON {{Name}} ("DeviceId", "{{DeviceKey}}");
                {{IndexesSql}}
                """;
        }
    }
}
