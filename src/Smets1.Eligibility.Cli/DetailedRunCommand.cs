using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Smets1.Eligibility.Auditing;
using Smets1.Eligibility.Remedies;
using Smets1.Eligibility.Versions;
using Spectre.Console;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// The row-by-row run behind <c>audit</c> (AUDIT.md §1) and <c>evaluate --remedies</c> (§2): every row is evaluated
/// exactly as <c>evaluate</c> does, with its full explanation, then (for <c>audit</c>) compared with the decision it
/// records and (with <c>--remedies</c>) given its remedies and earliest eligible instant. One output row per input row,
/// in order: the result columns, then <c>remedies,earliest_eligible,earliest_version</c>, then
/// <c>recorded_verdict,recorded_version,finding,explained_by</c>. Chunks of rows are worked on both cores and written in
/// order, so memory stays bounded. The audit summary goes to standard error and, in JSON Lines, as the last line.
/// </summary>
internal sealed class DetailedRunCommand(TmadCatalog catalog, IAnsiConsole error, IReadOnlyList<string> versionFiles, RunCounts? counts = null)
{
    public static readonly string[] AuditColumns = ["recorded_verdict", "recorded_version", "finding", "explained_by"];
    public static readonly string[] RemedyColumns = ["remedies", "earliest_eligible", "earliest_version"];
    private const int Chunk = 2048;

    public sealed record Settings(string? Installations, string? Epcl, string? AsOf, string? Tmad, string? Output, string Format, bool Inferred, bool Audit, bool Remedies, bool FailOnFinding = false);

    /// <summary>What the run wrote, for the run record: rows, and counts per verdict and per finding.</summary>
    public RunCounts Counts { get; } = counts ?? new();

    public int Run(Settings settings, Stream standardOutput)
    {
        var evaluate = new EvaluateCommand.Settings(settings.Installations, settings.Epcl, settings.AsOf, settings.Tmad, settings.Output, settings.Format, settings.Inferred);
        var options = EvaluateCommand.OptionsOf(catalog, evaluate);
        var format = EvaluateCommand.FormatOf(settings.Format);
        OutputFile.EnsureNotAnInput(settings.Output, "--output", [(settings.Installations, "installation file"), (settings.Epcl, "EPCL file"), .. versionFiles.Select(v => ((string?)v, "version file"))]);
        using var estate = EstateInput.Open(settings.Installations, settings.Epcl, catalog, error, counts);
        if (settings.Audit && !estate.Reader.HasRecordedVerdict)
        {
            throw new UsageException($"{estate.Name}: audit compares recorded decisions with the replay, but the file has no recorded_verdict column; add recorded_verdict (and optionally recorded_version, recorded_failed_rules), or use evaluate.");
        }

        // Every usage error has been raised by now: only from here on is a result file created.
        var evaluator = new EligibilityEvaluator(catalog, estate.Epcl);
        var auditor = new EligibilityAuditor(evaluator);
        var remedies = settings.Remedies ? new RemedyFinder(evaluator) : null;
        string[] columns = [.. settings.Remedies ? RemedyColumns : [], .. settings.Audit ? AuditColumns : []];
        using var file = settings.Output is { } outputPath ? OutputFile.Create(outputPath) : null;
        using var writer = ResultWriter.Create(file?.Stream ?? standardOutput, format, leaveOpen: true, columns);
        var summary = new AuditSummary();
        var run = new RunSummary();
        var stopwatch = Stopwatch.StartNew();
        var cells = new ResultCell[columns.Length];
        var rows = new InstallationRow[Chunk];
        var items = new DetailedRow[Chunk];
        int count;
        while ((count = estate.Reader.ReadChunk(rows)) > 0)
        {
            if (!settings.Audit)
            {
                for (var i = 0; i < count; i++)
                {
                    rows[i] = rows[i] with { Recorded = null };
                }
            }

            DetailedRow.WorkAll(rows, count, items, options, auditor, remedies);
            for (var i = 0; i < count; i++)
            {
                var (row, audit, remedy) = (rows[i], items[i].Audit, items[i].Remedy);
                var result = audit.Replay;
                if (result is null)
                {
                    run.AddInvalid();
                }
                else
                {
                    run.Add(row.Facts!, result.Outcome);
                }

                if (settings.Audit)
                {
                    summary.Add(audit);
                }

                Counts.Add(result?.Verdict.ToString() ?? ResultWriter.InvalidVerdict, settings.Audit ? AuditFindings.Label(audit.Finding) : null);
                var at = 0;
                if (remedies is not null)
                {
                    cells[0] = remedy is null ? null : new ResultCell(null, [.. remedy.Remedies.Select(r => r.ToString())], " | ");
                    cells[1] = remedy?.EarliestEligible is { } earliest ? NodaTime.Text.InstantPattern.General.Format(earliest) : null;
                    cells[2] = remedy?.EarliestVersion;
                    at = RemedyColumns.Length;
                }

                if (settings.Audit)
                {
                    cells[at] = audit.Recorded.Verdict?.ToString();
                    cells[at + 1] = audit.Recorded.VersionLabel;
                    cells[at + 2] = AuditFindings.Label(audit.Finding);
                    cells[at + 3] = new ResultCell(null, audit.ExplainedBy);
                }

                writer.Write(EvaluateCommand.LineOf(row, result), cells);
            }

            Array.Clear(items, 0, count);
        }

        if (settings.Audit)
        {
            writer.WriteSummary(json => WriteSummary(json, summary));
        }

        writer.Dispose();
        file?.Commit();
        if (settings.Audit)
        {
            Render(summary, stopwatch.Elapsed);
        }
        else
        {
            run.Render(error, stopwatch.Elapsed);
        }

        if (run.Invalid > 0)
        {
            return ExitCodes.SomeInvalid;
        }

        return settings.FailOnFinding && AuditFindings.All.Any(f => AuditFindings.IsDisagreement(f) && summary.CountOf(f) > 0) ? ExitCodes.Finding : ExitCodes.Ok;
    }

    private static void WriteSummary(Utf8JsonWriter json, AuditSummary summary)
    {
        json.WriteStartObject();
        json.WriteBoolean("summary", true);
        json.WriteNumber("rows", summary.Rows);
        json.WriteStartObject("findings");
        foreach (var finding in AuditFindings.All)
        {
            json.WriteNumber(AuditFindings.Label(finding), summary.CountOf(finding));
        }

        json.WriteEndObject();
        json.WriteStartObject("matrix");
        foreach (var recorded in Enum.GetValues<Verdict>().Reverse())
        {
            json.WriteStartObject(recorded.ToString());
            foreach (var replayed in Enum.GetValues<Verdict>().Reverse())
            {
                json.WriteNumber(replayed.ToString(), summary.CountOf(recorded, replayed));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("too_lenient_rules");
        foreach (var (rule, count) in summary.LenientFailedRules)
        {
            json.WriteStartObject();
            json.WriteString("rule", rule);
            json.WriteNumber("rows", count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void Render(AuditSummary summary, TimeSpan elapsed)
    {
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows: {summary.Rows:N0} audited in {elapsed.TotalSeconds:0.00} s"));
        var findings = new Table().Border(TableBorder.Simple).AddColumn("finding").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var finding in AuditFindings.All)
        {
            findings.AddRow(AuditFindings.Label(finding), summary.CountOf(finding).ToString("N0", CultureInfo.InvariantCulture));
        }

        error.Write(findings);
        var verdicts = Enum.GetValues<Verdict>().Reverse().ToArray();
        var matrix = new Table().Border(TableBorder.Simple).AddColumn("recorded \\ replayed");
        foreach (var replayed in verdicts)
        {
            matrix.AddColumn(new TableColumn(replayed.ToString()).RightAligned());
        }

        foreach (var recorded in verdicts)
        {
            matrix.AddRow([recorded.ToString(), .. verdicts.Select(r => summary.CountOf(recorded, r).ToString("N0", CultureInfo.InvariantCulture))]);
        }

        error.Write(matrix);
        if (summary.LenientFailedRules.Count > 0)
        {
            var rules = new Table().Border(TableBorder.Simple).AddColumn("rule failed in TOO-LENIENT rows").AddColumn(new TableColumn("rows").RightAligned());
            foreach (var (rule, count) in summary.LenientFailedRules)
            {
                rules.AddRow(rule, count.ToString("N0", CultureInfo.InvariantCulture));
            }

            error.Write(rules);
        }
    }
}
