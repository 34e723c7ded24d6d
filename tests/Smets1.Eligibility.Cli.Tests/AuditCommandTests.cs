using System.Text.Json;

namespace Smets1.Eligibility.Cli.Tests;

/// <summary><c>audit</c> and <c>evaluate --remedies</c> end to end (AUDIT.md §1 and §2).</summary>
public sealed class AuditCommandTests
{
    private const string Epcl = "dmc_id,added_on\nDMC-1,2021-03-15\n";
    private const string Header = "installation_id,assessed_at,cohort,meter_status,has_esme,has_gsme,dmc_id,chf_last_contact,gsme_last_contact,planned_cos_date,recorded_verdict,recorded_version,recorded_failed_rules";

    private static readonly string Estate = Header + "\n" + string.Join('\n',
        "A1,2021-10-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-1,2021-10-08T10:00:00Z,2021-10-08T10:00:00Z,,Eligible,,",       // TOO-LENIENT, explained by v17;v29
        "A2,2021-11-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-1,2021-11-08T10:00:00Z,2021-11-08T10:00:00Z,2021-11-15,deferred,,cos-lookahead", // AGREES
        "A3,2021-11-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-1,2021-11-08T10:00:00Z,2021-11-08T10:00:00Z,,Eligible,v11,",   // VERSION-DIFFERS
        "A4,2021-11-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-1,2021-11-08T10:00:00Z,2021-11-08T10:00:00Z,,,,",              // NOT-RECORDED
        "A5,2021-11-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-1,2021-11-08T10:00:00Z,2021-11-08T10:00:00Z,,Ineligible,,")    // TOO-STRICT
        + "\n";

    [Fact]
    public void Audit_Estate_WritesOneFindingPerRowInOrderWithExplainedBy()
    {
        using var scratch = new Scratch();
        var run = ToolRun.InProcess("audit", scratch.File("estate.csv", Estate), "--epcl", scratch.File("epcl.csv", Epcl));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("installation_id,row,tmad_version,verdict,failed_rules,warnings,message,recorded_verdict,recorded_version,finding,explained_by", run.Lines[0]);
        var rows = run.Lines[1..].Select(EvaluateCommandTests.CsvSplit).ToArray();
        Assert.Equal(["TOO-LENIENT", "AGREES", "VERSION-DIFFERS", "NOT-RECORDED", "TOO-STRICT"], rows.Select(r => r[9]));
        Assert.Equal("v17;v29", rows[0][10]);
        Assert.Equal(["Eligible", string.Empty], rows[0][7..9]);
        Assert.Equal(string.Empty, rows[1][10]); // explained_by only for TOO-LENIENT and TOO-STRICT
        Assert.Contains("TOO-LENIENT", run.Error, StringComparison.Ordinal);
        Assert.Contains("COMMS-RECENT-CHF", run.Error, StringComparison.Ordinal); // the rules behind the lenient rows
    }

    [Fact]
    public void Audit_FailOnFinding_Exits4_AndInvalidStillWins()
    {
        using var scratch = new Scratch();
        var epcl = scratch.File("epcl.csv", Epcl);

        Assert.Equal(ExitCodes.Finding, ToolRun.InProcess("audit", scratch.File("estate.csv", Estate), "--epcl", epcl, "--fail-on-finding").ExitCode);
        Assert.Equal(ExitCodes.Ok, ToolRun.InProcess("audit", scratch.PathOf("estate.csv"), "--epcl", epcl).ExitCode);
        var invalid = scratch.File("invalid.csv", Estate + "A6,2021-11-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-1,,,,Perhaps,,\n");
        var run = ToolRun.InProcess("audit", invalid, "--epcl", epcl, "--fail-on-finding");
        Assert.Equal(ExitCodes.SomeInvalid, run.ExitCode);
        Assert.Contains("INVALID", run.Lines[^1], StringComparison.Ordinal);
        Assert.Contains("column 'recorded_verdict' has 'Perhaps'", run.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_WithoutRecordedVerdict_IsAUsageErrorAndWritesNoFile()
    {
        using var scratch = new Scratch();
        var file = scratch.File("estate.csv", "installation_id,cohort,meter_status,has_esme,has_gsme,dmc_id\nA1,IOC,ACTIVE,true,true,DMC-1\n");

        var run = ToolRun.InProcess("audit", file, "--output", scratch.PathOf("out.csv"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("no recorded_verdict column", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(scratch.PathOf("out.csv")));
    }

    [Fact]
    public void Audit_JsonLines_EndsWithTheSummaryObject()
    {
        using var scratch = new Scratch();
        var run = ToolRun.InProcess("audit", scratch.File("estate.csv", Estate), "--epcl", scratch.File("epcl.csv", Epcl), "--format", "jsonl");

        Assert.Equal(6, run.Lines.Length);
        using var first = JsonDocument.Parse(run.Lines[0]);
        Assert.Equal("TOO-LENIENT", first.RootElement.GetProperty("finding").GetString());
        Assert.Equal(["v17", "v29"], first.RootElement.GetProperty("explained_by").EnumerateArray().Select(e => e.GetString()));
        using var summary = JsonDocument.Parse(run.Lines[^1]);
        Assert.True(summary.RootElement.GetProperty("summary").GetBoolean());
        Assert.Equal(5, summary.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("findings").GetProperty("TOO-LENIENT").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("matrix").GetProperty("Eligible").GetProperty("Deferred").GetInt32());
    }

    [Fact]
    public void Evaluate_Remedies_AddsThreeColumnsAfterMessage_AndTheResultColumnsAreUnchanged()
    {
        using var scratch = new Scratch();
        var estate = scratch.File("estate.csv", Estate);
        var epcl = scratch.File("epcl.csv", Epcl);

        var plain = ToolRun.InProcess("evaluate", estate, "--epcl", epcl);
        var run = ToolRun.InProcess("evaluate", estate, "--epcl", epcl, "--remedies");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("installation_id,row,tmad_version,verdict,failed_rules,warnings,message,remedies,earliest_eligible,earliest_version", run.Lines[0]);
        var rows = run.Lines[1..].Select(EvaluateCommandTests.CsvSplit).ToArray();
        Assert.Equal(plain.Lines[1..].Select(l => EvaluateCommandTests.CsvSplit(l)), rows.Select(r => r[..7]));
        Assert.Equal("COMMS-RECENT-CHF: fact: chf_last_contact at or after 2021-10-09T10:00:00Z | COMMS-RECENT-GSME: fact: has_gsme is false; or gsme_last_contact at or after 2021-10-09T10:00:00Z", rows[0][7]);
        Assert.Equal("COS-LOOKAHEAD: wait: re-assess on or after 2021-11-16 (Europe/London)", rows[1][7]);
        Assert.Equal(["2021-11-10T10:00:00Z", "v17"], rows[2][8..10]); // eligible as assessed
    }

    [Fact]
    public void Report_OfAFileWithRecordedDecisions_HasTheAuditSection()
    {
        using var scratch = new Scratch();
        var page = scratch.PathOf("report.html");

        var run = ToolRun.InProcess("report", scratch.File("estate.csv", Estate), "--epcl", scratch.File("epcl.csv", Epcl), "--output", page);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var html = File.ReadAllText(page);
        Assert.Contains("id=\"audit-matrix-chart\"", html, StringComparison.Ordinal);
        Assert.Matches("<td><code>TOO-LENIENT</code></td><td class=\"n\">1</td>", html);
        Assert.Matches("<td><code>AGREES</code></td><td class=\"n\">1</td>", html);
        var lenient = html[html.IndexOf("id=\"audit-lenient\"", StringComparison.Ordinal)..];
        Assert.Matches("<td>A1</td><td>Eligible</td><td>Deferred</td><td>v11</td><td><code>COMMS-RECENT-CHF;COMMS-RECENT-GSME</code></td><td>v17;v29</td>", lenient);
        Assert.DoesNotContain("<td>A2</td>", lenient, StringComparison.Ordinal);
        var matrix = html[html.IndexOf("id=\"audit-matrix\"", StringComparison.Ordinal)..html.IndexOf("</table>", html.IndexOf("id=\"audit-matrix\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Contains("<tr><td>Eligible</td><td class=\"n lenient\">0</td><td class=\"n lenient\">0</td><td class=\"n lenient\">1</td>", matrix, StringComparison.Ordinal);
        Assert.Matches("fingerprint <code class=\"fingerprint\" title=\"[0-9a-f]{64}\">[0-9a-f]{12}</code>", html);
    }

    [Fact]
    public void Report_WithoutRecordedDecisions_HasNoAuditSection_AndWithRemediesAWorkList()
    {
        using var scratch = new Scratch();
        var plain = scratch.File("plain.csv", string.Join('\n', Estate.Split('\n').Select(l => string.Join(',', l.Split(',').Take(10)))));
        var page = scratch.PathOf("report.html");

        var run = ToolRun.InProcess("report", plain, "--epcl", scratch.File("epcl.csv", Epcl), "--remedies", "--output", page);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var html = File.ReadAllText(page);
        Assert.DoesNotContain("id=\"audit\"", html, StringComparison.Ordinal);
        var work = html[html.IndexOf("id=\"work-list-table\"", StringComparison.Ordinal)..];

        // A1 fails COMMS-RECENT-CHF (a fresher contact clears it); A2 fails COS-LOOKAHEAD, cleared on 2021-11-16 (its planned change passed).
        Assert.Matches("<td><code>COMMS-RECENT-CHF</code></td><td class=\"n\">1</td><td class=\"n\">1</td>", work);
        Assert.Matches("<td><code>COS-LOOKAHEAD</code></td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">1</td><td>2021-11-16T00:00:00Z</td><td class=\"n\">0</td>", work);
    }
}
