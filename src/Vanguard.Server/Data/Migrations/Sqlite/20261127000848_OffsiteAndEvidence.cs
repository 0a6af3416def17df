using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vanguard.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OffsiteAndEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "AccuracyClass",
                table: "org_devices",
                type: "TEXT",
                precision: 4,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateNumber",
                table: "org_devices",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateValidFrom",
                table: "org_devices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateValidUntil",
                table: "org_devices",
                type: "TEXT",
                nullable: true);

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
                name: "offsite_anpr_reads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CapturedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    CapturedOffsetMinutes = table.Column<short>(type: "INTEGER", nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PlateColor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConfidencePermille = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ImageSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Retained = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offsite_anpr_reads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offsite_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    NoticeCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offsite_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offsite_review_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WimRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StationCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PlateColor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CapturedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    OverKg = table.Column<int>(type: "INTEGER", nullable: false),
                    PenaltyFen = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReviewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InvalidReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offsite_review_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offsite_wim_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CapturedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    CapturedOffsetMinutes = table.Column<short>(type: "INTEGER", nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Lane = table.Column<int>(type: "INTEGER", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PlateColor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AxleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    VehicleKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TractorSingleDriveAxle = table.Column<bool>(type: "INTEGER", nullable: false),
                    SingleTyreAxleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AxleWeightsKg = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GrossWeightKg = table.Column<int>(type: "INTEGER", nullable: false),
                    SpeedDeciKmh = table.Column<int>(type: "INTEGER", nullable: false),
                    HeightMm = table.Column<int>(type: "INTEGER", nullable: true),
                    WidthMm = table.Column<int>(type: "INTEGER", nullable: true),
                    LengthMm = table.Column<int>(type: "INTEGER", nullable: true),
                    Verdict = table.Column<int>(type: "INTEGER", nullable: false),
                    LimitKg = table.Column<int>(type: "INTEGER", nullable: false),
                    ToleranceKg = table.Column<int>(type: "INTEGER", nullable: false),
                    AdjustedKg = table.Column<int>(type: "INTEGER", nullable: false),
                    OverKg = table.Column<int>(type: "INTEGER", nullable: false),
                    OverBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    PenaltyKind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PenaltyFen = table.Column<long>(type: "INTEGER", nullable: true),
                    EvidenceUsable = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImagesJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offsite_wim_records", x => x.Id);
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

            migrationBuilder.CreateIndex(
                name: "IX_offsite_anpr_reads_CapturedAtMs",
                table: "offsite_anpr_reads",
                column: "CapturedAtMs");

            migrationBuilder.CreateIndex(
                name: "IX_offsite_anpr_reads_DeviceId_ReadId",
                table: "offsite_anpr_reads",
                columns: new[] { "DeviceId", "ReadId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offsite_anpr_reads_Plate_CapturedAtMs",
                table: "offsite_anpr_reads",
                columns: new[] { "Plate", "CapturedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_offsite_notifications_NoticeCode",
                table: "offsite_notifications",
                column: "NoticeCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offsite_notifications_Status_CreatedAt",
                table: "offsite_notifications",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_offsite_review_items_Status_ReviewDueOn",
                table: "offsite_review_items",
                columns: new[] { "Status", "ReviewDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_offsite_review_items_WimRecordId",
                table: "offsite_review_items",
                column: "WimRecordId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offsite_wim_records_CapturedAtMs",
                table: "offsite_wim_records",
                column: "CapturedAtMs");

            migrationBuilder.CreateIndex(
                name: "IX_offsite_wim_records_DeviceId_RecordId",
                table: "offsite_wim_records",
                columns: new[] { "DeviceId", "RecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offsite_wim_records_Plate_CapturedAtMs",
                table: "offsite_wim_records",
                columns: new[] { "Plate", "CapturedAtMs" });
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
                name: "offsite_anpr_reads");

            migrationBuilder.DropTable(
                name: "offsite_notifications");

            migrationBuilder.DropTable(
                name: "offsite_review_items");

            migrationBuilder.DropTable(
                name: "offsite_wim_records");

            migrationBuilder.DropTable(
                name: "evidence_items");

            migrationBuilder.DropColumn(
                name: "AccuracyClass",
                table: "org_devices");

            migrationBuilder.DropColumn(
                name: "CertificateNumber",
                table: "org_devices");

            migrationBuilder.DropColumn(
                name: "CertificateValidFrom",
                table: "org_devices");

            migrationBuilder.DropColumn(
                name: "CertificateValidUntil",
                table: "org_devices");
        }
    }
}
