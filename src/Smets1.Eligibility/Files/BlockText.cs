namespace Smets1.Eligibility.Files;

/// <summary>The decoded text of one block of a file (<see cref="CsvBlockSplitter"/>), handed to a <see cref="CsvRecordReader"/>; refilled block after block.</summary>
internal sealed class BlockText : TextReader
{
    private char[] _text = [];
    private int _position;
    private int _length;

    /// <summary>Decodes a block of UTF-8 as <see cref="TextFile"/> decodes a file (invalid bytes become <see cref="CsvRecordReader.InvalidByte"/>) and holds it.</summary>
    /// <remarks>A block ends at a line end, an ASCII byte, so decoding it alone gives what decoding the whole file gives for it.</remarks>
    public void Decode(ReadOnlySpan<byte> block)
    {
        var encoding = CsvRecordReader.StrictUtf8;
        var most = encoding.GetMaxCharCount(block.Length);
        if (_text.Length < most)
        {
            _text = new char[Math.Max(most, _text.Length * 2)];
        }

        _length = encoding.GetChars(block, _text);
        _position = 0;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, _length - _position);
        _text.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override int Peek() => _position < _length ? _text[_position] : -1;

    public override int Read() => _position < _length ? _text[_position++] : -1;
}
