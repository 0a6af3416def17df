using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Common;
using Vanguard.Domain.Evidence;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Evidence.Data;
using Vanguard.Server.Modules.Evidence.Features;
using Vanguard.Server.Modules.Evidence.Media;
using Vanguard.Server.Modules.Evidence.Storage;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Evidence.Tus;

/// <summary>
/// The tus 1.0.0 server (core, creation, checksum, termination, expiration) at <c>/api/v1/evidence/uploads</c>.
/// Bytes stream from the request to the part file through two pooled buffers (one being received while the other is
/// hashed and written), so memory stays flat whatever the chunk size. When the last byte arrives the whole file's SHA-256
/// is compared with the declared one: a match becomes a content-addressed blob and an evidence item, a mismatch is
/// thrown away and never becomes evidence.
/// </summary>
internal sealed partial class TusUploadHandler(
    VanguardDbContext db,
    ICurrentActor actor,
    IAuditLog audit,
    TimeProvider clock,
    UploadStaging staging,
    BlobLocks blobs,
    IEvidenceStore store,
    CustodyLog custody,
    MediaQueue media,
    IOptions<EvidenceOptions> options,
    ILogger<TusUploadHandler> logger)
{
    private const int BufferSize = 1 << 20;
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan OffsetSaveInterval = TimeSpan.FromSeconds(5);

    private static readonly Error WrongVersion = new(
        "evidence.tus_version", "不支持该 tus 协议版本，请使用 1.0.0。", "Unsupported tus version; use 1.0.0.", ErrorKind.Validation);

    private static readonly Error UploadNotFound = Error.NotFound("evidence.upload_not_found", "上传任务不存在。", "No such upload.");

    private static readonly Error UploadGone = new(
        "evidence.upload_gone", "上传任务已终止、已过期或已被拒收。", "The upload was terminated, expired or rejected.", ErrorKind.NotFound);

    private static readonly Error NotYours = Error.Forbidden(
        "evidence.upload_not_yours", "该上传任务由其他设备或人员创建。", "The upload was created by another device or person.");

    public static readonly Error HashMismatch = new(
        "evidence.hash_mismatch",
        "文件的 SHA-256 与声明的不一致，已拒收，未作为证据保存。",
        "The file's SHA-256 does not match the declared one; it was rejected and not kept as evidence.");

    private EvidenceOptions Options => options.Value;

    public IResult Describe(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers[TusProtocol.TusVersion] = TusProtocol.Version;
        headers[TusProtocol.TusExtension] = TusProtocol.Extensions;
        headers[TusProtocol.TusMaxSize] = Options.MaxUploadBytes.ToString(CultureInfo.InvariantCulture);
        headers[TusProtocol.TusChecksumAlgorithm] = TusProtocol.ChecksumAlgorithms;
        return Results.NoContent();
    }

    public async Task<IResult> CreateAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        if (WrongTusVersion(http) is { } wrong)
        {
            return wrong;
        }

        var headers = http.Request.Headers;
        if (headers.ContainsKey(TusProtocol.UploadConcat) || (headers.ContainsKey(TusProtocol.UploadDeferLength) && !headers.ContainsKey(TusProtocol.UploadLength)))
        {
            return Problem(http, new Error("evidence.tus_extension", "不支持 Upload-Defer-Length 与 Upload-Concat。",
                "Upload-Defer-Length and Upload-Concat are not supported.", ErrorKind.Validation));
        }

        if (!TusProtocol.TryParseLength(headers[TusProtocol.UploadLength], out var length) || length == 0)
        {
            return Problem(http, Validator.Invalid("Upload-Length", "required", "须提供文件长度 Upload-Length（正整数）。",
                "Upload-Length (a positive integer) is required."));
        }

        if (length > Options.MaxUploadBytes)
        {
            return Problem(http, new Error("evidence.too_large", $"文件超过上限 {Options.MaxUploadBytes} 字节。",
                $"The file exceeds the limit of {Options.MaxUploadBytes} bytes.", ErrorKind.Validation), StatusCodes.Status413PayloadTooLarge);
        }

        if (http.Request.ContentLength > 0)
        {
            return Problem(http, new Error("evidence.tus_extension", "创建上传时不能携带数据（不支持 creation-with-upload），请用 PATCH 发送。",
                "Creation with upload is not supported; send the data with PATCH.", ErrorKind.Validation));
        }

        var raw = headers[TusProtocol.UploadMetadata].ToString();
        var metadata = TusProtocol.ParseMetadata(raw);
        if (metadata is null)
        {
            return Problem(http, Validator.Invalid("Upload-Metadata", "malformed", "Upload-Metadata 格式有误（键 空格 Base64 值，以逗号分隔）。",
                "Upload-Metadata is malformed (key, space, base64 value, comma-separated)."));
        }

        var parsed = await ValidateAsync(metadata, ct);
        if (!parsed.IsSuccess)
        {
            return Problem(http, parsed.Error!);
        }

        var m = parsed.Value;
        var now = clock.GetUtcNow();
        var upload = new EvidenceUpload
        {
            Id = Guid.CreateVersion7(),
            AgencyId = m.AgencyId,
            CreatedByKind = ActorKindName,
            CreatedById = actor.Id,
            CreatedByName = actor.Name,
            Length = length,
            RawMetadata = raw,
            Sha256 = m.Sha256,
            FileName = m.FileName,
            ContentType = m.ContentType,
            OfficerId = m.OfficerId,
            DeviceSerial = m.DeviceSerial,
            RecordedFrom = m.RecordedFrom,
            RecordedTo = m.RecordedTo,
            Category = m.Category,
            Tags = m.Tags.Count == 0 ? null : string.Join(',', m.Tags),
            GpsTrackJson = m.GpsTrackJson,
            Status = UploadStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now.AddHours(Options.UploadExpiryHours),
        };
        await using (File.Create(staging.PathOf(upload.Id)))
        {
        }

        db.Add(upload);
        await db.SaveChangesAsync(ct);
        http.Response.Headers[TusProtocol.UploadExpires] = TusProtocol.HttpDate(upload.ExpiresAt);
        http.Response.Headers.Location = $"{TusHttpMiddleware.UploadsPath}/{upload.Id:N}";
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    public async Task<IResult> HeadAsync(Guid id, HttpContext http)
    {
        if (WrongTusVersion(http) is { } wrong)
        {
            return wrong;
        }

        var (upload, error) = await FindOwnAsync(id, http.RequestAborted);
        if (upload is null)
        {
            return Results.StatusCode(error!.StatusCode);
        }

        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers[TusProtocol.UploadLength] = upload.Length.ToString(CultureInfo.InvariantCulture);
        if (upload.RawMetadata.Length > 0)
        {
            headers[TusProtocol.UploadMetadata] = upload.RawMetadata;
        }

        if (upload.Status == UploadStatus.Completed)
        {
            headers[TusProtocol.UploadOffset] = upload.Length.ToString(CultureInfo.InvariantCulture);
            headers[TusProtocol.EvidenceId] = upload.EvidenceId?.ToString();
            return Results.Ok();
        }

        var offset = staging.LengthOnDisk(upload.Id);
        headers[TusProtocol.UploadOffset] = offset.ToString(CultureInfo.InvariantCulture);
        headers[TusProtocol.UploadExpires] = TusProtocol.HttpDate(upload.ExpiresAt);
        return Results.Ok();
    }

    public async Task<IResult> PatchAsync(Guid id, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (WrongTusVersion(http) is { } wrong)
        {
            return wrong;
        }

        if (!string.Equals(http.Request.ContentType?.Split(';')[0].Trim(), TusProtocol.OffsetOctetStream, StringComparison.OrdinalIgnoreCase))
        {
            return Problem(http, new Error("evidence.content_type", $"PATCH 的 Content-Type 须为 {TusProtocol.OffsetOctetStream}。",
                $"PATCH needs Content-Type {TusProtocol.OffsetOctetStream}.", ErrorKind.Validation), StatusCodes.Status415UnsupportedMediaType);
        }

        if (!TusProtocol.TryParseLength(http.Request.Headers[TusProtocol.UploadOffset], out var clientOffset))
        {
            return Problem(http, Validator.Invalid("Upload-Offset", "required", "须提供 Upload-Offset。", "Upload-Offset is required."));
        }

        IncrementalHash? chunkHash = null;
        byte[]? chunkDigest = null;
        if (http.Request.Headers[TusProtocol.UploadChecksum].ToString() is { Length: > 0 } checksumHeader)
        {
            var checksum = TusProtocol.ParseChecksum(checksumHeader);
            var algorithm = checksum?.Algorithm switch
            {
                "sha1" => HashAlgorithmName.SHA1,
                "sha256" => HashAlgorithmName.SHA256,
                _ => (HashAlgorithmName?)null,
            };
            if (checksum is null || algorithm is null)
            {
                return Problem(http, Validator.Invalid("Upload-Checksum", "unsupported", $"Upload-Checksum 须为“算法 Base64摘要”，算法支持 {TusProtocol.ChecksumAlgorithms}。",
                    $"Upload-Checksum must be 'algorithm base64-digest' with one of {TusProtocol.ChecksumAlgorithms}."));
            }

            chunkHash = IncrementalHash.CreateHash(algorithm.Value);
            chunkDigest = checksum.Value.Digest;
        }

        using (chunkHash)
        {
            using var held = await staging.TryLockAsync(id, LockWait, ct);
            if (held is null)
            {
                return Problem(http, new Error("evidence.upload_locked", "该上传任务正在接收另一个请求的数据，请稍后重试。",
                    "Another request is writing to this upload; retry shortly.", ErrorKind.Conflict), StatusCodes.Status423Locked);
            }

            var (upload, error) = await FindOwnAsync(id, ct, tracked: true);
            if (upload is null)
            {
                return Problem(http, error!.Error, error.StatusCode);
            }

            if (upload.Status == UploadStatus.Completed)
            {
                if (clientOffset != upload.Length)
                {
                    return OffsetMismatch(http, upload.Length);
                }

                http.Response.Headers[TusProtocol.UploadOffset] = upload.Length.ToString(CultureInfo.InvariantCulture);
                http.Response.Headers[TusProtocol.EvidenceId] = upload.EvidenceId?.ToString();
                return Results.NoContent();
            }

            // The part file is the offset: every byte in it was received (a rejected chunk is cut off again), and after a crash
            // it holds what reached the disk. The database copy is refreshed now and then, not on every PATCH (see below).
            var start = staging.LengthOnDisk(upload.Id);
            if (clientOffset != start)
            {
                return OffsetMismatch(http, start);
            }

            var remaining = upload.Length - start;
            if (http.Request.ContentLength > remaining)
            {
                return Problem(http, Overflow(remaining), StatusCodes.Status413PayloadTooLarge);
            }

            var hash = await staging.HashAtAsync(upload.Id, start, ct);
            Received received;
            await using (var file = new FileStream(staging.PathOf(upload.Id), FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 0, FileOptions.Asynchronous))
            {
                if (file.Length != start)
                {
                    file.SetLength(start);
                }

                received = await ReceiveAsync(http.Request.Body, file, start, remaining, hash, chunkHash, ct);
                var rejectChunk = received.Overflow
                    || (chunkHash is not null && (received.Interrupted || !chunkHash.GetHashAndReset().AsSpan().SequenceEqual(chunkDigest)));
                if (rejectChunk)
                {
                    // The running hash has seen bytes that are now dropped: it is rebuilt from the file on the next PATCH.
                    file.SetLength(start);
                    hash.Dispose();
                    staging.Forget(upload.Id, deleteFile: false);
                    if (received.Overflow)
                    {
                        return Problem(http, Overflow(remaining), StatusCodes.Status413PayloadTooLarge);
                    }

                    return Problem(http, new Error("evidence.checksum_mismatch", "数据块校验和（Upload-Checksum）不符，该块未被接收，请重发。",
                        "The chunk does not match its Upload-Checksum; it was not accepted, send it again.", ErrorKind.Validation), TusProtocol.ChecksumMismatch);
                }

                if (start + received.Bytes == upload.Length)
                {
                    file.Flush(flushToDisk: true);
                }
            }

            var now = clock.GetUtcNow();
            var end = start + received.Bytes;
            if (end == upload.Length)
            {
                upload.Offset = end;
                upload.UpdatedAt = now;
                return await FinishAsync(http, upload, hash, received.Interrupted ? CancellationToken.None : ct);
            }

            staging.Keep(upload.Id, hash, end);
            // A database commit syncs its journal, and on ext4 that flushes the part file's dirty pages too: committing
            // after every 8 MiB chunk halves throughput. The offset and expiry are saved every few seconds instead.
            if (now - upload.UpdatedAt >= OffsetSaveInterval || received.Interrupted)
            {
                upload.Offset = end;
                upload.UpdatedAt = now;
                upload.ExpiresAt = now.AddHours(Options.UploadExpiryHours);
                await db.SaveChangesAsync(received.Interrupted ? CancellationToken.None : ct);
            }

            upload.Offset = end;
            if (received.Interrupted)
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Upload {UploadId} interrupted at offset {Offset} of {Length}", upload.Id, upload.Offset, upload.Length);
                }
                return Results.Empty;
            }

            http.Response.Headers[TusProtocol.UploadOffset] = upload.Offset.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers[TusProtocol.UploadExpires] = TusProtocol.HttpDate(upload.ExpiresAt);
            return Results.NoContent();
        }
    }

    public async Task<IResult> TerminateAsync(Guid id, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (WrongTusVersion(http) is { } wrong)
        {
            return wrong;
        }

        using var held = await staging.TryLockAsync(id, LockWait, ct);
        if (held is null)
        {
            return Problem(http, new Error("evidence.upload_locked", "该上传任务正在接收数据，请稍后重试。", "The upload is busy; retry shortly.", ErrorKind.Conflict),
                StatusCodes.Status423Locked);
        }

        var (upload, error) = await FindOwnAsync(id, ct, tracked: true);
        if (upload is null)
        {
            return Problem(http, error!.Error, error.StatusCode);
        }

        // Terminating a finished upload forgets the upload resource only: the evidence it became is not touched.
        staging.Forget(upload.Id, deleteFile: upload.Status == UploadStatus.Active);
        upload.Status = UploadStatus.Terminated;
        upload.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Results.NoContent();
    }

    private string ActorKindName => actor.Kind.ToString().ToLowerInvariant();

    /// <summary>Verifies the whole file and turns it into evidence, or rejects it.</summary>
    private async Task<IResult> FinishAsync(HttpContext http, EvidenceUpload upload, IncrementalHash hash, CancellationToken ct)
    {
        string actual;
        using (hash)
        {
            actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        staging.Forget(upload.Id, deleteFile: false);
        var part = staging.PathOf(upload.Id);
        if (actual != upload.Sha256)
        {
            File.Delete(part);
            upload.Status = UploadStatus.Rejected;
            audit.Record("evidence.upload_rejected", "evidence-upload", upload.Id.ToString(),
                new { declared = upload.Sha256, actual, upload.Length, upload.FileName }, upload.AgencyId);
            await db.SaveChangesAsync(ct);
            if (logger.IsEnabled(LogLevel.Warning))
            {
                logger.LogWarning("Upload {UploadId} rejected: SHA-256 {Actual} does not match the declared {Declared}", upload.Id, actual, upload.Sha256);
            }
            return Problem(http, HashMismatch);
        }

        EvidenceItem item;
        var created = false;
        using (await blobs.LockAsync(actual, ct))
        {
            await store.PutFileAsync(actual, part, ct);
            var existing = await db.Set<EvidenceItem>().IgnoreQueryFilters()
                .SingleOrDefaultAsync(e => e.AgencyId == upload.AgencyId && e.Sha256 == actual && e.DeletedAt == null, ct);
            if (existing is not null)
            {
                item = existing;
                custody.Record(item, "upload", $"再次上传相同内容（上传任务 {upload.Id:N}） / same content uploaded again (upload {upload.Id:N})");
            }
            else
            {
                item = await NewItemAsync(upload, actual, ct);
                db.Add(item);
                foreach (var tag in (upload.Tags ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    db.Add(new EvidenceTag { EvidenceId = item.Id, Tag = tag });
                }

                custody.Record(item, "upload", $"上传任务 {upload.Id:N}，{upload.Length} 字节，记录仪 {upload.DeviceSerial} / upload {upload.Id:N}, {upload.Length} bytes, recorder {upload.DeviceSerial}");
                created = true;
            }

            upload.Status = UploadStatus.Completed;
            upload.EvidenceId = item.Id;
            await db.SaveChangesAsync(ct);
        }

        if (created)
        {
            media.Enqueue(item.Id);
        }

        http.Response.Headers[TusProtocol.UploadOffset] = upload.Length.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers[TusProtocol.EvidenceId] = item.Id.ToString();
        return Results.NoContent();
    }

    private async Task<EvidenceItem> NewItemAsync(EvidenceUpload upload, string sha256, CancellationToken ct)
    {
        var officer = await db.Officers.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Id == upload.OfficerId).Select(o => new { o.OfficerNo, o.Name }).SingleAsync(ct);
        var deviceId = await db.Devices.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.AgencyId == upload.AgencyId || d.SerialNumber == upload.DeviceSerial)
            .Where(d => d.SerialNumber == upload.DeviceSerial || d.Code == upload.DeviceSerial)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var retention = EvidenceRetention.DefaultClass(upload.Category);
        return new EvidenceItem
        {
            Id = Guid.CreateVersion7(),
            AgencyId = upload.AgencyId,
            Sha256 = sha256,
            Length = upload.Length,
            FileName = upload.FileName,
            ContentType = upload.ContentType,
            OfficerId = upload.OfficerId,
            OfficerNo = officer.OfficerNo,
            OfficerName = officer.Name,
            DeviceSerial = upload.DeviceSerial,
            DeviceId = deviceId,
            UploadedByKind = upload.CreatedByKind,
            UploadedById = upload.CreatedById,
            UploadedByName = upload.CreatedByName,
            RecordedFrom = upload.RecordedFrom,
            RecordedTo = upload.RecordedTo,
            UploadedAt = now,
            GpsTrackJson = upload.GpsTrackJson,
            Category = upload.Category,
            RetentionClass = retention,
            RetainUntil = EvidenceRetention.DueAt(retention, upload.RecordedTo, now, Options.RetentionMonths),
            MediaStatus = Data.MediaStatus.Pending,
            LastVerifiedAt = now,
        };
    }

    private sealed record Received(long Bytes, bool Interrupted, bool Overflow);

    /// <summary>
    /// Copies the body to the file at <paramref name="start"/> while hashing it. Two buffers: while one is being hashed
    /// and written (on the thread pool), the next is filled from the network. A dropped connection ends the copy with
    /// what arrived so far.
    /// </summary>
    private static async Task<Received> ReceiveAsync(
        Stream body, FileStream file, long start, long remaining, IncrementalHash hash, IncrementalHash? chunk, CancellationToken ct)
    {
        var current = ArrayPool<byte>.Shared.Rent(BufferSize);
        var other = ArrayPool<byte>.Shared.Rent(BufferSize);
        var pending = Task.CompletedTask;
        long accepted = 0;
        try
        {
            while (true)
            {
                var (count, interrupted) = await FillAsync(body, current, ct);
                await pending;
                if (accepted + count > remaining)
                {
                    return new Received(accepted, false, Overflow: true);
                }

                if (count > 0)
                {
                    var buffer = current;
                    var at = start + accepted;
                    pending = Task.Run(
                        async () =>
                        {
                            var write = RandomAccess.WriteAsync(file.SafeFileHandle, buffer.AsMemory(0, count), at, CancellationToken.None);
                            hash.AppendData(buffer, 0, count);
                            chunk?.AppendData(buffer, 0, count);
                            await write;
                        },
                        CancellationToken.None);
                    accepted += count;
                    (current, other) = (other, current);
                }

                if (interrupted || count < BufferSize)
                {
                    await pending;
                    return new Received(accepted, interrupted, Overflow: false);
                }
            }
        }
        finally
        {
            try
            {
                await pending;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(current);
                ArrayPool<byte>.Shared.Return(other);
            }
        }
    }

    /// <summary>Reads until the buffer is full or the body ends; a broken connection ends it early (interrupted).</summary>
    private static async Task<(int Count, bool Interrupted)> FillAsync(Stream body, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        try
        {
            while (filled < BufferSize)
            {
                var read = await body.ReadAsync(buffer.AsMemory(filled, BufferSize - filled), ct);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            return (filled, true);
        }

        return (filled, false);
    }

    private sealed record Failure(Error Error, int StatusCode);

    private async Task<(EvidenceUpload? Upload, Failure? Error)> FindOwnAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var query = db.Set<EvidenceUpload>().AsQueryable();
        if (!tracked)
        {
            query = query.AsNoTracking();
        }

        var upload = await query.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (upload is null)
        {
            return (null, new Failure(UploadNotFound, StatusCodes.Status404NotFound));
        }

        if (upload.CreatedByKind != ActorKindName || upload.CreatedById != actor.Id)
        {
            return (null, new Failure(NotYours, StatusCodes.Status403Forbidden));
        }

        if (upload.Status is UploadStatus.Terminated or UploadStatus.Rejected)
        {
            return (null, new Failure(UploadGone, StatusCodes.Status410Gone));
        }

        if (upload.Status == UploadStatus.Active && upload.ExpiresAt <= clock.GetUtcNow())
        {
            return (null, new Failure(UploadGone, StatusCodes.Status410Gone));
        }

        return (upload, null);
    }

    private static IResult? WrongTusVersion(HttpContext http)
    {
        if (http.Request.Headers[TusProtocol.TusResumable].ToString() == TusProtocol.Version)
        {
            return null;
        }

        http.Response.Headers[TusProtocol.TusVersion] = TusProtocol.Version;
        return Problem(http, WrongVersion, StatusCodes.Status412PreconditionFailed);
    }

    private static IResult OffsetMismatch(HttpContext http, long offset) =>
        Problem(http, Error.Conflict("evidence.offset_mismatch", $"Upload-Offset 与服务器已接收的字节数（{offset}）不一致，请先用 HEAD 查询。",
            $"Upload-Offset does not match the {offset} bytes received; ask with HEAD first."));

    private static Error Overflow(long remaining) => new(
        "evidence.upload_overflow", $"数据超出了声明的文件长度（还剩 {remaining} 字节）。", $"The data goes past the declared Upload-Length ({remaining} bytes left).",
        ErrorKind.Validation);

    private static IResult Problem(HttpContext http, Error error, int? status = null) =>
        TypedResults.Problem(Problems.Build(error, http, status));

    public sealed record UploadMetadata(
        Guid AgencyId, string Sha256, string FileName, string ContentType, Guid OfficerId, string DeviceSerial,
        DateTimeOffset RecordedFrom, DateTimeOffset RecordedTo, string Category, IReadOnlyList<string> Tags, string? GpsTrackJson);

    private async Task<Result<UploadMetadata>> ValidateAsync(Dictionary<string, string> m, CancellationToken ct)
    {
        string? Get(string key) => m.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var fileName = Get("filename") is { } f ? Path.GetFileName(f.Replace('\\', '/')) : null;
        var sha = Get("sha256")?.ToLowerInvariant();
        var from = ParseTime(Get("recordedFrom"));
        var to = ParseTime(Get("recordedTo"));
        var serial = Get("deviceSerial");
        var officerNo = Get("officerNo");
        var category = Get("category") ?? EvidenceCategory.Routine;
        var tags = (Get("tags") ?? string.Empty).Split([',', ' ', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        var gps = Get("gps");
        var check = new Validator()
            .Require("metadata.filename", fileName, "文件名（filename）", "filename")
            .MaxLength("metadata.filename", fileName, 255, "文件名", "filename")
            .Check(Sha256Hex.IsValid(sha), "metadata.sha256", "invalid", "sha256 须为 64 位十六进制 SHA-256。", "sha256 must be a 64-digit hex SHA-256.")
            .Check(from is not null, "metadata.recordedFrom", "invalid", "recordedFrom 须为带时区的 ISO 8601 时间。", "recordedFrom must be an ISO 8601 time with an offset.")
            .Check(to is not null, "metadata.recordedTo", "invalid", "recordedTo 须为带时区的 ISO 8601 时间。", "recordedTo must be an ISO 8601 time with an offset.")
            .Check(from is null || to is null || from <= to, "metadata.recordedTo", "before_start", "录制结束时间不能早于开始时间。", "The recording cannot end before it starts.")
            .Check(to is null || to <= clock.GetUtcNow().AddMinutes(10), "metadata.recordedTo", "in_future", "录制时间不能晚于现在。", "The recording cannot end in the future.")
            .Require("metadata.deviceSerial", serial, "记录仪序列号（deviceSerial）", "deviceSerial")
            .MaxLength("metadata.deviceSerial", serial, 64, "记录仪序列号", "deviceSerial")
            .Require("metadata.officerNo", officerNo, "执法人员编号（officerNo）", "officerNo")
            .MaxLength("metadata.officerNo", officerNo, 32, "执法人员编号", "officerNo")
            .Check(EvidenceCategory.IsKnown(category), "metadata.category", "unknown", $"类别须为：{string.Join("、", EvidenceCategory.All)}。",
                $"category must be one of: {string.Join(", ", EvidenceCategory.All)}.")
            .Check(tags.Count <= 10 && tags.All(t => t.Length <= 32), "metadata.tags", "invalid", "标签最多 10 个，每个不超过 32 个字符。", "At most 10 tags of at most 32 characters.")
            .Check(gps is null || IsGpsTrack(gps), "metadata.gps", "invalid", "gps 须为 JSON 数组：[{\"t\":时间,\"lat\":纬度,\"lon\":经度}]。",
                "gps must be a JSON array of {\"t\": time, \"lat\": latitude, \"lon\": longitude}.");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        var officers = await db.Officers.AsNoTracking().Where(o => o.OfficerNo == officerNo).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.AgencyId, o.Active }).Take(2).ToListAsync(ct);
        if (officers.Count != 1 || !officers[0].Active)
        {
            return Validator.Invalid("metadata.officerNo", officers.Count == 0 ? "unknown" : officers.Count > 1 ? "ambiguous" : "inactive",
                "执法人员编号不存在、不在您的管辖范围内或已停用。", "No active officer with that number in your jurisdiction.");
        }

        return new UploadMetadata(
            officers[0].AgencyId, sha!, fileName!, Get("filetype") is { Length: <= 100 } type ? type : ContentTypeOf(fileName!), officers[0].Id, serial!,
            from!.Value, to!.Value, category, tags, gps);
    }

    private static DateTimeOffset? ParseTime(string? value) =>
        value is not null && ExplicitOffset().IsMatch(value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    private static bool IsGpsTrack(string json)
    {
        if (json.Length > 200_000)
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Array && doc.RootElement.EnumerateArray().All(p =>
                p.ValueKind == JsonValueKind.Object
                && p.TryGetProperty("lat", out var lat) && lat.TryGetDouble(out var la) && la is >= -90 and <= 90
                && p.TryGetProperty("lon", out var lon) && lon.TryGetDouble(out var lo) && lo is >= -180 and <= 180);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".mp4" => "video/mp4",
        ".mov" => "video/quicktime",
        ".avi" => "video/x-msvideo",
        ".mkv" => "video/x-matroska",
        ".webm" => "video/webm",
        ".wav" => "audio/wav",
        ".mp3" => "audio/mpeg",
        ".aac" => "audio/aac",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };

    [GeneratedRegex(@"(Z|z|[+-]\d\d:?\d\d)$")]
    private static partial Regex ExplicitOffset();
}

/// <summary>Lets a PATCH carry as much as the largest upload; the API's 2 MB default applies everywhere else.</summary>
internal sealed class UploadBodyLimit(long bytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = bytes;
}

internal static class TusEndpoints
{
    public static void MapTusUploads(this RouteGroupBuilder api)
    {
        var maxBytes = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<EvidenceOptions>>().Value.MaxUploadBytes;
        var uploads = api.MapGroup("/evidence/uploads").WithTags("Evidence uploads (tus 1.0)");
        uploads.MapMethods("/", [HttpMethods.Options], (TusUploadHandler h, HttpContext http) => h.Describe(http)).AllowAnonymous()
            .WithSummary("tus discovery: Tus-Version, Tus-Extension, Tus-Max-Size, Tus-Checksum-Algorithm.");
        uploads.MapMethods("/{id:guid}", [HttpMethods.Options], (TusUploadHandler h, HttpContext http) => h.Describe(http)).AllowAnonymous()
            .ExcludeFromDescription();
        uploads.MapPost("/", (TusUploadHandler h, HttpContext http) => h.CreateAsync(http)).RequireAuthorization(EvidencePolicies.Upload)
            .WithSummary("tus creation: Upload-Length and Upload-Metadata (filename, sha256, recordedFrom, recordedTo, deviceSerial, officerNo; optional filetype, category, tags, gps).");
        uploads.MapMethods("/{id:guid}", [HttpMethods.Head], (Guid id, TusUploadHandler h, HttpContext http) => h.HeadAsync(id, http))
            .RequireAuthorization(EvidencePolicies.Upload)
            .WithSummary("tus: how many bytes the server has (Upload-Offset).");
        uploads.MapPatch("/{id:guid}", (Guid id, TusUploadHandler h, HttpContext http) => h.PatchAsync(id, http))
            .RequireAuthorization(EvidencePolicies.Upload)
            .WithMetadata(new UploadBodyLimit(maxBytes))
            .WithSummary("tus: append bytes at Upload-Offset (application/offset+octet-stream); the last one answers with Evidence-Id.");
        uploads.MapDelete("/{id:guid}", (Guid id, TusUploadHandler h, HttpContext http) => h.TerminateAsync(id, http))
            .RequireAuthorization(EvidencePolicies.Upload)
            .WithSummary("tus termination: abandon an unfinished upload.");
    }
}
