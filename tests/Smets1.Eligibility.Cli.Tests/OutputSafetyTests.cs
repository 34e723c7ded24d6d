using System.Diagnostics;

namespace Smets1.Eligibility.Cli.Tests;

/// <summary>Nothing is overwritten by mistake, and a failed or interrupted run leaves the previous output as it was (FILES-AND-CLI.md).</summary>
public sealed class OutputSafetyTests
{
    private const string Header = "installation_id,assessed_at,cohort,meter_status,has_esme,has_gsme,dmc_id,chf_last_contact,gsme_last_contact";
    private const string Row = "A1,2021-11-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-1,2021-11-08T10:00:00Z,2021-11-08T10:00:00Z";
    private const string Epcl = "dmc_id,added_on\nDMC-1,2021-03-15\n";

    [Fact]
    public void Evaluate_OutputIsAnInput_IsAUsageErrorAndTheInputSurvives()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", $"{Header}\n{Row}\n");
        var epcl = scratch.File("e.csv", Epcl);
        var versions = scratch.File("v.json", """{ "label": "x", "based_on": "v17", "effective_from": "2021-11-05", "source": "s" }""");

        foreach (var (target, what) in new[] { (input, "installation file"), (epcl, "EPCL file"), (versions, "version file") })
        {
            var before = File.ReadAllText(target);
            var run = ToolRun.InProcess("evaluate", input, "--epcl", epcl, "--versions", versions, "--output", Path.Combine(scratch.Folder, ".", Path.GetFileName(target)));

            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains($"is the same file as the {what}", run.Error, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllText(target));
        }
    }

    [Fact]
    public void Evaluate_OutputIsASymbolicLinkToTheInput_IsAUsageError()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", $"{Header}\n{Row}\n");
        var link = scratch.PathOf("link.csv");
        File.CreateSymbolicLink(link, input);

        var run = ToolRun.InProcess("evaluate", input, "--epcl", scratch.File("e.csv", Epcl), "--output", link);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"{Header}\n{Row}\n", File.ReadAllText(input));
    }

    [Fact]
    public void Evaluate_OutputIsAHardLinkToTheEpcl_IsAUsageError()
    {
        using var scratch = new Scratch();
        var epcl = scratch.File("e.csv", Epcl);
        var link = scratch.PathOf("results.csv");
        using (var ln = Process.Start("ln", [epcl, link]))
        {
            ln.WaitForExit();
        }

        var run = ToolRun.InProcess("evaluate", scratch.File("in.csv", $"{Header}\n{Row}\n"), "--epcl", epcl, "--output", link);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("is the same file as the EPCL file", run.Error, StringComparison.Ordinal);
        Assert.Equal(Epcl, File.ReadAllText(epcl));
    }

    [Fact]
    public void Generate_SameFileForEstateAndEpcl_IsAUsageError()
    {
        using var scratch = new Scratch();
        var target = scratch.PathOf("x.csv");

        var run = ToolRun.InProcess("generate", "--rows", "5", "--output", target, "--epcl-output", target);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Diff_OutputIsItsInstallationFile_IsAUsageError()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", $"{Header}\n{Row}\n");

        var run = ToolRun.InProcess("diff", "v11", "v17", input, "--epcl", scratch.File("e.csv", Epcl), "--output", input);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"{Header}\n{Row}\n", File.ReadAllText(input));
    }

    [Fact]
    public void Evaluate_FailingHalfway_LeavesThePreviousOutputAndNoTemporaryFile()
    {
        using var scratch = new Scratch();
        var output = scratch.File("out.csv", "previous results\n");
        var rows = string.Join('\n', Enumerable.Range(1, 5000).Select(i => Row.Replace("A1", $"A{i}", StringComparison.Ordinal)));
        var input = scratch.File("in.csv", $"{Header}\n{rows}\n\"never closed\n");

        var run = ToolRun.InProcess("evaluate", input, "--epcl", scratch.File("e.csv", Epcl), "--output", output);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("previous results\n", File.ReadAllText(output));
        Assert.Equal(["e.csv", "in.csv", "out.csv"], Directory.GetFiles(scratch.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_Succeeding_ReplacesThePreviousOutput()
    {
        using var scratch = new Scratch();
        var output = scratch.File("out.csv", "previous results\n");

        var run = ToolRun.InProcess("evaluate", scratch.File("in.csv", $"{Header}\n{Row}\n"), "--epcl", scratch.File("e.csv", Epcl), "--output", output);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("installation_id,row,", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal(
            ["e.csv", "in.csv", "out.csv", "out.csv.run.json"],
            Directory.GetFiles(scratch.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_ToAFullDisk_ExitsWithOneAndOneLine()
    {
        if (!File.Exists("/dev/full"))
        {
            return; // Linux only
        }

        using var scratch = new Scratch();
        var run = ToolRun.Process("evaluate", scratch.File("in.csv", $"{Header}\n{Row}\n"), "--epcl", scratch.File("e.csv", Epcl), "--output", "/dev/full");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("the run failed", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_IntoAPipeClosedEarly_ExitsWithOne()
    {
        using var scratch = new Scratch();
        var big = scratch.PathOf("big.csv");
        Assert.Equal(ExitCodes.Ok, ToolRun.InProcess("generate", "--rows", "200000", "--seed", "3", "--output", big).ExitCode);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "smets1-eligibility.dll"), "evaluate", big, "--epcl", scratch.PathOf("big-epcl.csv") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadLine(); // like `| head -1`
        process.StandardOutput.Close();
        Assert.True(process.WaitForExit(60_000));
        var message = await error;

        Assert.Equal(ExitCodes.Failed, process.ExitCode);
        Assert.Contains("the run failed", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task Evaluate_SigtermMidway_LeavesThePreviousOutputAndNoTemporaryFile()
    {
        using var scratch = new Scratch();
        var big = scratch.PathOf("big.csv");
        Assert.Equal(ExitCodes.Ok, ToolRun.InProcess("generate", "--rows", "1000000", "--seed", "5", "--output", big).ExitCode);
        var output = scratch.File("out.csv", "previous results\n");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "smets1-eligibility.dll"), "evaluate", big, "--epcl", scratch.PathOf("big-epcl.csv"), "--output", output })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var waited = Stopwatch.StartNew();
        while (!Directory.GetFiles(scratch.Folder, "*.tmp").Any(f => new FileInfo(f).Length > 0) && waited.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
        {
            await Task.Delay(20);
        }

        Assert.False(process.HasExited, "the run finished before it could be interrupted; give it more rows");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(30_000));
        Assert.Equal(ExitCodes.Failed, process.ExitCode);
        Assert.Contains("interrupted", await error, StringComparison.Ordinal);
        Assert.Equal("previous results\n", File.ReadAllText(output));
        Assert.Empty(Directory.GetFiles(scratch.Folder, "*.tmp"));
    }
}
