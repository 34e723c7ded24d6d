using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Smets1.Eligibility.Files;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Tests.Serialization;

/// <summary>The CSV result writer escapes cells in place exactly as <see cref="CsvResultWriter.Escape"/> does.</summary>
public sealed class CsvResultWriterProperties
{
    [Property(Arbitrary = [typeof(CellText)], MaxTest = 2000)]
    public bool EveryCell_IsWrittenAsEscapeGivesIt(string id, string message)
    {
        using var output = new MemoryStream();
        using (var writer = new CsvResultWriter(output, leaveOpen: true))
        {
            writer.Write(new ResultLine(id, 7, "v17", "Deferred", default, default, message.AsMemory()));
        }

        var lines = Encoding.UTF8.GetString(output.ToArray());
        var expected = $"{string.Join(',', Columns.Result)}\n{CsvResultWriter.Escape(id)},7,v17,Deferred,,,{CsvResultWriter.Escape(message)}\n";
        return lines == expected;
    }

    /// <summary>Rows of any length, many at once: the writer's buffer grows for a row longer than itself and goes to the stream between rows, never splitting a character.</summary>
    [Property(MaxTest = 30)]
    public bool ManyRows_AndRowsLongerThanTheBuffer_AreWrittenWhole(PositiveInt rows, NonNegativeInt longRow)
    {
        var count = rows.Get % 3000;
        var longAt = count == 0 ? -1 : longRow.Get % count;
        using var output = new MemoryStream();
        var expected = new StringBuilder(string.Join(',', Columns.Result)).Append('\n');
        using (var writer = new CsvResultWriter(output, leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                var message = i == longAt ? string.Concat(Enumerable.Repeat("é😀,\"x", 40_000)) : $"row {i}: café 😀";
                writer.Write(new ResultLine($"INST-{i}", i + 1, "v11", "Ineligible", default, default, message.AsMemory()));
                expected.Append(CultureInfo.InvariantCulture, $"{CsvResultWriter.Escape($"INST-{i}")},{i + 1},v11,Ineligible,,,{CsvResultWriter.Escape(message)}\n");
            }
        }

        return Encoding.UTF8.GetString(output.ToArray()) == expected.ToString();
    }

    public static class CellText
    {
        private static readonly char[] Alphabet = ['a', ' ', ',', '"', '\'', '=', '+', '-', '@', '\t', '\r', '\n', 'é'];

        public static Arbitrary<string> Text() => Gen.ArrayOf(Gen.Elements(Alphabet)).Select(c => new string(c)).ToArbitrary();
    }
}
