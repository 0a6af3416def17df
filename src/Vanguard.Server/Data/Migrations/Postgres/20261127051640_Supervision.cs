using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Domain = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PlaceAgencyCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Lat = table.Column<double>(type: "double precision", nullable: true),
                    Lon = table.Column<double>(type: "double precision", nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ComplainantName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ComplainantPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Accused = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AccusedOfficerNo = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AccusedOfficerId = table.Column<Guid>(type: "uuid", nullable: true),
                    AccusedOfficerAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    AccusedOfficerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReviewerOfficerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewerAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewerOfficerNo = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReviewerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    StepCount = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContactDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OnsiteDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContactedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OnsiteAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ContactBreachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OnsiteBreachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Satisfaction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Reexaminations = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "complaints_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OfficerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvidenceRef = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Lat = table.Column<double>(type: "double precision", nullable: true),
                    Lon = table.Column<double>(type: "double precision", nullable: true),
                    Satisfaction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_steps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "complaints_warnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Must = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BreachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_warnings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "performance_catalogues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ContentJson = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_catalogues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "performance_objections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    IndicatorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AttachmentsJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CorrectedDeduction = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    ResultRunId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_objections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "performance_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    CatalogueNumber = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ObjectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ComputedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "performance_scores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    ResultsJson = table.Column<string>(type: "text", nullable: false)
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
