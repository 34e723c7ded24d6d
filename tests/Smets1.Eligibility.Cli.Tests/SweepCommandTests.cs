namespace Smets1.Eligibility.Cli.Tests;

/// <summary><c>sweep</c> (FILES-AND-CLI.md): one pass over the file, one line per value, validated values.</summary>
public sealed class SweepCommandTests
{
    private static readonly string Estate = Smets1.Eligibility.Tests.RepositoryRoot.Combine("samples", "estate.csv");
    private static readonly string Epcl = Smets1.Eligibility.Tests.RepositoryRoot.Combine("samples", "epcl.csv");

    [Fact]
    public void Sweep_CommsWindow_AgreesWithSeparateEvaluateRunsOfVersionsSettingEachValue()
    {
        using var scratch = new Scratch();
        var sweep = ToolRun.InProcess("sweep", Estate, "--epcl", Epcl, "--tmad", "v17", "--parameter", "comms_window_hours", "--values", "24,48,72,96");

        Assert.Equal(ExitCodes.Ok, sweep.ExitCode);
        Assert.Equal("parameter,value,version_value,rows,Excluded,Ineligible,Deferred,Indeterminate,EligibleElectricityOnly,Eligible,Invalid,changed,top_transitions", sweep.Lines[0]);
        var hours = new[] { 24, 48, 72, 96 };
        for (var i = 0; i < hours.Length; i++)
        {
            var file = scratch.File($"w{hours[i]}.json", $$"""{ "label": "w{{hours[i]}}", "based_on": "v17", "effective_from": "1999-01-0{{i + 1}}", "source": "test", "parameters": { "comms_window_hours": { "value": {{hours[i]}}, "source": "test" } } }""");
            var evaluate = ToolRun.InProcess("evaluate", Estate, "--epcl", Epcl, "--versions", file, "--tmad", $"w{hours[i]}");
            var verdicts = evaluate.Lines.Skip(1).Select(l => l.Split(',')[3]).ToArray();
            var cells = sweep.Lines[i + 1].Split(',');
            Assert.Equal($"comms_window_hours,{hours[i]},{(hours[i] == 72 ? "yes" : "no")},241", string.Join(',', cells[..4]));
            string[] names = ["Excluded", "Ineligible", "Deferred", "Indeterminate", "EligibleElectricityOnly", "Eligible"];
            for (var v = 0; v < names.Length; v++)
            {
                Assert.Equal(verdicts.Count(x => x == names[v]).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[4 + v]);
            }
        }

        Assert.EndsWith(",0,", sweep.Lines[3], StringComparison.Ordinal); // the version's own value changes nothing
        Assert.Contains("Eligible→Deferred", sweep.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_ADefinedParameter_UsesTheVersionFile()
    {
        var acme = Smets1.Eligibility.Tests.RepositoryRoot.Combine("samples", "acme");
        var run = ToolRun.InProcess("sweep", Path.Combine(acme, "estate.csv"), "--epcl", Path.Combine(acme, "epcl.csv"), "--versions", Path.Combine(acme, "acme-2021.json"),
            "--tmad", "acme-2021", "--parameter", "max_open_complaints", "--values", "0,1,5");

        Assert.Equal(ExitCodes.SomeInvalid, run.ExitCode); // the sample has two Invalid rows
        Assert.StartsWith("max_open_complaints,1,yes,10,", run.Lines[2], StringComparison.Ordinal);
        Assert.Contains("Deferred→Eligible 1", run.Lines[3], StringComparison.Ordinal); // 3 complaints pass a limit of 5
    }

    [Theory]
    [InlineData("comms_window_hours", "48h", "'48h' is not a value of comms_window_hours")]
    [InlineData("cos_lookahead_days", "-1", "'-1' is not a value of cos_lookahead_days")]
    [InlineData("not_a_parameter", "1", "--parameter 'not_a_parameter' is not a parameter of v17")]
    public void Sweep_BadParameterOrValue_IsAUsageError(string parameter, string values, string expected)
    {
        var run = ToolRun.InProcess("sweep", Estate, "--epcl", Epcl, "--tmad", "v17", "--parameter", parameter, "--values", values);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Sweep_ToHtml_WritesAPageWithTheChartAndTable()
    {
        using var scratch = new Scratch();
        var page = scratch.PathOf("sweep.html");

        var run = ToolRun.InProcess("sweep", Estate, "--epcl", Epcl, "--tmad", "v17", "--parameter", "cos_lookahead_days", "--values", "2,9,14", "--output", page);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"sweep-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("<table id=\"sweep-table\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal); // self-contained: no network reference
    }
}
