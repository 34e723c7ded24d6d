using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Smets1.Eligibility.Auditing;
using Smets1.Eligibility.Files;
using Smets1.Eligibility.Remedies;
using Smets1.Eligibility.Versions;
using Spectre.Console;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// <c>report</c>: one self-contained HTML page about an estate (FILES-AND-CLI.md): verdict counts with shares, failed
/// rules ranked with the installations each blocks alone, verdicts by cohort and by month of assessment with the
/// version in force behind them, warnings, the invalid rows, and the versions (with their fingerprints) and parameters
/// in force with their sources. A file with <c>recorded_verdict</c> adds an Audit section (<see cref="ReportAudit"/>),
/// and <c>--remedies</c> a Work list (<see cref="WorkList"/>); those rows are worked in full on every core, the others
/// through the batch evaluator. The estate is aggregated while streaming (<see cref="EstateReport"/>); every piece of
/// data is escaped.
/// </summary>
internal sealed class ReportCommand(TmadCatalog catalog, IAnsiConsole error, IClock clock, IReadOnlyList<string> versionFiles, RunCounts? counts = null)
{
    private const int Chunk = 4096;

    public sealed record Settings(string Installations, string? Epcl, string? Tmad, string Output, bool Inferred, bool Remedies = false);

    public int Run(Settings settings)
    {
        var options = EstateInput.Options(catalog, settings.Tmad, settings.Inferred);

        OutputFile.EnsureNotAnInput(settings.Output, "--output", [(settings.Installations, "installation file"), (settings.Epcl, "EPCL file"), .. versionFiles.Select(v => ((string?)v, "version file"))]);
        using var estate = EstateInput.Open(settings.Installations, settings.Epcl, catalog, error, counts);
        var evaluator = new EligibilityEvaluator(catalog, estate.Epcl);
        var report = new EstateReport();
        var audit = estate.Reader.HasRecordedVerdict ? new ReportAudit() : null;
        var work = settings.Remedies ? new WorkList() : null;
        if (audit is not null || work is not null)
        {
            Detailed(estate.Reader, evaluator, options, report, audit, work);
        }
        else
        {
            Batched(estate.Reader, evaluator, options, report);
        }

        counts?.Add(report.Summary, report.InvalidCount);
        var page = Render(report, estate.Name, options, audit, work);
        using (var file = OutputFile.Create(settings.Output))
        {
            file.Stream.Write(new UTF8Encoding(false).GetBytes(page));
            file.Commit();
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote the report of {report.Rows:N0} rows ({report.InvalidCount:N0} Invalid) to {settings.Output}"));
        return report.InvalidCount > 0 ? ExitCodes.SomeInvalid : ExitCodes.Ok;
    }

    /// <summary>The fast path: verdicts only, a chunk at a time through the batch evaluator.</summary>
    private static void Batched(InstallationCsvReader reader, EligibilityEvaluator evaluator, EvaluationOptions options, EstateReport report)
    {
        var rows = new InstallationRow[Chunk];
        var facts = new InstallationFacts[Chunk];
        var outcomes = new EligibilityOutcome[Chunk];
        int count;
        while ((count = reader.ReadChunk(rows)) > 0)
        {
            var valid = 0;
            for (var i = 0; i < count; i++)
            {
                if (rows[i].Facts is { } f)
                {
                    facts[valid++] = f;
                }
                else
                {
                    report.AddInvalid(rows[i].Row, rows[i].InstallationId, rows[i].Invalid!);
                }
            }

            evaluator.EvaluateBatch(facts.AsSpan(0, valid), outcomes, options);
            for (var i = 0; i < valid; i++)
            {
                report.Add(facts[i], outcomes[i]);
            }

            Array.Clear(facts, 0, valid);
        }
    }

    /// <summary>Rows worked in full on every core, for the Audit section (recorded decisions) and the Work list (remedies).</summary>
    private static void Detailed(InstallationCsvReader reader, EligibilityEvaluator evaluator, EvaluationOptions options, EstateReport report, ReportAudit? audit, WorkList? work)
    {
        var auditor = new EligibilityAuditor(evaluator);
        var remedies = work is not null ? new RemedyFinder(evaluator) : null;
        var rows = new InstallationRow[Chunk];
        var items = new DetailedRow[Chunk];
        int count;
        while ((count = reader.ReadChunk(rows)) > 0)
        {
            DetailedRow.WorkAll(rows, count, items, options, auditor, remedies);
            for (var i = 0; i < count; i++)
            {
                var (row, item) = (rows[i], items[i]);
                if (item.Audit.Replay is { } replay)
                {
                    report.Add(row.Facts!, replay.Outcome);
                }
                else
                {
                    report.AddInvalid(row.Row, row.InstallationId, row.Invalid!);
                }

                audit?.Add(item.Audit);
                if (item.Remedy is { } remedy)
                {
                    work?.Add(remedy);
                }
            }

            Array.Clear(items, 0, count);
        }
    }

    private string Render(EstateReport report, string file, EvaluationOptions options, ReportAudit? audit, WorkList? work)
    {
        var summary = report.Summary;
        var body = new StringBuilder();
        var now = InstantPattern.General.Format(clock.GetCurrentInstant());
        body.Append(CultureInfo.InvariantCulture, $"<h1>SMETS1 eligibility report: {Html.Escape(Path.GetFileName(file))}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\" id=\"run\">File <code>{Html.Escape(file)}</code>: {Html.Number(report.Rows)} rows ({Html.Number(report.InvalidCount)} Invalid). ");
        body.Append(CultureInfo.InvariantCulture, $"Versions: {(options.PinnedVersion is { } pinned ? "pinned to " + Html.Escape(pinned) : "resolved by date")}{(options.IncludeInferredTimeline ? ", inferred timeline on" : string.Empty)}. Run {Html.Escape(now)}.</p>");
        body.Append(Html.Legend());

        var verdicts = Html.Verdicts.Select(v => v.Name == ResultWriter.InvalidVerdict ? report.InvalidCount : summary.CountOf(Enum.Parse<Verdict>(v.Name))).ToArray();
        body.Append("<h2 id=\"verdicts\">Verdicts</h2>");
        body.Append(Html.StackedBars("verdict-chart", "Verdicts of the estate", [("all installations", verdicts)]));
        body.Append("<table id=\"verdict-table\"><tr><th>verdict</th><th>installations</th><th>share</th></tr>");
        for (var v = 0; v < verdicts.Length; v++)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Verdicts[v].Name}</td><td class=\"n\">{Html.Number(verdicts[v])}</td><td class=\"n\">{Html.Percent(verdicts[v], report.Rows)}</td></tr>");
        }

        body.Append("</table>");

        body.Append("<h2 id=\"failed-rules\">Failed rules, most first</h2>");
        var alone = report.BlockedAlone.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var ranked = summary.ByFailedRule.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToArray();
        body.Append(Html.Bars("rule-chart", "Failed rules, most first", [.. ranked.Select(p => (p.Key, p.Value))], summary.Total));
        body.Append("<table id=\"rule-table\"><tr><th>rule</th><th>installations</th><th>share</th><th>cumulative</th><th>blocks alone</th><th>source</th></tr>");
        long cumulative = 0;
        foreach (var (rule, count) in ranked)
        {
            cumulative += count;
            var definition = catalog.TryGetRule(rule, out var r) ? r : null;
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{Html.Escape(rule)}</code></td><td class=\"n\">{Html.Number(count)}</td><td class=\"n\">{Html.Percent(count, summary.Total)}</td><td class=\"n\">{Html.Percent(cumulative, ranked.Sum(x => x.Value))}</td><td class=\"n\">{Html.Number(alone.GetValueOrDefault(rule))}</td><td>{Html.Escape(definition?.Citation)}</td></tr>");
        }

        body.Append("</table>");

        audit?.Render(body);
        work?.Render(body);

        body.Append("<h2 id=\"by-cohort\">Verdicts by cohort</h2>");
        body.Append(Html.StackedBars("cohort-chart", "Verdicts by cohort", [.. report.ByCohort.Select(c => (c.Key, Ordered(c.Value)))]));

        body.Append("<h2 id=\"by-month\">Verdicts by month of assessment</h2>");
        body.Append(Html.Timeline("month-chart", "Verdicts by month of assessment, with the version in force behind them", [.. EveryMonth(report).Select(m => (m.Key, Ordered(m.Value), VersionIn(m.Key, options)))]));

        body.Append("<h2 id=\"warnings\">Warnings</h2><table id=\"warning-table\"><tr><th>warning</th><th>installations</th></tr>");
        foreach (var (rule, count) in summary.ByWarning)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{Html.Escape(rule)}</code></td><td class=\"n\">{Html.Number(count)}</td></tr>");
        }

        body.Append("</table>");

        body.Append(CultureInfo.InvariantCulture, $"<h2 id=\"invalid\">Invalid rows: {Html.Number(report.InvalidCount)}</h2>");
        if (report.InvalidCount > report.InvalidRows.Count)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>The first {Html.Number(report.InvalidRows.Count)} are listed.</p>");
        }

        body.Append("<table id=\"invalid-table\"><tr><th>row</th><th>installation_id</th><th>message</th></tr>");
        foreach (var row in report.InvalidRows)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"n\">{row.Row}</td><td>{Html.Escape(row.InstallationId)}</td><td>{Html.Escape(row.Message)}</td></tr>");
        }

        body.Append("</table>");

        body.Append("<h2 id=\"versions\">Versions and parameters in force</h2>");
        foreach (var version in report.Versions)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h3>{Html.Escape(version.Label)}{(version.IsInferred ? " (inferred era)" : string.Empty)}</h3><p>In force from {Text.Date(version.EffectiveFrom)}, expiry {Text.Date(version.Expiry)}; source {Html.Escape(version.Source)}; {(version.IsShipped ? "shipped" : version.IsInferred ? "inferred (TMAD-RULES §3a)" : "registered")}; fingerprint <code class=\"fingerprint\" title=\"{version.Fingerprint}\">{version.Fingerprint[..12]}</code>.</p>");
            body.Append("<table class=\"parameters\"><tr><th>parameter</th><th>value</th><th>source</th><th>confidence</th></tr>");
            foreach (var p in version.Parameters.Entries)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Escape(p.Title)} (<code>{Html.Escape(p.Key)}</code>)</td><td>{Html.Escape(p.Value)}</td><td>{Html.Escape(p.Source)}</td><td>{p.Confidence.ToString().ToLowerInvariant()}{(p.Note is { } n ? ": " + Html.Escape(n) : string.Empty)}</td></tr>");
            }

            body.Append("</table>");
        }

        return Html.Page($"SMETS1 eligibility report: {Path.GetFileName(file)}", body.ToString());
    }

    /// <summary>Every month from the first assessed to the last, months without installations included, so the axis is time.</summary>
    private static IEnumerable<KeyValuePair<YearMonth, long[]>> EveryMonth(EstateReport report)
    {
        var months = report.ByMonth;
        if (months.Count == 0)
        {
            yield break;
        }

        var counts = months.ToDictionary(m => m.Key, m => m.Value);
        for (var month = months[0].Key; month <= months[^1].Key; month = month.PlusMonths(1))
        {
            yield return new(month, counts.GetValueOrDefault(month) ?? new long[(int)Verdict.Excluded + 1]);
        }
    }

    /// <summary>The version in force on the first of a month, for the band behind the timeline.</summary>
    private (string Label, bool Inferred)? VersionIn(YearMonth month, EvaluationOptions options)
    {
        if (options.PinnedVersion is { } pinned)
        {
            var version = catalog.Get(pinned);
            return (version.Label, version.IsInferred);
        }

        var resolved = catalog.Resolve(month.OnDayOfMonth(1), options.IncludeInferredTimeline).Version;
        return resolved is null ? null : (resolved.Label, resolved.IsInferred);
    }

    /// <summary>Counts indexed by <see cref="Verdict"/> in the order of <see cref="Html.Verdicts"/> (most severe first, no Invalid).</summary>
    private static long[] Ordered(long[] byVerdict) => [.. Enum.GetValues<Verdict>().OrderDescending().Select(v => byVerdict[(int)v])];
}
