using System.Text.Json;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;
using Spectre.Console;

namespace Smets1.Eligibility.Cli.Tests;

public sealed class EvaluateCommandTests
{
    private const string Header = "installation_id,assessed_at,cohort,meter_status,has_esme,has_gsme,dmc_id,chf_last_contact,gsme_last_contact";
    private const string Epcl = "dmc_id,added_on,uneconomic_to_test\nDMC-1,2021-03-15,false\nDMC-2,2020-06-01,true\n";
    private const string GoodRow = "A1,2021-11-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-1,2021-11-08T10:00:00Z,2021-11-08T10:00:00Z";

    private static string[] Cells(string line) => CsvSplit(line);

    [Fact]
    public void Evaluate_LargeFileOnATerminal_ShowsProgressOnTheErrorConsoleAndWritesTheSameResults()
    {
        using var scratch = new Scratch();
        var input = scratch.PathOf("estate.csv");
        Assert.Equal(ExitCodes.Ok, ToolRun.InProcess("generate", "--rows", "30000", "--seed", "5", "--output", input).ExitCode);
        Assert.True(new FileInfo(input).Length >= 4 << 20, "the file must be large enough for a progress bar");
        var plain = ToolRun.InProcess("evaluate", input, "--epcl", scratch.PathOf("estate-epcl.csv"), "--output", scratch.PathOf("plain.csv"));
        Assert.DoesNotContain("evaluating", plain.Error, StringComparison.Ordinal); // standard error is not a terminal

        using var terminal = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        var code = new EvaluateCommand(TmadCatalog.Shipped, console, []).Run(
            new EvaluateCommand.Settings(input, scratch.PathOf("estate-epcl.csv"), null, null, scratch.PathOf("terminal.csv"), "csv"),
            Stream.Null);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("evaluating", terminal.ToString(), StringComparison.Ordinal);
        Assert.Contains("rows: 30,000", terminal.ToString(), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllLines(scratch.PathOf("plain.csv")), File.ReadAllLines(scratch.PathOf("terminal.csv")));
    }

    [Fact]
    public void Evaluate_NoFile_EvaluatesTheBundledSampleEstateRowByRow()
    {
        var run = ToolRun.InProcess("evaluate");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Lines;
        Assert.Equal("installation_id,row,tmad_version,verdict,failed_rules,warnings,message", lines[0]);
        Assert.Equal(241, lines.Length - 1);
        Assert.Equal(Enumerable.Range(1, 241).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Skip(1).Select(l => Cells(l)[1]));
        Assert.Contains("rows: 241", run.Error, StringComparison.Ordinal);
        Assert.Contains("rows/s", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SampleEstate_ExercisesEveryRuleAndEveryVerdict()
    {
        var resolved = ToolRun.InProcess("evaluate").Lines.Skip(1).Select(Cells).ToArray();
        var pinned = ToolRun.InProcess("evaluate", "--tmad", "v29").Lines.Skip(1).Select(Cells).ToArray();
        var inferred = ToolRun.InProcess("evaluate", "--inferred").Lines.Skip(1).Select(Cells).ToArray();

        var rules = resolved.Concat(pinned).Concat(inferred).SelectMany(c => c[4].Split(';').Concat(c[5].Split(';'))).Where(r => r.Length > 0).ToHashSet();
        var expectedRules = TmadCatalog.Shipped.Rules.Where(r => r.IsAdopted).Select(r => r.Id);
        Assert.All(expectedRules, id => Assert.Contains(id, rules));
        Assert.DoesNotContain(RuleIds.SupplierCertIds, rules);

        var verdicts = resolved.Select(c => c[3]).ToHashSet();
        Assert.All(Enum.GetNames<Verdict>().Where(v => v != nameof(Verdict.EligibleElectricityOnly)), v => Assert.Contains(v, verdicts));
        Assert.Contains(nameof(Verdict.EligibleElectricityOnly), pinned.Select(c => c[3]));
        Assert.Equal(["v11", "v17", "v29", "v9"], resolved.Select(c => c[2]).Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["FOC_BG", "FOC_NP", "IOC", "MOC_MDS", "MOC_SECURE"], File.ReadLines(SampleEstatePath()).Skip(1).Select(l => l.Split(',')[2]).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_WorkedExampleRow_WritesVersionVerdictRulesAndMessage()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", Header + "\nA1,2021-10-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-1,2021-10-08T09:00:00Z,2021-10-10T09:00:00Z\n");

        var run = ToolRun.InProcess("evaluate", input, "--epcl", scratch.File("epcl.csv", Epcl));

        Assert.Equal(
            "A1,1,v11,Deferred,COMMS-RECENT-CHF,,COMMS-RECENT-CHF: last contact 2021-10-08T09:00:00Z is 49h before assessment; v11 window is 24h",
            run.Lines[1]);
    }

    [Theory]
    [InlineData("cohort", "FOC_XX", "column 'cohort' has 'FOC_XX', expected one of IOC, MOC_MDS, MOC_SECURE, FOC_NP, FOC_BG")]
    [InlineData("assessed_at", "2021-02-30T10:00:00Z", "column 'assessed_at' has '2021-02-30T10:00:00Z'")]
    [InlineData("has_esme", "maybe", "column 'has_esme' has 'maybe', expected true or false")]
    [InlineData("failed_migration_attempts", "-1", "column 'failed_migration_attempts' has '-1', expected a whole number from 0 to 2,147,483,647")]
    [InlineData("planned_cos_date", "2021-02-30", "column 'planned_cos_date' has '2021-02-30', expected an ISO date")]
    public void Evaluate_UnparseableCell_GivesOneInvalidRowNamingColumnAndValueAndGoesOn(string column, string value, string expected)
    {
        using var scratch = new Scratch();
        var header = Header + ",failed_migration_attempts,planned_cos_date";
        var good = GoodRow + ",0,";
        var cells = Cells(good);
        var bad = cells.ToArray();
        bad[Array.IndexOf(header.Split(','), column)] = value;
        bad[0] = "A2";
        var input = scratch.File("in.csv", $"{header}\n{good}\n{string.Join(',', bad)}\n{good.Replace("A1", "A3", StringComparison.Ordinal)}\n");

        var run = ToolRun.InProcess("evaluate", input, "--epcl", scratch.File("epcl.csv", Epcl));

        Assert.Equal(ExitCodes.SomeInvalid, run.ExitCode);
        Assert.Equal(4, run.Lines.Length);
        var invalid = Cells(run.Lines[2]);
        Assert.Equal(["A2", "2", string.Empty, "Invalid", string.Empty, string.Empty], invalid[..6]);
        Assert.StartsWith(expected, invalid[6], StringComparison.Ordinal);
        Assert.Equal("Eligible", Cells(run.Lines[1])[3]);
        Assert.Equal("Eligible", Cells(run.Lines[3])[3]);
    }

    [Fact]
    public void Evaluate_SeveralBadCells_NamesEveryOne()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", Header + "\nA1,yesterday,FOC,ACTIVE,yes,true,DMC-1,,\n");

        var message = Cells(ToolRun.InProcess("evaluate", input, "--epcl", scratch.File("e.csv", Epcl)).Lines[1])[6];

        Assert.Contains("'assessed_at' has 'yesterday'", message, StringComparison.Ordinal);
        Assert.Contains("'cohort' has 'FOC'", message, StringComparison.Ordinal);
        Assert.Contains("'has_esme' has 'yes'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DuplicateId_MakesTheLaterRowInvalid()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", $"{Header}\n{GoodRow}\n{GoodRow}\n");

        var run = ToolRun.InProcess("evaluate", input, "--epcl", scratch.File("e.csv", Epcl));

        Assert.Equal(ExitCodes.SomeInvalid, run.ExitCode);
        Assert.Equal("Eligible", Cells(run.Lines[1])[3]);
        Assert.Equal("Invalid", Cells(run.Lines[2])[3]);
        Assert.Contains("installation_id 'A1' repeats an earlier row", Cells(run.Lines[2])[6], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BlankRequiredCells_GivesIndeterminateDataIncomplete()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", $"{Header}\nA1,2021-11-10T10:00:00Z,,ACTIVE,true,,DMC-1,2021-11-10T09:00:00Z,2021-11-10T09:00:00Z\n");

        var cells = Cells(ToolRun.InProcess("evaluate", input, "--epcl", scratch.File("e.csv", Epcl)).Lines[1]);

        Assert.Equal(["A1", "1", "v17", "Indeterminate", "DATA-INCOMPLETE", string.Empty, "DATA-INCOMPLETE: missing cohort, has_gsme"], cells);
    }

    [Fact]
    public void Evaluate_BlankInstallationId_IsInvalidNamingIt()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", $"{Header}\n{GoodRow.Replace("A1", string.Empty, StringComparison.Ordinal)}\n");

        var cells = Cells(ToolRun.InProcess("evaluate", input, "--epcl", scratch.File("e.csv", Epcl)).Lines[1]);

        // A result without a key cannot be joined back (FILES-AND-CLI.md, "Bad input").
        Assert.Equal("Invalid", cells[3]);
        Assert.Equal("installation_id is blank; every row needs a key to join its result back", cells[6]);
    }

    [Theory]
    [InlineData("installation_id,assessed_at,cohort,meter_status,has_esme,has_gsme", "missing required column dmc_id")]
    [InlineData(Header + ",colour", "unknown column 'colour' (column 10)")]
    [InlineData(Header + ",COHORT", "column 'COHORT' appears twice")]
    [InlineData("", "the file is empty")]
    public void Evaluate_BadHeader_IsAUsageErrorWithNoResultFile(string header, string expected)
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", header + "\n");
        var output = scratch.PathOf("out.csv");

        var run = ToolRun.InProcess("evaluate", input, "--epcl", scratch.File("e.csv", Epcl), "--output", output);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--as-of", "soon")]
    [InlineData("--tmad", "v99")]
    [InlineData("--colour", "red")]
    public void Evaluate_BadOption_IsAUsageErrorWithNoResultFile(string option, string value)
    {
        using var scratch = new Scratch();
        var output = scratch.PathOf("out.csv");

        var run = ToolRun.InProcess("evaluate", "--output", output, option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Evaluate_MissingFiles_AreUsageErrors()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", $"{Header}\n{GoodRow}\n");

        Assert.Equal(ExitCodes.Usage, ToolRun.InProcess("evaluate", scratch.PathOf("nope.csv")).ExitCode);
        var run = ToolRun.InProcess("evaluate", input, "--epcl", scratch.PathOf("nope.csv"));
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("cannot read the EPCL file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BadEpclRow_IsAUsageErrorNamingRowAndColumn()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", $"{Header}\n{GoodRow}\n");
        var epcl = scratch.File("e.csv", "dmc_id,added_on\nDMC-1,2021-03-15\nDMC-2,2021-13-01\n");

        var run = ToolRun.InProcess("evaluate", input, "--epcl", epcl);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("e.csv: line 3: column 'added_on' has '2021-13-01'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_QuotedFieldsCrlfBomAndColumnsInAnyOrderAndCase_AllWork()
    {
        using var scratch = new Scratch();
        var content = "DMC_ID,Cohort,\"INSTALLATION_ID\",Assessed_At,METER_STATUS,has_esme,HAS_GSME,chf_last_contact\r\n" +
                      "DMC-1,foc_np,\"A,1 \"\"quoted\"\"\",2021-11-10T10:00:00+01:00,active,TRUE,False,2021-11-10T08:00:00Z\r\n";
        var input = scratch.File("in.csv", content, bom: true);

        var run = ToolRun.InProcess("evaluate", input, "--epcl", scratch.File("e.csv", Epcl));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("\"A,1 \"\"quoted\"\"\",1,v17,Eligible,,,", run.Lines[1]);
    }

    [Fact]
    public void Evaluate_FormulaLikeCells_AreNeutralised()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", $"{Header}\n{GoodRow.Replace("A1", "=HYPERLINK(\"\"x\"\")", StringComparison.Ordinal).Replace("=HYPERLINK", "\"=HYPERLINK", StringComparison.Ordinal).Replace("\"\")", "\"\")\"", StringComparison.Ordinal)}\n{GoodRow.Replace("A1", "@SUM", StringComparison.Ordinal)}\n{GoodRow.Replace("A1", "-2", StringComparison.Ordinal)}\n{GoodRow.Replace("A1", "+1", StringComparison.Ordinal)}\n");

        var ids = ToolRun.InProcess("evaluate", input, "--epcl", scratch.File("e.csv", Epcl)).Lines.Skip(1).Select(l => Cells(l)[0]).ToArray();

        Assert.Equal(["'=HYPERLINK(\"x\")", "'@SUM", "'-2", "'+1"], ids);
    }

    [Fact]
    public void Evaluate_AsOf_FillsBlankAssessmentInstants()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", $"{Header}\nA1,,FOC_NP,ACTIVE,true,false,DMC-1,2021-11-09T23:00:00Z,\nA2,2021-03-01T10:00:00Z,IOC,ACTIVE,true,false,DMC-2,2021-03-01T09:00:00Z,\n");
        var epcl = scratch.File("e.csv", Epcl);

        var asDate = ToolRun.InProcess("evaluate", input, "--epcl", epcl, "--as-of", "2021-11-10").Lines;
        var noAsOf = ToolRun.InProcess("evaluate", input, "--epcl", epcl).Lines;

        Assert.Equal(["A1", "1", "v17", "Eligible"], Cells(asDate[1])[..4]);
        Assert.Equal("v11", Cells(asDate[2])[2]);
        Assert.Equal(["A1", "1", string.Empty, "Indeterminate", "DATA-INCOMPLETE"], Cells(noAsOf[1])[..5]);
    }

    [Fact]
    public void Evaluate_PinnedVersion_AppliesToEveryRow()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", $"{Header}\nA1,2022-06-01T10:00:00Z,FOC_NP,ACTIVE,true,false,DMC-1,2022-06-01T09:00:00Z,\n");

        var cells = Cells(ToolRun.InProcess("evaluate", input, "--epcl", scratch.File("e.csv", Epcl), "--tmad", "v17").Lines[1]);

        Assert.Equal(["v17", "Ineligible", "TMAD-IN-FORCE"], cells[2..5]);
    }

    [Fact]
    public void Evaluate_JsonFormat_WritesTheSameContentAsJsonLines()
    {
        var csv = ToolRun.InProcess("evaluate").Lines.Skip(1).Select(Cells).ToArray();
        var json = ToolRun.InProcess("evaluate", "--format", "json").Lines;

        Assert.Equal(csv.Length, json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            using var doc = JsonDocument.Parse(json[i]);
            var root = doc.RootElement;
            Assert.Equal(csv[i][0], root.GetProperty("installation_id").GetString());
            Assert.Equal(i + 1, root.GetProperty("row").GetInt32());
            Assert.Equal(csv[i][2], root.GetProperty("tmad_version").GetString() ?? string.Empty);
            Assert.Equal(csv[i][3], root.GetProperty("verdict").GetString());
            Assert.Equal(csv[i][4], string.Join(';', root.GetProperty("failed_rules").EnumerateArray().Select(e => e.GetString())));
            Assert.Equal(csv[i][5], string.Join(';', root.GetProperty("warnings").EnumerateArray().Select(e => e.GetString())));
            Assert.Equal(csv[i][6], root.GetProperty("message").GetString());
        }
    }

    [Fact]
    public void Evaluate_OutputOption_WritesTheFileAndNothingToStandardOutput()
    {
        using var scratch = new Scratch();
        var output = scratch.PathOf("results.csv");

        var run = ToolRun.InProcess("evaluate", "--output", output);

        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(242, File.ReadAllLines(output).Length);
    }

    [Fact]
    public void RealExecutable_ExitCodes_AreZeroTwoAndThree()
    {
        using var scratch = new Scratch();
        var invalid = scratch.File("in.csv", $"{Header}\n{GoodRow}\n{GoodRow}\n");

        Assert.Equal(0, ToolRun.Process("evaluate").ExitCode);
        Assert.Equal(3, ToolRun.Process("evaluate", invalid, "--epcl", scratch.File("e.csv", Epcl)).ExitCode);
        var usage = ToolRun.Process("evaluate", scratch.PathOf("missing.csv"));
        Assert.Equal(2, usage.ExitCode);
        Assert.Equal(string.Empty, usage.Output);
        Assert.Single(usage.Error.Trim().Split('\n'));
    }

    internal static string SampleEstatePath() => Smets1.Eligibility.Tests.RepositoryRoot.Combine("samples", "estate.csv");

    /// <summary>Splits one RFC 4180 line (no embedded newlines) into cells.</summary>
    internal static string[] CsvSplit(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
