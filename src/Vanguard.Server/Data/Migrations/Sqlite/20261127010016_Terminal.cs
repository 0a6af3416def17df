using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Terminal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseJson = table.Column<string>(type: "TEXT", maxLength: 1000000, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "terminal_duty_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_duty_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "terminal_last_positions",
                columns: table => new
                {
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    AccuracyM = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_last_positions", x => x.OfficerId);
                });

            migrationBuilder.CreateTable(
                name: "terminal_lookups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_lookups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "terminal_on_spot_penalties",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OffenceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FineFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Warning = table.Column<bool>(type: "INTEGER", nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BodycamEvidenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PayBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaymentReference = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_on_spot_penalties", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "terminal_positions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    AccuracyM = table.Column<double>(type: "REAL", nullable: true),
                    SpeedKmh = table.Column<double>(type: "REAL", nullable: true),
                    HeadingDeg = table.Column<double>(type: "REAL", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_positions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "terminal_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PlateColor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PartyKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PartyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PartyIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    PartyPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PartyAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    QuestionsJson = table.Column<string>(type: "TEXT", maxLength: 500000, nullable: true),
                    BodycamEvidenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignatureEvidenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignatureSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusedToSign = table.Column<bool>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "terminal_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SourceRef = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DispatchedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ArrivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ArrivedLat = table.Column<double>(type: "REAL", nullable: true),
                    ArrivedLon = table.Column<double>(type: "REAL", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DueBy = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "terminal_on_spot_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_on_spot_payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_terminal_on_spot_payments_terminal_on_spot_penalties_CaseId",
                        column: x => x.CaseId,
                        principalTable: "terminal_on_spot_penalties",
                        principalColumn: "CaseId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "terminal_record_photos",
                columns: table => new
                {
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    N = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_record_photos", x => new { x.RecordId, x.N });
                    table.ForeignKey(
                        name: "FK_terminal_record_photos_terminal_records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "terminal_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_keys_ActorId_Key",
                table: "idempotency_keys",
                columns: new[] { "ActorId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_keys_CreatedAt",
                table: "idempotency_keys",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_terminal_duty_sessions_AgencyId",
                table: "terminal_duty_sessions",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_terminal_duty_sessions_OfficerId_EndedAt",
                table: "terminal_duty_sessions",
                columns: new[] { "OfficerId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_terminal_last_positions_AgencyId",
                table: "terminal_last_positions",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_terminal_lookups_ActorId_At",
                table: "terminal_lookups",
                columns: new[] { "ActorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_terminal_lookups_AgencyId_At",
                table: "terminal_lookups",
                columns: new[] { "AgencyId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_terminal_on_spot_payments_CaseId_Reference",
                table: "terminal_on_spot_payments",
                columns: new[] { "CaseId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_terminal_on_spot_penalties_AgencyId_CreatedAt",
                table: "terminal_on_spot_penalties",
                columns: new[] { "AgencyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_terminal_on_spot_penalties_RecordId",
                table: "terminal_on_spot_penalties",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_terminal_positions_OfficerId_At",
                table: "terminal_positions",
                columns: new[] { "OfficerId", "At" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_terminal_record_photos_EvidenceId",
                table: "terminal_record_photos",
                column: "EvidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_terminal_records_AgencyId_CreatedAt",
                table: "terminal_records",
                columns: new[] { "AgencyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_terminal_records_OfficerId_CreatedAt",
                table: "terminal_records",
                columns: new[] { "OfficerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_terminal_records_TaskId",
                table: "terminal_records",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_terminal_tasks_AgencyId_DispatchedAt",
                table: "terminal_tasks",
                columns: new[] { "AgencyId", "DispatchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_terminal_tasks_OfficerId_UpdatedAt",
                table: "terminal_tasks",
                columns: new[] { "OfficerId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_terminal_tasks_SourceType_SourceRef",
                table: "terminal_tasks",
                columns: new[] { "SourceType", "SourceRef" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "terminal_duty_sessions");

            migrationBuilder.DropTable(
                name: "terminal_last_positions");

            migrationBuilder.DropTable(
                name: "terminal_lookups");

            migrationBuilder.DropTable(
                name: "terminal_on_spot_payments");

            migrationBuilder.DropTable(
                name: "terminal_positions");

            migrationBuilder.DropTable(
                name: "terminal_record_photos");

            migrationBuilder.DropTable(
                name: "terminal_tasks");

            migrationBuilder.DropTable(
                name: "terminal_on_spot_penalties");

            migrationBuilder.DropTable(
                name: "terminal_records");
        }
    }
}
