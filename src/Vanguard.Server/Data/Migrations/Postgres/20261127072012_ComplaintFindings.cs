using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComplaintFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: the monthly evaluation reads a month of decisions by State_DecidedOn, a column of the case's
            // complex property, which EF cannot index from the model (CasesModel).
            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_State_DecidedOn",
                table: "cases_cases",
                column: "State_DecidedOn");

            migrationBuilder.AddColumn<string>(
                name: "Finding",
                table: "complaints_steps",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Finding",
                table: "complaints_complaints",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FindingAt",
                table: "complaints_complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "complaints_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    MediaType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints_attachments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_offsite_wim_records_AgencyId_Verdict_CapturedAtMs",
                table: "offsite_wim_records",
                columns: new[] { "AgencyId", "Verdict", "CapturedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_complaints_FindingAt",
                table: "complaints_complaints",
                column: "FindingAt");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_attachments_AgencyId",
                table: "complaints_attachments",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_attachments_ComplaintId",
                table: "complaints_attachments",
                column: "ComplaintId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_cases_State_DecidedOn",
                table: "cases_cases");

            migrationBuilder.DropTable(
                name: "complaints_attachments");

            migrationBuilder.DropIndex(
                name: "IX_offsite_wim_records_AgencyId_Verdict_CapturedAtMs",
                table: "offsite_wim_records");

            migrationBuilder.DropIndex(
                name: "IX_complaints_complaints_FindingAt",
                table: "complaints_complaints");

            migrationBuilder.DropColumn(
                name: "Finding",
                table: "complaints_steps");

            migrationBuilder.DropColumn(
                name: "Finding",
                table: "complaints_complaints");

            migrationBuilder.DropColumn(
                name: "FindingAt",
                table: "complaints_complaints");
        }
    }
}
