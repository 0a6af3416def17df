using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PerformanceSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_review_outcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Result = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Organ = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_review_outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_review_outcomes_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_offsite_review_items_CapturedAtMs",
                table: "offsite_review_items",
                column: "CapturedAtMs");

            migrationBuilder.CreateIndex(
                name: "IX_offsite_review_items_Plate_PlateColor_CapturedAtMs",
                table: "offsite_review_items",
                columns: new[] { "Plate", "PlateColor", "CapturedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At_AgencyId",
                table: "audit_entries",
                columns: new[] { "At", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_review_outcomes_CaseId_Kind_DocumentNumber",
                table: "cases_review_outcomes",
                columns: new[] { "CaseId", "Kind", "DocumentNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_review_outcomes_DecidedOn",
                table: "cases_review_outcomes",
                column: "DecidedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_review_outcomes");

            migrationBuilder.DropIndex(
                name: "IX_offsite_review_items_CapturedAtMs",
                table: "offsite_review_items");

            migrationBuilder.DropIndex(
                name: "IX_offsite_review_items_Plate_PlateColor_CapturedAtMs",
                table: "offsite_review_items");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_At_AgencyId",
                table: "audit_entries");
        }
    }
}
