using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Smets1.Eligibility.Files;

namespace Smets1.Eligibility.Tests.Serialization;

/// <summary>
/// A file cut into blocks (<see cref="CsvBlockSplitter"/>) and read block by block, each block decoded on its own and read
/// from the line the splitter gives it, against one reader over the whole file: the same records, cells, flags, lines
/// and errors, on bytes made mostly of what a CSV reader must get right (commas, quotes, CR, LF, blanks, NUL, bytes that
/// are not UTF-8, a two-byte character) and blocks of 1 to 64 bytes, so that a cut is tried at every place.
/// </summary>
public sealed class CsvBlockSplitterProperties
{
    [Property(Arbitrary = [typeof(CsvBytes)], MaxTest = 3000)]
    public bool Blocks_ReadAsTheWholeFile((byte[] Bytes, int BlockSize) input) =>
        InBlocks(input.Bytes, input.BlockSize).SequenceEqual(Whole(input.Bytes));

    [Fact]
    public void Blocks_NeverCutAQuotedLineEnd_OrACrLf()
    {
        var bytes = Encoding.UTF8.GetBytes("a,\"x\ny\"\r\nb,c\r\n\r\nd,\"\"\"\n\"\n");
        var lines = new List<string>();
        var splitter = new CsvBlockSplitter(new MemoryStream(bytes), 1, 1);
        var buffer = new byte[4];
        while (splitter.Next(ref buffer, out var length, out var line))
        {
            lines.Add($"{line}:{Encoding.UTF8.GetString(buffer, 0, length)}");
        }

        // Each read ends inside a quoted cell, then inside a CRLF, so the cuts move to the record ends before them.
        Assert.Equal(["1:a,\"x\ny\"\r\nb,c\r\n\r\n", "5:d,\"\"\"\n\"\n"], lines);
        Assert.Equal(InBlocks(bytes, 1), Whole(bytes));
    }

    private static List<string> Whole(byte[] bytes)
    {
        using var csv = new CsvRecordReader(TextFile.Open(new MemoryStream(bytes)), "t.csv");
        return Records(csv, () => false);
    }

    private static List<string> InBlocks(byte[] bytes, int blockSize)
    {
        var splitter = new CsvBlockSplitter(new MemoryStream(bytes), blockSize, 1);
        var text = new BlockText();
        using var csv = new CsvRecordReader(text, "t.csv");
        var buffer = new byte[1];
        return Records(csv, () =>
        {
            if (!splitter.Next(ref buffer, out var length, out var line))
            {
                return false;
            }

            text.Decode(buffer.AsSpan(0, length));
            csv.Restart(line);
            return true;
        });
    }

    /// <summary>Every record (then the error, if any) of the text, calling <paramref name="nextBlock"/> whenever the reader runs dry.</summary>
    private static List<string> Records(CsvRecordReader csv, Func<bool> nextBlock)
    {
        var records = new List<string>();
        try
        {
            do
            {
                while (csv.Read())
                {
                    var cells = Enumerable.Range(0, csv.Count).Select(i => csv[i].ToString());
                    records.Add($"{csv.Line}: [{string.Join('|', cells)}] {csv.StrayQuoteColumn} {csv.BadTextColumn}");
                }
            }
            while (nextBlock());
        }
        catch (EligibilityFileException e)
        {
            records.Add(e.Message);
        }

        return records;
    }

    public static class CsvBytes
    {
        private static readonly byte[][] Alphabet = [[(byte)'a'], [(byte)'1'], [(byte)' '], [(byte)'\t'], [(byte)','], [(byte)','], [(byte)'"'], [(byte)'"'], [(byte)'\r'], [(byte)'\n'], [(byte)'\n'], [0], [0xFF], [0xC3], [0xC3, 0xA9]];

        public static Arbitrary<(byte[] Bytes, int BlockSize)> Bytes() =>
            (from parts in Gen.ArrayOf(Gen.Elements(Alphabet))
             from blockSize in Gen.OneOf(Gen.Choose(1, 9), Gen.Choose(10, 64))
             select (parts.SelectMany(p => p).ToArray(), blockSize)).ToArbitrary();
    }
}
