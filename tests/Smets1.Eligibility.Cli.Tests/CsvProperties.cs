using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Smets1.Eligibility.Testing;

namespace Smets1.Eligibility.Cli.Tests;

/// <summary>The file contract as properties: round trips, and exactly one result per row however bad.</summary>
public sealed class CsvProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly (string Column, string Bad)[] Corruptions =
    [
        (Columns.Cohort, "FOC_XX"), (Columns.AssessedAt, "2021-02-30T10:00:00Z"), (Columns.HasEsme, "maybe"),
        (Columns.FailedMigrationAttempts, "-3"), (Columns.PlannedCosDate, "2021-02-30"), (Columns.ChfLastContact, "yesterday"),
        (Columns.MeterStatus, "ASLEEP"), (Columns.ProfileDataSwitch, "HALF"),
    ];

    [Fact]
    public void InstallationsWrittenInTheContractForm_ReadBackAsTheSameFacts()
    {
        Prop.ForAll(EligibilityGen.AnyInstallation.ToArbitrary(), facts =>
        {
            var read = ReadAll(Write([facts]));
            return read.Length == 1 && read[0].Invalid is null && Equals(read[0].Facts, facts);
        }).Check(Config);
    }

    [Fact]
    public void EveryBadRow_YieldsExactlyOneInvalidResult_AndEveryGoodRowIsRead()
    {
        var rows = from count in Gen.Choose(1, 12)
                   from facts in Gen.ArrayOf(EligibilityGen.Installation, count)
                   from corruptions in Gen.ArrayOf(Gen.Choose(-1, Corruptions.Length - 1), count)
                   select (facts, corruptions);
        Prop.ForAll(rows.ToArbitrary(), input =>
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
        }).Check(Config);
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

    private static ParsedRow[] ReadAll(byte[] csv)
    {
        using var reader = new InstallationCsvReader(new StreamReader(new MemoryStream(csv)), "memory");
        var rows = new List<ParsedRow>();
        while (reader.TryRead(out var row))
        {
            rows.Add(row);
        }

        return [.. rows];
    }
}
