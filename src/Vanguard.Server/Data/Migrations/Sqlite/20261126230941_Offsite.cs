using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Sqlite
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
                type: "TEXT",
                precision: 4,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateNumber",
                table: "org_devices",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateValidFrom",
                table: "org_devices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateValidUntil",
                table: "org_devices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "offsite_anpr_reads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CapturedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    CapturedOffsetMinutes = table.Column<short>(type: "INTEGER", nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PlateColor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConfidencePermille = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ImageSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Retained = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offsite_anpr_reads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offsite_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    NoticeCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offsite_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offsite_review_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WimRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StationCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PlateColor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CapturedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    OverKg = table.Column<int>(type: "INTEGER", nullable: false),
                    PenaltyFen = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReviewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InvalidReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offsite_review_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offsite_wim_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CapturedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    CapturedOffsetMinutes = table.Column<short>(type: "INTEGER", nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Lane = table.Column<int>(type: "INTEGER", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PlateColor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AxleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    VehicleKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TractorSingleDriveAxle = table.Column<bool>(type: "INTEGER", nullable: false),
                    SingleTyreAxleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AxleWeightsKg = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GrossWeightKg = table.Column<int>(type: "INTEGER", nullable: false),
                    SpeedDeciKmh = table.Column<int>(type: "INTEGER", nullable: false),
                    HeightMm = table.Column<int>(type: "INTEGER", nullable: true),
                    WidthMm = table.Column<int>(type: "INTEGER", nullable: true),
                    LengthMm = table.Column<int>(type: "INTEGER", nullable: true),
                    Verdict = table.Column<int>(type: "INTEGER", nullable: false),
                    LimitKg = table.Column<int>(type: "INTEGER", nullable: false),
                    ToleranceKg = table.Column<int>(type: "INTEGER", nullable: false),
                    AdjustedKg = table.Column<int>(type: "INTEGER", nullable: false),
                    OverKg = table.Column<int>(type: "INTEGER", nullable: false),
                    OverBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    PenaltyKind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PenaltyFen = table.Column<long>(type: "INTEGER", nullable: true),
                    EvidenceUsable = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImagesJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
