using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Surveillance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "surveillance_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WatchlistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReadId = table.Column<long>(type: "INTEGER", nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeviceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlateColor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntryPlate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MatchKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConfidencePermille = table.Column<int>(type: "INTEGER", nullable: false),
                    ImageSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CapturedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Sightings = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastDeviceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastDeviceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastLat = table.Column<double>(type: "REAL", nullable: true),
                    LastLon = table.Column<double>(type: "REAL", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OfficerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OutcomeNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveillance_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "surveillance_hotspot_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DeviceIdsJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveillance_hotspot_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "surveillance_suspect_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HotspotGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OtherGroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxTripMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    ExcludeLicensed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveillance_suspect_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "surveillance_suspects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlateColor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceJson = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WatchlistEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveillance_suspects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "surveillance_watchlist_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WatchlistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlateColor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceRef = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RuleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    AlertAgencyIdsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Channels = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FuzzyMatch = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportBatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApprovedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClosingReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveillance_watchlist_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "surveillance_watchlists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    WebhookUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WebhookSecret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WebhookEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveillance_watchlists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "surveillance_webhook_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WatchlistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastStatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveillance_webhook_deliveries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_offsite_anpr_reads_DeviceId_CapturedAtMs",
                table: "offsite_anpr_reads",
                columns: new[] { "DeviceId", "CapturedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_alerts_AgencyId_RaisedAt",
                table: "surveillance_alerts",
                columns: new[] { "AgencyId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_alerts_EntryId_LastSeenAt",
                table: "surveillance_alerts",
                columns: new[] { "EntryId", "LastSeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_alerts_EntryId_ReadId",
                table: "surveillance_alerts",
                columns: new[] { "EntryId", "ReadId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_alerts_TaskId",
                table: "surveillance_alerts",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_alerts_WatchlistId_RaisedAt",
                table: "surveillance_alerts",
                columns: new[] { "WatchlistId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_hotspot_groups_AgencyId",
                table: "surveillance_hotspot_groups",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_suspect_rules_AgencyId",
                table: "surveillance_suspect_rules",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_suspects_AgencyId_Status_DetectedAt",
                table: "surveillance_suspects",
                columns: new[] { "AgencyId", "Status", "DetectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_suspects_RuleId_Plate_PlateColor_Status",
                table: "surveillance_suspects",
                columns: new[] { "RuleId", "Plate", "PlateColor", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_watchlist_entries_AgencyId_Status",
                table: "surveillance_watchlist_entries",
                columns: new[] { "AgencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_watchlist_entries_ImportBatchId",
                table: "surveillance_watchlist_entries",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_watchlist_entries_Plate_PlateColor",
                table: "surveillance_watchlist_entries",
                columns: new[] { "Plate", "PlateColor" });

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_watchlist_entries_UpdatedAt",
                table: "surveillance_watchlist_entries",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_watchlist_entries_WatchlistId_Plate_PlateColor",
                table: "surveillance_watchlist_entries",
                columns: new[] { "WatchlistId", "Plate", "PlateColor" },
                unique: true,
                filter: "\"Status\" IN ('pending', 'active')");

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_watchlists_AgencyId",
                table: "surveillance_watchlists",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_webhook_deliveries_Status_NextAttemptAt",
                table: "surveillance_webhook_deliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_surveillance_webhook_deliveries_WatchlistId_CreatedAt",
                table: "surveillance_webhook_deliveries",
                columns: new[] { "WatchlistId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "surveillance_alerts");

            migrationBuilder.DropTable(
                name: "surveillance_hotspot_groups");

            migrationBuilder.DropTable(
                name: "surveillance_suspect_rules");

            migrationBuilder.DropTable(
                name: "surveillance_suspects");

            migrationBuilder.DropTable(
                name: "surveillance_watchlist_entries");

            migrationBuilder.DropTable(
                name: "surveillance_watchlists");

            migrationBuilder.DropTable(
                name: "surveillance_webhook_deliveries");

            migrationBuilder.DropIndex(
                name: "IX_offsite_anpr_reads_DeviceId_CapturedAtMs",
                table: "offsite_anpr_reads");
        }
    }
}
