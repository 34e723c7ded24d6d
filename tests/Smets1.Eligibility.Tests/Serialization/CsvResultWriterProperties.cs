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

    public static class CellText
    {
        private static readonly char[] Alphabet = ['a', ' ', ',', '"', '\'', '=', '+', '-', '@', '\t', '\r', '\n', 'é'];

        public static Arbitrary<string> Text() => Gen.ArrayOf(Gen.Elements(Alphabet)).Select(c => new string(c)).ToArbitrary();
    }
}
