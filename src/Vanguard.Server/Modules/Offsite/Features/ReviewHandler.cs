using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Common;
using Vanguard.Domain.Identifiers;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Offsite.Ingest;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Registry.Contracts;

namespace Vanguard.Server.Modules.Offsite.Features;

/// <summary>
/// 审核: a person looks at each overloaded weighing before it can become a case (行政处罚法 art. 41: records not reviewed,
/// or failing review, cannot be evidence). Confirming opens an off-site case with the evidence in its file and queues
/// the owner's notification; invalidating records the reason.
/// </summary>
internal sealed class ReviewHandler(
    VanguardDbContext db, IDeviceDirectory devices, IAgencyDirectory agencies, IRegistry registry, ICaseIntake intake, ICurrentActor actor,
    IAuditLog audit, TimeProvider clock, IOptions<OffsiteOptions> options)
{
    /// <summary>作废理由 — modelled on 道路交通安全违法行为处理程序规定 art. 22 plus device faults and duplicates.</summary>
    public static IReadOnlyDictionary<string, (string Zh, string En)> InvalidReasons { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["unclear_record"] = ("图像不清晰、记录不完整", "Unclear images or incomplete record"),
        ["plate_mismatch"] = ("号牌与车辆不符", "Plate does not match the vehicle"),
        ["cloned_plate"] = ("套牌、被盗抢车辆", "Cloned plate or stolen vehicle"),
        ["emergency_vehicle"] = ("执行紧急任务的车辆", "Emergency vehicle on duty"),
        ["emergency_avoidance"] = ("紧急避险", "Emergency avoidance"),
        ["handled_on_site"] = ("已现场处理", "Already handled on site"),
        ["device_fault"] = ("设备故障", "Device fault"),
        ["duplicate"] = ("重复记录", "Duplicate record"),
        ["other"] = ("其他", "Other"),
    };

    public static readonly Error NotFound = Error.NotFound("offsite.review_not_found", "审核事项不存在或不在您的管辖范围内。", "No such review item in your jurisdiction.");

    public static readonly Error AlreadyReviewed = Error.Conflict("offsite.already_reviewed", "该记录已审核，不能重复处理。", "This record was already reviewed.");

    public async Task<Page<ReviewItemView>> ListAsync(string? status, string? plate, PageRequest page, CancellationToken ct)
    {
        var items = db.Set<ReviewItem>().AsNoTracking();
        if (Enum.TryParse<ReviewStatus>(status, ignoreCase: true, out var s))
        {
            items = items.Where(i => i.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(plate))
        {
            var term = PlateNumber.Normalise(plate);
            items = items.Where(i => i.Plate.Contains(term));
        }

        var total = await items.CountAsync(ct);
        var rows = await items.OrderBy(i => i.ReviewDueOn).ThenBy(i => i.CapturedAtMs).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<ReviewItemView>(await ViewsAsync(rows, ct), page.Page, page.PageSize, total);
    }

    /// <summary>The queue at a glance: pending (and how many of those are past their review date), confirmed, invalidated.</summary>
    public async Task<ReviewSummary> SummaryAsync(CancellationToken ct)
    {
        var items = db.Set<ReviewItem>().AsNoTracking();
        var counts = await items.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var today = LegalClock.Today(clock);
        var overdue = await items.CountAsync(i => i.Status == ReviewStatus.Pending && i.ReviewDueOn < today, ct);
        return new ReviewSummary(
            counts.GetValueOrDefault(ReviewStatus.Pending), overdue, counts.GetValueOrDefault(ReviewStatus.Confirmed), counts.GetValueOrDefault(ReviewStatus.Invalidated));
    }

    public async Task<Result<ReviewItemView>> GetAsync(Guid id, CancellationToken ct)
    {
        var item = await db.Set<ReviewItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        return item is null ? NotFound : (await ViewsAsync([item], ct))[0];
    }

    public async Task<Result<ReviewItemView>> InvalidateAsync(Guid id, InvalidateRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Check(request.Reason is not null && InvalidReasons.ContainsKey(request.Reason), "reason", "invalid",
                "作废理由须为：" + string.Join("、", InvalidReasons.Keys), "Reason must be one of: " + string.Join(", ", InvalidReasons.Keys))
            .Check(request.Reason != "other" || !string.IsNullOrWhiteSpace(request.Note), "note", "required", "理由为“其他”时须写明说明。", "Explain an 'other' reason.")
            .MaxLength("note", request.Note, 500, "说明", "Note");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var item = await db.Set<ReviewItem>().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return NotFound;
        }

        if (item.Status != ReviewStatus.Pending)
        {
            return AlreadyReviewed;
        }

        item.Status = ReviewStatus.Invalidated;
        item.InvalidReason = request.Reason;
        item.Note = request.Note?.Trim();
        item.ReviewedBy = actor.Name;
        item.ReviewedAt = clock.GetUtcNow();
        audit.Record("offsite.review_invalidate", "offsite-review", item.Id.ToString(), request, item.AgencyId);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<Result<ReviewItemView>> ConfirmAsync(Guid id, ConfirmRequest request, CancellationToken ct)
    {
        var item = await db.Set<ReviewItem>().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return NotFound;
        }

        if (item.Status != ReviewStatus.Pending)
        {
            return AlreadyReviewed;
        }

        var record = await db.Set<WimRecord>().AsNoTracking().SingleAsync(r => r.Id == item.WimRecordId, ct);
        var station = await devices.FindAsync(item.StationCode, ct);
        if (!record.EvidenceUsable || station is null)
        {
            return Error.Conflict("offsite.evidence_unusable", "检测设备未经检定或检定已过期，该记录不能作为执法依据。",
                "The station was not verified at capture; this record cannot be evidence.");
        }

        var agency = agencies.Current.Find(item.AgencyId)!;
        var vehicle = await registry.FindVehicleAsync(record.Plate, record.PlateColor, ct);
        var party = vehicle is { Owner: { } owner }
            ? new CaseParty(owner.Kind == PartyKind.Organisation ? "organisation" : "person", owner.Name, owner.Number, owner.Address, owner.Phone)
            : new CaseParty("person", $"{record.Plate}号车辆所有人（待核实）", null, null, null);
        var capturedAt = record.CapturedAt.ToOffset(LegalClock.ChinaOffset);
        var massOver = record.OverKg > 0;
        var facts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (massOver)
        {
            facts["overKg"] = record.OverKg;
        }

        AddIfSet(facts, "heightMm", record.HeightMm);
        AddIfSet(facts, "widthMm", record.WidthMm);
        AddIfSet(facts, "lengthMm", record.LengthMm);
        var images = record.ImagesJson is null ? [] : JsonSerializer.Deserialize(record.ImagesJson, OffsiteJson.Default.ListImageMeta) ?? [];
        var officerIds = Guid.TryParse(actor.OfficerId, out var officer) ? new[] { officer } : [];
        var opened = await intake.OpenOffsiteCaseAsync(
            new OffsiteCaseRequest(
                agency.Code,
                massOver ? OffenceCodes.OverloadMass : OffenceCodes.OverloadDimensions,
                massOver ? $"车辆超限运输（超限 {record.OverKg:N0} 千克）" : "车辆外廓尺寸超限运输",
                Facts(record, station, capturedAt),
                party,
                record.Plate,
                record.PlateColor,
                DateOnly.FromDateTime(capturedAt.DateTime),
                facts,
                officerIds,
                [
                    new CaseFileEntry("weighing_record", $"称重检测单 {item.StationCode}/{record.RecordId}", $"wim:{item.StationCode}/{record.RecordId}"),
                    new CaseFileEntry("device_certificate", $"检定证书 {station.CertificateNumber}（有效期至 {station.CertificateValidUntil:yyyy-MM-dd}）", station.CertificateNumber),
                    new CaseFileEntry("vehicle_photos", $"车辆照片 {images.Count} 张", string.Join(',', images.Select(i => i.Sha256[..12]))),
                    new CaseFileEntry("anpr_image", "车牌识别图像", images.FirstOrDefault(i => i.Kind == "plate")?.Sha256 ?? images.FirstOrDefault()?.Sha256),
                    new CaseFileEntry("offsite_review_record", $"非现场执法记录审核：{actor.Name} 确认" + (request.Note is { Length: > 0 } n ? $"（{n}）" : ""), item.Id.ToString()),
                ],
                actor.Name),
            ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        item.Status = ReviewStatus.Confirmed;
        item.ReviewedBy = actor.Name;
        item.ReviewedAt = clock.GetUtcNow();
        item.Note = request.Note?.Trim();
        item.CaseId = opened.Value.Id;
        var code = NoticeCode();
        db.Add(new OffsiteNotification
        {
            Id = Guid.CreateVersion7(), CaseId = opened.Value.Id, Plate = record.Plate, Recipient = party.Phone, NoticeCode = code, Status = "pending",
            CreatedAt = clock.GetUtcNow(),
            Text = $"{options.Value.SmsSignature}您的车辆{record.Plate}于{capturedAt:yyyy年M月d日HH:mm}经{station.Name}检测，" +
                (massOver ? $"超限{record.OverKg}千克，" : "外廓尺寸超限，") +
                $"已立案（{opened.Value.CaseNumber}）。请凭通知码{code}登录“不见面执法”平台查询证据、陈述申辩或缴纳罚款。",
        });
        audit.Record("offsite.review_confirm", "offsite-review", item.Id.ToString(), new { caseId = opened.Value.Id, opened.Value.CaseNumber }, item.AgencyId);
        await db.SaveChangesAsync(ct);
        // The case number belongs to the case module; the answer carries it so the reviewer can cite the new case at once.
        var confirmed = await GetAsync(id, ct);
        return confirmed.IsSuccess ? confirmed.Value with { CaseNumber = opened.Value.CaseNumber } : confirmed;
    }

    private static void AddIfSet(Dictionary<string, long> facts, string key, int? value)
    {
        if (value is { } v)
        {
            facts[key] = v;
        }
    }

    private static string Facts(WimRecord r, DeviceInfo station, DateTimeOffset capturedAt) =>
        $"{r.Plate}（{PlateColor.NameZh(r.PlateColor)}号牌）{r.AxleCount}轴{(r.VehicleKind == "combination" ? "汽车列车" : "货车")}于{capturedAt:yyyy年M月d日HH时mm分}途经{station.Name}，" +
        $"经动态称重检测（设备编号 {station.Code}，准确度等级 {station.AccuracyClass?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—"} 级，检定证书 {station.CertificateNumber}），" +
        $"车货总质量 {r.GrossWeightKg} 千克，扣除允许误差 {r.ToleranceKg} 千克后为 {r.AdjustedKg} 千克，超过限定标准 {r.LimitKg} 千克" +
        (r.OverKg > 0 ? $" {r.OverKg} 千克（超限 {r.OverBasisPoints / 100m:0.##}%）。" : "。") +
        (r.HeightMm is { } h ? $"车货总高度 {h} 毫米；" : "") + (r.WidthMm is { } w ? $"总宽度 {w} 毫米；" : "") + (r.LengthMm is { } l ? $"总长度 {l} 毫米。" : "");

    /// <summary>An 8-character code without look-alike characters (no 0/O, 1/I/L), for the owner to type online.</summary>
    private static string NoticeCode()
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        return new string(RandomNumberGenerator.GetItems<char>(alphabet, 8));
    }

    private async Task<List<ReviewItemView>> ViewsAsync(List<ReviewItem> items, CancellationToken ct)
    {
        var recordIds = items.Select(i => i.WimRecordId).ToList();
        var records = await db.Set<WimRecord>().AsNoTracking().Where(r => recordIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var today = LegalClock.Today(clock);
        var views = new List<ReviewItemView>(items.Count);
        foreach (var i in items)
        {
            var r = records[i.WimRecordId];
            var station = await devices.FindAsync(i.StationCode, ct);
            views.Add(new ReviewItemView(
                i.Id, i.Status.ToString().ToLowerInvariant(), i.StationCode, station?.Name ?? i.StationCode, r.RecordId, i.Plate, i.PlateColor, r.CapturedAt,
                r.GrossWeightKg, r.LimitKg, r.OverKg, r.OverBasisPoints / 100m, new PenaltyView(r.PenaltyKind, r.PenaltyFen / 100), i.ReviewDueOn,
                i.Status == ReviewStatus.Pending && today > i.ReviewDueOn, i.ReviewedBy, i.ReviewedAt, i.InvalidReason, i.Note, i.CaseId, null));
        }

        return views;
    }
}
