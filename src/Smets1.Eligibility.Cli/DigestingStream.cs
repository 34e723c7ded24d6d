using System.Security.Cryptography;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// A stream that hashes what passes through it, read or written, so that a run record can name the size and SHA-256
/// of what was read (standard input, or a file <c>evaluate</c> reads in blocks) or written (AUDIT.md §3) without
/// keeping it or reading it again.
/// </summary>
internal sealed class DigestingStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _sha256;

    /// <summary>The bytes read so far.</summary>
    public long Size { get; private set; }

    /// <summary>The length of the stream underneath when it has one (a file), else null: this stream itself cannot seek.</summary>
    public long? KnownLength => inner.CanSeek ? inner.Length : null;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Size; set => throw new NotSupportedException(); }

    /// <summary>The lower-case hex SHA-256 of the bytes read; once asked, no more can be read.</summary>
    public string Sha256() => _sha256 ??= VersionFingerprint.Hex(_hash.GetHashAndReset());

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ThrowIfHashed();

        var read = inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        Size += read;
        return read;
    }

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfHashed();

        inner.Write(buffer);
        _hash.AppendData(buffer);
        Size += buffer.Length;
    }

    private void ThrowIfHashed()
    {
        if (_sha256 is not null)
        {
            throw new InvalidOperationException("the stream was hashed: nothing more can pass through it");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
