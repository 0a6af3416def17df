using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaints_complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlaceAgencyCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ComplainantName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ComplainantPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Accused = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AccusedOfficerNo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AccusedOfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AccusedOfficerAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AccusedOfficerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ReviewerOfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewerAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewerOfficerNo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    StepCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OnsiteDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OnsiteAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactBreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OnsiteBreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Satisfaction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Reexaminations = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "complaints_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OfficerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvidenceRef = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    Satisfaction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_steps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "complaints_warnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Must = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BreachedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_warnings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "performance_catalogues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_catalogues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "performance_objections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AttachmentsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CorrectedDeduction = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    ResultRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_objections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "performance_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogueNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ObjectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "performance_scores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_scores", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_complaints_AgencyId_Status",
                table: "complaints_complaints",
                columns: new[] { "AgencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_complaints_ContactedAt_ContactDueAt",
                table: "complaints_complaints",
                columns: new[] { "ContactedAt", "ContactDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_complaints_OnsiteAt_OnsiteDueAt",
                table: "complaints_complaints",
                columns: new[] { "OnsiteAt", "OnsiteDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_complaints_ReceivedAt",
                table: "complaints_complaints",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_complaints_TicketNo",
                table: "complaints_complaints",
                column: "TicketNo",
                unique: true,
                filter: "\"TicketNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_steps_ComplaintId_Seq",
                table: "complaints_steps",
                columns: new[] { "ComplaintId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaints_warnings_AgencyId_BreachedAt",
                table: "complaints_warnings",
                columns: new[] { "AgencyId", "BreachedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_warnings_ComplaintId_Must_DueAt",
                table: "complaints_warnings",
                columns: new[] { "ComplaintId", "Must", "DueAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_performance_catalogues_Number",
                table: "performance_catalogues",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_performance_objections_AgencyId_Status",
                table: "performance_objections",
                columns: new[] { "AgencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_performance_objections_RunId",
                table: "performance_objections",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_performance_runs_Month_Number",
                table: "performance_runs",
                columns: new[] { "Month", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_performance_scores_RunId_AgencyId",
                table: "performance_scores",
                columns: new[] { "RunId", "AgencyId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaints_complaints");

            migrationBuilder.DropTable(
                name: "complaints_steps");

            migrationBuilder.DropTable(
                name: "complaints_warnings");

            migrationBuilder.DropTable(
                name: "performance_catalogues");

            migrationBuilder.DropTable(
                name: "performance_objections");

            migrationBuilder.DropTable(
                name: "performance_runs");

            migrationBuilder.DropTable(
                name: "performance_scores");
        }
    }
}
