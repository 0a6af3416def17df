using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments_callbacks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Gateway = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BodySha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignatureOk = table.Column<bool>(type: "boolean", nullable: false),
                    OrderNo = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    TransactionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Nonce = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_callbacks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments_orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderNo = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FineFen = table.Column<long>(type: "bigint", nullable: false),
                    LateFeeFen = table.Column<long>(type: "bigint", nullable: false),
                    TotalFen = table.Column<long>(type: "bigint", nullable: false),
                    AmountAsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Gateway = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GatewayTransactionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReturnUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PayUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Payee = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FailureCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_orders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payments_callbacks_Gateway_Nonce",
                table: "payments_callbacks",
                columns: new[] { "Gateway", "Nonce" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_callbacks_OrderId",
                table: "payments_callbacks",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_callbacks_ReceivedAt",
                table: "payments_callbacks",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_payments_orders_CaseId_CreatedAt",
                table: "payments_orders",
                columns: new[] { "CaseId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_orders_Gateway_GatewayTransactionId",
                table: "payments_orders",
                columns: new[] { "Gateway", "GatewayTransactionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_orders_OrderNo",
                table: "payments_orders",
                column: "OrderNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_orders_Status_AmountAsOf",
                table: "payments_orders",
                columns: new[] { "Status", "AmountAsOf" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_callbacks");

            migrationBuilder.DropTable(
                name: "payments_orders");
        }
    }
}
