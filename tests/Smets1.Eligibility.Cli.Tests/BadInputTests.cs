using System.Text;

namespace Smets1.Eligibility.Cli.Tests;

/// <summary>Hostile input (FILES-AND-CLI.md, "Bad input"): one result per data row, a usage error only where the contract says, never a stack trace.</summary>
public sealed class BadInputTests
{
    private const string Header = "installation_id,assessed_at,cohort,meter_status,has_esme,has_gsme,dmc_id,chf_last_contact,gsme_last_contact";
    private const string Epcl = "dmc_id,added_on\nDMC-1,2021-03-15\n";

    private static string Row(string id, string dmc = "DMC-1") =>
        $"{id},2021-11-10T10:00:00Z,FOC_NP,ACTIVE,true,true,{dmc},2021-11-08T10:00:00Z,2021-11-08T10:00:00Z";

    private static ToolRun Evaluate(Scratch scratch, byte[] content, params string[] more) =>
        ToolRun.InProcess(["evaluate", Write(scratch, "in.csv", content), "--epcl", scratch.File("e.csv", Epcl), .. more]);

    private static ToolRun Evaluate(Scratch scratch, string content, params string[] more) => Evaluate(scratch, Encoding.UTF8.GetBytes(content), more);

    private static string Write(Scratch scratch, string name, byte[] content)
    {
        var path = scratch.PathOf(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void StrayQuoteInAnUnquotedCell_MakesOnlyThatRowInvalid()
    {
        using var scratch = new Scratch();
        var run = Evaluate(scratch, $"{Header}\n{Row("A1", "DMC\"7")}\n{Row("A2")}\n{Row("A3")}\n");

        Assert.Equal(ExitCodes.SomeInvalid, run.ExitCode);
        Assert.Equal(4, run.Lines.Length); // header + one result per data row: the quote swallowed nothing
        Assert.StartsWith("A1,1,,Invalid,,,\"column 'dmc_id' has a stray quote", run.Lines[1], StringComparison.Ordinal);
        Assert.StartsWith("A2,2,v17,Eligible", run.Lines[2], StringComparison.Ordinal);
        Assert.StartsWith("A3,3,v17,Eligible", run.Lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedCellNeverClosed_IsAUsageErrorNamingTheLineWhereItOpened()
    {
        using var scratch = new Scratch();
        var output = scratch.PathOf("out.csv");
        var run = Evaluate(scratch, $"{Header}\n{Row("A1")}\n{Row("\"A2")}\n{Row("A3")}\n", "--output", output);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("in.csv: line 3: a quoted cell opens here and is never closed", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void CellLongerThan64KiB_IsAUsageErrorAndMemoryStaysBounded()
    {
        using var scratch = new Scratch();
        var huge = new string('x', (1 << 20) + 5); // 1 MiB inside one open quote
        var run = Evaluate(scratch, $"{Header}\n{Row("A1")}\n\"{huge}\n");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("line 3: a quoted cell opens here and runs past 64 KiB", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_MakesTheRowInvalidNamingTheColumn_AndNeverCollidesAsADuplicate()
    {
        using var scratch = new Scratch();
        var content = new List<byte>(Encoding.UTF8.GetBytes($"{Header}\n"));
        content.AddRange(Encoding.UTF8.GetBytes("ID-"));
        content.Add(0xFF); // not UTF-8
        content.AddRange(Encoding.UTF8.GetBytes(Row(string.Empty)[0..] + "\n"));
        content.AddRange(Encoding.UTF8.GetBytes("ID-"));
        content.Add(0xFE); // a different invalid byte: the same text once replaced
        content.AddRange(Encoding.UTF8.GetBytes(Row(string.Empty) + "\n"));
        content.AddRange(Encoding.UTF8.GetBytes(Row("A3", "DMC-\u00e9") + "\n")); // valid UTF-8 (é) stays valid

        var run = Evaluate(scratch, [.. content]);

        Assert.Equal(4, run.Lines.Length);
        Assert.Contains("column 'installation_id' holds bytes that are not valid UTF-8", run.Lines[1], StringComparison.Ordinal);
        Assert.Contains("column 'installation_id' holds bytes that are not valid UTF-8", run.Lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("repeats", run.Lines[2], StringComparison.Ordinal);
        Assert.StartsWith("A3,3,v17,Ineligible,EPCL-LISTED", run.Lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void NulCharacter_MakesTheRowInvalid()
    {
        using var scratch = new Scratch();
        var run = Evaluate(scratch, $"{Header}\n{Row("A\01")}\n");

        Assert.Contains("holds bytes that are not valid UTF-8 or a NUL character", run.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateIdAfterAnInvalidRowWithThatId_IsInvalidToo()
    {
        using var scratch = new Scratch();
        var bad = Row("A1").Replace("FOC_NP", "FOC_XX", StringComparison.Ordinal);
        var run = Evaluate(scratch, $"{Header}\n{bad}\n{Row("A1")}\n");

        Assert.Contains("column 'cohort' has 'FOC_XX'", run.Lines[1], StringComparison.Ordinal);
        Assert.StartsWith("A1,2,,Invalid,,,installation_id 'A1' repeats an earlier row", run.Lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void SurroundingSpacesAndTabs_AreTrimmedFromEveryCellIdsIncluded()
    {
        using var scratch = new Scratch();
        var run = Evaluate(scratch, $"{Header}\n{Row(" \tA1 ", " DMC-1\t")}\n{Row("A1")}\n");

        Assert.StartsWith("A1,1,v17,Eligible", run.Lines[1], StringComparison.Ordinal); // the DMC matches the EPCL once trimmed
        Assert.Contains("repeats an earlier row", run.Lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dmc_id,added_on\nDMC-1,2021-03\"15\n", "e.csv: line 2: column 'added_on' has a stray quote")]
    [InlineData("dmc_id,added_on\nDMC-1,2021-03-15,extra\n", "e.csv: line 2: the row has 3 cells but the header has 2")]
    [InlineData("dmc_id,added_on\n\"DMC-1,2021-03-15\n", "e.csv: line 2: a quoted cell opens here and is never closed")]
    public void BadEpclFile_IsAUsageErrorNamingFileAndLine(string epcl, string expected)
    {
        using var scratch = new Scratch();
        var run = ToolRun.InProcess("evaluate", scratch.File("in.csv", $"{Header}\n{Row("A1")}\n"), "--epcl", scratch.File("e.csv", epcl));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SemicolonDelimitedFile_GetsAHint()
    {
        using var scratch = new Scratch();
        var run = Evaluate(scratch, $"{Header.Replace(',', ';')}\n");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("seems to use ';' between cells", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMarkWrittenTwice_IsIgnored()
    {
        using var scratch = new Scratch();
        var run = Evaluate(scratch, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"\uFEFF{Header}\n{Row("A1")}\n")]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("A1,1,v17,Eligible", run.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void FailedMigrationAttemptsAboveTheIntegerRange_NamesTheAllowedRange()
    {
        using var scratch = new Scratch();
        var run = Evaluate(scratch, $"{Header},failed_migration_attempts\n{Row("A1")},2147483648\n{Row("A2")},+5\n");

        Assert.Contains("expected a whole number from 0 to 2,147,483,647", run.Lines[1], StringComparison.Ordinal);
        Assert.Contains("expected a whole number from 0 to 2,147,483,647", run.Lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31T23:00:00-05:00")] // past the end of the calendar once in UTC
    [InlineData("0001-01-01T00:00:00+05:00")] // before its start
    public void InstantOutsideTheCalendar_MakesTheRowInvalid(string instant)
    {
        using var scratch = new Scratch();
        var run = Evaluate(scratch, $"{Header}\n{Row("A1").Replace("2021-11-10T10:00:00Z", instant, StringComparison.Ordinal)}\n{Row("A2")}\n");

        Assert.Equal(ExitCodes.SomeInvalid, run.ExitCode);
        Assert.StartsWith("A1,1,,Invalid,,,\"column 'assessed_at' has", run.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void DatesAtTheEndOfTheCalendar_AreEvaluatedWithoutOverflow()
    {
        using var scratch = new Scratch();
        var run = ToolRun.InProcess(
            "evaluate",
            scratch.File("in.csv", $"{Header},planned_cos_date\n{Row("A1")},9999-12-31\n{Row("A2", "DMC-9")},\n"),
            "--epcl",
            scratch.File("e.csv", "dmc_id,added_on\nDMC-1,2021-03-15\nDMC-9,9999-12-31\n"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("A1,1,v17,Eligible", run.Lines[1], StringComparison.Ordinal);
        Assert.StartsWith("A2,2,v17,Ineligible,EPCL-LISTED", run.Lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void MarkupCharactersInLabelsSourcesAndParameters_ArePrintedAsText()
    {
        using var scratch = new Scratch();
        var versions = scratch.File("v.json", """
            { "label": "v[red]18[/]", "based_on": "v17", "effective_from": "2021-11-05", "source": "[bold]policy[/] [",
              "parameters": { "note_text": { "type": "text", "value": "[x]", "source": "[s]" } } }
            """);
        var input = scratch.File("in.csv", $"{Header}\n{Row("A1")}\n");

        foreach (var args in new[]
        {
            new[] { "versions", "--versions", versions },
            ["versions", "--timeline", "--versions", versions],
            ["rules", "--tmad", "v[red]18[/]", "--versions", versions, "--format", "markdown"],
            ["diff", "v17", "v[red]18[/]", "--versions", versions],
            ["diff", "v17", "v[red]18[/]", input, "--epcl", scratch.File("e.csv", Epcl), "--versions", versions],
            ["evaluate", input, "--epcl", scratch.File("e2.csv", Epcl), "--versions", versions, "--tmad", "v[red]18[/]"],
        })
        {
            var run = ToolRun.InProcess(args);
            Assert.True(run.ExitCode is ExitCodes.Ok or ExitCodes.SomeInvalid, string.Join(' ', args) + ": " + run.Error);
            Assert.Contains(args[0] == "rules" ? "[bold]policy[/] [" : "v[red]18[/]", run.Output + run.Error, StringComparison.Ordinal);
        }
    }
}
