using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Common;
using Vanguard.Domain.Performance;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Performance.Catalogue;
using Vanguard.Server.Modules.Performance.Contracts;
using Vanguard.Server.Modules.Performance.Data;
using Vanguard.Server.Modules.Performance.Scoring;

namespace Vanguard.Server.Modules.Performance.Objections;

public sealed record RaiseObjectionRequest(string? Month, string? AgencyCode, string? IndicatorCode, string? Reason, IReadOnlyList<Guid>? Attachments);

/// <param name="CorrectedDeduction">Upholding: the points the agency loses on the indicator after all (0 withdraws the deduction).</param>
public sealed record DecideObjectionRequest(decimal? CorrectedDeduction, string? Note, int? Version);

public sealed record ObjectionView(
    Guid Id, string Month, string AgencyCode, string AgencyName, string IndicatorCode, decimal Deducted, string Reason,
    IReadOnlyList<Guid> Attachments, string Status, DateTimeOffset RaisedAt, string RaisedBy, DateTimeOffset? DecidedAt, string? DecidedBy,
    string? DecisionNote, decimal? CorrectedDeduction, int? ResultRunNumber, int Version);

/// <summary>
/// 质疑: an agency objects to a deduction of the month's published run; the province rejects it with a reason, or upholds it with the
/// corrected deduction — which publishes a new version of the month (a copy of the current one with that one change, ranks
/// recomputed) whose reason logs the change.
/// </summary>
internal sealed class ObjectionHandler(
    VanguardDbContext db, IAuditLog audit, ICurrentActor actor, IJurisdiction jurisdiction, IAgencyDirectory agencies, TimeProvider clock,
    IEvidenceArchive evidence, ScoringHandler scoring)
{
    public const int MaxReasonLength = 2000;
    public const int MaxNoteLength = 1000;
    public const int MaxAttachments = 10;

    public async Task<Result<ObjectionView>> RaiseAsync(RaiseObjectionRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Require("reason", request.Reason, "质疑理由", "Reason")
            .MaxLength("reason", request.Reason?.Trim(), MaxReasonLength, "质疑理由", "Reason")
            .Require("indicatorCode", request.IndicatorCode, "指标编码", "Indicator code")
            .Check(ScoringMonth.Parse(request.Month) is not null, "month", "invalid", "月份格式应为 yyyy-MM，例如 2026-10。", "The month is yyyy-MM, e.g. 2026-10.")
            .Check((request.Attachments?.Count ?? 0) <= MaxAttachments, "attachments", "too_many",
                $"附件最多 {MaxAttachments} 个。", $"At most {MaxAttachments} attachments.");
        var agency = string.IsNullOrWhiteSpace(request.AgencyCode)
            ? actor.AgencyId is { } own ? agencies.Current.Find(own) : null
            : agencies.Current.FindByCode(request.AgencyCode.Trim());
        check.Check(agency is not null && jurisdiction.Covers(agency.Id), "agencyCode", "not_found",
            "提出质疑的单位不存在或不在您的管辖范围内。", "The objecting agency does not exist or is outside your jurisdiction.");
        foreach (var id in request.Attachments ?? [])
        {
            if (!await evidence.ExistsAsync(id, ct))
            {
                check.Add("attachments", "not_found", $"附件 {id} 不存在或不在您的管辖范围内。", $"Attachment {id} does not exist in your jurisdiction.");
            }
        }

        if (!check.IsValid)
        {
            return check.ToError();
        }

        var run = await db.Set<ScoringRun>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Month == request.Month && r.Status == RunStatuses.Published, ct);
        if (run is null)
        {
            return PerformanceErrors.NotPublishedRun;
        }

        var score = await db.Set<AgencyScore>().AsNoTracking().SingleOrDefaultAsync(s => s.RunId == run.Id && s.AgencyId == agency!.Id, ct);
        var result = score is null ? null
            : PerformanceJson.Read<List<IndicatorResult>>(score.ResultsJson).FirstOrDefault(r => r.Code == request.IndicatorCode!.Trim());
        if (result is null || result.Deducted <= 0m)
        {
            return PerformanceErrors.NothingToObject;
        }

        if (await db.Set<Objection>().AnyAsync(o => o.AgencyId == agency!.Id && o.Month == run.Month && o.IndicatorCode == result.Code
                && o.Status == ObjectionStatuses.Pending, ct))
        {
            return PerformanceErrors.ObjectionExists;
        }

        var objection = new Objection
        {
            Id = Guid.CreateVersion7(), AgencyId = agency!.Id, RunId = run.Id, Month = run.Month, IndicatorCode = result.Code,
            Reason = request.Reason!.Trim(), AttachmentsJson = request.Attachments is { Count: > 0 } a ? PerformanceJson.Write(a.Distinct().ToList()) : null,
            Status = ObjectionStatuses.Pending, RaisedAt = clock.GetUtcNow(), RaisedBy = actor.Name, Version = 1,
        };
        db.Add(objection);
        audit.Record("performance.objection_raised", "performance_objection", objection.Id.ToString(),
            new { objection.Month, run = run.Number, objection.IndicatorCode, result.Deducted, objection.Reason, request.Attachments }, agency.Id);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(objection, ct);
    }

    public async Task<IReadOnlyList<ObjectionView>> ListAsync(string? status, CancellationToken ct)
    {
        var query = db.Set<Objection>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(o => o.Status == status);
        }

        var list = await query.OrderByDescending(o => o.RaisedAt).Take(500).ToListAsync(ct);
        // A third-party evaluator sees what was objected to and how it was decided, not who or with which evidence items.
        var evaluatorOnly = Sample.RecordPseudonyms.AppliesTo(actor);
        var views = new List<ObjectionView>();
        foreach (var o in list)
        {
            var view = await ViewAsync(o, ct);
            views.Add(evaluatorOnly ? view with { Attachments = [], RaisedBy = "—", DecidedBy = view.DecidedBy is null ? null : "—" } : view);
        }

        return views;
    }

    public async Task<Result<ObjectionView>> RejectAsync(Guid id, DecideObjectionRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Require("note", request.Note, "驳回理由", "Reason for rejecting")
            .MaxLength("note", request.Note?.Trim(), MaxNoteLength, "驳回理由", "Reason for rejecting");
        var (objection, error) = await PendingAsync(id, request, check, ct);
        if (error is not null)
        {
            return error;
        }

        objection!.Status = ObjectionStatuses.Rejected;
        objection.DecidedAt = clock.GetUtcNow();
        objection.DecidedBy = actor.Name;
        objection.DecisionNote = request.Note!.Trim();
        objection.Version++;
        audit.Record("performance.objection_rejected", "performance_objection", id.ToString(), new { objection.DecisionNote }, objection.AgencyId);
        return await TrySaveAsync(ct) ? await ViewAsync(objection, ct) : PerformanceErrors.ConcurrentUpdate;
    }

    public async Task<Result<ObjectionView>> UpholdAsync(Guid id, DecideObjectionRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .MaxLength("note", request.Note?.Trim(), MaxNoteLength, "处理意见", "Note")
            .Check(request.CorrectedDeduction is { } c && c >= 0m && decimal.Round(c, 2) == c, "correctedDeduction", "invalid",
                "请填写更正后的扣分（不小于 0，最多两位小数；0 表示撤销该项扣分）。",
                "Give the corrected deduction (≥ 0, at most two decimals; 0 withdraws it).");
        var (objection, error) = await PendingAsync(id, request, check, ct);
        if (error is not null)
        {
            return error;
        }

        var current = await db.Set<ScoringRun>().SingleOrDefaultAsync(r => r.Month == objection!.Month && r.Status == RunStatuses.Published, ct);
        if (current is null)
        {
            return PerformanceErrors.NotPublishedRun;
        }

        var rows = await db.Set<AgencyScore>().AsNoTracking().Where(s => s.RunId == current.Id).ToListAsync(ct);
        // The current version may be a recomputation with another catalogue: the agency or the indicator may be gone from it.
        var target = rows.SingleOrDefault(r => r.AgencyId == objection!.AgencyId);
        var results = target is null ? [] : PerformanceJson.Read<List<IndicatorResult>>(target.ResultsJson);
        var index = results.FindIndex(r => r.Code == objection!.IndicatorCode);
        if (index < 0)
        {
            return PerformanceErrors.NothingToObject;
        }

        var before = results[index].Deducted;
        var corrected = request.CorrectedDeduction!.Value;
        if (corrected >= before)
        {
            return Validator.Invalid("correctedDeduction", "not_lower", $"质疑成立时，更正后的扣分须低于原扣分 {before} 分。",
                $"Upholding lowers the deduction below the original {before} points.");
        }

        results[index] = results[index] with { Deducted = corrected };
        var agency = agencies.Current.Find(objection!.AgencyId);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var number = await db.Set<ScoringRun>().Where(r => r.Month == current.Month).MaxAsync(r => r.Number, ct) + 1;
        var run = new ScoringRun
        {
            Id = Guid.CreateVersion7(), Month = current.Month, Number = number, CatalogueNumber = current.CatalogueNumber, Status = RunStatuses.Computed,
            Reason = $"质疑成立：{agency?.Name ?? objection.AgencyId.ToString()}“{objection.IndicatorCode}”扣分由 {before} 分更正为 {corrected} 分" +
                $"（在第 {current.Number} 版基础上）{(note is null ? "" : "：" + note)}",
            ObjectionId = objection.Id, ComputedAt = clock.GetUtcNow(), ComputedBy = actor.Name, Version = 1,
        };
        db.Add(run);
        var copies = rows.Select(r => new AgencyScore
        {
            RunId = run.Id, AgencyId = r.AgencyId,
            Score = r.AgencyId == objection.AgencyId ? results.Sum(x => x.Points) : r.Score,
            ResultsJson = r.AgencyId == objection.AgencyId ? PerformanceJson.Write(results) : r.ResultsJson,
        }).ToList();
        ScoringHandler.AssignRanks(copies, agencies.Current);
        db.AddRange(copies);
        scoring.Publish(run);

        objection.Status = ObjectionStatuses.Upheld;
        objection.DecidedAt = clock.GetUtcNow();
        objection.DecidedBy = actor.Name;
        objection.DecisionNote = note;
        objection.CorrectedDeduction = corrected;
        objection.ResultRunId = run.Id;
        objection.Version++;
        audit.Record("performance.objection_upheld", "performance_objection", id.ToString(),
            new { objection.Month, objection.IndicatorCode, before, corrected, fromRun = current.Number, toRun = run.Number, note }, objection.AgencyId);
        audit.Record("performance.run_published", "performance_run", $"{run.Month}#{run.Number}", new { run.Month, run.Number, run.Reason });
        return await TrySaveAsync(ct) ? await ViewAsync(objection, ct) : PerformanceErrors.ConcurrentUpdate;
    }

    private async Task<(Objection? Objection, Error? Error)> PendingAsync(Guid id, DecideObjectionRequest request, Validator check, CancellationToken ct)
    {
        check.Check(request.Version is not null, "version", "required", "请提供版本号（version）。", "version is required.");
        if (!check.IsValid)
        {
            return (null, check.ToError());
        }

        var objection = await db.Set<Objection>().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (objection is null)
        {
            return (null, PerformanceErrors.ObjectionNotFound);
        }

        if (objection.Status != ObjectionStatuses.Pending)
        {
            return (null, PerformanceErrors.ObjectionDecided);
        }

        return objection.Version != request.Version ? (null, PerformanceErrors.ConcurrentUpdate) : (objection, null);
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private async Task<ObjectionView> ViewAsync(Objection o, CancellationToken ct)
    {
        var agency = agencies.Current.Find(o.AgencyId);
        var original = await db.Set<AgencyScore>().AsNoTracking().Where(s => s.RunId == o.RunId && s.AgencyId == o.AgencyId)
            .Select(s => s.ResultsJson).SingleOrDefaultAsync(ct);
        var deducted = original is null ? 0m
            : PerformanceJson.Read<List<IndicatorResult>>(original).FirstOrDefault(r => r.Code == o.IndicatorCode)?.Deducted ?? 0m;
        int? resultNumber = o.ResultRunId is { } runId
            ? await db.Set<ScoringRun>().AsNoTracking().Where(r => r.Id == runId).Select(r => (int?)r.Number).SingleOrDefaultAsync(ct)
            : null;
        return new ObjectionView(
            o.Id, o.Month, agency?.Code ?? "", agency?.Name ?? "", o.IndicatorCode, deducted, o.Reason,
            o.AttachmentsJson is null ? [] : PerformanceJson.Read<List<Guid>>(o.AttachmentsJson), o.Status, o.RaisedAt, o.RaisedBy, o.DecidedAt,
            o.DecidedBy, o.DecisionNote, o.CorrectedDeduction, resultNumber, o.Version);
    }
}
