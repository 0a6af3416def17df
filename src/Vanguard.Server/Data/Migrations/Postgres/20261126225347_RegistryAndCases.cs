using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegistryAndCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OffenceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    PartyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PartyIdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    PartyAddress = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PartyPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    VehiclePlate = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    PlateColor = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Facts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PenaltyFactsJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    State_AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_ActOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_ArchivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_CollectiveDiscussionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_CollectiveDiscussionRequired = table.Column<bool>(type: "boolean", nullable: false),
                    State_DecidedFineFen = table.Column<long>(type: "bigint", nullable: true),
                    State_DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_DecidedWarning = table.Column<bool>(type: "boolean", nullable: false),
                    State_DefenceMade = table.Column<bool>(type: "boolean", nullable: false),
                    State_ElectronicServiceConsent = table.Column<bool>(type: "boolean", nullable: false),
                    State_EnforcementApplied = table.Column<bool>(type: "boolean", nullable: false),
                    State_EvidenceReviewed = table.Column<bool>(type: "boolean", nullable: false),
                    State_FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_HearingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    State_HearingHeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_HearingNoticeServedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_HearingRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_HearingWaived = table.Column<bool>(type: "boolean", nullable: false),
                    State_InvestigationEndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_LegalReviewPassed = table.Column<bool>(type: "boolean", nullable: false),
                    State_LegalReviewRequired = table.Column<bool>(type: "boolean", nullable: false),
                    State_NoticeServedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_OnSpotRecordFiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    State_PaidFen = table.Column<long>(type: "bigint", nullable: false),
                    State_PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_PartyKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State_Procedure = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State_ProposedFineFen = table.Column<long>(type: "bigint", nullable: true),
                    State_ProposedWarning = table.Column<bool>(type: "boolean", nullable: false),
                    State_ReminderServedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_RevokesLicence = table.Column<bool>(type: "boolean", nullable: false),
                    State_ServedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_ServiceMethod = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    State_Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State_StatementOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State_StatementWaived = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_holiday_years",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_holiday_years", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "cases_number_counters",
                columns: table => new
                {
                    AgencyCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastValue = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_number_counters", x => new { x.AgencyCode, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "cases_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    HearingThresholdPersonFen = table.Column<long>(type: "bigint", nullable: false),
                    HearingThresholdOrganisationFen = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    LegalRepresentative = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OperatingLicenceNo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_documents_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    ActionCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DescriptionZh = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Warnings = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_events_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_file_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_file_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_file_items_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_officers",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Investigating = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_officers", x => new { x.CaseId, x.OfficerId });
                    table.ForeignKey(
                        name: "FK_cases_officers_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registry_drivers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    QualificationNo = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QualificationCategory = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    EmployerOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_drivers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registry_drivers_registry_organisations_EmployerOrganisatio~",
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Plate = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PlateColor = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    VehicleTypeCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    VehicleTypeName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OwnerPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    AxleCount = table.Column<int>(type: "integer", nullable: true),
                    RegisteredTotalMassKg = table.Column<int>(type: "integer", nullable: true),
                    TransportCertificateNo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    TransportCertificateValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_cases_cases_AgencyId_CreatedAt",
                table: "cases_cases",
                columns: new[] { "AgencyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_CaseNumber",
                table: "cases_cases",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_documents_CaseId",
                table: "cases_documents",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_events_CaseId",
                table: "cases_events",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_events_CaseId_IdempotencyKey",
                table: "cases_events",
                columns: new[] { "CaseId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_file_items_CaseId",
                table: "cases_file_items",
                column: "CaseId");

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
                name: "cases_documents");

            migrationBuilder.DropTable(
                name: "cases_events");

            migrationBuilder.DropTable(
                name: "cases_file_items");

            migrationBuilder.DropTable(
                name: "cases_holiday_years");

            migrationBuilder.DropTable(
                name: "cases_number_counters");

            migrationBuilder.DropTable(
                name: "cases_officers");

            migrationBuilder.DropTable(
                name: "cases_settings");

            migrationBuilder.DropTable(
                name: "registry_drivers");

            migrationBuilder.DropTable(
                name: "registry_vehicles");

            migrationBuilder.DropTable(
                name: "cases_cases");

            migrationBuilder.DropTable(
                name: "registry_organisations");

            migrationBuilder.DropTable(
                name: "registry_persons");
        }
    }
}
