using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Offsite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "AccuracyClass",
                table: "org_devices",
                type: "numeric(4,1)",
                precision: 4,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateNumber",
                table: "org_devices",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateValidFrom",
                table: "org_devices",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateValidUntil",
                table: "org_devices",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "offsite_anpr_reads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReadId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CapturedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    CapturedOffsetMinutes = table.Column<short>(type: "smallint", nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Plate = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PlateColor = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConfidencePermille = table.Column<int>(type: "integer", nullable: false),
                    Direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ImageSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Retained = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offsite_anpr_reads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offsite_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Plate = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    NoticeCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offsite_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offsite_review_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WimRecordId = table.Column<long>(type: "bigint", nullable: false),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    StationCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Plate = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PlateColor = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CapturedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    OverKg = table.Column<int>(type: "integer", nullable: false),
                    PenaltyFen = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReviewDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InvalidReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offsite_review_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offsite_wim_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CapturedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    CapturedOffsetMinutes = table.Column<short>(type: "smallint", nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Lane = table.Column<int>(type: "integer", nullable: false),
                    Plate = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PlateColor = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AxleCount = table.Column<int>(type: "integer", nullable: false),
                    VehicleKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TractorSingleDriveAxle = table.Column<bool>(type: "boolean", nullable: false),
                    SingleTyreAxleCount = table.Column<int>(type: "integer", nullable: false),
                    AxleWeightsKg = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GrossWeightKg = table.Column<int>(type: "integer", nullable: false),
                    SpeedDeciKmh = table.Column<int>(type: "integer", nullable: false),
                    HeightMm = table.Column<int>(type: "integer", nullable: true),
                    WidthMm = table.Column<int>(type: "integer", nullable: true),
                    LengthMm = table.Column<int>(type: "integer", nullable: true),
                    Verdict = table.Column<int>(type: "integer", nullable: false),
                    LimitKg = table.Column<int>(type: "integer", nullable: false),
                    ToleranceKg = table.Column<int>(type: "integer", nullable: false),
                    AdjustedKg = table.Column<int>(type: "integer", nullable: false),
                    OverKg = table.Column<int>(type: "integer", nullable: false),
                    OverBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    PenaltyKind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PenaltyFen = table.Column<long>(type: "bigint", nullable: true),
                    EvidenceUsable = table.Column<bool>(type: "boolean", nullable: false),
                    ImagesJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offsite_wim_records", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_offsite_anpr_reads_CapturedAtMs",
                table: "offsite_anpr_reads",
                column: "CapturedAtMs");

            migrationBuilder.CreateIndex(
                name: "IX_offsite_anpr_reads_DeviceId_ReadId",
                table: "offsite_anpr_reads",
                columns: new[] { "DeviceId", "ReadId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offsite_anpr_reads_Plate_CapturedAtMs",
                table: "offsite_anpr_reads",
                columns: new[] { "Plate", "CapturedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_offsite_notifications_NoticeCode",
                table: "offsite_notifications",
                column: "NoticeCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offsite_notifications_Status_CreatedAt",
                table: "offsite_notifications",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_offsite_review_items_Status_ReviewDueOn",
                table: "offsite_review_items",
                columns: new[] { "Status", "ReviewDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_offsite_review_items_WimRecordId",
                table: "offsite_review_items",
                column: "WimRecordId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offsite_wim_records_CapturedAtMs",
                table: "offsite_wim_records",
                column: "CapturedAtMs");

            migrationBuilder.CreateIndex(
                name: "IX_offsite_wim_records_DeviceId_RecordId",
                table: "offsite_wim_records",
                columns: new[] { "DeviceId", "RecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offsite_wim_records_Plate_CapturedAtMs",
                table: "offsite_wim_records",
                columns: new[] { "Plate", "CapturedAtMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "offsite_anpr_reads");

            migrationBuilder.DropTable(
                name: "offsite_notifications");

            migrationBuilder.DropTable(
                name: "offsite_review_items");

            migrationBuilder.DropTable(
                name: "offsite_wim_records");

            migrationBuilder.DropColumn(
                name: "AccuracyClass",
                table: "org_devices");

            migrationBuilder.DropColumn(
                name: "CertificateNumber",
                table: "org_devices");

            migrationBuilder.DropColumn(
                name: "CertificateValidFrom",
                table: "org_devices");

            migrationBuilder.DropColumn(
                name: "CertificateValidUntil",
                table: "org_devices");
        }
    }
}
