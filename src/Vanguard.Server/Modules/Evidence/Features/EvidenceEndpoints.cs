using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Evidence.Jobs;
using Vanguard.Server.Modules.Evidence.Storage;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Evidence.Features;

internal static class EvidenceEndpoints
{
    public const int MaxExport = 100;

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void MapEvidenceEndpoints(this RouteGroupBuilder api)
    {
        var evidence = api.MapGroup("/evidence").WithTags("Evidence");
        evidence.MapGet("/", SearchAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Search: officerNo, from, to (recording overlaps), caseId, tag, sha256, category, q, includeDeleted; jurisdiction applies.");
        evidence.MapGet("/integrity", async (bool? open, int? page, int? pageSize, EvidenceHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.IntegrityFindingsAsync(open ?? false, PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(Policies.AuditReader)
            .WithSummary("Integrity findings: blobs that no longer match their SHA-256, or are missing (open=true: unresolved only).");
        evidence.MapPost("/jobs/{job}", RunJobAsync).RequireAuthorization(EvidencePolicies.Jobs)
            .WithSummary("Run the retention or the integrity job now (integrity re-hashes every blob).");
        evidence.MapGet("/export.zip", ExportAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("A zip of the files (?id=…&id=…) with manifest-sha256.txt (sha256sum -c) and manifest.json; each item records an export.");
        evidence.MapGet("/{id:guid}", async (Guid id, EvidenceHandler h, HttpContext http) => (await h.GetAsync(id, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("An item: metadata, sha256, media information, cases, retention.");
        evidence.MapGet("/{id:guid}/content", ContentAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("The file, with HTTP range requests (206) for players; ?download=true as an attachment. Recorded as view or download.");
        evidence.MapGet("/{id:guid}/thumbnail.jpg", ThumbnailAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("A 320-pixel JPEG frame (when ffmpeg is available).");
        evidence.MapPost("/{id:guid}/links", async (Guid id, LinkRequest request, EvidenceHandler h, HttpContext http) =>
                (await h.LinkAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(EvidencePolicies.Handle)
            .WithSummary("Link to a case (caseId or caseNumber) in your jurisdiction; adds a body-camera clip to the case file.");
        evidence.MapPost("/{id:guid}/retention", async (Guid id, RetentionRequest request, EvidenceHandler h, HttpContext http) =>
                (await h.ChangeRetentionAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(EvidencePolicies.Manage)
            .WithSummary("Change the retention class (standard|permanent) or set/release a legal hold; a reason is required.");
        evidence.MapDelete("/{id:guid}", async (Guid id, [FromBody] DeleteRequest request, EvidenceHandler h, HttpContext http) =>
                (await h.DeleteAsync(id, request, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(EvidencePolicies.Manage)
            .WithSummary("Delete an item whose retention period has ended (refused under legal hold, when linked to a case or permanent).");
        evidence.MapGet("/{id:guid}/custody", async (Guid id, EvidenceHandler h, HttpContext http) =>
                (await h.CustodyAsync(id, http.RequestAborted)).ToHttp(http))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The chain of custody: who did what with the item, when, from where.");
        evidence.MapGet("/{id:guid}/custody.pdf", CustodyPdfAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("The chain-of-custody report as PDF; its SHA-256 goes into the custody and the audit chain.");
    }

    private static async Task<Ok<Page<EvidenceSummary>>> SearchAsync(
        string? officerNo, DateTimeOffset? from, DateTimeOffset? to, Guid? caseId, string? tag, string? sha256, string? q, string? category,
        bool? includeDeleted, int? page, int? pageSize, EvidenceHandler h, CancellationToken ct) =>
        TypedResults.Ok(await h.SearchAsync(
            new EvidenceQuery(officerNo, from, to, caseId, tag, sha256, q, category, includeDeleted ?? false), PageRequest.From(page, pageSize), ct));

    private static async Task<IResult> ContentAsync(Guid id, bool? download, EvidenceHandler h, HttpContext http)
    {
        // A player asks for many ranges of one file; the access is recorded once, at the request that starts it.
        var range = http.Request.Headers.Range.ToString();
        var starts = string.IsNullOrEmpty(range) || range.Replace(" ", string.Empty, StringComparison.Ordinal).StartsWith("bytes=0-", StringComparison.Ordinal);
        var opened = await h.OpenContentAsync(id, download == true, starts, http.RequestAborted);
        if (!opened.IsSuccess)
        {
            return opened.Error!.ToProblem(http);
        }

        var (item, stream) = opened.Value;
        http.Response.Headers["Evidence-Sha256"] = item.Sha256;
        return TypedResults.Stream(
            stream, item.ContentType, download == true ? item.FileName : null, new DateTimeOffset(item.UploadedAt.UtcDateTime),
            new EntityTagHeaderValue($"\"{item.Sha256}\""), enableRangeProcessing: true);
    }

    private static async Task<IResult> ThumbnailAsync(Guid id, EvidenceHandler h, HttpContext http)
    {
        var bytes = await h.ThumbnailAsync(id, http.RequestAborted);
        return bytes is null
            ? Error.NotFound("evidence.no_thumbnail", "该证据没有缩略图。", "The item has no thumbnail.").ToProblem(http)
            : TypedResults.File(bytes, "image/jpeg");
    }

    private static async Task<IResult> CustodyPdfAsync(
        Guid id, EvidenceHandler h, CustodyReport report, CustodyLog custody, VanguardDbContext db, ICurrentActor actor, TimeProvider clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var detail = await h.GetAsync(id, ct);
        var entries = await h.CustodyAsync(id, ct);
        if (!detail.IsSuccess || !entries.IsSuccess)
        {
            return (detail.Error ?? entries.Error)!.ToProblem(http);
        }

        var pdf = report.Render(detail.Value, entries.Value, actor.Name, clock.GetUtcNow());
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var item = await db.Set<EvidenceItem>().SingleAsync(e => e.Id == id, ct);
        custody.Record(item, "report", $"保管链报告 SHA-256 {sha} / custody report SHA-256 {sha}");
        await db.SaveChangesAsync(ct);
        http.Response.Headers["Report-Sha256"] = sha;
        return TypedResults.File(pdf, "application/pdf", $"custody-{id:N}.pdf");
    }

    private static async Task<IResult> RunJobAsync(string job, EvidenceJobs jobs, HttpContext http)
    {
        if (job is not (EvidenceJobs.Retention or EvidenceJobs.Integrity))
        {
            return Error.NotFound("evidence.unknown_job", "没有该作业，可选 retention 或 integrity。", "No such job; use retention or integrity.").ToProblem(http);
        }

        return TypedResults.Ok(await jobs.RunAsync(job, http.RequestAborted));
    }

    /// <summary>Streams a zip: the files as stored, then the manifests with each file's SHA-256 as recorded and as read.</summary>
    private static async Task<IResult> ExportAsync(
        [FromQuery(Name = "id")] Guid[]? ids, VanguardDbContext db, IEvidenceStore store, CustodyLog custody, TimeProvider clock, ICurrentActor actor, HttpContext http)
    {
        var ct = http.RequestAborted;
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count is 0 or > MaxExport)
        {
            return Validator.Invalid("id", "count", $"请选择 1–{MaxExport} 项证据（?id=…&id=…）。", $"Choose 1–{MaxExport} items (?id=…&id=…).").ToProblem(http);
        }

        var items = await db.Set<EvidenceItem>().Where(e => wanted.Contains(e.Id) && e.DeletedAt == null).ToListAsync(ct);
        if (items.Count != wanted.Count)
        {
            return EvidenceHandler.NotFound.ToProblem(http);
        }

        var now = clock.GetUtcNow();
        foreach (var item in items)
        {
            custody.Record(item, "export", $"导出 {items.Count} 项证据（含哈希清单） / exported with a hash manifest, {items.Count} item(s)");
        }

        await db.SaveChangesAsync(ct);
        http.Response.ContentType = "application/zip";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"evidence-export-{now.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd-HHmmss}.zip\"";
        // ZipArchive writes each entry's small data descriptor synchronously even on its async path (.NET 10).
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }

        var manifest = new StringBuilder();
        var entries = new List<object>();
        await using (var zip = await ZipArchive.CreateAsync(http.Response.Body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, ct))
        {
            foreach (var item in items.OrderBy(i => i.RecordedFrom))
            {
                // The whole id: the leading digits of a version-7 id are its timestamp and repeat for items made close together.
                var name = $"files/{item.RecordedFrom.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd-HHmmss}_{item.OfficerNo}_{item.Id:N}{Path.GetExtension(item.FileName)}";
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                entry.LastWriteTime = item.RecordedFrom;
                string? actual;
                await using (var source = await store.OpenReadAsync(item.Sha256, ct))
                await using (var target = await entry.OpenAsync(ct))
                {
                    actual = source is null ? null : await CopyHashingAsync(source, target, ct);
                }

                manifest.Append(item.Sha256).Append("  ").Append(name).Append('\n');
                entries.Add(new
                {
                    file = name, id = item.Id, sha256 = item.Sha256, verifiedOnExport = actual == item.Sha256, length = item.Length, originalName = item.FileName,
                    officerNo = item.OfficerNo, officerName = item.OfficerName, deviceSerial = item.DeviceSerial, recordedFrom = item.RecordedFrom,
                    recordedTo = item.RecordedTo, uploadedAt = item.UploadedAt,
                });
            }

            await WriteTextAsync(zip, "manifest-sha256.txt", manifest.ToString(), ct);
            await WriteTextAsync(zip, "manifest.json", JsonSerializer.Serialize(
                new { exportedAt = now, exportedBy = actor.Name, algorithm = "SHA-256", items = entries },
                ManifestJson), ct);
        }

        return Results.Empty;
    }

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(ct);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
    }

    private static async Task<string> CopyHashingAsync(Stream source, Stream target, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
