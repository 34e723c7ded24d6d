using System.CommandLine;
using System.Globalization;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Synthetic;
using Smets1.Eligibility.Versions;
using Spectre.Console;

namespace Smets1.Eligibility.Cli;

/// <summary>The <c>smets1-eligibility</c> command line (FILES-AND-CLI.md). Usage errors are one line on standard error and exit 2.</summary>
internal static class CliApp
{
    public static int Run(string[] args, Stream standardOutput, TextWriter standardError) =>
        Run(args, standardOutput, standardError, NodaTime.SystemClock.Instance);

    /// <summary>Runs the tool; <paramref name="clock"/> gives the instant the run starts, with which a report is dated (verify re-runs at the recorded start).</summary>
    internal static int Run(string[] args, Stream standardOutput, TextWriter standardError, NodaTime.IClock clock)
    {
        var error = Console(standardError);
        var output = new StreamWriter(standardOutput, new System.Text.UTF8Encoding(false), 1 << 12, leaveOpen: true) { AutoFlush = true };
        var counts = new RunCounts();
        var started = clock.GetCurrentInstant();

        // A report is dated with the instant its run started, which the run record keeps, so that verify reproduces it.
        var root = Build(standardOutput, output, error, counts, new FixedClock(started));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var message = string.Join(' ', parsed.Errors[0].Message.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
            standardError.WriteLine($"smets1-eligibility: {message} (see --help)");
            return ExitCodes.Usage;
        }

        try
        {
            var code = parsed.Invoke(new InvocationConfiguration { Output = output, Error = standardError, EnableDefaultExceptionHandler = false });
            if (code is ExitCodes.Ok or ExitCodes.SomeInvalid or ExitCodes.Finding)
            {
                if (RunRecord.WriteBeside(parsed, args, counts, started, clock) is { } why)
                {
                    standardError.WriteLine($"smets1-eligibility: warning: no run record was written: {why}");
                }
            }

            return code;
        }
        catch (Exception e) when (e is UsageException or EligibilityFileException)
        {
            standardError.WriteLine($"smets1-eligibility: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The run had started: a closed pipe or standard output, a full disk or a read error stops it (FILES-AND-CLI.md, exit code 1).
            TryWriteLine(standardError, $"smets1-eligibility: the run failed: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failed;
        }
        catch (EligibilityConfigurationException e)
        {
            // One line per problem (RULE-FILES.md, "Errors in a version file").
            foreach (var problem in e.Errors)
            {
                standardError.WriteLine($"smets1-eligibility: {problem.ReplaceLineEndings(" ")}");
            }

            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect of ours, never the user's input: still one line and no stack trace (FILES-AND-CLI.md), and no output file.
            TryWriteLine(standardError, $"smets1-eligibility: the run failed with an internal error ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}); please report it with the command and input that caused it.");
            return ExitCodes.Failed;
        }
    }

    private static void TryWriteLine(TextWriter writer, string line)
    {
        try
        {
            writer.WriteLine(line);
        }
        catch (IOException)
        {
            // standard error is closed too: the exit code says it all
        }
    }

    private static RootCommand Build(Stream standardOutput, TextWriter output, IAnsiConsole error, RunCounts counts, NodaTime.IClock clock)
    {
        var root = new RootCommand("Evaluates SMETS1 installations against the TMAD pre-migration eligibility rules, version by version.");
        var versionFiles = new Option<string[]>("--versions")
        {
            Description = "Registers the versions defined in this JSON file (repeatable): label, based_on, effective_from, source, and optionally expiry, add_rules, remove_rules, parameters, facts and define_rules.",
            Recursive = true,
            AllowMultipleArgumentsPerToken = false,
        };
        root.Options.Add(versionFiles);
        var inferred = new Option<bool>("--inferred")
        {
            Description = "Turns on the inferred timeline 2022-01-01 to 2025-10-16 (TMAD-RULES §3a): its eras then resolve dates no shipped or registered version covers, each result warned VERSION-INFERRED.",
            Recursive = true,
        };
        root.Options.Add(inferred);
        TmadCatalog Catalog(ParseResult p) => counts.Catalog = LoadCatalog(p.GetValue(versionFiles) ?? []);

        var installations = new Argument<string?>("INSTALLATIONS.csv") { Description = "The installation file, or - for standard input; with none, the sample estate bundled with the tool.", Arity = ArgumentArity.ZeroOrOne };
        var epcl = new Option<string?>("--epcl") { Description = "The EPCL file (dmc_id,added_on,uneconomic_to_test)." };
        var asOf = new Option<string?>("--as-of") { Description = "The assessment instant for rows with no assessed_at: an instant, or a date meaning 00:00 Europe/London." };
        var tmad = new Option<string?>("--tmad") { Description = "Pins this TMAD version for every row." };
        var outputFile = new Option<string?>("--output", "-o") { Description = "Writes the results here instead of standard output." };
        var format = new Option<string>("--format") { Description = "csv, or jsonl for JSON Lines (json is another name for jsonl).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl", "json");
        var remedies = new Option<bool>("--remedies") { Description = "Adds remedies (what would make each failed rule pass), earliest_eligible and earliest_version after message (AUDIT.md §2)." };
        var evaluate = new Command("evaluate", "Evaluates every row of an installation file; a summary goes to standard error.")
        {
            installations, epcl, asOf, tmad, outputFile, format, remedies,
        };
        evaluate.SetAction(p => p.GetValue(remedies)
            ? new DetailedRunCommand(Catalog(p), error, p.GetValue(versionFiles) ?? [], counts).Run(
                new DetailedRunCommand.Settings(p.GetValue(installations), p.GetValue(epcl), p.GetValue(asOf), p.GetValue(tmad), p.GetValue(outputFile), p.GetValue(format)!, p.GetValue(inferred), Audit: false, Remedies: true),
                standardOutput)
            : new EvaluateCommand(Catalog(p), error, p.GetValue(versionFiles) ?? [], counts).Run(
                new EvaluateCommand.Settings(p.GetValue(installations), p.GetValue(epcl), p.GetValue(asOf), p.GetValue(tmad), p.GetValue(outputFile), p.GetValue(format)!, p.GetValue(inferred)),
                standardOutput));

        var auditInstallations = new Argument<string>("INSTALLATIONS.csv") { Description = "The installation file with recorded_verdict (and optionally recorded_version, recorded_failed_rules), or - for standard input." };
        var auditEpcl = new Option<string?>("--epcl") { Description = "The EPCL file." };
        var auditAsOf = new Option<string?>("--as-of") { Description = "The assessment instant for rows with no assessed_at." };
        var auditTmad = new Option<string?>("--tmad") { Description = "Pins the replay to this version (explained_by still tries every version)." };
        var auditOutput = new Option<string?>("--output", "-o") { Description = "Writes the audit here instead of standard output." };
        var auditFormat = new Option<string>("--format") { Description = "csv, or jsonl for JSON Lines (its last line is the summary).", DefaultValueFactory = _ => "csv" };
        auditFormat.AcceptOnlyFromAmong("csv", "jsonl", "json");
        var failOnFinding = new Option<bool>("--fail-on-finding") { Description = "Exits 4 when any row is TOO-LENIENT, TOO-STRICT, RULES-DIFFER or VERSION-DIFFERS (3 still wins when rows are Invalid)." };
        var auditRemedies = new Option<bool>("--remedies") { Description = "Adds the remedies columns, as evaluate --remedies." };
        var audit = new Command("audit", "Replays every row and compares it with the decision it records: one finding per row (AGREES, TOO-LENIENT, TOO-STRICT, …) and the versions that explain a disagreement.")
        {
            auditInstallations, auditEpcl, auditAsOf, auditTmad, auditOutput, auditFormat, failOnFinding, auditRemedies,
        };
        audit.SetAction(p => new DetailedRunCommand(Catalog(p), error, p.GetValue(versionFiles) ?? [], counts).Run(
            new DetailedRunCommand.Settings(p.GetValue(auditInstallations), p.GetValue(auditEpcl), p.GetValue(auditAsOf), p.GetValue(auditTmad), p.GetValue(auditOutput), p.GetValue(auditFormat)!, p.GetValue(inferred), Audit: true, Remedies: p.GetValue(auditRemedies), FailOnFinding: p.GetValue(failOnFinding)),
            standardOutput));

        var timeline = new Option<bool>("--timeline") { Description = "Draws the versions on a date axis from 2020 to 2026, with the gaps that resolve to VERSION-UNRESOLVED." };
        var versionsFormat = new Option<string>("--format") { Description = "csv (fingerprints cut to 12 characters), or json (whole fingerprints).", DefaultValueFactory = _ => "csv" };
        versionsFormat.AcceptOnlyFromAmong("csv", "json");
        var versions = new Command("versions", "Lists the TMAD versions: label, effective date, expiry, source, fingerprint.") { timeline, versionsFormat };
        versions.SetAction(p => p.GetValue(timeline)
            ? Timeline(Catalog(p), p.GetValue(inferred), output)
            : p.GetValue(versionsFormat) == "json" ? VersionsJson(Catalog(p), p.GetValue(inferred), output) : Versions(Catalog(p), p.GetValue(inferred), output));

        var rulesTmad = new Option<string?>("--tmad") { Description = "Lists the rules of this version with its parameter values." };
        var rulesFormat = new Option<string>("--format") { Description = "csv, or markdown for the version's rule book (needs --tmad).", DefaultValueFactory = _ => "csv" };
        rulesFormat.AcceptOnlyFromAmong("csv", "markdown");
        var rules = new Command("rules", "Lists the rules with ID, outcome, clause, source, confidence and parameter values.") { rulesTmad, rulesFormat };
        rules.SetAction(p => Rules(Catalog(p), p.GetValue(rulesTmad), p.GetValue(rulesFormat)!, output));

        var from = new Argument<string>("LABEL_A") { Description = "The version to compare from." };
        var to = new Argument<string>("LABEL_B") { Description = "The version to compare to." };
        var diffInstallations = new Argument<string?>("INSTALLATIONS.csv") { Description = "An estate to replay under both versions.", Arity = ArgumentArity.ZeroOrOne };
        var diffEpcl = new Option<string?>("--epcl") { Description = "The EPCL file for the estate." };
        var diffAsOf = new Option<string?>("--as-of") { Description = "The assessment instant for rows with no assessed_at." };
        var diffOutput = new Option<string?>("--output", "-o") { Description = "Writes the installations that changed as CSV." };
        var diffFormat = new Option<string>("--format") { Description = "text, or markdown for a redline.", DefaultValueFactory = _ => "text" };
        diffFormat.AcceptOnlyFromAmong("text", "markdown");
        var diff = new Command("diff", "Rules added, removed or changed and parameter changes between two versions; with an estate, the installations whose verdict changes.")
        {
            from, to, diffInstallations, diffEpcl, diffAsOf, diffOutput, diffFormat,
        };
        diff.SetAction(p => new DiffCommand(Catalog(p), output, error, p.GetValue(versionFiles) ?? [], counts).Run(new DiffCommand.Settings(
            p.GetValue(from)!, p.GetValue(to)!, p.GetValue(diffInstallations), p.GetValue(diffEpcl), p.GetValue(diffAsOf), p.GetValue(diffOutput), p.GetValue(diffFormat)!)));

        var rows = new Option<int>("--rows") { Description = "How many installations.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "The random seed; the same seed gives the same estate.", DefaultValueFactory = _ => 1 };
        var generateOutput = new Option<string>("--output", "-o") { Description = "The installation file to write.", Required = true };
        var generateEpcl = new Option<string?>("--epcl-output") { Description = "The EPCL file to write. Default: beside --output, named NAME-epcl.csv." };
        var generate = new Command("generate", "Writes a synthetic estate and its EPCL in the contract's CSV form.") { rows, seed, generateOutput, generateEpcl };
        generate.SetAction(p => Generate(p.GetValue(rows), p.GetValue(seed), p.GetValue(generateOutput)!, p.GetValue(generateEpcl), error));

        var sweepInstallations = new Argument<string>("INSTALLATIONS.csv") { Description = "The installation file, or - for standard input." };
        var sweepEpcl = new Option<string?>("--epcl") { Description = "The EPCL file." };
        var sweepTmad = new Option<string>("--tmad") { Description = "The version whose parameter to sweep (pinned for every row).", Required = true };
        var sweepParameter = new Option<string>("--parameter") { Description = "The parameter: built-in (comms_window_hours, cos_lookahead_days, …) or defined in a version file.", Required = true };
        var sweepValues = new Option<string>("--values") { Description = "The values to try, separated by commas, for example 24,48,72,96.", Required = true };
        var sweepOutput = new Option<string?>("--output", "-o") { Description = "Writes the sweep here: CSV, or an HTML page with a chart when the name ends in .html." };
        var sweep = new Command("sweep", "What if: evaluates the estate once per value of one parameter of a pinned version, in one pass over the file.")
        {
            sweepInstallations, sweepEpcl, sweepTmad, sweepParameter, sweepValues, sweepOutput,
        };
        sweep.SetAction(p => new SweepCommand(Catalog(p), error, output, p.GetValue(versionFiles) ?? [], counts).Run(new SweepCommand.Settings(
            p.GetValue(sweepInstallations)!, p.GetValue(sweepEpcl), p.GetValue(sweepTmad)!, p.GetValue(sweepParameter)!, p.GetValue(sweepValues)!, p.GetValue(sweepOutput), p.GetValue(inferred))));

        var reportInstallations = new Argument<string>("INSTALLATIONS.csv") { Description = "The installation file, or - for standard input." };
        var reportEpcl = new Option<string?>("--epcl") { Description = "The EPCL file." };
        var reportTmad = new Option<string?>("--tmad") { Description = "Pins this TMAD version for every row." };
        var reportOutput = new Option<string>("--output", "-o") { Description = "The HTML page to write.", Required = true };
        var reportRemedies = new Option<bool>("--remedies") { Description = "Adds a Work list: per failed rule, how many installations a fact change or a wait would clear (AUDIT.md §2)." };
        var report = new Command("report", "Writes one self-contained HTML page about the estate: verdicts, failed rules, an Audit section when the file records decisions, cohorts, months, warnings, invalid rows, versions with fingerprints and parameters.")
        {
            reportInstallations, reportEpcl, reportTmad, reportOutput, reportRemedies,
        };
        report.SetAction(p => new ReportCommand(Catalog(p), error, clock, p.GetValue(versionFiles) ?? [], counts).Run(new ReportCommand.Settings(
            p.GetValue(reportInstallations)!, p.GetValue(reportEpcl), p.GetValue(reportTmad), p.GetValue(reportOutput)!, p.GetValue(inferred), p.GetValue(reportRemedies))));

        var record = new Argument<string>("FILE.run.json") { Description = "The run record written beside an output." };
        var verify = new Command("verify", "Re-reads the inputs a run record names and re-runs its command: reproduced (exit 0), inputs changed (exit 2) or differs (exit 4).") { record };
        verify.SetAction(p => new VerifyCommand(output).Run(p.GetValue(record)!));
        root.Subcommands.Add(evaluate);
        root.Subcommands.Add(verify);
        root.Subcommands.Add(audit);
        root.Subcommands.Add(report);
        root.Subcommands.Add(sweep);
        root.Subcommands.Add(versions);
        root.Subcommands.Add(rules);
        root.Subcommands.Add(diff);
        root.Subcommands.Add(generate);
        return root;
    }

    private static int Versions(TmadCatalog catalog, bool inferred, TextWriter output)
    {
        output.WriteLine("label,effective_from,expiry,source,shipped,notes,fingerprint");
        foreach (var v in catalog.Versions)
        {
            if (v.IsInferred && !inferred)
            {
                continue; // the eras are listed with --inferred, the switch that lets them resolve dates
            }

            var effective = Text.Date(v.EffectiveFrom) + (v.EffectiveFromConfidence == Confidence.Inferred ? " (inferred)" : string.Empty);
            var kind = v.IsInferred ? "inferred era" : v.IsShipped ? "yes" : "no";
            output.WriteLine(string.Join(',', CsvResultWriter.Escape(v.Label), effective, Text.Date(v.Expiry), CsvResultWriter.Escape(v.Source), kind, CsvResultWriter.Escape(v.Notes ?? string.Empty), v.Fingerprint[..12]));
        }

        return ExitCodes.Ok;
    }

    private static int VersionsJson(TmadCatalog catalog, bool inferred, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var v in catalog.Versions.Where(v => inferred || !v.IsInferred))
            {
                json.WriteStartObject();
                json.WriteString("label", v.Label);
                json.WriteString("effective_from", Text.Date(v.EffectiveFrom));
                json.WriteString("effective_from_confidence", v.EffectiveFromConfidence.ToString().ToLowerInvariant());
                json.WriteString("expiry", Text.Date(v.Expiry));
                json.WriteString("source", v.Source);
                json.WriteString("kind", v.IsInferred ? "inferred era" : v.IsShipped ? "shipped" : "registered");
                json.WriteString("based_on", v.BasedOn);
                json.WriteString("notes", v.Notes);
                json.WriteString("fingerprint", v.Fingerprint);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return ExitCodes.Ok;
    }

    private static int Timeline(TmadCatalog catalog, bool inferred, TextWriter output)
    {
        output.Write(VersionTimeline.Render(catalog, inferred));
        return ExitCodes.Ok;
    }

    internal static TmadCatalog LoadCatalog(string[] files)
    {
        if (files.Length == 0)
        {
            return TmadCatalog.Shipped;
        }

        var builder = new TmadCatalogBuilder();
        foreach (var file in files)
        {
            foreach (var definition in VersionFile.Load(file))
            {
                builder.Register(definition);
            }
        }

        return builder.Build();
    }

    private static int Rules(TmadCatalog catalog, string? label, string format, TextWriter output)
    {
        TmadVersion? version = null;
        if (label is not null && !catalog.TryGet(label, out version))
        {
            throw new UsageException($"--tmad '{label}' is not a known version; use one of {string.Join(", ", catalog.Labels)}.");
        }

        if (format == "markdown")
        {
            output.Write(Markdown.RuleBook(version ?? throw new UsageException("--format markdown renders one version's rule book: add --tmad LABEL.")));
            return ExitCodes.Ok;
        }

        output.WriteLine("rule_id,outcome,clause,source,confidence,versions,parameters,fails_when,fingerprints");
        var rules = version?.Rules ?? catalog.Rules;
        foreach (var rule in rules)
        {
            var parameters = version is null
                ? string.Join(' ', rule.Parameters)
                : string.Join("; ", version.Parameters.Entries.Where(e => rule.Parameters.Contains(e.Key)).Select(e => $"{e.Key}={e.Value} ({e.Source})"));
            var outcome = rule.IsAdopted ? rule.Outcome.ToString() + (rule.EscalatedOutcome is { } x ? $" ({x} when {rule.EscalatedWhen})" : string.Empty) : "not adopted";
            output.WriteLine(string.Join(',', new[]
            {
                rule.Id, outcome, rule.Clause ?? string.Empty, rule.Citation, rule.Confidence?.ToString().ToLowerInvariant() ?? string.Empty,
                rule.DefinedIn is { } definedIn ? "defined in " + definedIn : string.Join(' ', rule.ShippedIn), parameters, rule.FailsWhen,
                string.Join(' ', (version is null ? catalog.Versions.Where(v => !v.IsInferred && v.Holds(rule.Id)) : [version]).Select(v => $"{v.Label}:{v.Fingerprint[..12]}")),
            }.Select(CsvResultWriter.Escape)));
        }

        return ExitCodes.Ok;
    }

    private static int Generate(int rows, int seed, string output, string? epclOutput, IAnsiConsole error)
    {
        if (rows < 0)
        {
            throw new UsageException($"--rows {rows} is negative; give 0 or more.");
        }

        epclOutput ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFileNameWithoutExtension(output) + "-epcl.csv");
        OutputFile.EnsureNotAnInput(epclOutput, "--epcl-output", (output, "--output file"));
        var estate = new SyntheticEstate(seed);
        using var installations = OutputFile.Create(output);
        using var epclFile = OutputFile.Create(epclOutput);
        using (var writer = new InstallationCsvWriter(installations.Stream, leaveOpen: true))
        {
            foreach (var facts in estate.Installations(rows))
            {
                writer.Write(facts);
            }
        }

        InstallationCsvWriter.WriteEpcl(epclFile.Stream, estate.Epcl, leaveOpen: true);
        installations.Commit();
        epclFile.Commit();
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {rows:N0} installations to {output} and {estate.Epcl.Count} EPCL entries to {epclOutput} (seed {seed})"));
        return ExitCodes.Ok;
    }

    private static IAnsiConsole Console(TextWriter error)
    {
        var redirected = !ReferenceEquals(error, System.Console.Error) || System.Console.IsErrorRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = 120;
        }

        return console;
    }
}
