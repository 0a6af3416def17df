using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountabilityAndOpenness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credit_blacklist",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CountedCaseIds = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CountedCaseNumbers = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    LastCountedActOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ListedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ListedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ListNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DelistedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DelistKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DelistReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DelistedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_blacklist", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "credit_cursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_cursors", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "credit_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OffenceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OffenceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsOverload = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FineFen = table.Column<long>(type: "INTEGER", nullable: true),
                    Voided = table.Column<bool>(type: "INTEGER", nullable: false),
                    VoidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "credit_overload_parties",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DriverIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    DriverName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DriverQualificationNo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SourceCreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_overload_parties", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "credit_repairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Rectification = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AppliedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_repairs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disclosure_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PartyKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PartyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartyIdNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LegalRepresentative = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    VehiclePlate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PartyAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OffenceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OffenceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ViolationBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PenaltyBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Penalty = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FineFen = table.Column<long>(type: "INTEGER", nullable: true),
                    Warning = table.Column<bool>(type: "INTEGER", nullable: false),
                    Procedure = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WithdrawalKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    WithdrawalNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosure_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_accountability",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HolderAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MeasureNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_accountability", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_inspection_items",
                columns: table => new
                {
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClipId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_inspection_items", x => new { x.InspectionId, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "supervision_inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnforcementAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OfficerNo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OfficerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    InspectedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Serious = table.Column<bool>(type: "INTEGER", nullable: false),
                    Breaches = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InspectorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InspectorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_inspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "warnings_rule_settings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Percent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    ResponseDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_warnings_rule_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "warnings_warnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    FindingKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OpenKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FiguresJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EvidenceRefs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LeaderAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeaderAccounts = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClearedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RespondedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RespondedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_warnings_warnings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_UpdatedAt",
                table: "cases_cases",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_credit_blacklist_ExpiresOn",
                table: "credit_blacklist",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_credit_blacklist_Status_ProposedAt",
                table: "credit_blacklist",
                columns: new[] { "Status", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_credit_blacklist_SubjectKind_SubjectKey_Rule",
                table: "credit_blacklist",
                columns: new[] { "SubjectKind", "SubjectKey", "Rule" },
                unique: true,
                filter: "\"Status\" IN ('proposed', 'listed')");

            migrationBuilder.CreateIndex(
                name: "IX_credit_events_CaseId_SubjectKind_SubjectKey_Role",
                table: "credit_events",
                columns: new[] { "CaseId", "SubjectKind", "SubjectKey", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credit_events_Role_ActOn",
                table: "credit_events",
                columns: new[] { "Role", "ActOn" });

            migrationBuilder.CreateIndex(
                name: "IX_credit_events_SubjectKind_SubjectKey_ActOn",
                table: "credit_events",
                columns: new[] { "SubjectKind", "SubjectKey", "ActOn" });

            migrationBuilder.CreateIndex(
                name: "IX_credit_overload_parties_ProcessedAt",
                table: "credit_overload_parties",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_credit_repairs_EntryId",
                table: "credit_repairs",
                column: "EntryId",
                unique: true,
                filter: "\"Status\" = 'pending'");

            migrationBuilder.CreateIndex(
                name: "IX_credit_repairs_Status_AppliedAt",
                table: "credit_repairs",
                columns: new[] { "Status", "AppliedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_entries_AgencyId_DecidedOn",
                table: "disclosure_entries",
                columns: new[] { "AgencyId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_entries_CaseId",
                table: "disclosure_entries",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_entries_WithdrawnAt_ExpiresOn_DecidedOn",
                table: "disclosure_entries",
                columns: new[] { "WithdrawnAt", "ExpiresOn", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_accountability_AgencyId_Status",
                table: "supervision_accountability",
                columns: new[] { "AgencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_accountability_HolderAgencyId_Year",
                table: "supervision_accountability",
                columns: new[] { "HolderAgencyId", "Year" },
                unique: true,
                filter: "\"Level\" = 'agency_head'");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_accountability_InspectionId",
                table: "supervision_accountability",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_inspections_AgencyId_InspectedOn",
                table: "supervision_inspections",
                columns: new[] { "AgencyId", "InspectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_inspections_EnforcementAgencyId_InspectedOn",
                table: "supervision_inspections",
                columns: new[] { "EnforcementAgencyId", "InspectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_inspections_OfficerId",
                table: "supervision_inspections",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_warnings_rule_settings_AgencyId_RuleCode",
                table: "warnings_rule_settings",
                columns: new[] { "AgencyId", "RuleCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_warnings_warnings_AgencyId_ClosedAt",
                table: "warnings_warnings",
                columns: new[] { "AgencyId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_warnings_warnings_FindingKey",
                table: "warnings_warnings",
                column: "FindingKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_warnings_warnings_OpenKey",
                table: "warnings_warnings",
                column: "OpenKey",
                unique: true,
                filter: "\"OpenKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_warnings_warnings_RaisedAt",
                table: "warnings_warnings",
                column: "RaisedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_blacklist");

            migrationBuilder.DropTable(
                name: "credit_cursors");

            migrationBuilder.DropTable(
                name: "credit_events");

            migrationBuilder.DropTable(
                name: "credit_overload_parties");

            migrationBuilder.DropTable(
                name: "credit_repairs");

            migrationBuilder.DropTable(
                name: "disclosure_entries");

            migrationBuilder.DropTable(
                name: "supervision_accountability");

            migrationBuilder.DropTable(
                name: "supervision_inspection_items");

            migrationBuilder.DropTable(
                name: "supervision_inspections");

            migrationBuilder.DropTable(
                name: "warnings_rule_settings");

            migrationBuilder.DropTable(
                name: "warnings_warnings");

            migrationBuilder.DropIndex(
                name: "IX_cases_cases_UpdatedAt",
                table: "cases_cases");
        }
    }
}
