using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Vanguard.Devices.Tus;

/// <summary>
/// A small tus 1.0 client (core + creation + checksum): create, ask for the offset, send chunks from a file, each with
/// its SHA-256 in Upload-Checksum. Streams from the file; never holds more than one buffer.
/// </summary>
public sealed class TusClient(HttpClient http, Uri endpoint)
{
    public const string Version = "1.0.0";

    public async Task<Uri> CreateAsync(long length, IReadOnlyDictionary<string, string> metadata, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, endpoint);
        request.Headers.Add("Upload-Length", length.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Metadata", string.Join(',', metadata.Select(m => $"{m.Key} {Convert.ToBase64String(Encoding.UTF8.GetBytes(m.Value))}")));
        using var response = await http.SendAsync(request, ct);
        await ExpectAsync(response, HttpStatusCode.Created, ct);
        return new Uri(endpoint, response.Headers.Location!);
    }

    public async Task<long> OffsetAsync(Uri upload, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Head, upload);
        using var response = await http.SendAsync(request, ct);
        await ExpectAsync(response, HttpStatusCode.OK, ct);
        return long.Parse(response.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Sends the file from <paramref name="offset"/> in chunks; returns the evidence id from the last response.
    /// <paramref name="dropAfterBytes"/> simulates a lost connection: the request body breaks after that many bytes.
    /// </summary>
    public async Task<(string? EvidenceId, long Offset)> SendAsync(Uri upload, string path, long offset, int chunkSize, long? dropAfterBytes, CancellationToken ct)
    {
        var length = new FileInfo(path).Length;
        long sent = 0;
        while (offset < length)
        {
            var size = (int)Math.Min(chunkSize, length - offset);
            var breakAt = dropAfterBytes is { } drop && sent + size > drop ? (int)(drop - sent) : (int?)null;
            using var request = Request(HttpMethod.Patch, upload);
            request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
            if (breakAt is null)
            {
                request.Headers.Add("Upload-Checksum", "sha256 " + Convert.ToBase64String(await ChunkHashAsync(path, offset, size, ct)));
            }

            request.Content = new FileChunkContent(path, offset, size, breakAt);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (HttpRequestException) when (breakAt is not null)
            {
                return (null, -1);
            }

            using (response)
            {
                await ExpectAsync(response, HttpStatusCode.NoContent, ct);
                offset = long.Parse(response.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
                sent += size;
                if (response.Headers.TryGetValues("Evidence-Id", out var id))
                {
                    return (id.Single(), offset);
                }
            }
        }

        return (null, offset);
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("Tus-Resumable", Version);
        return request;
    }

    private static async Task<byte[]> ChunkHashAsync(string path, long offset, int size, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        file.Position = offset;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var remaining = size;
        while (remaining > 0)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, remaining)), ct);
            hash.AppendData(buffer, 0, read);
            remaining -= read;
        }

        return hash.GetHashAndReset();
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status, CancellationToken ct)
    {
        if (response.StatusCode != status)
        {
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    /// <summary>A slice of a file as the PATCH body; with <c>breakAt</c> the body fails part-way, like a dropped link.</summary>
    private sealed class FileChunkContent : HttpContent
    {
        private readonly string _path;
        private readonly long _offset;
        private readonly int _length;
        private readonly int? _breakAt;

        public FileChunkContent(string path, long offset, int length, int? breakAt)
        {
            _path = path;
            _offset = offset;
            _length = length;
            _breakAt = breakAt;
            Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
            file.Position = _offset;
            var buffer = new byte[1 << 16];
            var written = 0;
            while (written < _length)
            {
                var want = Math.Min(buffer.Length, _length - written);
                if (_breakAt is { } at)
                {
                    if (written >= at)
                    {
                        await stream.FlushAsync(cancellationToken);
                        await Task.Delay(200, cancellationToken);
                        throw new IOException("simulated connection loss");
                    }

                    want = Math.Min(want, at - written);
                }

                var read = await file.ReadAsync(buffer.AsMemory(0, want), cancellationToken);
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                written += read;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
