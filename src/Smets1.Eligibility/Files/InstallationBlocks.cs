using Smets1.Eligibility.Model;

namespace Smets1.Eligibility.Files;

/// <summary>
/// An installation file opened for reading on several threads at once: its header read and validated (as
/// <see cref="InstallationCsvReader"/> does), then its bytes cut into blocks of whole records (<see cref="CsvBlockSplitter"/>)
/// that each thread reads with a reader of its own (<see cref="CreateReader"/>). Taking blocks is not thread-safe: take
/// them one at a time, in order; the duplicate check (<see cref="CheckDuplicates"/>) must also see the blocks in order.
/// </summary>
internal sealed class InstallationBlocks : IDisposable
{
    /// <summary>The least a block holds (about 1,600 rows of a typical file).</summary>
    public const int BlockSize = 1 << 18;

    private readonly Stream _stream;
    private readonly CsvBlockSplitter _splitter;
    private readonly string _fileName;
    private readonly long _prefixBytes;

    private InstallationBlocks(Stream stream, CsvBlockSplitter splitter, InstallationCsvReader first, string fileName, long firstBytes, long prefixBytes, long length)
    {
        Length = length;
        _stream = stream;
        _splitter = splitter;
        First = first;
        _fileName = fileName;
        FirstBlockBytes = firstBytes;
        _prefixBytes = prefixBytes;
    }

    /// <summary>The reader that read the header: it holds the rest of the first block (<see cref="InstallationCsvReader.ReadBlock"/> with no bytes), and keeps the duplicate check.</summary>
    public InstallationCsvReader First { get; }

    /// <summary>How many bytes the first block (header included) holds.</summary>
    public long FirstBlockBytes { get; }

    /// <summary>The file's length in bytes, when it can be known; else 0.</summary>
    public long Length { get; }

    /// <summary>How many bytes have been read.</summary>
    public long Position => _prefixBytes + _splitter.BytesRead;

    /// <summary>
    /// Reads the header of a UTF-8 file. A file that a byte order mark says is UTF-16 or UTF-32 is not read in blocks:
    /// the answer is then <see langword="null"/> and <paramref name="stream"/> becomes a stream that gives the bytes read
    /// so far again, for <see cref="TextFile.Open(Stream)"/>.
    /// </summary>
    /// <exception cref="EligibilityFileException">The header is missing or wrong (as <see cref="InstallationCsvReader"/> says).</exception>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="fileName">The name errors give.</param>
    /// <param name="schema">The declared facts, whose columns the file may hold.</param>
    /// <param name="rules">The rules a <c>recorded_failed_rules</c> cell may name.</param>
    /// <param name="length">The file's length in bytes when known (for progress and for sizing the duplicate check), else 0.</param>
    public static InstallationBlocks? TryOpen(ref Stream stream, string fileName, FactSchema? schema, IEnumerable<Rules.RuleDefinition>? rules, long length)
    {
        var buffer = new byte[4]; // enough for any byte order mark
        var prefix = 0;
        while (prefix < buffer.Length)
        {
            var read = stream.Read(buffer, prefix, buffer.Length - prefix);
            if (read == 0)
            {
                break;
            }

            prefix += read;
        }

        var head = buffer.AsSpan(0, prefix);
        if (head is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0, 0, 0xFE, 0xFF])
        {
            stream = new PrefixedStream(head.ToArray(), stream);
            return null;
        }

        var bom = head is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        var splitter = new CsvBlockSplitter(stream, BlockSize, 1, head[bom..]);

        // The first block holds the header; blocks of blank lines before it are joined to it.
        var block = new byte[BlockSize * 2];
        var taken0 = 0;
        var next = new byte[BlockSize * 2];
        while (splitter.Next(ref next, out var taken, out _))
        {
            if (block.Length < taken0 + taken)
            {
                Array.Resize(ref block, (taken0 + taken) * 2);
            }

            next.AsSpan(0, taken).CopyTo(block.AsSpan(taken0));
            taken0 += taken;
            if (block.AsSpan(0, taken0).IndexOfAnyExcept((byte)'\r', (byte)'\n') >= 0)
            {
                break;
            }
        }

        var text = new BlockText();
        text.Decode(block.AsSpan(0, taken0));
        var first = new InstallationCsvReader(text, fileName, schema, rules);
        return new InstallationBlocks(stream, splitter, first, fileName, taken0 + bom, prefix, length);
    }

    /// <summary>A reader for blocks on another thread.</summary>
    public InstallationCsvReader CreateReader() => new(First, _fileName);

    /// <summary>The next block (after the first, which <see cref="First"/> holds).</summary>
    public bool Next(ref byte[] buffer, out int length, out int firstLine) => _splitter.Next(ref buffer, out length, out firstLine);

    /// <summary>The duplicate check over the rows of one block, the blocks in file order.</summary>
    public void CheckDuplicates(InstallationRow[] rows, UInt128[] ids, int count) => First.CheckDuplicates(rows, ids, count);

    public void Dispose()
    {
        First.Dispose();
        _stream.Dispose();
    }

    /// <summary>Bytes already read, then the rest of a stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position < prefix.Length)
            {
                var count = Math.Min(buffer.Length, prefix.Length - _position);
                prefix.AsSpan(_position, count).CopyTo(buffer);
                _position += count;
                return count;
            }

            return rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
