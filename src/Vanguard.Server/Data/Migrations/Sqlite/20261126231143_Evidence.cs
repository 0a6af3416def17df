using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Evidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evidence_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerNo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OfficerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DeviceSerial = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UploadedByKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UploadedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedTo = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GpsTrackJson = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RetentionClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RetainUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LegalHold = table.Column<bool>(type: "INTEGER", nullable: false),
                    LegalHoldReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MediaStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MediaReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: true),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    VideoCodec = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AudioCodec = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Thumbnail = table.Column<byte[]>(type: "BLOB", nullable: true),
                    LastVerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "evidence_uploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedByKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Offset = table.Column<long>(type: "INTEGER", nullable: false),
                    RawMetadata = table.Column<string>(type: "TEXT", maxLength: 210000, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeviceSerial = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedTo = table.Column<long>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    GpsTrackJson = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_uploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "evidence_case_links",
                columns: table => new
                {
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_case_links", x => new { x.EvidenceId, x.CaseId });
                    table.ForeignKey(
                        name: "FK_evidence_case_links_evidence_items_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "evidence_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evidence_custody",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RemoteIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_custody", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evidence_custody_evidence_items_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "evidence_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence_integrity_findings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExpectedSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActualSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_integrity_findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evidence_integrity_findings_evidence_items_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "evidence_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence_tags",
                columns: table => new
                {
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_tags", x => new { x.EvidenceId, x.Tag });
                    table.ForeignKey(
                        name: "FK_evidence_tags_evidence_items_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "evidence_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_evidence_case_links_CaseId",
                table: "evidence_case_links",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_custody_EvidenceId_Id",
                table: "evidence_custody",
                columns: new[] { "EvidenceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_evidence_integrity_findings_DetectedAt",
                table: "evidence_integrity_findings",
                column: "DetectedAt");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_integrity_findings_EvidenceId_ResolvedAt",
                table: "evidence_integrity_findings",
                columns: new[] { "EvidenceId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_evidence_items_AgencyId_RecordedFrom",
                table: "evidence_items",
                columns: new[] { "AgencyId", "RecordedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_evidence_items_AgencyId_Sha256",
                table: "evidence_items",
                columns: new[] { "AgencyId", "Sha256" },
                unique: true,
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_items_OfficerId",
                table: "evidence_items",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_items_RetainUntil",
                table: "evidence_items",
                column: "RetainUntil");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_items_Sha256",
                table: "evidence_items",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_tags_Tag",
                table: "evidence_tags",
                column: "Tag");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_uploads_Status_ExpiresAt",
                table: "evidence_uploads",
                columns: new[] { "Status", "ExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence_case_links");

            migrationBuilder.DropTable(
                name: "evidence_custody");

            migrationBuilder.DropTable(
                name: "evidence_integrity_findings");

            migrationBuilder.DropTable(
                name: "evidence_tags");

            migrationBuilder.DropTable(
                name: "evidence_uploads");

            migrationBuilder.DropTable(
                name: "evidence_items");
        }
    }
}
