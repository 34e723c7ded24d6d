using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Smets1.Eligibility.Testing;

namespace Smets1.Eligibility.Cli.Tests;

/// <summary>The file contract as properties: round trips, and exactly one result per row however bad.</summary>
public sealed class CsvProperties
{
    private static readonly (string Column, string Bad)[] Corruptions =
    [
        (Columns.Cohort, "FOC_XX"), (Columns.AssessedAt, "2021-02-30T10:00:00Z"), (Columns.HasEsme, "maybe"),
        (Columns.FailedMigrationAttempts, "-3"), (Columns.PlannedCosDate, "2021-02-30"), (Columns.ChfLastContact, "yesterday"),
        (Columns.MeterStatus, "ASLEEP"), (Columns.ProfileDataSwitch, "HALF"),
    ];

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Any)], MaxTest = 500)]
    public bool InstallationsWrittenInTheContractForm_ReadBackAsTheSameFacts(InstallationFacts facts)
    {
        var read = ReadAll(Write([facts]));
        return read.Length == 1 && read[0].Invalid is null && Equals(read[0].Facts, facts);
    }

    [Property(Arbitrary = [typeof(CorruptedFiles)], MaxTest = 500)]
    public bool EveryBadRow_YieldsExactlyOneInvalidResult_AndEveryGoodRowIsRead((InstallationFacts[] Facts, int[] Corruptions) input)
    {
        var (facts, corruptions) = input;
        facts = [.. facts.Select((f, i) => f with { InstallationId = $"ROW-{i}" })];
        var lines = Encoding.UTF8.GetString(Write(facts)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        for (var i = 0; i < facts.Length; i++)
        {
            if (corruptions[i] >= 0)
            {
                var cells = lines[i + 1].Split(',');
                var (column, bad) = Corruptions[corruptions[i]];
                cells[Array.IndexOf(header, column)] = bad;
                lines[i + 1] = string.Join(',', cells);
            }
        }

        var read = ReadAll(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        return read.Length == facts.Length
            && read.Select((r, i) => (r.Invalid is not null) == (corruptions[i] >= 0) && r.Row == i + 1 && r.InstallationId == $"ROW-{i}").All(ok => ok)
            && read.Where(r => r.Invalid is not null).All(r => Corruptions.Any(c => r.Invalid!.Contains($"column '{c.Column}' has '{c.Bad}'", StringComparison.Ordinal)));
    }

    /// <summary>Faults injected into one row's text: each keeps the row a row, so it must still yield exactly one result.</summary>
    private static readonly Func<string, int, string>[] Faults =
    [
        (line, seed) => Cell(line, 1 + (seed % 6), c => c.Length > 1 ? c[..1] + "\"" + c[1..] : "\"x\"y"),     // stray quote inside a cell
        (line, seed) => string.Join(',', line.Split(',')[..Math.Max(1, line.Split(',').Length - 1 - (seed % 3))]), // truncated row
        (line, seed) => line + ",extra",                                                                    // a cell too many
        (line, seed) => Cell(line, 7, _ => "DMC\u0000"),                                                    // a NUL character
        (line, seed) => Cell(line, 1, _ => seed % 2 == 0 ? "9999-12-31T23:00:00-05:00" : "0001-01-01T00:00:00+01:00"), // extreme instants
        (line, seed) => Cell(line, 10, _ => "9999-12-31"),                                                   // a look-ahead at the end of the calendar
        (line, seed) => Cell(line, 0, id => " \t" + id + "\t "),                                           // surrounding blanks
        (line, seed) => Cell(line, 3, _ => "\"DORMANT\"\"x\""),                                              // quoted, then text after the quote
    ];

    [Property(Arbitrary = [typeof(FaultyFiles)], MaxTest = 150)]
    public bool FilesWithInjectedFaults_AnswerEveryRowOnceInOrder_AndNeverThrow((InstallationFacts[] Facts, int[] Faults, int[] Seeds, int Duplicate, int InvalidUtf8) input)
    {
        var bytes = FaultyFile(input, out var facts);
        var duplicate = input.Duplicate;
        using var scratch = new Scratch();
        var path = Path.Combine(scratch.Folder, "in.csv");
        File.WriteAllBytes(path, bytes);
        var run = ToolRun.InProcess("evaluate", path, "--epcl", scratch.File("e.csv", "dmc_id,added_on\nDMC-1,2021-03-15\n"));
        var results = run.Lines.Skip(1).ToArray();
        return (run.ExitCode is ExitCodes.Ok or ExitCodes.SomeInvalid)
            && results.Length == facts.Length
            && results.Select((r, i) => r.StartsWith($"{facts[i].InstallationId},{i + 1},", StringComparison.Ordinal)).All(ok => ok)
            && (duplicate <= 0 || results[duplicate].Contains(",Invalid,", StringComparison.Ordinal));
    }

    /// <summary>The file a <see cref="FaultyFiles"/> case describes, and the installations it was written from (with their IDs).</summary>
    internal static byte[] FaultyFile((InstallationFacts[] Facts, int[] Faults, int[] Seeds, int Duplicate, int InvalidUtf8) input, out InstallationFacts[] facts)
    {
        var (generated, faults, seeds, duplicate, invalidUtf8) = input;
        facts = [.. generated.Select((f, i) => f with { InstallationId = $"ROW-{(i == duplicate && i > 0 ? 0 : i)}" })];
        var lines = Encoding.UTF8.GetString(Write(facts)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(lines[0] + "\n"));
        for (var i = 0; i < facts.Length; i++)
        {
            var line = faults[i] >= 0 ? Faults[faults[i]](lines[i + 1], seeds[i]) : lines[i + 1];
            bytes.AddRange(Encoding.UTF8.GetBytes(line));
            if (i == invalidUtf8)
            {
                bytes.AddRange([0xC3, 0x28]); // a broken two-byte sequence at the end of the last cell
            }

            bytes.Add((byte)'\n');
        }

        return [.. bytes];
    }

    private static string Cell(string line, int index, Func<string, string> change)
    {
        var cells = line.Split(',');
        if (index < cells.Length)
        {
            cells[index] = change(cells[index]);
        }

        return string.Join(',', cells);
    }

    private static byte[] Write(IEnumerable<InstallationFacts> installations)
    {
        using var buffer = new MemoryStream();
        using (var writer = new InstallationCsvWriter(buffer))
        {
            foreach (var facts in installations)
            {
                writer.Write(facts);
            }
        }

        return buffer.ToArray();
    }

    private static InstallationRow[] ReadAll(byte[] csv)
    {
        using var reader = new InstallationCsvReader(new StreamReader(new MemoryStream(csv)), "memory");
        var rows = new List<InstallationRow>();
        while (reader.TryRead(out var row))
        {
            rows.Add(row);
        }

        return [.. rows];
    }

    /// <summary>One to twelve installations, each left alone (-1) or with one cell replaced by a bad value.</summary>
    public static class CorruptedFiles
    {
        public static Arbitrary<(InstallationFacts[] Facts, int[] Corruptions)> Files() =>
            (from count in Gen.Choose(1, 12)
             from facts in Gen.ArrayOf(EligibilityGen.Installation, count)
             from corruptions in Gen.ArrayOf(Gen.Choose(-1, Corruptions.Length - 1), count)
             select (facts, corruptions)).ToArbitrary();
    }

    /// <summary>One to ten installations with faults, a repeated ID and a broken UTF-8 sequence here and there.</summary>
    public static class FaultyFiles
    {
        public static Arbitrary<(InstallationFacts[] Facts, int[] Faults, int[] Seeds, int Duplicate, int InvalidUtf8)> Files() =>
            (from count in Gen.Choose(1, 10)
             from facts in Gen.ArrayOf(EligibilityGen.Installation, count)
             from faults in Gen.ArrayOf(Gen.Choose(-1, Faults.Length - 1), count)
             from seeds in Gen.ArrayOf(Gen.Choose(0, 1000), count)
             from duplicate in Gen.Choose(-1, count - 1)
             from invalidUtf8 in Gen.Choose(-1, count - 1)
             select (facts, faults, seeds, duplicate, invalidUtf8)).ToArbitrary();
    }
}
