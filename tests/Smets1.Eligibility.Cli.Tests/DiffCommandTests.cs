namespace Smets1.Eligibility.Cli.Tests;

public sealed class DiffCommandTests
{
    private const string Header = "installation_id,assessed_at,cohort,meter_status,has_esme,has_gsme,dmc_id,chf_last_contact,igt,igt_certificate_valid";
    private const string Epcl = "dmc_id,added_on\nDMC-1,2021-03-15\n";
    private static readonly string ExampleVersions = Smets1.Eligibility.Tests.RepositoryRoot.Combine("samples", "versions", "v18.example.json");

    [Fact]
    public void Diff_V11V17_ShowsTheChangedAndRemovedRulesAndTheParameter()
    {
        var run = ToolRun.InProcess("diff", "v11", "v17");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(run.Lines, l => l.Contains("COMMS-RECENT-CHF", StringComparison.Ordinal) && l.Contains("comms_window_hours: 24h → 72h", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Contains("COMMS-RECENT-GSME", StringComparison.Ordinal) && l.Contains("changed", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Contains("IGT-CERTIFICATE", StringComparison.Ordinal) && l.Contains("removed", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_WithAnEstate_ListsTheInstallationsThatFlipAndWritesThemAsCsv()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", Header + "\n" +
            "STALE,2021-10-10T10:00:00Z,IOC,ACTIVE,true,false,DMC-1,2021-10-08T10:00:00Z,false,\n" +
            "FRESH,2021-10-10T10:00:00Z,IOC,ACTIVE,true,false,DMC-1,2021-10-10T09:00:00Z,false,\n" +
            "IGT,2021-10-10T10:00:00Z,IOC,ACTIVE,true,false,DMC-1,2021-10-10T09:00:00Z,true,false\n" +
            "BAD,2021-10-10T10:00:00Z,XXX,ACTIVE,true,false,DMC-1,,false,\n");
        var output = scratch.PathOf("changes.csv");

        var run = ToolRun.InProcess("diff", "v11", "v17", input, "--epcl", scratch.File("e.csv", Epcl), "--output", output);

        Assert.Equal(ExitCodes.SomeInvalid, run.ExitCode);
        Assert.Contains("installations replayed under each version: 3; changed: 2", run.Output, StringComparison.Ordinal);
        Assert.Contains("Deferred → Eligible: 1", run.Output, StringComparison.Ordinal);
        Assert.Contains("Ineligible → Eligible: 1", run.Output, StringComparison.Ordinal);
        Assert.Equal(
            [
                "installation_id,row,from_version,to_version,from_verdict,to_verdict,from_failed_rules,to_failed_rules,responsible_rules",
                "STALE,1,v11,v17,Deferred,Eligible,COMMS-RECENT-CHF,,COMMS-RECENT-CHF",
                "IGT,3,v11,v17,Ineligible,Eligible,IGT-CERTIFICATE,,IGT-CERTIFICATE",
            ],
            File.ReadAllLines(output));
        Assert.Contains("1 rows were Invalid", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_Markdown_IsARedline()
    {
        var markdown = ToolRun.InProcess("diff", "v9", "v11", "--format", "markdown").Output;

        Assert.StartsWith("# TMAD v9 → v11: redline", markdown, StringComparison.Ordinal);
        Assert.Contains("| `COS-LOOKAHEAD` | cos_lookahead_days ~~2 days~~ | cos_lookahead_days **9 days** | S003 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| **`DORMANT-PROFILE-SWITCH`** |", markdown, StringComparison.Ordinal);
        Assert.Contains("| **`EXCL-DIRECTED`** |", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v11", "v99")]
    [InlineData("v18", "v17")]
    public void Diff_UnknownVersion_IsAUsageError(string from, string to)
    {
        var run = ToolRun.InProcess("diff", from, to);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("is not a known version", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_EstateWithoutEpcl_IsAUsageError()
    {
        using var scratch = new Scratch();

        Assert.Equal(ExitCodes.Usage, ToolRun.InProcess("diff", "v11", "v17", scratch.File("in.csv", Header + "\n")).ExitCode);
    }

    [Fact]
    public void VersionsFile_RegistersTheExampleForEveryCommand()
    {
        var versions = ToolRun.InProcess("versions", "--versions", ExampleVersions);
        var diff = ToolRun.InProcess("diff", "v17", "v18-example", "--versions", ExampleVersions);
        var evaluate = ToolRun.InProcess("evaluate", "--versions", ExampleVersions);

        Assert.Contains(versions.Lines, l => l.StartsWith("v18-example,2021-12-15 (inferred),2022-12-31,", StringComparison.Ordinal));
        Assert.Contains(diff.Lines, l => l.Contains("EXCL-GT01", StringComparison.Ordinal) && l.Contains("P-V1: Clause 18, gas-side HAN error GT01", StringComparison.Ordinal));
        Assert.Contains(evaluate.Lines, l => EvaluateCommandTests.CsvSplit(l)[2] == "v18-example");
    }

    [Fact]
    public void VersionsFile_Invalid_IsAUsageErrorNamingFieldAndExpectation()
    {
        using var scratch = new Scratch();
        var file = scratch.File("v18.json", """{ "label": "v18", "based_on": "v16", "effective_from": "2021-12-15", "source": "s", "parameters": { "comms_window_hours": { "value": -1, "source": "s" } } }""");

        var run = ToolRun.InProcess("versions", "--versions", file);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("v18.json: $.parameters.comms_window_hours.value: expected a whole number of 1 or more, got -1", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Rules_MarkdownRuleBook_ListsRulesParametersAndOpenQuestions()
    {
        var markdown = ToolRun.InProcess("rules", "--tmad", "v29", "--format", "markdown").Output;

        Assert.StartsWith("# TMAD v29: rule book", markdown, StringComparison.Ordinal);
        Assert.Contains("| `EXCL-GT01` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| failed-attempt threshold (`failed_attempt_threshold`) | 5 | P-V1 | inferred:", markdown, StringComparison.Ordinal);
        Assert.Contains("## Open questions", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_MarkdownWithoutVersion_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, ToolRun.InProcess("rules", "--format", "markdown").ExitCode);
    }
}
