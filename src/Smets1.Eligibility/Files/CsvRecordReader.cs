using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Smets1.Eligibility.Files;

/// <summary>
/// Reads the records of a CSV file (RFC 4180: comma-separated, double quotes, CR, LF or CRLF line ends) the way
/// FILES-AND-CLI.md ("Bad input") requires, streaming and in bounded memory:
/// <list type="bullet">
/// <item>every cell is trimmed of surrounding spaces and tabs;</item>
/// <item>a quote inside an unquoted cell (<c>DMC"7</c>), or text after a closing quote, is a <em>stray quote</em>:
/// the record is still returned, with <see cref="StrayQuoteColumn"/> set, so the caller can make that row invalid;</item>
/// <item>bytes that are not valid UTF-8 and NUL characters are reported in <see cref="BadTextColumn"/>;</item>
/// <item>a quoted cell still open at the end of the file, or any cell longer than 64 KiB, is a
/// <see cref="EligibilityFileException"/> naming the line where the cell (and its quote) opened: it never swallows the rows after it.</item>
/// </list>
/// Blank lines are skipped. Not thread-safe.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    /// <summary>The longest cell any file may hold (FILES-AND-CLI.md).</summary>
    public const int MaxCellLength = 64 * 1024;

    /// <summary>What invalid UTF-8 decodes to: a noncharacter, so that no valid text is mistaken for it.</summary>
    public const char InvalidByte = '\uFFFF';

    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n\0\uFFFF");
    private static readonly SearchValues<char> QuotedSpecial = SearchValues.Create("\"\n\0\uFFFF");

    // What ends a plain record, or makes it need the cell-by-cell path (a quote, NUL, a byte that is not UTF-8).
    private static readonly SearchValues<char> RecordSpecial = SearchValues.Create("\"\r\n\0\uFFFF");

    private readonly TextReader _reader;
    private readonly string _fileName;
    private readonly char[] _buffer = new char[1 << 16];
    // The current record's cells, trimmed, side by side in one buffer: no string per cell.
    private (int Start, int Length)[] _cells = new (int, int)[32];
    private int _count;
    private char[] _record = new char[1024];
    private int _recordLength;
    private int _cellStart;
    private int _position;
    private int _length;
    private int _line = 1;
    private int _strayQuote;
    private int _badText;
    private readonly bool _plainFastPath;

    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name errors give.</param>
    /// <param name="plainFastPath">Whether plain records take <see cref="TryReadPlain"/>; off only in the test that
    /// holds the two paths equal.</param>
    public CsvRecordReader(TextReader reader, string fileName, bool plainFastPath = true)
    {
        _reader = reader;
        _fileName = fileName;
        _plainFastPath = plainFastPath;
    }

    /// <summary>A UTF-8 decoder that turns invalid bytes into <see cref="InvalidByte"/> instead of silently replacing them with U+FFFD.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(false, throwOnInvalidBytes: false)
        .Clone() is UTF8Encoding utf8 ? SetFallback(utf8) : throw new InvalidOperationException();

    /// <summary>How many cells the current record has.</summary>
    public int Count => _count;

    /// <summary>The cells of the current record as strings, trimmed (allocates: for headers and small files).</summary>
    public string[] Cells => [.. _cells.Take(_count).Select(c => new string(_record, c.Start, c.Length))];

    /// <summary>Cell <paramref name="index"/> of the current record, trimmed, valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            var (start, length) = _cells[index];
            return _record.AsSpan(start, length);
        }
    }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>The first column (0-based) of the current record holding a stray quote, or -1.</summary>
    public int StrayQuoteColumn => _strayQuote;

    /// <summary>The first column (0-based) of the current record holding invalid UTF-8 or a NUL character, or -1.</summary>
    public int BadTextColumn => _badText;

    /// <summary>Reads the next non-blank record.</summary>
    /// <returns><see langword="false"/> at the end of the file.</returns>
    /// <exception cref="EligibilityFileException">A quoted cell is never closed, or a cell is longer than 64 KiB.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        while (true)
        {
            if (!Available())
            {
                return false;
            }

            if (_buffer[_position] is '\r' or '\n')
            {
                NewLine();
                continue;
            }

            Line = _line;
            _count = 0;
            _recordLength = 0;
            _strayQuote = -1;
            _badText = -1;
            if (!_plainFastPath || !TryReadPlain())
            {
                while (ReadCell())
                {
                }
            }

            return true;
        }
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>Starts over on whatever the text reader now holds (the next block of a file, <see cref="CsvBlockSplitter"/>), whose first line is <paramref name="line"/>.</summary>
    internal void Restart(int line)
    {
        _position = 0;
        _length = 0;
        _line = line;
    }

    private static UTF8Encoding SetFallback(UTF8Encoding encoding)
    {
        encoding.DecoderFallback = new DecoderReplacementFallback(InvalidByte.ToString());
        return encoding;
    }

    /// <summary>
    /// The fast path, for a record that lies wholly in the buffer and holds no quote, NUL or invalid byte (almost
    /// every record of a real file): one search finds its end, one copy takes it, and its cells are split at the
    /// commas and trimmed. Gives exactly what <see cref="ReadCell"/> would; anything else is left to it.
    /// </summary>
    /// <returns><see langword="false"/> when the record needs the cell-by-cell path (nothing has been consumed).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryReadPlain()
    {
        var span = _buffer.AsSpan(_position, _length - _position);
        var end = span.IndexOfAny(RecordSpecial);
        if (end < 0 || span[end] is not ('\r' or '\n'))
        {
            return false;
        }

        var record = span[..end];
        if (record.Length > _record.Length)
        {
            Array.Resize(ref _record, Math.Max(_record.Length * 2, record.Length));
        }

        record.CopyTo(_record);
        _recordLength = record.Length;
        _position += end;
        SplitAtCommas(record);
        NewLine();
        return true;
    }

    /// <summary>
    /// Adds the cells of a plain record: the commas of 16 (or 8) characters at a time are found with one vector
    /// comparison, as a bit mask, instead of one search per cell.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SplitAtCommas(ReadOnlySpan<char> record)
    {
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(record));
        var start = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var commas = Vector256.Create((ushort)',');
            for (; i <= record.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                AddCells(Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)i), commas).ExtractMostSignificantBits(), i, ref start);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var commas = Vector128.Create((ushort)',');
            for (; i <= record.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                AddCells(Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)i), commas).ExtractMostSignificantBits(), i, ref start);
            }
        }

        for (; i < record.Length; i++)
        {
            if (record[i] == ',')
            {
                AddCell(start, i);
                start = i + 1;
            }
        }

        AddCell(start, record.Length);
    }

    /// <summary>The cells ending at the commas of a block's bit mask (bit k: a comma at <paramref name="offset"/> + k).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddCells(uint commas, int offset, ref int start)
    {
        for (; commas != 0; commas &= commas - 1)
        {
            var comma = offset + BitOperations.TrailingZeroCount(commas);
            AddCell(start, comma);
            start = comma + 1;
        }
    }

    /// <summary>Reads one cell and its terminator; <see langword="true"/> when a comma follows (another cell).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadCell()
    {
        _cellStart = _recordLength;
        var column = _count;
        var startLine = _line;
        SkipBlanks();
        if (Available() && _buffer[_position] == '"')
        {
            _position++;
            ReadQuoted(column, startLine);
        }

        while (true)
        {
            if (!Available())
            {
                Complete();
                return false;
            }

            var span = _buffer.AsSpan(_position, _length - _position);
            var next = span.IndexOfAny(Special);
            var run = next < 0 ? span : span[..next];
            Append(run, startLine);
            _position += run.Length;
            if (next < 0)
            {
                continue;
            }

            var c = _buffer[_position];
            switch (c)
            {
                case ',':
                    _position++;
                    Complete();
                    return true;
                case '\r' or '\n':
                    NewLine();
                    Complete();
                    return false;
                case '"':
                    Flag(ref _strayQuote, column);
                    break;
                default:
                    Flag(ref _badText, column);
                    break;
            }

            Append([c], startLine);
            _position++;
        }

        void Complete() => AddCell(_cellStart, _recordLength);
    }

    /// <summary>Adds the cell that runs from <paramref name="start"/> to <paramref name="end"/> of the record, trimmed of spaces and tabs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddCell(int start, int end)
    {
        if (_count == _cells.Length)
        {
            Array.Resize(ref _cells, _cells.Length * 2);
        }

        if (end == start || (_record[start] is not (' ' or '\t') && _record[end - 1] is not (' ' or '\t')))
        {
            _cells[_count++] = (start, end - start); // nothing to trim (almost every cell)
            return;
        }

        var cell = _record.AsSpan(start, end - start);
        var trimmed = cell.TrimStart(" \t");
        _cells[_count++] = (start + (cell.Length - trimmed.Length), trimmed.TrimEnd(" \t").Length);
    }

    /// <summary>A quoted cell up to its closing quote; anything but blanks after it is a stray quote.</summary>
    private void ReadQuoted(int column, int openLine)
    {
        while (true)
        {
            if (!Available())
            {
                throw new EligibilityFileException($"{_fileName}: line {openLine}: a quoted cell opens here and is never closed; close the quote (\") or remove it, so that it does not swallow the rows after it.");
            }

            var span = _buffer.AsSpan(_position, _length - _position);
            var quote = span.IndexOfAny(QuotedSpecial);
            var run = quote < 0 ? span : span[..quote];
            Append(run, openLine, quoted: true);
            _position += run.Length;
            if (quote < 0)
            {
                continue;
            }

            var c = _buffer[_position++];
            if (c == '\n')
            {
                _line++;
                Append([c], openLine, quoted: true);
                continue;
            }

            if (c != '"')
            {
                Flag(ref _badText, column);
                Append([c], openLine, quoted: true);
                continue;
            }

            if (Available() && _buffer[_position] == '"')
            {
                _position++;
                Append(['"'], openLine, quoted: true);
                continue;
            }

            break;
        }

        SkipBlanks();
        if (Available() && _buffer[_position] is not (',' or '\r' or '\n'))
        {
            Flag(ref _strayQuote, column); // text after the closing quote: the quote was not the cell's
        }
    }

    private static void Flag(ref int column, int value)
    {
        if (column < 0)
        {
            column = value;
        }
    }

    private void SkipBlanks()
    {
        while (Available() && _buffer[_position] is ' ' or '\t')
        {
            Append([_buffer[_position]], _line);
            _position++;
        }
    }

    private void Append(ReadOnlySpan<char> text, int openLine, bool quoted = false)
    {
        var cellLength = _recordLength - _cellStart;
        if (cellLength + text.Length > MaxCellLength)
        {
            throw new EligibilityFileException(quoted
                ? $"{_fileName}: line {openLine}: a quoted cell opens here and runs past 64 KiB; no cell may be longer, so the quote is probably never closed."
                : $"{_fileName}: line {openLine}: a cell is longer than 64 KiB; no cell may be longer.");
        }

        if (_recordLength + text.Length > _record.Length)
        {
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + text.Length));
        }

        text.CopyTo(_record.AsSpan(_recordLength));
        _recordLength += text.Length;
    }

    private void NewLine()
    {
        if (_buffer[_position] == '\r')
        {
            _position++;
            if (Available() && _buffer[_position] == '\n')
            {
                _position++;
            }
        }
        else
        {
            _position++;
        }

        _line++;
    }

    private bool Available()
    {
        if (_position < _length)
        {
            return true;
        }

        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
