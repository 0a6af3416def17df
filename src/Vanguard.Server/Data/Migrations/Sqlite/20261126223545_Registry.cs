using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    LegalRepresentative = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OperatingLicenceNo = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_drivers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QualificationNo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    QualificationCategory = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EmployerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_drivers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registry_drivers_registry_organisations_EmployerOrganisationId",
                        column: x => x.EmployerOrganisationId,
                        principalTable: "registry_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_registry_drivers_registry_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "registry_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "registry_vehicles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PlateColor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VehicleTypeCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    VehicleTypeName = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OwnerPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AxleCount = table.Column<int>(type: "INTEGER", nullable: true),
                    RegisteredTotalMassKg = table.Column<int>(type: "INTEGER", nullable: true),
                    TransportCertificateNo = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TransportCertificateValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_vehicles", x => x.Id);
                    table.CheckConstraint("ck_registry_vehicles_one_owner", "(\"OwnerPersonId\" IS NULL) <> (\"OwnerOrganisationId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_registry_vehicles_registry_organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "registry_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_registry_vehicles_registry_persons_OwnerPersonId",
                        column: x => x.OwnerPersonId,
                        principalTable: "registry_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_registry_drivers_EmployerOrganisationId",
                table: "registry_drivers",
                column: "EmployerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_registry_drivers_PersonId",
                table: "registry_drivers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_registry_drivers_QualificationNo",
                table: "registry_drivers",
                column: "QualificationNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_organisations_CreditCode",
                table: "registry_organisations",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_organisations_Name",
                table: "registry_organisations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_IdNumber",
                table: "registry_persons",
                column: "IdNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_Name",
                table: "registry_persons",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_registry_vehicles_OwnerOrganisationId",
                table: "registry_vehicles",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_registry_vehicles_OwnerPersonId",
                table: "registry_vehicles",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_registry_vehicles_Plate_PlateColor",
                table: "registry_vehicles",
                columns: new[] { "Plate", "PlateColor" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_drivers");

            migrationBuilder.DropTable(
                name: "registry_vehicles");

            migrationBuilder.DropTable(
                name: "registry_organisations");

            migrationBuilder.DropTable(
                name: "registry_persons");
        }
    }
}
