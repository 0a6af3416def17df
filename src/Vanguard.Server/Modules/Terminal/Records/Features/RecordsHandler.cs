using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Server.Common;
using Vanguard.Server.Common.Idempotency;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal.Data;
using Vanguard.Server.Modules.Terminal.Features;
using Vanguard.Server.Modules.Terminal.Records.Data;

namespace Vanguard.Server.Modules.Terminal.Records.Features;

/// <summary>
/// 现场笔录 from the terminal: checks everything the device sent, keeps photos and the signature as evidence items,
/// stores the record and audits it. Runs inside <see cref="IdempotentWrites"/>, so all of it commits with the key.
/// </summary>
internal sealed class RecordsHandler(
    VanguardDbContext db, ICurrentActor actor, IAgencyDirectory directory, IEvidenceArchive evidence, IAuditLog audit, TimeProvider clock)
{
    public const int MaxPhotos = 9;
    public const int MaxPhotoBytes = 2 * 1024 * 1024;
    public const int MaxSignatureBytes = 512 * 1024;

    /// <summary>The request body limit: nine photos of 2 MB in base64 (4/3) plus the signature and the text.</summary>
    public const long BodyLimitBytes = 30L * 1024 * 1024;

    public static readonly Error NotFound = Error.NotFound(
        "terminal.record_not_found", "笔录不存在或不在您的管辖范围内。", "No such record in your jurisdiction.");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Result<WriteOutcome<RecordView>>> CreateAsync(CreateRecordRequest request, CancellationToken ct)
    {
        if (!Guid.TryParse(actor.OfficerId, out var officerId) || actor.AgencyId is not { } agencyId)
        {
            return TerminalErrors.NotAnOfficer;
        }

        var now = clock.GetUtcNow();
        var check = Validate(request, now, out var photos, out var signature, out var plate);
        if (request.BodycamEvidenceId is { } clip && !await evidence.ExistsAsync(clip, ct))
        {
            check.Add("bodycamEvidenceId", "unknown", "执法记录仪视频不存在或不在您的管辖范围内。", "No such body-camera clip in your jurisdiction.");
        }

        // The record may name only a task sent to this officer: not a guessed id, nor a colleague's task.
        if (request.TaskId is { } taskId && !await db.Set<TerminalTask>().AsNoTracking().AnyAsync(t => t.Id == taskId && t.OfficerId == officerId, ct))
        {
            check.Add("taskId", "unknown", "任务不存在或不是派给您的任务。", "No such task sent to you.");
        }

        if (!check.IsValid)
        {
            return check.ToError();
        }

        var record = new TerminalRecord
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agencyId,
            Kind = request.Kind!,
            OfficerId = officerId,
            OfficerName = actor.Name,
            CreatedById = actor.Id,
            StartedAt = request.StartedAt!.Value,
            EndedAt = request.EndedAt,
            Place = request.Place!.Trim(),
            Lat = request.Lat,
            Lon = request.Lon,
            Plate = plate,
            PlateColor = PartyRules.Trimmed(request.PlateColor),
            PartyKind = request.Party!.Kind!,
            PartyName = request.Party.Name!.Trim(),
            PartyIdNumber = PartyRules.NormaliseId(request.Party.IdNumber),
            PartyPhone = PartyRules.Trimmed(request.Party.Phone),
            PartyAddress = PartyRules.Trimmed(request.Party.Address),
            Content = request.Content!.Trim(),
            QuestionsJson = request.Questions is { Count: > 0 } q
                ? JsonSerializer.Serialize(q.Select(x => new QuestionView(x.Q!.Trim(), x.A?.Trim() ?? string.Empty)), Json)
                : null,
            BodycamEvidenceId = request.BodycamEvidenceId,
            SignedAt = request.Signature?.SignedAt,
            RefusedToSign = request.RefusedToSign == true,
            TaskId = request.TaskId,
            CreatedAt = now,
        };
        var title = record.Kind == RecordKind.Inquiry ? "询问笔录" : "现场检查笔录";
        for (var i = 0; i < photos.Count; i++)
        {
            var (image, input) = photos[i];
            var n = i + 1;
            await using var content = new MemoryStream(image.Bytes, writable: false);
            var stored = await evidence.StoreAsync(
                content, image.MediaType, $"record-{record.Id:N}-photo-{n}.{image.Extension}", $"{title}照片 {n} / record photo {n} ({record.Id:N})", agencyId, ct);
            if (!stored.IsSuccess)
            {
                return stored.Error!;
            }

            db.Add(new TerminalRecordPhoto
            {
                RecordId = record.Id, N = n, EvidenceId = stored.Value.EvidenceId, Sha256 = stored.Value.Sha256, MediaType = image.MediaType,
                Length = image.Bytes.Length, TakenAt = input.TakenAt, Note = PartyRules.Trimmed(input.Note),
            });
        }

        if (signature is not null)
        {
            await using var content = new MemoryStream(signature.Bytes, writable: false);
            var stored = await evidence.StoreAsync(
                content, signature.MediaType, $"record-{record.Id:N}-signature.png", $"{title}当事人签名 / party signature ({record.Id:N})", agencyId, ct);
            if (!stored.IsSuccess)
            {
                return stored.Error!;
            }

            record.SignatureEvidenceId = stored.Value.EvidenceId;
            record.SignatureSha256 = stored.Value.Sha256;
        }

        db.Add(record);
        // No personal data in the audit payload: the record itself is the place for names and numbers.
        audit.Record("terminal.record_created", "terminal-record", record.Id.ToString(),
            new { record.Kind, photos = photos.Count, signed = signature is not null, record.RefusedToSign, record.BodycamEvidenceId, record.TaskId }, agencyId);
        await db.SaveChangesAsync(ct);
        var view = await GetAsync(record.Id, ct);
        return new WriteOutcome<RecordView>(view.Value, "terminal-record", record.Id.ToString(), $"/api/v1/terminal/records/{record.Id}");
    }

    public async Task<Result<RecordView>> GetAsync(Guid id, CancellationToken ct)
    {
        var record = await db.Set<TerminalRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return NotFound;
        }

        var photos = await db.Set<TerminalRecordPhoto>().AsNoTracking().Where(p => p.RecordId == id).OrderBy(p => p.N).ToListAsync(ct);
        var url = $"/api/v1/terminal/records/{id}";
        return new RecordView(
            record.Id, record.Kind, record.OfficerId, record.OfficerName, directory.Current.Find(record.AgencyId)?.Code,
            record.StartedAt, record.EndedAt, record.Place, record.Lat, record.Lon, record.Plate, record.PlateColor,
            new PartyView(record.PartyKind, record.PartyName, record.PartyIdNumber, record.PartyPhone, record.PartyAddress),
            record.Content,
            record.QuestionsJson is null ? [] : JsonSerializer.Deserialize<List<QuestionView>>(record.QuestionsJson, Json) ?? [],
            photos.Select(p => new RecordPhotoView(p.N, p.EvidenceId, p.Sha256, p.MediaType, p.Length, p.TakenAt, p.Note, $"{url}/photos/{p.N}")).ToList(),
            record.BodycamEvidenceId,
            record.SignatureEvidenceId is { } s ? new RecordSignatureView(s, record.SignatureSha256!, record.SignedAt, $"{url}/signature") : null,
            record.RefusedToSign, record.TaskId, record.CreatedAt);
    }

    public async Task<Result<Page<RecordSummary>>> ListAsync(bool mine, PageRequest page, CancellationToken ct)
    {
        var records = db.Set<TerminalRecord>().AsNoTracking();
        if (mine)
        {
            if (!Guid.TryParse(actor.OfficerId, out var officerId))
            {
                return TerminalErrors.NotAnOfficer;
            }

            records = records.Where(r => r.OfficerId == officerId);
        }

        var total = await records.CountAsync(ct);
        var rows = await records.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(r => new RecordSummary(
                r.Id, r.Kind, r.StartedAt, r.Place, r.Plate, r.PartyName, r.OfficerName,
                db.Set<TerminalRecordPhoto>().Count(p => p.RecordId == r.Id), r.SignatureEvidenceId != null, r.RefusedToSign, r.CreatedAt))
            .ToListAsync(ct);
        return new Page<RecordSummary>(rows, page.Page, page.PageSize, total);
    }

    /// <summary>The evidence item behind photo <paramref name="n"/> (or the signature when <paramref name="n"/> is null).</summary>
    public async Task<Guid?> ImageAsync(Guid id, int? n, CancellationToken ct)
    {
        var record = await db.Set<TerminalRecord>().AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Id, r.SignatureEvidenceId }).SingleOrDefaultAsync(ct);
        if (record is null)
        {
            return null;
        }

        return n is { } number
            ? await db.Set<TerminalRecordPhoto>().AsNoTracking().Where(p => p.RecordId == id && p.N == number).Select(p => (Guid?)p.EvidenceId).SingleOrDefaultAsync(ct)
            : record.SignatureEvidenceId;
    }

    private static Validator Validate(
        CreateRecordRequest r, DateTimeOffset now, out List<(ImageDataUrl.Image Image, PhotoInput Input)> photos, out ImageDataUrl.Image? signature,
        out string? plate)
    {
        var check = new Validator()
            .Check(r.Kind is RecordKind.Inspection or RecordKind.Inquiry, "kind", "invalid", "笔录种类须为 inspection（现场检查笔录）或 inquiry（询问笔录）。",
                "Kind must be inspection or inquiry.")
            .Check(r.StartedAt is not null, "startedAt", "required", "开始时间不能为空。", "The start time is required.")
            .Check(r.StartedAt is null || r.StartedAt <= now.AddMinutes(5), "startedAt", "in_future", "开始时间不能晚于现在。", "The start cannot be in the future.")
            .Check(r.EndedAt is null || r.StartedAt is null || r.EndedAt >= r.StartedAt, "endedAt", "before_start", "结束时间不能早于开始时间。",
                "The end cannot be before the start.")
            .Check(r.EndedAt is null || r.EndedAt <= now.AddMinutes(5), "endedAt", "in_future", "结束时间不能晚于现在。", "The end cannot be in the future.")
            .Require("place", r.Place, "地点", "Place")
            .MaxLength("place", r.Place, 200, "地点", "Place")
            .Check(r.Lat is null == r.Lon is null, "lat", "incomplete", "经纬度须同时提供。", "Give both latitude and longitude, or neither.")
            // China only, as for positions (docs/terminal.md).
            .Check(r.Lat is null or (>= 3 and <= 54), "lat", "out_of_range", "纬度须在 3–54 之间。", "Latitude must be 3–54.")
            .Check(r.Lon is null or (>= 73 and <= 136), "lon", "out_of_range", "经度须在 73–136 之间。", "Longitude must be 73–136.")
            .Check(r.PlateColor is null || PlateColor.IsKnown(r.PlateColor), "plateColor", "invalid", "号牌颜色不正确。", "Unknown plate colour.")
            .Require("content", r.Content, "笔录内容", "Content")
            .MaxLength("content", r.Content, 10_000, "笔录内容", "Content")
            .Check(r.Kind != RecordKind.Inquiry || r.Questions is { Count: > 0 }, "questions", "required", "询问笔录须有问答内容。",
                "An inquiry record needs its questions and answers.")
            .Check(r.Questions is null || r.Questions.Count <= 200, "questions", "too_many", "问答不能超过 200 条。", "At most 200 questions.")
            // 交通运输行政执法程序规定: the party signs the record, or the officers note the refusal — never both, never neither.
            .Check(r.Signature is not null || r.RefusedToSign == true, "signature", "required", "须有当事人签名，或注明当事人拒绝签名。",
                "The party's signature is required, or refusedToSign must be set.")
            .Check(r.Signature is null || r.RefusedToSign != true, "refusedToSign", "conflict", "已有当事人签名，不能同时注明拒绝签名。",
                "A signed record cannot also be refused.")
            .Check(r.Photos is null || r.Photos.Count <= MaxPhotos, "photos", "too_many", $"照片不能超过 {MaxPhotos} 张。", $"At most {MaxPhotos} photos.");
        PartyRules.Check(check, r.Party);
        plate = r.Plate is { Length: > 0 } p ? PlateNumber.Normalise(p) : null;
        check.Check(plate is null || PlateNumber.IsValid(plate), "plate", "invalid", "号牌号码格式不正确（GA 36）。", "The plate number is malformed (GA 36).");
        for (var i = 0; i < (r.Questions?.Count ?? 0); i++)
        {
            var q = r.Questions![i];
            check.Require($"questions[{i}].q", q?.Q, "问题", "Question")
                .MaxLength($"questions[{i}].q", q?.Q, 1_000, "问题", "Question")
                .MaxLength($"questions[{i}].a", q?.A, 4_000, "回答", "Answer");
        }

        photos = [];
        if (r.Photos is { Count: <= MaxPhotos } list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var photo = list[i];
                check.MaxLength($"photos[{i}].note", photo?.Note, 200, "照片说明", "Photo note")
                    .Check(photo?.TakenAt is null || photo.TakenAt <= now.AddMinutes(5), $"photos[{i}].takenAt", "in_future", "拍摄时间不能晚于现在。",
                        "A photo cannot be taken in the future.");
                if (ImageDataUrl.Parse(check, $"photos[{i}].dataUrl", photo?.DataUrl, [ImageDataUrl.Jpeg, ImageDataUrl.Png], MaxPhotoBytes) is { } image)
                {
                    photos.Add((image, photo!));
                }
            }
        }

        signature = null;
        if (r.Signature is { } s)
        {
            check.Check(s.SignedAt is not null, "signature.signedAt", "required", "签名时间不能为空。", "The signing time is required.")
                .Check(s.SignedAt is null || s.SignedAt <= now.AddMinutes(5), "signature.signedAt", "in_future", "签名时间不能晚于现在。",
                    "The signature cannot be in the future.");
            signature = ImageDataUrl.Parse(check, "signature.dataUrl", s.DataUrl, [ImageDataUrl.Png], MaxSignatureBytes);
        }

        return check;
    }
}
