namespace Smets1.Eligibility.Cli.Tests;

/// <summary>The tool on version files with facts, parameters and defined rules (RULE-FILES.md), and estates that use their columns.</summary>
public sealed class DefinedRulesCommandTests
{
    private static readonly string Acme = Smets1.Eligibility.Tests.RepositoryRoot.Combine("samples", "acme", "acme-2021.json");
    private static readonly string AcmeEstate = Smets1.Eligibility.Tests.RepositoryRoot.Combine("samples", "acme", "estate.csv");
    private static readonly string AcmeEpcl = Smets1.Eligibility.Tests.RepositoryRoot.Combine("samples", "acme", "epcl.csv");

    [Fact]
    public void Evaluate_AcmeSample_AppliesTheDefinedRulesRowForRow()
    {
        var run = ToolRun.InProcess("evaluate", AcmeEstate, "--epcl", AcmeEpcl, "--versions", Acme);

        Assert.Equal(ExitCodes.SomeInvalid, run.ExitCode); // two rows carry bad custom cells
        var rows = run.Lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0]);
        Assert.Equal(10, rows.Count);
        Assert.Equal(["acme-2021", "Eligible"], rows["ACME-001"][2..4]);
        Assert.Equal(["Deferred", "ACME-PSR-WELFARE"], rows["ACME-004"][3..5]);
        Assert.Equal("ACME-COMPLAINTS: open_complaints 3 is more than max_open_complaints 1", rows["ACME-005"][6]);
        Assert.Equal(["Ineligible", "ACME-NO-ACCESS"], rows["ACME-006"][3..5]); // "none": enums are case-insensitive
        Assert.Equal("Deferred", rows["ACME-007"][3]);                            // 73 h against Acme's 48 h window
        Assert.Equal("Eligible", rows["ACME-008"][3]);                            // blank psr takes its default, false
        Assert.Equal("ACME-009,9,,Invalid,,,\"column 'open_complaints' has '-1', expected a whole number at least 0\"", run.Lines[9]);
        Assert.Equal("ACME-010,10,,Invalid,,,\"column 'site_access' has 'BLOCKED', expected one of FULL, RESTRICTED, NONE\"", run.Lines[10]);
    }

    [Fact]
    public void Evaluate_CustomColumnWithoutTheVersionFile_IsAnUnknownColumn()
    {
        var run = ToolRun.InProcess("evaluate", AcmeEstate, "--epcl", AcmeEpcl);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("unknown column 'psr'", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Evaluate_InvalidVersionFile_WritesOneLinePerProblemAndNoOutput()
    {
        using var scratch = new Scratch();
        var file = scratch.File("bad.json", """
            { "label": "bad", "based_on": "v17", "effective_from": "2021-11-05", "source": "s",
              "facts": { "site_access": { "type": "enum", "values": ["FULL", "NONE"], "description": "d" } },
              "define_rules": [
                { "id": "B1", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "site_access", "more_than": "FULL" } },
                { "id": "B2", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "open_complaints", "is": 1 } } ] }
            """);
        var output = scratch.PathOf("out.csv");

        var run = ToolRun.InProcess("evaluate", AcmeEstate, "--versions", file, "--output", output);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("smets1-eligibility: bad.json: $.define_rules[0].when.more_than:", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("smets1-eligibility: bad.json: $.define_rules[1].when.fact: fact 'open_complaints' is not defined", lines[1], StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Rules_OfAVersionWithDefinedRules_ListsThemWithParametersAndSources()
    {
        var run = ToolRun.InProcess("rules", "--tmad", "acme-2021", "--versions", Acme);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith("ACME-COMPLAINTS,Deferred,,Acme policy 4.3,confirmed,defined in acme-2021,max_open_complaints=1 (Acme policy 4.3),", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("ACME-PSR-WELFARE,", StringComparison.Ordinal) && l.Contains("welfare_call_days=30 days (Acme policy 4.2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_AgainstItsBase_ListsTheDefinedRulesAsAdded()
    {
        var run = ToolRun.InProcess("diff", "v17", "acme-2021", "--versions", Acme, "--format", "markdown");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("| **`ACME-NO-ACCESS`** | — | **no access to the meter position** | Acme policy 5.1 |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| max_open_complaints (`max_open_complaints`) | ~~—~~ | **1** | Acme policy 4.3 |", run.Output, StringComparison.Ordinal);
    }
}
