using System.Text.Json;
using System.Text.Json.Nodes;

namespace Smets1.Eligibility.Cli.Tests;

/// <summary>Run records beside outputs and <c>verify</c> (AUDIT.md §3).</summary>
public sealed class RunRecordTests
{
    private const string Epcl = "dmc_id,added_on\nDMC-1,2021-03-15\n";
    private const string Estate = "installation_id,assessed_at,cohort,meter_status,has_esme,has_gsme,dmc_id,chf_last_contact,gsme_last_contact\n"
        + "A1,2021-10-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-1,2021-10-08T10:00:00Z,2021-10-08T10:00:00Z\n"
        + "A2,2021-11-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-1,2021-11-08T10:00:00Z,2021-11-08T10:00:00Z\n";

    private static (Scratch Scratch, string Output) Evaluated()
    {
        var scratch = new Scratch();
        var output = scratch.PathOf("results.csv");
        var run = ToolRun.InProcess("evaluate", scratch.File("estate.csv", Estate), "--epcl", scratch.File("epcl.csv", Epcl), "--output", output);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        return (scratch, output);
    }

    [Fact]
    public void Evaluate_WithOutput_WritesARunRecordBesideIt()
    {
        var (scratch, output) = Evaluated();
        using (scratch)
        {
            using var record = JsonDocument.Parse(File.ReadAllText(output + ".run.json"));
            var root = record.RootElement;

            Assert.Equal("evaluate", root.GetProperty("command").GetString());
            Assert.Equal(["installations", "epcl"], root.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("role").GetString()));
            Assert.Equal(64, root.GetProperty("inputs")[0].GetProperty("sha256").GetString()!.Length);
            Assert.Equal(2, root.GetProperty("output").GetProperty("rows").GetInt32());
            Assert.Equal(1, root.GetProperty("output").GetProperty("by_verdict").GetProperty("Deferred").GetInt32());
            var v17 = root.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("label").GetString() == "v17");
            Assert.Equal(TmadCatalogFingerprint("v17"), v17.GetProperty("fingerprint").GetString());
            Assert.True(root.TryGetProperty("started_at", out _) && root.TryGetProperty("ended_at", out _));
        }
    }

    [Fact]
    public void Verify_UnchangedRun_IsReproduced()
    {
        var (scratch, output) = Evaluated();
        using (scratch)
        {
            var run = ToolRun.InProcess("verify", output + ".run.json");

            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.StartsWith("reproduced:", run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Verify_ChangedInput_NamesItAndExits2()
    {
        var (scratch, output) = Evaluated();
        using (scratch)
        {
            File.AppendAllText(scratch.PathOf("epcl.csv"), "DMC-2,2021-04-01\n");
            File.Delete(scratch.PathOf("estate.csv"));

            var run = ToolRun.InProcess("verify", output + ".run.json");

            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains("epcl.csv (epcl): SHA-256 differs", run.Output, StringComparison.Ordinal);
            Assert.Contains("estate.csv (installations): missing", run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Verify_OutputThatNoLongerReproduces_NamesChangedRulesAndRows()
    {
        // As if an older tool had written this output and record: another verdict for A2, another v17 window rule.
        var (scratch, output) = Evaluated();
        using (scratch)
        {
            var lines = File.ReadAllLines(output);
            lines[2] = "A2,2,v17,Deferred,COMMS-RECENT-CHF,,COMMS-RECENT-CHF: older message";
            File.WriteAllLines(output, lines);
            var record = JsonNode.Parse(File.ReadAllText(output + ".run.json"))!;
            record["output"]!["sha256"] = Sha256(output);
            var v17 = record["versions"]!.AsArray().Single(v => v!["label"]!.GetValue<string>() == "v17")!;
            v17["fingerprint"] = new string('0', 64);
            v17["rules"]!["COMMS-RECENT-CHF"] = new string('1', 64);
            File.WriteAllText(output + ".run.json", record.ToJsonString());

            var run = ToolRun.InProcess("verify", output + ".run.json");

            Assert.Equal(ExitCodes.Finding, run.ExitCode);
            Assert.StartsWith("differs:", run.Output, StringComparison.Ordinal);
            Assert.Contains("version v17: fingerprint 000000000000", run.Output, StringComparison.Ordinal);
            Assert.Contains("v17 rule COMMS-RECENT-CHF: changed", run.Output, StringComparison.Ordinal);
            Assert.Contains("row 2: A2 Deferred [COMMS-RECENT-CHF] -> A2 Eligible []", run.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    // A missing record, one that is not JSON, and one without the keys the tool writes.
    [InlineData(null)]
    [InlineData("not json")]
    [InlineData("""{ "command": "evaluate" }""")]
    public void Verify_MissingOrMalformedRecord_IsAUsageError(string? content)
    {
        using var scratch = new Scratch();
        var path = content is null ? scratch.PathOf("none.run.json") : scratch.File("bad.run.json", content);

        var run = ToolRun.InProcess("verify", path);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("smets1-eligibility: run record", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Versions_AsJson_GiveEachWholeFingerprint_AndCsvAndRulesItsFirst12()
    {
        var json = ToolRun.InProcess("versions", "--format", "json");
        var csv = ToolRun.InProcess("versions");
        var rules = ToolRun.InProcess("rules");

        Assert.Equal(ExitCodes.Ok, json.ExitCode);
        var v11 = JsonNode.Parse(json.Output)!.AsArray().Single(v => (string?)v!["label"] == "v11")!;
        var whole = (string)v11["fingerprint"]!;
        Assert.Equal(TmadCatalogFingerprint("v11"), whole);
        Assert.Matches("^[0-9a-f]{64}$", whole);
        Assert.EndsWith("," + whole[..12], csv.Lines.Single(l => l.StartsWith("v11,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith("fingerprints", rules.Lines[0], StringComparison.Ordinal);
        Assert.Contains("v11:" + whole[..12], rules.Lines.Single(l => l.StartsWith("COMMS-RECENT-CHF,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ToADevice_SucceedsAndWarnsThatNoRecordWasWritten()
    {
        if (!File.Exists("/dev/null"))
        {
            return; // Linux only
        }

        using var scratch = new Scratch();
        var run = ToolRun.InProcess("evaluate", scratch.File("estate.csv", Estate), "--epcl", scratch.File("epcl.csv", Epcl), "--output", "/dev/null");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("warning: no run record was written: the output '/dev/null' is a device", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AReport_IsReproduced_ItsDateBeingTheRecordedStart()
    {
        using var scratch = new Scratch();
        var page = scratch.PathOf("report.html");
        var run = ToolRun.InProcess("report", scratch.File("estate.csv", Estate), "--epcl", scratch.File("epcl.csv", Epcl), "--output", page);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var started = JsonNode.Parse(File.ReadAllText(page + ".run.json"))!["started_at"]!.GetValue<string>();

        var verified = ToolRun.InProcess("verify", page + ".run.json");

        Assert.Contains(started, File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Equal(2, JsonNode.Parse(File.ReadAllText(page + ".run.json"))!["output"]!["rows"]!.GetValue<int>());
        Assert.Equal(ExitCodes.Ok, verified.ExitCode);
        Assert.StartsWith("reproduced:", verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardInput_IsHashedInTheRecord_AndVerifyReadsItAgain()
    {
        using var scratch = new Scratch();
        var estate = scratch.File("estate.csv", Estate);
        var output = scratch.PathOf("results.csv");
        var run = ToolRun.ProcessWithInput(estate, "evaluate", "-", "--epcl", scratch.File("epcl.csv", Epcl), "--output", output);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);

        var input = JsonNode.Parse(File.ReadAllText(output + ".run.json"))!["inputs"]![0]!;
        var same = ToolRun.ProcessWithInput(estate, "verify", output + ".run.json");
        var other = ToolRun.ProcessWithInput(scratch.File("other.csv", Estate.Replace("A2,", "B2,", StringComparison.Ordinal)), "verify", output + ".run.json");

        Assert.Equal("-", input["path"]!.GetValue<string>());
        Assert.Equal(Sha256(estate), input["sha256"]!.GetValue<string>());
        Assert.Equal(new FileInfo(estate).Length, input["size"]!.GetValue<long>());
        Assert.Equal(ExitCodes.Ok, same.ExitCode);
        Assert.StartsWith("reproduced:", same.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, other.ExitCode);
        Assert.Contains("standard input differs", other.Output, StringComparison.Ordinal);
    }

    private static string TmadCatalogFingerprint(string label) => Smets1.Eligibility.Versions.TmadCatalog.Shipped.Get(label).Fingerprint;

    private static string Sha256(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();
}
