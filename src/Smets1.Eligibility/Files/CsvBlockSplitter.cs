using System.Runtime.CompilerServices;

namespace Smets1.Eligibility.Files;

/// <summary>
/// Cuts a UTF-8 CSV stream into blocks of whole records, so that several threads can read the blocks of one file at
/// once, each with its own <see cref="CsvRecordReader"/>, and give exactly what one reader over the whole stream gives.
/// </summary>
/// <remarks>
/// <para>A block ends just after a line end that ends a record as <see cref="CsvRecordReader"/> reads it: never inside a
/// quoted cell, never between the CR and LF of a CRLF. A block that holds no quote and no CR (every block of a plain
/// file) is cut at its last LF after one vectorised search; any other block is scanned record by record with the
/// reader's own rules (a quote opens a quoted cell only at the start of a cell, <c>""</c> inside one is a quote, a
/// quoted CR is text). Each block carries the line on which it starts, counted as the reader counts lines, so that
/// errors name the same lines.</para>
/// <para>Memory stays bounded by the longest record: a quoted cell never closed, or a cell longer than any file may
/// hold, is cut once it runs past <see cref="ForceCutBytes"/>, where the reader of that block is sure to report it
/// (the cell is then longer than <see cref="CsvRecordReader.MaxCellLength"/> characters).</para>
/// Not thread-safe: callers take blocks one at a time, in order.
/// </remarks>
internal sealed class CsvBlockSplitter
{
    /// <summary>How many bytes a cell may run before its block is cut inside it: its reader then reports it as too long.</summary>
    internal const int ForceCutBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly int _blockSize;
    private byte[] _carry;
    private int _carryLength;
    private int _line;
    private bool _end;

    /// <param name="stream">The bytes after the header row.</param>
    /// <param name="blockSize">The least a block holds, but at the end of the file (records are never cut).</param>
    /// <param name="firstLine">The line on which the stream's first byte stands.</param>
    /// <param name="carry">Bytes already read from <paramref name="stream"/> that come before the rest of it.</param>
    public CsvBlockSplitter(Stream stream, int blockSize, int firstLine, ReadOnlySpan<byte> carry = default)
    {
        _stream = stream;
        _blockSize = blockSize;
        _line = firstLine;
        _carry = new byte[Math.Max(blockSize, carry.Length)];
        carry.CopyTo(_carry);
        _carryLength = carry.Length;
    }

    /// <summary>How many bytes of the stream have been read (for a progress bar and for sizing the duplicate check).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Fills <paramref name="buffer"/> (grown when a record needs it) with the next block.</summary>
    /// <param name="buffer">The caller's buffer, reused from block to block.</param>
    /// <param name="length">The block's length in bytes.</param>
    /// <param name="firstLine">The line on which the block starts.</param>
    /// <returns><see langword="false"/> at the end of the stream.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(ref byte[] buffer, out int length, out int firstLine)
    {
        if (buffer.Length < _blockSize + _carryLength)
        {
            buffer = new byte[Math.Max(_blockSize, _carryLength) * 2];
        }

        _carry.AsSpan(0, _carryLength).CopyTo(buffer);
        var filled = _carryLength;
        _carryLength = 0;
        firstLine = _line;
        while (true)
        {
            Fill(buffer, ref filled, _blockSize);

            if (filled == 0)
            {
                length = 0;
                return false;
            }

            var (cut, lines) = Cut(buffer.AsSpan(0, filled), _end);
            if (cut > 0)
            {
                length = cut;
                _line += lines;
                Keep(buffer.AsSpan(cut, filled - cut));
                return true;
            }

            // No record ends in what has been read: read on into a larger buffer.
            Array.Resize(ref buffer, buffer.Length * 2);
            Fill(buffer, ref filled, buffer.Length);
        }
    }

    /// <summary>Reads into <paramref name="buffer"/> after <paramref name="filled"/> bytes until it holds at least <paramref name="least"/> or the stream ends.</summary>
    private void Fill(byte[] buffer, ref int filled, int least)
    {
        while (!_end && filled < least)
        {
            var read = _stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                _end = true;
            }

            filled += read;
            BytesRead += read;
        }
    }

    private void Keep(ReadOnlySpan<byte> rest)
    {
        if (_carry.Length < rest.Length)
        {
            _carry = new byte[rest.Length];
        }

        rest.CopyTo(_carry);
        _carryLength = rest.Length;
    }

    /// <summary>Where the data may be cut (0: nowhere yet) and how many lines lie before the cut.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (int Cut, int Lines) Cut(ReadOnlySpan<byte> data, bool atEnd)
    {
        if (atEnd && data.IndexOfAny((byte)'"', (byte)'\r') < 0)
        {
            return (data.Length, data.Count((byte)'\n'));
        }

        var lastLf = data.LastIndexOf((byte)'\n');
        if (lastLf >= 0 && data[..lastLf].IndexOfAny((byte)'"', (byte)'\r') < 0)
        {
            return (lastLf + 1, data[..lastLf].Count((byte)'\n') + 1);
        }

        return Scan(data, atEnd);
    }

    /// <summary>The exact cut: the data read record by record as <see cref="CsvRecordReader"/> reads it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Cut, int Lines) Scan(ReadOnlySpan<byte> data, bool atEnd)
    {
        var cut = 0;
        var cutLines = 0;
        var lines = 0;
        var p = 0;
        var n = data.Length;
        while (true)
        {
            // At the start of a record (or of a blank line).
            if (p >= n)
            {
                return atEnd ? (n, lines) : (cut, cutLines);
            }

            var cellStart = p;
            if (data[p] is not ((byte)'\r' or (byte)'\n'))
            {
                // The record's cells, up to its line end.
                while (true)
                {
                    cellStart = p;
                    while (p < n && data[p] is (byte)' ' or (byte)'\t')
                    {
                        p++;
                    }

                    if (p < n && data[p] == '"')
                    {
                        p++;
                        while (true)
                        {
                            var q = data[p..].IndexOfAny((byte)'"', (byte)'\n');
                            if (q < 0)
                            {
                                return Unfinished(data, atEnd, cut, cutLines, cellStart, lines);
                            }

                            p += q;
                            if (data[p] == '\n')
                            {
                                lines++;
                                p++;
                                continue;
                            }

                            if (p + 1 >= n && !atEnd)
                            {
                                return Unfinished(data, atEnd, cut, cutLines, cellStart, lines);
                            }

                            if (p + 1 < n && data[p + 1] == '"')
                            {
                                p += 2;
                                continue;
                            }

                            p++;
                            break;
                        }
                    }

                    var end = data[p..].IndexOfAny((byte)',', (byte)'\r', (byte)'\n');
                    if (end < 0)
                    {
                        return Unfinished(data, atEnd, cut, cutLines, cellStart, lines);
                    }

                    p += end;
                    if (data[p] == ',')
                    {
                        p++;
                        continue;
                    }

                    break;
                }
            }

            // A line end: CR, LF or CRLF.
            if (data[p] == '\r')
            {
                if (p + 1 >= n && !atEnd)
                {
                    return (cut, cutLines); // a CRLF may be split here: decide with the next bytes
                }

                p += p + 1 < n && data[p + 1] == '\n' ? 2 : 1;
            }
            else
            {
                p++;
            }

            lines++;
            cut = p;
            cutLines = lines;
        }
    }

    /// <summary>The data ends inside a record: cut before it, or inside a cell too long for any reader to accept.</summary>
    private static (int Cut, int Lines) Unfinished(ReadOnlySpan<byte> data, bool atEnd, int cut, int cutLines, int cellStart, int lines)
    {
        if (atEnd || data.Length - cellStart > ForceCutBytes)
        {
            return (data.Length, lines);
        }

        return (cut, cutLines);
    }
}
