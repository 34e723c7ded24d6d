using System.Diagnostics;
using System.Runtime.CompilerServices;
using NodaTime;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Versions;
using Spectre.Console;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// <c>evaluate</c>: streams an installation file through the library's batch API and writes one result per
/// data row, in order, while reading; memory stays flat whatever the file size (but for the set of IDs seen,
/// which the duplicate check needs).
/// </summary>
internal sealed class EvaluateCommand(TmadCatalog catalog, IAnsiConsole error, IReadOnlyList<string> versionFiles, RunCounts? counts = null)
{
    // Rows read and evaluated at a time when one thread does everything (Pipelined = false, and files the blocks cannot
    // read): small chunks keep few installations alive across a collection (benchmarks/README.md).
    private const int Chunk = 512;

    // Threads that read and evaluate blocks at once: beyond a few, writing the results in order is the bound.
    private const int MaxWorkers = 8;
    private const long ProgressThresholdBytes = 4 << 20;

    /// <summary>The command's options; <c>Pipelined</c> (not on the command line) says whether the file is read and evaluated in blocks on every core (the default, <see cref="ParallelEvaluation"/>) or row after row by one thread (tests compare the two).</summary>
    public sealed record Settings(string? Installations, string? Epcl, string? AsOf, string? Tmad, string? Output, string Format, bool Inferred = false, bool Pipelined = true);

    public int Run(Settings settings, Stream standardOutput)
    {
        var options = OptionsOf(catalog, settings);
        var format = FormatOf(settings.Format);
        catalog.CompileAhead(options, includeInferredTimeline: false); // on another core, while the inputs are opened

        OutputFile.EnsureNotAnInput(settings.Output, "--output", [(settings.Installations, "installation file"), (settings.Epcl, "EPCL file"), .. versionFiles.Select(v => ((string?)v, "version file"))]);
        using var estate = EstateInput.Open(settings.Installations, settings.Epcl, catalog, error, counts, blocks: settings.Pipelined);

        // Every usage error has been raised by now: only from here on is a result file created.
        var evaluator = new EligibilityEvaluator(catalog, estate.Epcl);
        using var file = settings.Output is { } outputPath ? OutputFile.Create(outputPath, counts) : null;
        using var writer = ResultWriter.Create(file?.Stream ?? standardOutput, format, leaveOpen: true);
        var summary = new RunSummary();
        var stopwatch = Stopwatch.StartNew();
        var length = estate.Length;
        if (length >= ProgressThresholdBytes && error.Profile.Capabilities.Interactive)
        {
            error.Progress().AutoClear(true).Start(context =>
            {
                var task = context.AddTask("evaluating", maxValue: length);
                Evaluate(estate, evaluator, options, writer, file?.Stream ?? standardOutput, format, summary, () => task.Value = estate.Position);
            });
        }
        else
        {
            Evaluate(estate, evaluator, options, writer, file?.Stream ?? standardOutput, format, summary, null);
        }

        writer.Dispose();
        file?.Commit();
        summary.Render(error, stopwatch.Elapsed);
        if (counts is not null)
        {
            summary.CopyTo(counts);
        }

        return summary.Invalid > 0 ? ExitCodes.SomeInvalid : ExitCodes.Ok;
    }

    internal static ResultFormat FormatOf(string format) => format.ToLowerInvariant() switch
    {
        "csv" => ResultFormat.Csv,
        "jsonl" or "json" => ResultFormat.JsonLines, // "json" is kept as another name for JSON Lines
        _ => throw new UsageException($"--format '{format}' is not supported; use csv or jsonl."),
    };

    /// <summary>A result row of the result file: the row's result, or (for an invalid row) why it could not be read.</summary>
    internal static ResultLine LineOf(in InstallationRow row, EligibilityResult? result) =>
        result is null
            ? new ResultLine(row.InstallationId, row.Row, null, ResultWriter.InvalidVerdict, default, default, (row.Invalid ?? string.Empty).AsMemory())
            : new ResultLine(row.InstallationId, row.Row, result.Version?.Label, result.Verdict.ToString(), result.Outcome.FailedRules, result.Outcome.Warnings, result.Message.AsMemory());

    internal static EvaluationOptions OptionsOf(TmadCatalog catalog, Settings settings)
    {
        var options = EstateInput.Options(catalog, settings.Tmad, settings.Inferred);

        if (settings.AsOf is { } asOf)
        {
            options = options with { DefaultAssessedAt = ParseAsOf(asOf) };
        }

        return options;
    }

    internal static Instant ParseAsOf(string text)
    {
        if (CellParser.TryParseInstant(text, out var instant))
        {
            return instant;
        }

        if (CellParser.TryParseDate(text, out var date))
        {
            return date.AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/London"]).ToInstant();
        }

        throw new UsageException($"--as-of '{text}' is neither an instant (2021-11-10T10:00:00Z) nor a date (2021-11-10, meaning 00:00 Europe/London).");
    }

    /// <summary>The rows of the file: in blocks on every core when it was opened so (<see cref="ParallelEvaluation"/>), else read and evaluated here in turn.</summary>
    private static void Evaluate(EstateInput estate, EligibilityEvaluator evaluator, EvaluationOptions options, ResultWriter writer, Stream output, ResultFormat format, RunSummary summary, Action? progress)
    {
        if (estate.Blocks is { } blocks)
        {
            writer.Flush(); // the header, before the blocks' rows
            ParallelEvaluation.Run(blocks, evaluator, options, output, format, summary, progress, Math.Clamp(Environment.ProcessorCount, 1, MaxWorkers));
            return;
        }

        Sequential(estate.Reader, evaluator, options, writer, summary, progress);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sequential(InstallationCsvReader reader, EligibilityEvaluator evaluator, EvaluationOptions options, ResultWriter writer, RunSummary summary, Action? progress)
    {
        var rows = new InstallationRow[Chunk];
        var facts = new InstallationFacts[Chunk];
        var outcomes = new EligibilityOutcome[Chunk];
        var messageEnds = new int[Chunk];
        var messages = new char[1 << 16]; // the chunk's messages are written here and straight out: no string per row
        int count;
        while ((count = reader.ReadChunk(rows)) > 0)
        {
            ParallelEvaluation.EvaluateRows(evaluator, options, rows.AsSpan(0, count), facts, outcomes, messageEnds, ref messages, writer, summary);
            Array.Clear(rows, 0, count);
            progress?.Invoke();
        }
    }
}
