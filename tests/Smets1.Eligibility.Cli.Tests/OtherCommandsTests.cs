using Smets1.Eligibility.Synthetic;
using Smets1.Eligibility.Testing;

namespace Smets1.Eligibility.Cli.Tests;

public sealed class OtherCommandsTests
{
    [Fact]
    public void Versions_ListsTheShippedVersionsWithDatesAndSources()
    {
        var run = ToolRun.InProcess("versions");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("label,effective_from,expiry,source,shipped,notes,fingerprint", run.Lines[0]);
        Assert.Matches("^v9,.*,[0-9a-f]{12}$", run.Lines[1]);
        Assert.StartsWith("v9,2020-12-18,2021-12-31,S003,yes,", run.Lines[1], StringComparison.Ordinal);
        Assert.StartsWith("v17,2021-11-04,2021-12-31,S000,yes,", run.Lines[3], StringComparison.Ordinal);
        Assert.StartsWith("v29,2025-10-17 (inferred),2025-12-31,S004,yes,", run.Lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_ForAVersion_ListsItsRulesWithParameterValues()
    {
        var lines = ToolRun.InProcess("rules", "--tmad", "v11").Lines;

        var chf = EvaluateCommandTests.CsvSplit(lines.Single(l => l.StartsWith("COMMS-RECENT-CHF,", StringComparison.Ordinal)));
        Assert.Equal(["COMMS-RECENT-CHF", "Deferred", string.Empty, "S000", "confirmed"], chf[..5]);
        Assert.Equal("comms_window_hours=24h (S000)", chf[6]);
        Assert.Contains(lines, l => l.StartsWith("IGT-CERTIFICATE,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("EXCL-GT01,", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_WithoutVersion_ListsTheCatalogueIncludingTheRuleNotAdopted()
    {
        var lines = ToolRun.InProcess("rules").Lines;

        Assert.Equal(22, lines.Length); // a header and the 21 rules of TMAD-RULES §5
        Assert.StartsWith("SUPPLIER-CERT-IDS,not adopted,", lines[^1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("EXCL-GT01,EligibleElectricityOnly (Excluded when the installation has no ESME)", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_UnknownVersion_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, ToolRun.InProcess("rules", "--tmad", "v99").ExitCode);
    }

    [Fact]
    public void Generate_WritesAnEstateAndEpclThatEvaluateEndToEnd()
    {
        using var scratch = new Scratch();
        var estate = scratch.PathOf("estate.csv");

        var generated = ToolRun.InProcess("generate", "--rows", "2500", "--seed", "5", "--output", estate);
        var evaluated = ToolRun.InProcess("evaluate", estate, "--epcl", scratch.PathOf("estate-epcl.csv"));

        Assert.Equal(ExitCodes.Ok, generated.ExitCode);
        Assert.Equal(2501, File.ReadAllLines(estate).Length);
        Assert.Equal(ExitCodes.Ok, evaluated.ExitCode);
        Assert.Equal(2500, evaluated.Lines.Length - 1);
    }

    [Fact]
    public void Generate_SameSeed_GivesTheSameFiles()
    {
        using var scratch = new Scratch();

        ToolRun.InProcess("generate", "--rows", "300", "--seed", "9", "--output", scratch.PathOf("a.csv"));
        ToolRun.InProcess("generate", "--rows", "300", "--seed", "9", "--output", scratch.PathOf("b.csv"));

        Assert.Equal(File.ReadAllBytes(scratch.PathOf("a.csv")), File.ReadAllBytes(scratch.PathOf("b.csv")));
        Assert.Equal(File.ReadAllBytes(scratch.PathOf("a-epcl.csv")), File.ReadAllBytes(scratch.PathOf("b-epcl.csv")));
    }

    [Fact]
    public void InstallationCsv_WrittenAndReadBack_GivesTheSameFacts()
    {
        var estate = new SyntheticEstate(seed: 3);
        var facts = estate.Installations(2000).ToArray();
        using var buffer = new MemoryStream();
        using (var writer = new InstallationCsvWriter(buffer))
        {
            foreach (var f in facts)
            {
                writer.Write(f);
            }
        }

        using var reader = new InstallationCsvReader(new StringReader(System.Text.Encoding.UTF8.GetString(buffer.ToArray())), "memory");
        var read = new List<InstallationFacts>();
        while (reader.TryRead(out var row))
        {
            Assert.Null(row.Invalid);
            read.Add(row.Facts!);
        }

        Assert.Equal(facts, read);
    }

    [Fact]
    public void Help_ListsTheCommands()
    {
        var run = ToolRun.InProcess("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "evaluate", "versions", "rules", "generate" })
        {
            Assert.Contains(command, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Versions_WithInferred_ListsTheErasMarkedInferred()
    {
        var without = ToolRun.InProcess("versions");
        var with = ToolRun.InProcess("versions", "--inferred");

        Assert.DoesNotContain(without.Lines, l => l.StartsWith("inferred-", StringComparison.Ordinal));
        Assert.Contains(with.Lines, l => l.StartsWith("inferred-2023-01,2023-01-01 (inferred),2024-03-31,P-EXP24", StringComparison.Ordinal) && l.Contains(",inferred era,", StringComparison.Ordinal));
        Assert.Equal(10, with.Lines.Length); // a header, four shipped versions, five eras
    }

    [Fact]
    public void Versions_Timeline_DrawsTheGapsThatTheTimelineCloses()
    {
        var off = ToolRun.InProcess("versions", "--timeline");
        var on = ToolRun.InProcess("versions", "--timeline", "--inferred");

        Assert.Equal(ExitCodes.Ok, off.ExitCode);
        Assert.Contains("  2022-01-01 to 2025-10-16", off.Lines);
        Assert.Contains("  2020-01-01 to 2020-12-17", off.Lines);
        Assert.DoesNotContain("  2022-01-01 to 2025-10-16", on.Lines);
        Assert.Contains(on.Lines, l => l.StartsWith("inferred-2024-04", StringComparison.Ordinal) && l.Contains('▒', StringComparison.Ordinal) && l.EndsWith("2024-04-01 to 2024-12-31", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_WithInferred_ResolvesA2023AssessmentToAnEraWithAWarning()
    {
        using var scratch = new Scratch();
        var file = scratch.File("estate.csv", "installation_id,assessed_at,cohort,meter_status,has_esme,has_gsme,dmc_id,chf_last_contact,gsme_last_contact\nI-1,2023-06-01T10:00:00Z,MOC_SECURE,ACTIVE,true,true,DMC-1,2023-05-31T10:00:00Z,2023-05-31T10:00:00Z\n");
        var epcl = scratch.File("epcl.csv", "dmc_id,added_on\nDMC-1,2023-01-10\n");

        var off = ToolRun.InProcess("evaluate", file, "--epcl", epcl);
        var on = ToolRun.InProcess("evaluate", file, "--epcl", epcl, "--inferred");

        Assert.StartsWith("I-1,1,,Indeterminate,VERSION-UNRESOLVED,,", off.Lines[1], StringComparison.Ordinal);
        Assert.Contains("--inferred", off.Lines[1], StringComparison.Ordinal);
        Assert.StartsWith("I-1,1,inferred-2023-01,Eligible,,VERSION-INFERRED,", on.Lines[1], StringComparison.Ordinal);
    }
}
