using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StationHealthIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_offsite_wim_records_CapturedAtMs",
                table: "offsite_wim_records");

            migrationBuilder.CreateIndex(
                name: "IX_offsite_wim_records_DeviceId_ReceivedAtMs",
                table: "offsite_wim_records",
                columns: new[] { "DeviceId", "ReceivedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_offsite_anpr_reads_DeviceId_ReceivedAtMs",
                table: "offsite_anpr_reads",
                columns: new[] { "DeviceId", "ReceivedAtMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_offsite_wim_records_DeviceId_ReceivedAtMs",
                table: "offsite_wim_records");

            migrationBuilder.DropIndex(
                name: "IX_offsite_anpr_reads_DeviceId_ReceivedAtMs",
                table: "offsite_anpr_reads");

            migrationBuilder.CreateIndex(
                name: "IX_offsite_wim_records_CapturedAtMs",
                table: "offsite_wim_records",
                column: "CapturedAtMs");
        }
    }
}
