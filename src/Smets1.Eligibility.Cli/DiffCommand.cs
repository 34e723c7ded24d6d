using System.Globalization;
using System.Text;
using Smets1.Eligibility.Comparison;
using Smets1.Eligibility.Versions;
using Spectre.Console;

namespace Smets1.Eligibility.Cli;

/// <summary><c>diff LABEL_A LABEL_B [INSTALLATIONS.csv --epcl EPCL.csv]</c>: the static difference and, with an estate, the installations that flip.</summary>
internal sealed class DiffCommand(TmadCatalog catalog, TextWriter output, IAnsiConsole error, IReadOnlyList<string> versionFiles, RunCounts? counts = null)
{
    public sealed record Settings(string From, string To, string? Installations, string? Epcl, string? AsOf, string? Output, string Format);

    public int Run(Settings settings)
    {
        foreach (var label in new[] { settings.From, settings.To })
        {
            if (!catalog.TryGet(label, out _))
            {
                throw new UsageException($"'{label}' is not a known version; use one of {string.Join(", ", catalog.Labels)}.");
            }
        }

        var format = settings.Format.ToLowerInvariant();
        var diff = VersionComparer.Compare(catalog.Get(settings.From), catalog.Get(settings.To));
        ReplayDiff? replay = null;
        var rows = new List<int>();
        long invalid = 0;
        if (settings.Installations is { } path)
        {
            if (settings.Epcl is null)
            {
                throw new UsageException("diff with an installation file needs --epcl EPCL.csv.");
            }

            using var input = InputFiles.Open(path, "installation file", counts);
            using var reader = new InstallationCsvReader(input, path, catalog.Facts, catalog.Rules);
            Reference.Epcl epcl;
            using (var epclReader = InputFiles.Open(settings.Epcl, "EPCL file", counts))
            {
                epcl = EpclCsvReader.Read(epclReader, settings.Epcl);
            }

            if (counts is not null)
            {
                counts.Epcl = epcl;
            }

            OutputFile.EnsureNotAnInput(settings.Output, "--output", [(path, "installation file"), (settings.Epcl, "EPCL file"), .. versionFiles.Select(v => ((string?)v, "version file"))]);
            var options = settings.AsOf is { } asOf ? new EvaluationOptions { DefaultAssessedAt = EvaluateCommand.ParseAsOf(asOf) } : default;
            replay = VersionComparer.Replay(new EligibilityEvaluator(catalog, epcl), Valid(reader), settings.From, settings.To, options);
            if (settings.Output is { } outputPath)
            {
                WriteChanges(outputPath, replay, rows);
            }
        }
        else if (settings.Output is not null)
        {
            throw new UsageException("--output writes the installations that changed, so it needs an installation file.");
        }

        if (format == "markdown")
        {
            output.Write(Markdown.Redline(diff, replay));
        }
        else
        {
            Text(diff, replay, rows);
        }

        if (invalid > 0)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{invalid:N0} rows were Invalid and not replayed; run evaluate on the file to see why."));
        }

        return invalid > 0 ? ExitCodes.SomeInvalid : ExitCodes.Ok;

        IEnumerable<InstallationFacts> Valid(InstallationCsvReader reader)
        {
            while (reader.TryRead(out var row))
            {
                if (row.Facts is { } facts)
                {
                    rows.Add(row.Row);
                    yield return facts;
                }
                else
                {
                    invalid++;
                }
            }
        }
    }

    private void Text(VersionDiff diff, ReplayDiff? replay, List<int> rows)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 160;
        console.WriteLine($"{diff.From.Label} → {diff.To.Label}");
        var rules = new Table().Border(TableBorder.Simple).AddColumns("rule", "change", "detail", "source");
        foreach (var change in diff.Rules)
        {
            var detail = change.Kind == RuleChangeKind.ParametersChanged ? string.Join("; ", change.Parameters.Select(p => $"{p.Key}: {p.Old?.Value ?? "—"} → {p.New?.Value ?? "—"}")) : change.Rule.Title;
            rules.AddRow(Markup.Escape(change.Rule.Id), change.Kind switch { RuleChangeKind.Added => "added", RuleChangeKind.Removed => "removed", _ => "changed" }, Markup.Escape(detail), Markup.Escape(change.Source));
        }

        if (diff.Rules.Count == 0)
        {
            console.WriteLine("no rule changed");
        }
        else
        {
            console.Write(rules);
        }

        var parameters = new Table().Border(TableBorder.Simple).AddColumns("parameter", Markup.Escape(diff.From.Label), Markup.Escape(diff.To.Label), "source");
        foreach (var p in diff.Parameters)
        {
            parameters.AddRow(Markup.Escape(p.Key), Markup.Escape(p.Old?.Value ?? "—"), Markup.Escape(p.New?.Value ?? "—"), Markup.Escape(p.Source));
        }

        if (diff.Parameters.Count == 0)
        {
            console.WriteLine("no parameter changed");
        }
        else
        {
            console.Write(parameters);
        }

        if (replay is null)
        {
            return;
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"installations replayed under each version: {replay.Total:N0}; changed: {replay.Changes.Count:N0}"));
        foreach (var transition in replay.Transitions)
        {
            console.WriteLine("  " + transition);
        }

        if (replay.Changes.Count > 0)
        {
            var changes = new Table().Border(TableBorder.Simple).AddColumns("installation", "row", Markup.Escape(diff.From.Label), Markup.Escape(diff.To.Label), "rules responsible");
            foreach (var change in replay.Changes)
            {
                changes.AddRow(Markup.Escape(change.Installation.InstallationId), rows[change.Index].ToString(CultureInfo.InvariantCulture), change.From.Verdict.ToString(), change.To.Verdict.ToString(), change.Responsible.ToString());
            }

            console.Write(changes);
        }
    }

    private static void WriteChanges(string path, ReplayDiff replay, List<int> rows)
    {
        using var file = OutputFile.Create(path);
        using (var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            writer.WriteLine("installation_id,row,from_version,to_version,from_verdict,to_verdict,from_failed_rules,to_failed_rules,responsible_rules");
            var from = replay.Diff.From.Label;
            var to = replay.Diff.To.Label;
            foreach (var change in replay.Changes)
            {
                writer.WriteLine(string.Join(',', new[]
                {
                    change.Installation.InstallationId, rows[change.Index].ToString(CultureInfo.InvariantCulture), from, to,
                    change.From.Verdict.ToString(), change.To.Verdict.ToString(), change.From.FailedRules.ToString(), change.To.FailedRules.ToString(),
                    change.Responsible.ToString(),
                }.Select(CsvResultWriter.Escape)));
            }
        }

        file.Commit();
    }
}
