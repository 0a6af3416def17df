using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Registry.Contracts;

namespace Vanguard.Server.Modules.Registry.Import;

public sealed record ImportRejection(int Row, string Field, string Code, string Message);

public sealed record ImportResponse(int Imported, int Updated, int Unchanged, IReadOnlyList<ImportRejection> Rejected);

/// <summary>
/// <c>POST /api/v1/registry/import/{kind}</c>: a CSV body (<c>text/csv</c>) or an XLSX or CSV upload (<c>multipart/form-data</c>,
/// field <c>file</c>). The format is in docs/registry-import.md.
/// </summary>
internal static class ImportEndpoint
{
    private static readonly Error UnknownKind = new("registry.import_kind_unknown",
        "导入类型须为 persons、organisations、vehicles 或 drivers。", "The kind must be persons, organisations, vehicles or drivers.", ErrorKind.Validation);

    private static readonly Error NoFile = Validator.Invalid("file", "registry.import_file_missing",
        "请在表单字段 file 中上传文件。", "Upload the file in the form field 'file'.");

    private static readonly Error UnsupportedType = new("registry.import_unsupported_media_type",
        "请以 text/csv 发送 CSV，或以 multipart/form-data（字段 file）上传 CSV/XLSX 文件。",
        "Send CSV as text/csv, or upload a CSV or XLSX file as multipart/form-data (field 'file').", ErrorKind.Validation);

    private static readonly Error TooLarge = new("registry.import_too_large",
        $"导入文件不能超过 {TabularFile.MaxBytes / 1024 / 1024} MB，请拆分后分批导入。",
        $"An import file may be at most {TabularFile.MaxBytes / 1024 / 1024} MB; split it.", ErrorKind.Validation);

    public static void MapImport(this RouteGroupBuilder registry) =>
        registry.MapPost("/import/{kind}", ImportAsync)
            .RequireAuthorization(RegistryPolicies.Editor)
            .WithMetadata(new RequestSizeLimitAttribute(TabularFile.MaxBytes + (64 * 1024)))
            .WithSummary("Upsert persons, organisations, vehicles or drivers from CSV or XLSX; bad rows are reported, good rows imported.");

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(
        string kind, HttpContext http, RegistryImporter importer)
    {
        var ct = http.RequestAborted;
        if (!ImportColumns.TryParseKind(kind, out var importKind))
        {
            return UnknownKind.ToProblem(http);
        }

        var upload = await ReadUploadAsync(http.Request, ct);
        if (!upload.IsSuccess)
        {
            var status = upload.Error == TooLarge ? StatusCodes.Status413PayloadTooLarge
                : upload.Error == UnsupportedType ? StatusCodes.Status415UnsupportedMediaType
                : StatusCodes.Status400BadRequest;
            return TypedResults.Problem(Problems.Build(upload.Error!, http, status));
        }

        var (content, charset) = upload.Value;
        var file = TabularFile.Read(content, charset);
        if (!file.IsSuccess)
        {
            var status = file.Error == TabularFile.TooManyRows ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return TypedResults.Problem(Problems.Build(file.Error!, http, status));
        }

        var outcome = await importer.ImportAsync(importKind, file.Value, Convert.ToHexStringLower(SHA256.HashData(content)), ct);
        if (!outcome.IsSuccess)
        {
            return outcome.Error!.ToProblem(http);
        }

        var english = Problems.PrefersEnglish(http);
        var o = outcome.Value;
        return TypedResults.Ok(new ImportResponse(
            o.Imported, o.Updated, o.Unchanged,
            o.Rejected.Select(r => new ImportRejection(r.Row, r.Field, r.Code, english ? r.MessageEn : r.MessageZh)).ToList()));
    }

    private static async Task<Result<(byte[] Content, string? Charset)>> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { } file)
            {
                return NoFile;
            }

            if (file.Length > TabularFile.MaxBytes)
            {
                return TooLarge;
            }

            await using var stream = file.OpenReadStream();
            var bytes = await ReadLimitedAsync(stream, ct);
            var fileCharset = MediaTypeHeaderValue.TryParse(file.ContentType, out var fileType) ? fileType.Charset.Value : null;
            return bytes is null ? TooLarge : (bytes, fileCharset);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)))
        {
            return UnsupportedType;
        }

        if (request.ContentLength > TabularFile.MaxBytes)
        {
            return TooLarge;
        }

        var body = await ReadLimitedAsync(request.Body, ct);
        return body is null ? TooLarge : (body, type.Charset.Value);
    }

    /// <summary>The whole stream, or null past the limit (a chunked body declares no length up front).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > TabularFile.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
