using Amazon.S3;
using Amazon.S3.Model;

namespace Vanguard.Server.Modules.Evidence.Storage;

/// <summary>
/// A read-only, seekable view of one S3 object, for HTTP range playback and the integrity job. Each read continues the
/// open ranged GET when it is where the last one stopped; a seek closes it and the next read opens a new one at the
/// new position. The window doubles while reading goes on sequentially (1 MiB up to 16 MiB), so a player's small
/// ranges cost small requests and a full read costs few.
/// </summary>
internal sealed class S3ReadStream(IAmazonS3 client, string bucket, string key, long length) : Stream
{
    private const long FirstWindow = 1 << 20;
    private const long MaxWindow = 16 << 20;
    private GetObjectResponse? _response;
    private long _responseEnd;  // exclusive end of the open GET's range
    private long _window = FirstWindow;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        if (target != _position)
        {
            CloseResponse();
            _window = FirstWindow;
            _position = target;
        }

        return _position;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0 || _position >= length)
        {
            return 0;
        }

        if (_response is null || _position >= _responseEnd)
        {
            CloseResponse();
            _responseEnd = Math.Min(length, _position + _window);
            _window = Math.Min(MaxWindow, _window * 2);
            _response = await client.GetObjectAsync(
                new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(_position, _responseEnd - 1) }, cancellationToken);
        }

        var wanted = (int)Math.Min(buffer.Length, _responseEnd - _position);
        var read = await _response.ResponseStream.ReadAsync(buffer[..wanted], cancellationToken);
        if (read == 0)
        {
            throw new IOException($"S3 object {key} ended at {_position} of {length} bytes.");
        }

        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Synchronous callers (a ZipArchive descriptor, a library that knows no better) get the same reads, blocking.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseResponse();
        }

        base.Dispose(disposing);
    }

    private void CloseResponse()
    {
        _response?.Dispose();
        _response = null;
    }
}
