using System.Diagnostics;
using System.IO.Compression;

namespace Smets1.Eligibility.Cli.Tests;

/// <summary><c>report</c>: one self-contained page, every piece of data escaped, rendered by a real browser where one is installed.</summary>
public sealed class ReportCommandTests
{
    private const string Header = "installation_id,assessed_at,cohort,meter_status,has_esme,has_gsme,dmc_id,chf_last_contact,gsme_last_contact";
    private const string Probe = "<script>alert('x')</script>";
    private static readonly string Estate = Smets1.Eligibility.Tests.RepositoryRoot.Combine("samples", "estate.csv");
    private static readonly string Epcl = Smets1.Eligibility.Tests.RepositoryRoot.Combine("samples", "epcl.csv");
    private static readonly string[] Sections = ["verdict-chart", "verdict-table", "rule-chart", "rule-table", "cohort-chart", "month-chart", "warning-table", "invalid-table", "versions"];

    [Fact]
    public void Report_OfTheSample_HoldsEveryChartAndTableAndNoNetworkReference()
    {
        using var scratch = new Scratch();
        var page = scratch.PathOf("report.html");

        var run = ToolRun.InProcess("report", Estate, "--epcl", Epcl, "--inferred", "--output", page);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var html = File.ReadAllText(page);
        Assert.All(Sections, id => Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal));
        Assert.Contains("241 rows", html, StringComparison.Ordinal);
        Assert.Contains("inferred-2023-01 (inferred)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(http", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_InstallationIdThatIsMarkup_StaysText()
    {
        using var scratch = new Scratch();
        var input = scratch.File("in.csv", $"{Header}\n\"{Probe}\",2021-11-10T10:00:00Z,FOC_XX,ACTIVE,true,true,DMC-1,,\n");
        var page = scratch.PathOf("report.html");

        var run = ToolRun.InProcess("report", input, "--epcl", scratch.File("e.csv", "dmc_id,added_on\nDMC-1,2021-03-15\n"), "--output", page);

        Assert.Equal(ExitCodes.SomeInvalid, run.ExitCode);
        var html = File.ReadAllText(page);
        Assert.DoesNotContain(Probe, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void Report_InABrowser_LoadsWithoutErrorsAndDrawsEveryChart()
    {
        using var scratch = new Scratch();
        var estate = scratch.PathOf("estate.csv");
        Assert.Equal(ExitCodes.Ok, ToolRun.InProcess("generate", "--rows", "3000", "--seed", "11", "--output", estate).ExitCode);
        var lines = File.ReadAllLines(estate);
        lines[5] = $"\"{Probe}\"" + lines[5][lines[5].IndexOf(',', StringComparison.Ordinal)..].Replace("FOC_NP", "FOC_??", StringComparison.Ordinal).Replace("IOC", "I?C", StringComparison.Ordinal).Replace("MOC_MDS", "??", StringComparison.Ordinal).Replace("MOC_SECURE", "??", StringComparison.Ordinal).Replace("FOC_BG", "??", StringComparison.Ordinal);
        File.WriteAllLines(estate, lines);

        foreach (var (input, epcl) in new[] { (Estate, Epcl), (estate, scratch.PathOf("estate-epcl.csv")) })
        {
            var page = scratch.PathOf($"report-{Path.GetFileNameWithoutExtension(input)}.html");
            Assert.Contains(ToolRun.InProcess("report", input, "--epcl", epcl, "--inferred", "--output", page).ExitCode, new[] { ExitCodes.Ok, ExitCodes.SomeInvalid });

            var (dom, log) = Chromium(scratch, page, "--dump-dom");
            Assert.All(Sections, id => Assert.Contains($"id=\"{id}\"", dom, StringComparison.Ordinal));
            Assert.DoesNotContain("CONSOLE", log, StringComparison.Ordinal); // no console message at all, errors included
            Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);

            var screenshot = scratch.PathOf($"{Path.GetFileNameWithoutExtension(input)}.png");
            Chromium(scratch, page, $"--screenshot={screenshot}", "--window-size=1200,2000");
            Assert.True(DistinctPixelBytes(screenshot) > 16, "the screenshot is blank");
        }

        var generated = File.ReadAllText(scratch.PathOf("report-estate.html"));
        Assert.Contains("&lt;script&gt;", generated, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void Report_WithAuditAndWorkList_InABrowser_LoadsWithoutErrors()
    {
        using var scratch = new Scratch();
        var estate = scratch.PathOf("estate.csv");
        Assert.Equal(ExitCodes.Ok, ToolRun.InProcess("generate", "--rows", "400", "--seed", "3", "--output", estate).ExitCode);
        string[] recorded = ["Eligible", "Deferred", string.Empty, "Ineligible", "EligibleElectricityOnly"];
        var lines = File.ReadAllLines(estate);
        File.WriteAllLines(estate, [lines[0] + ",recorded_verdict", .. lines[1..].Select((l, i) => $"{l},{recorded[i % recorded.Length]}")]);
        var page = scratch.PathOf("report.html");
        Assert.Equal(ExitCodes.Ok, ToolRun.InProcess("report", estate, "--epcl", scratch.PathOf("estate-epcl.csv"), "--remedies", "--output", page).ExitCode);

        var (dom, log) = Chromium(scratch, page, "--dump-dom");

        Assert.All((string[])["audit-findings", "audit-matrix", "audit-matrix-chart", "audit-lenient", "work-list-table", .. Sections], id => Assert.Contains($"id=\"{id}\"", dom, StringComparison.Ordinal));
        Assert.DoesNotContain("CONSOLE", log, StringComparison.Ordinal);
    }

    private static (string Output, string Error) Chromium(Scratch scratch, string page, params string[] args)
    {
        var start = new ProcessStartInfo(ChromiumFactAttribute.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--enable-logging=stderr", "--v=0", $"--user-data-dir={System.IO.Path.Combine(scratch.Folder, "chromium")}", .. args, new Uri(page).AbsoluteUri])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "Chromium did not finish");
        return (output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    /// <summary>How many different byte values the PNG's pixels hold: a blank page has one or two.</summary>
    private static int DistinctPixelBytes(string png)
    {
        var bytes = File.ReadAllBytes(png);
        using var idat = new MemoryStream();
        for (var i = 8; i + 8 <= bytes.Length;)
        {
            var length = (bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3];
            var type = System.Text.Encoding.ASCII.GetString(bytes, i + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(bytes, i + 8, length);
            }

            i += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return inflated.ToArray().Distinct().Count();
    }
}

/// <summary>A test that needs Debian's Chromium: reported as skipped, with the reason, where it is not installed (<c>.ci/run</c> installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path))
        {
            Skip = $"Chromium is not installed at {Path} (apt-get install chromium); .ci/run installs it so CI always runs this test.";
        }
    }
}
