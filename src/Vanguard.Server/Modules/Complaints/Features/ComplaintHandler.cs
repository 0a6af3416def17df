using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Complaints;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Complaints.Data;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Terminal.Contracts;

namespace Vanguard.Server.Modules.Complaints.Features;

/// <summary>
/// 投诉举报: intake (12328 hotline or staff), assignment, the two musts (first phone contact, presence on site) and the
/// steps after them in a fixed order, each audited. The complainant's name and phone are never logged; the audit entries
/// carry them masked.
/// </summary>
internal sealed class ComplaintHandler(
    VanguardDbContext db, IAgencyDirectory agencies, IJurisdiction jurisdiction, ICurrentActor actor, IAuditLog audit, TwoMustsTable sla,
    IOfficerDirectory officers, IOfficerTrack track, IOfficerClips clips, IEvidenceArchive archive, TimeProvider clock)
{
    /// <summary>How far either side of the time of the event an accused officer's positions and recordings are shown.</summary>
    public static readonly TimeSpan TraceWindow = TimeSpan.FromHours(2);

    /// <summary>A terminal reports every few seconds on the move: two hours either side stays far below this.</summary>
    private const int MaxTracePoints = 2000;

    private const int MaxTraceClips = 200;

    /// <summary>A device's or an officer's clock may run a little ahead of ours.</summary>
    private static readonly TimeSpan ClockAllowance = TimeSpan.FromMinutes(5);

    /// <param name="photos">The complainant's photos (checked here: <see cref="ComplaintPhotos"/>), kept as evidence items of the responsible agency.</param>
    /// <param name="source">Who filed: <c>public</c> for the public form; otherwise the hotline (a device) or staff.</param>
    public async Task<Result<(ComplaintView View, bool Created)>> FileAsync(
        FileComplaintRequest r, CancellationToken ct, IReadOnlyList<IncomingPhoto>? photos = null, string? source = null)
    {
        photos ??= [];
        if (ComplaintPhotos.Check(photos) is { } badPhotos)
        {
            return badPhotos;
        }

        var now = StoredTime.Of(clock.GetUtcNow());
        var check = new Validator()
            .Require("type", r.Type, "类型", "Type")
            .Check(r.Type is null || ComplaintType.IsKnown(r.Type), "type", "unknown",
                "类型须为 consultation（咨询）、suggestion（意见建议）或 complaint（投诉举报）。", "Type must be consultation, suggestion or complaint.")
            .Require("domain", r.Domain, "业务领域", "Domain")
            .Check(r.Domain is null || ComplaintDomain.IsKnown(r.Domain), "domain", "unknown",
                $"业务领域须为：{string.Join("、", ComplaintDomain.All)}。", $"Domain must be one of: {string.Join(", ", ComplaintDomain.All)}.")
            .Require("place.text", r.Place?.Text, "地点", "Place")
            .MaxLength("place.text", r.Place?.Text, 200, "地点", "Place")
            .Check(r.Place?.Lat is null == r.Place?.Lon is null, "place.lat", "pair", "经纬度须同时提供。", "Latitude and longitude go together.")
            .Check(r.Place?.Lat is null or (>= -90 and <= 90), "place.lat", "out_of_range", "纬度须在 -90 至 90 之间。", "Latitude must be within -90..90.")
            .Check(r.Place?.Lon is null or (>= -180 and <= 180), "place.lon", "out_of_range", "经度须在 -180 至 180 之间。", "Longitude must be within -180..180.")
            .Check(r.OccurredAt is not null, "occurredAt", "required", "事发时间不能为空。", "The time of the event is required.")
            .Check(r.OccurredAt is null || r.OccurredAt <= now + ClockAllowance, "occurredAt", "in_future", "事发时间不能晚于当前时间。",
                "The time of the event cannot be in the future.")
            .Require("complainant.name", r.Complainant?.Name, "投诉人姓名", "Complainant's name")
            .MaxLength("complainant.name", r.Complainant?.Name, 50, "投诉人姓名", "Complainant's name")
            .Require("complainant.phone", r.Complainant?.Phone, "投诉人电话", "Complainant's phone")
            .Check(r.Complainant?.Phone is null || IsPhone(r.Complainant.Phone), "complainant.phone", "invalid",
                "联系电话须为 5–20 位数字（可含 +、-）。", "The phone must be 5–20 digits (+ and - allowed).")
            .Require("accused.party", r.Accused?.Party, "被投诉对象", "Accused party")
            .MaxLength("accused.party", r.Accused?.Party, 200, "被投诉对象", "Accused party")
            .MaxLength("accused.officerNo", r.Accused?.OfficerNo, 32, "执法人员编号", "Officer number")
            .Require("description", r.Description, "诉求内容", "Description")
            .MaxLength("description", r.Description, 4000, "诉求内容", "Description")
            .MaxLength("ticketNo", r.TicketNo, 64, "12328 工单号", "12328 ticket number");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var ticketNo = Clean(r.TicketNo);
        if (ticketNo is not null && await ExistingTicketAsync(ticketNo, ct) is { } existing)
        {
            return existing;
        }

        var agency = ResolveAgency(Clean(r.AgencyCode) ?? Clean(r.Place!.AgencyCode));
        if (agency is null)
        {
            return ComplaintErrors.AgencyNotFound;
        }

        // Only an officer number that names exactly one officer the filer can see links the complaint to that officer.
        var accusedOfficer = Clean(r.Accused!.OfficerNo) is { } officerNo && await officers.FindByNumberAsync(officerNo, ct) is [var only] ? only : null;
        var (contactDue, onsiteDue) = sla.DueTimes(r.Type!, now);
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agency.Id,
            TicketNo = ticketNo,
            Source = source ?? (actor.Kind == ActorKind.Device ? "hotline" : "staff"),
            Type = r.Type!,
            Domain = r.Domain!,
            Place = r.Place!.Text!.Trim(),
            PlaceAgencyCode = Clean(r.Place.AgencyCode),
            Lat = r.Place.Lat,
            Lon = r.Place.Lon,
            OccurredAt = StoredTime.Of(r.OccurredAt!.Value),
            ComplainantName = r.Complainant!.Name!.Trim(),
            ComplainantPhone = r.Complainant.Phone!.Trim(),
            Accused = r.Accused!.Party!.Trim(),
            AccusedOfficerNo = Clean(r.Accused.OfficerNo),
            AccusedOfficerId = accusedOfficer?.Id,
            AccusedOfficerAgencyId = accusedOfficer?.AgencyId,
            AccusedOfficerName = accusedOfficer?.Name,
            Description = r.Description!.Trim(),
            Status = ComplaintStatuses.Assigned,
            ReceivedAt = now,
            ReceivedBy = actor.Name,
            AssignedAt = now,
            ContactDueAt = contactDue,
            OnsiteDueAt = onsiteDue,
            Version = 1,
        };
        db.Add(complaint);
        AddStep(complaint, ComplaintSteps.Received, now, now, note: complaint.Source switch
        {
            "hotline" => "12328 热线转办",
            "public" => "网上投诉",
            _ => "窗口/电话登记",
        });
        AddStep(complaint, ComplaintSteps.Assigned, now, now, note: agency.Name);
        var submittedBy = complaint.Source == "public" ? "投诉人（网上投诉）" : $"投诉人（{actor.Name}登记）";
        for (var i = 0; i < photos.Count; i++)
        {
            var photo = photos[i];
            var mediaType = ComplaintPhotos.MediaType(photo.Content)!;
            var fileName = string.IsNullOrWhiteSpace(photo.FileName) ? $"photo-{i + 1}" : Path.GetFileName(photo.FileName.Trim());
            await using var content = new MemoryStream(photo.Content, writable: false);
            var kept = await archive.StoreSubmittedAsync(content, mediaType, fileName, $"投诉举报 {complaint.TicketNo ?? complaint.Id.ToString()} 照片 {i + 1}",
                complaint.AgencyId, submittedBy, ct);
            if (!kept.IsSuccess)
            {
                return kept.Error!;
            }

            db.Add(new ComplaintAttachment
            {
                Id = Guid.CreateVersion7(), ComplaintId = complaint.Id, AgencyId = complaint.AgencyId, EvidenceId = kept.Value.EvidenceId,
                FileName = fileName.Length > 255 ? fileName[..255] : fileName, MediaType = mediaType, Sha256 = kept.Value.Sha256, Length = kept.Value.Length,
                AddedAt = now, AddedBy = submittedBy,
            });
        }

        audit.Record("complaints.filed", "complaint", complaint.Id.ToString(), new
        {
            complaint.TicketNo, complaint.Source, complaint.Type, complaint.Domain, complaint.Place, complaint.PlaceAgencyCode,
            complainant = ComplainantMask.Name(complaint.ComplainantName), phone = ComplainantMask.Phone(complaint.ComplainantPhone),
            complaint.Accused, complaint.AccusedOfficerNo, agency = agency.Code, complaint.ContactDueAt, complaint.OnsiteDueAt, photos = photos.Count,
        }, complaint.AgencyId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (ticketNo is not null)
        {
            // The hotline sent the same ticket twice at once: the other request's complaint is the answer.
            db.ChangeTracker.Clear();
            if (await ExistingTicketAsync(ticketNo, ct) is { } raced)
            {
                return raced;
            }

            throw;
        }

        return (await ViewAsync(complaint, ct), true);
    }

    public async Task<Result<ComplaintView>> GetAsync(Guid id, CancellationToken ct)
    {
        var complaint = await db.Set<Complaint>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return complaint is null ? ComplaintErrors.NotFound : await ViewAsync(complaint, ct);
    }

    public async Task<Page<ComplaintSummary>> ListAsync(ComplaintQuery q, CancellationToken ct)
    {
        var now = StoredTime.Of(clock.GetUtcNow());
        var query = db.Set<Complaint>().AsNoTracking();
        if (q.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (q.Type is { } type)
        {
            query = query.Where(c => c.Type == type);
        }

        query = q.Sla switch
        {
            "overdue" => query.Where(c => (c.ContactedAt == null && c.ContactDueAt < now) || (c.OnsiteAt == null && c.OnsiteDueAt < now)),
            "breached" => query.Where(c => c.ContactBreachedAt != null || c.OnsiteBreachedAt != null),
            _ => query,
        };
        if (Clean(q.Q) is { } text)
        {
            query = query.Where(c => c.TicketNo == text || c.Place.Contains(text) || c.Accused.Contains(text));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id)
            .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToListAsync(ct);
        var items = rows.Select(c =>
        {
            var agency = agencies.Current.Find(c.AgencyId);
            return new ComplaintSummary(
                c.Id, c.TicketNo, c.Type, ComplaintType.NameZh(c.Type), c.Domain, ComplaintDomain.NameZh(c.Domain), c.Place, c.OccurredAt,
                ComplainantMask.Name(c.ComplainantName), ComplainantMask.Phone(c.ComplainantPhone), c.Accused, agency?.Code ?? string.Empty,
                agency?.Name ?? string.Empty, c.Status, ComplaintStatuses.NameZh(c.Status), c.ReceivedAt,
                Must(c.ContactDueAt, c.ContactedAt, now), Must(c.OnsiteDueAt, c.OnsiteAt, now), c.Version);
        }).ToList();
        return new Page<ComplaintSummary>(items, q.Page, q.PageSize, total);
    }

    public async Task<IReadOnlyList<WarningView>> WarningsAsync(CancellationToken ct)
    {
        var warnings = await db.Set<ComplaintWarning>().AsNoTracking().OrderByDescending(w => w.BreachedAt).Take(500).ToListAsync(ct);
        var ids = warnings.Select(w => w.ComplaintId).Distinct().ToList();
        var complaints = await db.Set<Complaint>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.TicketNo, c.Status }).ToDictionaryAsync(c => c.Id, ct);
        return warnings.Where(w => complaints.ContainsKey(w.ComplaintId)).Select(w =>
        {
            var c = complaints[w.ComplaintId];
            var agency = agencies.Current.Find(w.AgencyId);
            return new WarningView(w.Id, w.ComplaintId, c.TicketNo, w.Must, Domain.Complaints.Must.NameZh(w.Must), w.DueAt, w.BreachedAt,
                agency?.Code ?? string.Empty, agency?.Name ?? string.Empty, c.Status);
        }).ToList();
    }

    /// <summary>
    /// The accused officer's terminal positions and recordings within <see cref="TraceWindow"/> of the time of the event, for
    /// the command centre, administrators and the named reviewer; every look-up is an audit entry (a person's whereabouts
    /// are personal data, 个人信息保护法 art. 28).
    /// </summary>
    public async Task<Result<OfficerTraceView>> OfficerTraceAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Set<Complaint>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return ComplaintErrors.NotFound;
        }

        if (c.AccusedOfficerId is not { } officerId || c.AccusedOfficerAgencyId is not { } officerAgency)
        {
            return ComplaintErrors.NotAboutAnOfficer;
        }

        var isReviewer = c.ReviewerOfficerId is { } reviewer && actor.OfficerId == reviewer.ToString();
        if (!isReviewer && !ComplaintsPolicies.IntakeRoles.Any(actor.IsInRole))
        {
            return ComplaintErrors.TraceForbidden;
        }

        var (from, to) = (c.OccurredAt - TraceWindow, c.OccurredAt + TraceWindow);
        var points = await track.PositionsAsync(officerId, from, to, MaxTracePoints + 1, ct);
        var recorded = await clips.RecordedByAsync(officerId, from, to, MaxTraceClips + 1, ct);
        var truncated = points.Count > MaxTracePoints || recorded.Count > MaxTraceClips;
        audit.Record("complaints.officer_trace", "complaint", c.Id.ToString(), new
        {
            officer = officerId, c.AccusedOfficerNo, from, to, positions = Math.Min(points.Count, MaxTracePoints), clips = Math.Min(recorded.Count, MaxTraceClips),
        }, c.AgencyId);
        await db.SaveChangesAsync(ct);
        return new OfficerTraceView(
            c.Id, new OfficerRef(officerId, c.AccusedOfficerNo ?? string.Empty, c.AccusedOfficerName ?? string.Empty, agencies.Current.Find(officerAgency)?.Code ?? string.Empty),
            from, to,
            points.Take(MaxTracePoints).Select(p => new TracePosition(p.At, p.Lat, p.Lon, p.AccuracyM)).ToList(),
            recorded.Take(MaxTraceClips).Select(e => new TraceClip(
                e.EvidenceId, e.FileName, e.MediaType, e.RecordedFrom, e.RecordedTo, e.DurationSeconds, e.DeviceSerial, $"/evidence/{e.EvidenceId}")).ToList(),
            truncated);
    }

    /// <summary>改派: another agency takes the complaint before anyone phoned; the two musts start again from now.</summary>
    public async Task<Result<ComplaintView>> AssignAsync(Guid id, AssignRequest r, CancellationToken ct)
    {
        // The complainant's photos go with the complaint (staged here, saved with the reassignment or not at all), so that the new
        // agency can open them: an evidence item is seen only in its own agency's jurisdiction.
        if (r.AgencyCode is { } code && ResolveAgency(code.Trim()) is { } target
            && await db.Set<Complaint>().AsNoTracking().AnyAsync(c => c.Id == id && c.ContactedAt == null && c.AgencyId != target.Id, ct))
        {
            foreach (var attachment in await db.Set<ComplaintAttachment>().Where(a => a.ComplaintId == id).ToListAsync(ct))
            {
                if (await archive.TransferAsync(attachment.EvidenceId, target.Id, $"投诉改派至{target.Name}", ct) is { } held)
                {
                    (attachment.EvidenceId, attachment.AgencyId) = (held, target.Id);
                }
            }
        }

        return await ActAsync(id, r.Version, (c, now) => Reassign(c, r, now), ct);
    }

    private Result<object> Reassign(Complaint c, AssignRequest r, DateTimeOffset now)
    {
        if (c.ContactedAt is not null)
        {
            return ComplaintErrors.ReassignAfterContact;
        }

        var check = new Validator().Require("agencyCode", r.AgencyCode, "承办单位", "Responsible agency").MaxLength("note", r.Note, 500, "说明", "Note");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var agency = ResolveAgency(r.AgencyCode!.Trim());
        if (agency is null)
        {
            return ComplaintErrors.AgencyNotFound;
        }

        var from = agencies.Current.Find(c.AgencyId)?.Code;
        c.AgencyId = agency.Id;
        c.AssignedAt = now;
        (c.ContactDueAt, c.OnsiteDueAt) = sla.DueTimes(c.Type, now);
        (c.ContactBreachedAt, c.OnsiteBreachedAt) = (null, null);
        AddStep(c, ComplaintSteps.Assigned, now, now, note: Clean(r.Note) is { } note ? $"{agency.Name}：{note}" : agency.Name);
        return Done(new { from, to = agency.Code, r.Note, c.ContactDueAt, c.OnsiteDueAt });
    }

    /// <summary>核查人 of a complaint about an officer: never from that officer's own team (回避); changeable until the result.</summary>
    public async Task<Result<ComplaintView>> ReviewerAsync(Guid id, ReviewerRequest r, CancellationToken ct)
    {
        if (r.OfficerId is not { } officerId)
        {
            return Validator.Invalid("officerId", "required", "请选择核查人。", "officerId is required.");
        }

        var officer = await officers.FindAsync(officerId, ct);
        return await ActAsync(id, r.Version, (c, now) =>
        {
            if (c.AccusedOfficerAgencyId is not { } accusedTeam)
            {
                return ComplaintErrors.NotAboutAnOfficer;
            }

            if (c.Status is ComplaintStatuses.Handled or ComplaintStatuses.Replied or ComplaintStatuses.Visited)
            {
                return ComplaintErrors.ResultDone;
            }

            if (officer is null || !officer.Active)
            {
                return ComplaintErrors.ReviewerNotFound;
            }

            if (officer.AgencyId == accusedTeam)
            {
                return ComplaintErrors.ReviewerSameTeam;
            }

            (c.ReviewerOfficerId, c.ReviewerAgencyId, c.ReviewerOfficerNo, c.ReviewerName) = (officer.Id, officer.AgencyId, officer.OfficerNo, officer.Name);
            AddStep(c, ComplaintSteps.Reviewer, now, now, note: $"{officer.Name}（{officer.OfficerNo}）");
            return Done(new { officer = officer.Id, officer.OfficerNo, agency = agencies.Current.Find(officer.AgencyId)?.Code });
        }, ct);
    }

    /// <summary>第一个必须: the first phone contact with the complainant and the party.</summary>
    public Task<Result<ComplaintView>> ContactAsync(Guid id, ContactRequest r, CancellationToken ct) => ActAsync(id, r.Version, (c, now) =>
    {
        if (c.ContactedAt is not null)
        {
            return ComplaintErrors.AlreadyContacted;
        }

        var check = new Validator()
            .Require("note", r.Note, "通话情况", "Call note")
            .MaxLength("note", r.Note, 2000, "通话情况", "Call note")
            .MaxLength("callRecordRef", r.CallRecordRef, 200, "通话录音编号", "Call record reference");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var at = StoredTime.Of(r.At ?? now);
        if (CheckTime("at", at, c.AssignedAt, "交办时间", "the assignment", now) is { } bad)
        {
            return bad;
        }

        c.ContactedAt = at;
        c.Status = ComplaintStatuses.Contacted;
        if (at > c.ContactDueAt)
        {
            Breach(c, Domain.Complaints.Must.Contact, now);
        }

        AddStep(c, ComplaintSteps.Contact, at, now, note: r.Note!.Trim(), evidence: Clean(r.CallRecordRef));
        return Done(new { at, callRecordRef = Clean(r.CallRecordRef), onTime = at <= c.ContactDueAt });
    }, ct);

    /// <summary>第二个必须: presence on site, with where the officer stood and optionally the body-camera clip.</summary>
    public Task<Result<ComplaintView>> OnsiteAsync(Guid id, OnsiteRequest r, CancellationToken ct) => ActAsync(id, r.Version, (c, now) =>
    {
        if (c.OnsiteAt is not null)
        {
            return ComplaintErrors.AlreadyOnsite;
        }

        if (c.ContactedAt is null)
        {
            return ComplaintErrors.ContactFirst;
        }

        var check = new Validator()
            .Check(r.Lat is not null && r.Lon is not null, "lat", "required", "请提供到场位置（经纬度）。", "The position on site (lat, lon) is required.")
            .Check(r.Lat is null or (>= -90 and <= 90), "lat", "out_of_range", "纬度须在 -90 至 90 之间。", "Latitude must be within -90..90.")
            .Check(r.Lon is null or (>= -180 and <= 180), "lon", "out_of_range", "经度须在 -180 至 180 之间。", "Longitude must be within -180..180.")
            .MaxLength("evidenceId", r.EvidenceId, 200, "执法记录仪视频编号", "Body-camera evidence id")
            .MaxLength("note", r.Note, 2000, "现场情况", "Note");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var at = StoredTime.Of(r.At ?? now);
        if (CheckTime("at", at, c.ContactedAt.Value, "首次联系时间", "the first contact", now) is { } bad)
        {
            return bad;
        }

        c.OnsiteAt = at;
        c.Status = ComplaintStatuses.OnSite;
        if (at > c.OnsiteDueAt)
        {
            Breach(c, Domain.Complaints.Must.Onsite, now);
        }

        AddStep(c, ComplaintSteps.Onsite, at, now, note: Clean(r.Note), evidence: Clean(r.EvidenceId), lat: r.Lat, lon: r.Lon);
        return Done(new { at, r.Lat, r.Lon, evidenceId = Clean(r.EvidenceId), onTime = at <= c.OnsiteDueAt });
    }, ct);

    /// <summary>处理结果: after the visit on site, or again after a re-examination.</summary>
    public Task<Result<ComplaintView>> ResultAsync(Guid id, ResultRequest r, CancellationToken ct) => ActAsync(id, r.Version, (c, now) =>
    {
        if (c.Status is ComplaintStatuses.Assigned or ComplaintStatuses.Contacted)
        {
            return ComplaintErrors.OnsiteFirst;
        }

        if (c.Status is not (ComplaintStatuses.OnSite or ComplaintStatuses.Reexamining))
        {
            return ComplaintErrors.ResultDone;
        }

        if (c.AccusedOfficerAgencyId is not null && c.ReviewerOfficerId is null)
        {
            return ComplaintErrors.ReviewerRequired;
        }

        if (RequireNote(r.Note, "处理结果", "Handling result") is { } bad)
        {
            return bad;
        }

        var finding = Clean(r.Finding);
        if (ComplaintFinding.AppliesTo(c.Type) ? !ComplaintFinding.IsKnown(finding) : finding is not null)
        {
            return ComplaintErrors.FindingInvalid(c.Type);
        }

        c.Status = ComplaintStatuses.Handled;
        c.Finding = finding;
        c.FindingAt = finding is null ? null : now;
        AddStep(c, ComplaintSteps.Result, now, now, note: r.Note!.Trim(), finding: finding);
        return Done(new { result = r.Note.Trim(), finding });
    }, ct);

    /// <summary>答复投诉人.</summary>
    public Task<Result<ComplaintView>> ReplyAsync(Guid id, NoteRequest r, CancellationToken ct) => ActAsync(id, r.Version, (c, now) =>
    {
        if (c.Status != ComplaintStatuses.Handled)
        {
            return c.Status is ComplaintStatuses.Replied or ComplaintStatuses.Visited ? ComplaintErrors.ReplyDone : ComplaintErrors.ResultFirst;
        }

        if (RequireNote(r.Note, "答复内容", "Reply") is { } bad)
        {
            return bad;
        }

        c.Status = ComplaintStatuses.Replied;
        AddStep(c, ComplaintSteps.Reply, now, now, note: r.Note!.Trim());
        return Done(new { reply = r.Note.Trim() });
    }, ct);

    /// <summary>回访 with the complainant's satisfaction.</summary>
    public Task<Result<ComplaintView>> ReturnVisitAsync(Guid id, ReturnVisitRequest r, CancellationToken ct) => ActAsync(id, r.Version, (c, now) =>
    {
        if (c.Status != ComplaintStatuses.Replied)
        {
            return c.Status == ComplaintStatuses.Visited ? ComplaintErrors.VisitDone : ComplaintErrors.ReplyFirst;
        }

        var check = new Validator()
            .Require("satisfaction", r.Satisfaction, "满意度", "Satisfaction")
            .Check(r.Satisfaction is null || Satisfactions.All.Contains(r.Satisfaction), "satisfaction", "unknown",
                "满意度须为：满意、基本满意或不满意。", "Satisfaction must be 满意, 基本满意 or 不满意.")
            .MaxLength("note", r.Note, 2000, "回访情况", "Note");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        c.Status = ComplaintStatuses.Visited;
        c.Satisfaction = r.Satisfaction;
        AddStep(c, ComplaintSteps.ReturnVisit, now, now, note: Clean(r.Note), satisfaction: r.Satisfaction);
        return Done(new { r.Satisfaction, note = Clean(r.Note) });
    }, ct);

    /// <summary>复核: a dissatisfied complainant's complaint is reopened; a new result, reply and visit follow.</summary>
    public Task<Result<ComplaintView>> ReexamineAsync(Guid id, NoteRequest r, CancellationToken ct) => ActAsync(id, r.Version, (c, now) =>
    {
        if (c.Status != ComplaintStatuses.Visited || c.Satisfaction != Satisfactions.Dissatisfied)
        {
            return ComplaintErrors.NotDissatisfied;
        }

        if (RequireNote(r.Note, "复核理由", "Reason") is { } bad)
        {
            return bad;
        }

        c.Status = ComplaintStatuses.Reexamining;
        c.Reexaminations++;
        AddStep(c, ComplaintSteps.Reexamine, now, now, note: r.Note!.Trim());
        return Done(new { reason = r.Note.Trim(), c.Reexaminations });
    }, ct);

    /// <summary>Marks a must as breached once and writes its warning row (shared with the breach job).</summary>
    internal static void MarkBreach(VanguardDbContext db, Complaint c, string must, DateTimeOffset now)
    {
        var due = must == Domain.Complaints.Must.Contact ? c.ContactDueAt : c.OnsiteDueAt;
        if (must == Domain.Complaints.Must.Contact)
        {
            c.ContactBreachedAt ??= now;
        }
        else
        {
            c.OnsiteBreachedAt ??= now;
        }

        db.Add(new ComplaintWarning { Id = Guid.CreateVersion7(), ComplaintId = c.Id, AgencyId = c.AgencyId, Must = must, DueAt = due, BreachedAt = now });
    }

    private void Breach(Complaint c, string must, DateTimeOffset now)
    {
        var already = must == Domain.Complaints.Must.Contact ? c.ContactBreachedAt : c.OnsiteBreachedAt;
        if (already is null)
        {
            MarkBreach(db, c, must, now);
        }
    }

    private async Task<Result<ComplaintView>> ActAsync(
        Guid id, int? version, Func<Complaint, DateTimeOffset, Result<object>> step, CancellationToken ct)
    {
        var complaint = await db.Set<Complaint>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null)
        {
            return ComplaintErrors.NotFound;
        }

        if (version is { } v && v != complaint.Version)
        {
            return ComplaintErrors.VersionConflict;
        }

        var before = complaint.Status;
        var now = StoredTime.Of(clock.GetUtcNow());
        var applied = step(complaint, now);
        if (!applied.IsSuccess)
        {
            return applied.Error!;
        }

        complaint.Version++;
        var lastStep = db.ChangeTracker.Entries<ComplaintStep>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Kind).LastOrDefault();
        audit.Record($"complaints.{lastStep}", "complaint", complaint.Id.ToString(), new { from = before, to = complaint.Status, detail = applied.Value },
            complaint.AgencyId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ComplaintErrors.VersionConflict;
        }

        return await ViewAsync(complaint, ct);
    }

    private async Task<Result<(ComplaintView View, bool Created)>?> ExistingTicketAsync(string ticketNo, CancellationToken ct)
    {
        var found = await db.Set<Complaint>().IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(c => c.TicketNo == ticketNo, ct);
        if (found is null)
        {
            return null;
        }

        return jurisdiction.Covers(found.AgencyId) ? (await ViewAsync(found, ct), false) : ComplaintErrors.TicketElsewhere;
    }

    /// <summary>The agency named (explicitly or by the place), else the filer's own; it must be in the filer's jurisdiction.</summary>
    private AgencyInfo? ResolveAgency(string? code)
    {
        var agency = code is not null ? agencies.Current.FindByCode(code) : actor.AgencyId is { } own ? agencies.Current.Find(own) : null;
        return agency is not null && jurisdiction.Covers(agency.Id) ? agency : null;
    }

    private async Task<ComplaintView> ViewAsync(Complaint c, CancellationToken ct)
    {
        var now = StoredTime.Of(clock.GetUtcNow());
        // The steps follow the complaint: after a reassignment the new agency sees the steps recorded before it.
        var steps = await db.Set<ComplaintStep>().IgnoreQueryFilters().AsNoTracking().Where(s => s.ComplaintId == c.Id).ToListAsync(ct);
        var attachments = await db.Set<ComplaintAttachment>().IgnoreQueryFilters().AsNoTracking().Where(a => a.ComplaintId == c.Id).ToListAsync(ct);
        var agency = agencies.Current.Find(c.AgencyId);
        OfficerRef? Ref(Guid? officerId, Guid? agencyId, string? officerNo, string? name) =>
            officerId is { } oid && agencyId is { } aid
                ? new OfficerRef(oid, officerNo ?? string.Empty, name ?? string.Empty, agencies.Current.Find(aid)?.Code ?? string.Empty)
                : null;
        return new ComplaintView(
            c.Id, c.TicketNo, c.Source, c.Type, ComplaintType.NameZh(c.Type), c.Domain, ComplaintDomain.NameZh(c.Domain), c.Place, c.PlaceAgencyCode,
            c.Lat, c.Lon, c.OccurredAt, c.ComplainantName, c.ComplainantPhone, c.Accused, c.AccusedOfficerNo,
            Ref(c.AccusedOfficerId, c.AccusedOfficerAgencyId, c.AccusedOfficerNo, c.AccusedOfficerName),
            Ref(c.ReviewerOfficerId, c.ReviewerAgencyId, c.ReviewerOfficerNo, c.ReviewerName), c.Description, agency?.Code ?? string.Empty,
            agency?.Name ?? string.Empty, c.Status, ComplaintStatuses.NameZh(c.Status), c.ReceivedAt, c.AssignedAt,
            Must(c.ContactDueAt, c.ContactedAt, now), Must(c.OnsiteDueAt, c.OnsiteAt, now), c.Satisfaction, c.Finding,
            c.Finding is { } f ? ComplaintFinding.NameZh(f) : null, c.Reexaminations,
            steps.OrderBy(s => s.Seq)
                .Select(s => new StepView(s.Kind, s.At, s.RecordedAt, s.ByName, s.OfficerId, s.Note, s.EvidenceRef, s.Lat, s.Lon, s.Satisfaction, s.Finding,
                    s.Finding is { } sf ? ComplaintFinding.NameZh(sf) : null))
                .ToList(),
            attachments.OrderBy(a => a.AddedAt).ThenBy(a => a.Id)
                .Select(a => new AttachmentView(a.Id, a.FileName, a.MediaType, a.Length, a.Sha256, a.AddedAt, $"/api/v1/complaints/{c.Id}/attachments/{a.Id}"))
                .ToList(),
            c.Version);
    }

    /// <summary>A photo of a complaint, through the evidence archive (which records the viewing in its chain of custody).</summary>
    public async Task<ArchivedContent?> AttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        if (!await db.Set<Complaint>().AsNoTracking().AnyAsync(c => c.Id == id, ct))
        {
            return null;
        }

        var attachment = await db.Set<ComplaintAttachment>().IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == attachmentId && a.ComplaintId == id, ct);
        return attachment is null ? null : await archive.OpenAsync(attachment.EvidenceId, ct);
    }

    internal static MustView Must(DateTimeOffset due, DateTimeOffset? done, DateTimeOffset now)
    {
        var state = TwoMustsTable.State(due, done, now);
        var (code, name) = state switch
        {
            MustState.Pending => ("pending", "未到期"),
            MustState.OnTime => ("on_time", "按时"),
            MustState.Overdue => ("overdue", "已超时"),
            MustState.Late => ("late", "超时完成"),
            _ => throw new ArgumentOutOfRangeException(nameof(now)),
        };
        return new MustView(due, done, code, name);
    }

    private void AddStep(
        Complaint c, string kind, DateTimeOffset at, DateTimeOffset now, string? note = null, string? evidence = null, double? lat = null,
        double? lon = null, string? satisfaction = null, string? finding = null) =>
        db.Add(new ComplaintStep
        {
            Id = Guid.CreateVersion7(), ComplaintId = c.Id, AgencyId = c.AgencyId, Seq = c.StepCount++, Kind = kind, At = at, RecordedAt = now, ById = actor.Id,
            ByName = actor.Name, OfficerId = actor.OfficerId, Note = note, EvidenceRef = evidence, Lat = lat, Lon = lon, Satisfaction = satisfaction,
            Finding = finding,
        });

    private static Error? CheckTime(string field, DateTimeOffset at, DateTimeOffset notBefore, string whatZh, string whatEn, DateTimeOffset now) =>
        at > now + ClockAllowance ? ComplaintErrors.TimeInFuture(field)
        : at < notBefore ? ComplaintErrors.TimeBefore(field, whatZh, whatEn)
        : null;

    private static Error? RequireNote(string? note, string nameZh, string nameEn)
    {
        var check = new Validator().Require("note", note, nameZh, nameEn).MaxLength("note", note, 2000, nameZh, nameEn);
        return check.IsValid ? null : check.ToError();
    }

    private static bool IsPhone(string phone)
    {
        var p = phone.Trim();
        return p.Length is >= 5 and <= 20 && p.All(ch => char.IsAsciiDigit(ch) || ch is '+' or '-') && p.Count(char.IsAsciiDigit) >= 5;
    }

    private static Result<object> Done(object auditDetail) => Result<object>.Success(auditDetail);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
