using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TerminalCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "terminal_duty_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_duty_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "terminal_last_positions",
                columns: table => new
                {
                    OfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    AccuracyM = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_last_positions", x => x.OfficerId);
                });

            migrationBuilder.CreateTable(
                name: "terminal_lookups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Query = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TargetId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_lookups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "terminal_positions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    AccuracyM = table.Column<double>(type: "double precision", nullable: true),
                    SpeedKmh = table.Column<double>(type: "double precision", nullable: true),
                    HeadingDeg = table.Column<double>(type: "double precision", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_positions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "terminal_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Lat = table.Column<double>(type: "double precision", nullable: true),
                    Lon = table.Column<double>(type: "double precision", nullable: true),
                    SourceType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SourceRef = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DispatchedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DispatchedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ArrivedLat = table.Column<double>(type: "double precision", nullable: true),
                    ArrivedLon = table.Column<double>(type: "double precision", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DueBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terminal_tasks", x => x.Id);
                });

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
                name: "IX_terminal_positions_OfficerId_At",
                table: "terminal_positions",
                columns: new[] { "OfficerId", "At" },
                unique: true);

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
                name: "terminal_duty_sessions");

            migrationBuilder.DropTable(
                name: "terminal_last_positions");

            migrationBuilder.DropTable(
                name: "terminal_lookups");

            migrationBuilder.DropTable(
                name: "terminal_positions");

            migrationBuilder.DropTable(
                name: "terminal_tasks");
        }
    }
}
