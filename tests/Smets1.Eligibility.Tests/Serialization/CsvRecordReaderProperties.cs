using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Smets1.Eligibility.Files;

namespace Smets1.Eligibility.Tests.Serialization;

/// <summary>
/// The reader's fast path for plain records against its cell-by-cell path, on text made mostly of what a CSV
/// reader must get right (commas, quotes, CR, LF, blanks, NUL, invalid bytes), read a few characters at a time so
/// that records, cells and line ends fall across every buffer boundary.
/// </summary>
public sealed class CsvRecordReaderProperties
{
    [Property(Arbitrary = [typeof(CsvText)], MaxTest = 3000)]
    public bool FastPath_ReadsEveryRecordAsTheCellByCellPath((string Text, int Chunk) input) =>
        Records(input.Text, input.Chunk, fastPath: true).SequenceEqual(Records(input.Text, input.Chunk, fastPath: false));

    /// <summary>Long plain records, so that commas fall at every place of the 8- and 16-character blocks the fast path compares at once.</summary>
    [Property(Arbitrary = [typeof(PlainText)], MaxTest = 2000)]
    public bool FastPath_SplitsLongPlainRecordsAsTheCellByCellPath((string Text, int Chunk) input) =>
        Records(input.Text, input.Chunk, fastPath: true).SequenceEqual(Records(input.Text, input.Chunk, fastPath: false));

    [Fact]
    public void FastPath_SplitsAndTrimsAPlainRecord_AndCountsLines()
    {
        var records = Records("a , b,\t c\t,\r\n\r\n x,y\n", 4096, fastPath: true);
        Assert.Equal(["1: [a|b|c|] -1 -1", "3: [x|y] -1 -1"], records);
    }

    private static List<string> Records(string text, int chunk, bool fastPath)
    {
        var records = new List<string>();
        try
        {
            using var csv = new CsvRecordReader(new TrickleReader(text, chunk), "t.csv", fastPath);
            while (csv.Read())
            {
                var cells = Enumerable.Range(0, csv.Count).Select(i => csv[i].ToString());
                records.Add($"{csv.Line}: [{string.Join('|', cells)}] {csv.StrayQuoteColumn} {csv.BadTextColumn}");
            }
        }
        catch (EligibilityFileException e)
        {
            records.Add(e.Message);
        }

        return records;
    }

    public static class CsvText
    {
        private static readonly char[] Alphabet = ['a', 'b', '1', ' ', '\t', ',', ',', ',', '"', '"', '\r', '\n', '\n', '\0', CsvRecordReader.InvalidByte, 'é'];

        public static Arbitrary<(string Text, int Chunk)> Text() =>
            (from chars in Gen.ArrayOf(Gen.Elements(Alphabet))
             from chunk in Gen.OneOf(Gen.Choose(1, 9), Gen.Choose(10, 80), Gen.Constant(1 << 16))
             select (new string(chars), chunk)).ToArbitrary();
    }

    public static class PlainText
    {
        private static readonly char[] Alphabet = ['a', 'b', '1', ' ', '\t', ',', ',', ',', 'é', '\n'];

        public static Arbitrary<(string Text, int Chunk)> Text() =>
            (from length in Gen.Choose(0, 600)
             from chars in Gen.ArrayOf(Gen.Elements(Alphabet), length)
             from chunk in Gen.OneOf(Gen.Choose(10, 80), Gen.Constant(1 << 16))
             select (new string(chars), chunk)).ToArbitrary();
    }

    /// <summary>Hands the text out at most <c>chunk</c> characters per read.</summary>
    private sealed class TrickleReader(string text, int chunk) : TextReader
    {
        private int _at;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), text.Length - _at);
            text.CopyTo(_at, buffer, index, n);
            _at += n;
            return n;
        }
    }
}
