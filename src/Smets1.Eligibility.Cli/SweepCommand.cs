using System.Globalization;
using System.Numerics;
using System.Text;
using NodaTime;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Versions;
using Spectre.Console;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// <c>sweep</c>: "what if the window were 48 hours?". Evaluates an estate under a pinned version once per value of
/// one of its parameters (built-in or defined), reading the file once and evaluating every compiled variant per
/// chunk, and reports per value the verdict counts and how many installations change verdict against the version's
/// own value, with the commonest transitions. CSV, or an HTML page with a chart when the output ends in <c>.html</c>.
/// </summary>
internal sealed class SweepCommand(TmadCatalog catalog, IAnsiConsole error, TextWriter output, IReadOnlyList<string> versionFiles, RunCounts? counts = null)
{
    private const int Chunk = 4096;
    private const int TopTransitions = 3;

    public sealed record Settings(string Installations, string? Epcl, string Tmad, string Parameter, string Values, string? Output, bool Inferred);

    public int Run(Settings settings)
    {
        if (!catalog.TryGet(settings.Tmad, out var version))
        {
            throw new UsageException($"--tmad '{settings.Tmad}' is not a known version; use one of {string.Join(", ", catalog.Labels)}.");
        }

        var parameter = version.Parameters.All.FirstOrDefault(p => p.Name == settings.Parameter)
            ?? throw new UsageException($"--parameter '{settings.Parameter}' is not a parameter of {version.Label}; its parameters are {string.Join(", ", version.Parameters.All.Select(p => p.Name))}.");
        var values = settings.Values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (values.Length == 0)
        {
            throw new UsageException("--values is empty; give the values to try, separated by commas (for example 24,48,72).");
        }

        OutputFile.EnsureNotAnInput(settings.Output, "--output", [(settings.Installations, "installation file"), (settings.Epcl, "EPCL file"), .. versionFiles.Select(v => ((string?)v, "version file"))]);
        var variants = Variants(version, parameter, values);
        using var estate = EstateInput.Open(settings.Installations, settings.Epcl, catalog, error, counts);
        var evaluator = new EligibilityEvaluator(variants.Catalog, estate.Epcl);
        var sweep = Evaluate(estate.Reader, evaluator, version.Label, variants.Labels, settings.Inferred);
        counts?.AddRows(sweep.Rows);
        var text = settings.Output is { } path && path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
            ? HtmlPage(estate.Name, version, parameter, values, sweep)
            : Csv(version, parameter, values, sweep);
        if (settings.Output is { } target)
        {
            using var file = OutputFile.Create(target);
            file.Stream.Write(new UTF8Encoding(false).GetBytes(text));
            file.Commit();
        }
        else
        {
            output.Write(text);
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"swept {parameter.Name} over {values.Length} values of {version.Label} on {sweep.Rows:N0} rows ({sweep.Invalid:N0} Invalid)"));
        return sweep.Invalid > 0 ? ExitCodes.SomeInvalid : ExitCodes.Ok;
    }

    /// <summary>A catalogue holding one variant of the version per value: a version based on it that sets only that parameter.</summary>
    private (TmadCatalog Catalog, string[] Labels) Variants(TmadVersion version, ParameterDefinition parameter, string[] values)
    {
        var builder = catalog.ToBuilder();
        var labels = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            labels[i] = $"{version.Label} with {parameter.Name}={values[i]}";
            var definition = new VersionDefinition
            {
                Label = labels[i],
                BasedOn = version.Label,
                EffectiveFrom = new LocalDate(1000, 1, 1).PlusDays(i), // pinned, never resolved by date: any free day will do
                Source = $"sweep of {parameter.Name}",
                Confidence = version.EffectiveFromConfidence,
            };
            Set(definition, parameter, values[i]);
            builder.Register(definition);
        }

        return (builder.Build(), labels);
    }

    private static void Set(VersionDefinition definition, ParameterDefinition parameter, string text)
    {
        T Bad<T>(string expected) => throw new UsageException($"--values: '{text}' is not a value of {parameter.Name}: expected {expected}.");
        switch (parameter.Name)
        {
            case ParameterKeys.TmadExpiry:
                definition.Expiry = CellParser.TryParseDate(text, out var expiry) ? expiry : Bad<LocalDate>("an ISO date such as 2022-12-31");
                return;
            case ParameterKeys.CommsWindowHours:
                definition.Parameters.CommsWindow = decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) && hours > 0 && hours < 1_000_000
                    ? Duration.FromNanoseconds(new BigInteger(hours * 3_600_000_000_000m))
                    : Bad<Duration>("a positive number of hours");
                return;
            case ParameterKeys.CosLookaheadDays:
                definition.Parameters.CosLookaheadDays = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : Bad<int>("a whole number of days, 0 or more");
                return;
            case ParameterKeys.FailedAttemptThreshold:
                definition.Parameters.FailedAttemptThreshold = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) && attempts >= 1 ? attempts : Bad<int>("a whole number, 1 or more");
                return;
            case ParameterKeys.EpclWindowMonths:
                definition.Parameters.EpclWindowMonths = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months >= 1 ? months : Bad<int>("a whole number of months, 1 or more");
                return;
            default:
                definition.Parameters.Values[parameter.Name] = parameter.Type switch
                {
                    FactType.Integer => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : Bad<object>("a whole number"),
                    FactType.Decimal => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : Bad<object>("a number"),
                    FactType.Boolean => bool.TryParse(text, out var b) ? b : Bad<object>("true or false"),
                    FactType.Date => CellParser.TryParseDate(text, out var date) ? date : Bad<object>("an ISO date"),
                    _ => text,
                };
                return;
        }
    }

    private static SweepResult Evaluate(InstallationCsvReader reader, EligibilityEvaluator evaluator, string label, string[] variants, bool inferred)
    {
        var result = new SweepResult(variants.Length);
        var rows = new InstallationRow[Chunk];
        var facts = new InstallationFacts[Chunk];
        var baseline = new EligibilityOutcome[Chunk];
        var outcomes = new EligibilityOutcome[Chunk];
        var baseOptions = new EvaluationOptions { PinnedVersion = label, IncludeInferredTimeline = inferred };
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
                    result.Invalid++;
                }
            }

            result.Rows += count;
            evaluator.EvaluateBatch(facts.AsSpan(0, valid), baseline, baseOptions);
            for (var v = 0; v < variants.Length; v++)
            {
                evaluator.EvaluateBatch(facts.AsSpan(0, valid), outcomes, baseOptions with { PinnedVersion = variants[v] });
                for (var i = 0; i < valid; i++)
                {
                    result.Add(v, baseline[i].Verdict, outcomes[i].Verdict);
                }
            }

            Array.Clear(facts, 0, valid);
        }

        return result;
    }

    private static string Csv(TmadVersion version, ParameterDefinition parameter, string[] values, SweepResult sweep)
    {
        var csv = new StringBuilder();
        csv.Append("parameter,value,version_value,rows,").Append(string.Join(',', Html.Verdicts.Select(v => v.Name))).Append(",changed,top_transitions\n");
        for (var v = 0; v < values.Length; v++)
        {
            var cells = new List<string> { parameter.Name, values[v], IsVersionValue(parameter, values[v]) ? "yes" : "no", sweep.Rows.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(Enum.GetValues<Verdict>().OrderDescending().Select(verdict => sweep.Counts[v][(int)verdict].ToString(CultureInfo.InvariantCulture)));
            cells.Add(sweep.Invalid.ToString(CultureInfo.InvariantCulture));
            cells.Add(sweep.Changed[v].ToString(CultureInfo.InvariantCulture));
            cells.Add(string.Join("; ", sweep.Top(v, TopTransitions).Select(t => $"{t.From}→{t.To} {t.Count}")));
            csv.Append(string.Join(',', cells.Select(CsvResultWriter.Escape))).Append('\n');
        }

        return csv.ToString();
    }

    private static string HtmlPage(string file, TmadVersion version, ParameterDefinition parameter, string[] values, SweepResult sweep)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>Sweep of <code>{Html.Escape(parameter.Name)}</code> under {Html.Escape(version.Label)}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">File {Html.Escape(file)}: {Html.Number(sweep.Rows)} rows, {Html.Number(sweep.Invalid)} Invalid. {Html.Escape(version.Label)}'s own value: {Html.Escape(parameter.ValueText)} ({Html.Escape(parameter.Source)}, {parameter.Confidence.ToString().ToLowerInvariant()}).</p>");
        body.Append(Html.Legend());
        var bars = new List<(string, long[])>();
        for (var v = 0; v < values.Length; v++)
        {
            bars.Add(($"{parameter.Name} = {values[v]}", Counts(sweep, v)));
        }

        body.Append(Html.StackedBars("sweep-chart", $"Verdicts per value of {parameter.Name}", bars));
        body.Append("<table id=\"sweep-table\"><tr><th>value</th>").Append(string.Concat(Html.Verdicts.Select(v => $"<th>{v.Name}</th>"))).Append("<th>changed</th><th>top transitions</th></tr>");
        for (var v = 0; v < values.Length; v++)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.Escape(values[v])}{(IsVersionValue(parameter, values[v]) ? " (the version's)" : string.Empty)}</td>");
            foreach (var count in Counts(sweep, v))
            {
                body.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{Html.Number(count)}</td>");
            }

            body.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{Html.Number(sweep.Changed[v])}</td><td>{Html.Escape(string.Join("; ", sweep.Top(v, TopTransitions).Select(t => $"{t.From} → {t.To}: {t.Count}")))}</td></tr>");
        }

        body.Append("</table>");
        return Html.Page($"Sweep of {parameter.Name} under {version.Label}", body.ToString());
    }

    private static long[] Counts(SweepResult sweep, int v) =>
        [.. Enum.GetValues<Verdict>().OrderDescending().Select(verdict => sweep.Counts[v][(int)verdict]), sweep.Invalid];

    /// <summary>Whether a swept value is the version's own (its value as text, without the unit).</summary>
    private static bool IsVersionValue(ParameterDefinition parameter, string value) =>
        string.Equals(parameter.ValueText.Split(' ')[0], value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Counts per value: verdicts, installations whose verdict differs from the version's own, and the transitions.</summary>
    private sealed class SweepResult(int values)
    {
        public long Rows { get; set; }

        public long Invalid { get; set; }

        public long[][] Counts { get; } = [.. Enumerable.Range(0, values).Select(_ => new long[(int)Verdict.Excluded + 1])];

        public long[] Changed { get; } = new long[values];

        private readonly Dictionary<(Verdict, Verdict), long>[] _transitions = [.. Enumerable.Range(0, values).Select(_ => new Dictionary<(Verdict, Verdict), long>())];

        public void Add(int value, Verdict own, Verdict variant)
        {
            Counts[value][(int)variant]++;
            if (own != variant)
            {
                Changed[value]++;
                var transitions = _transitions[value];
                transitions[(own, variant)] = transitions.GetValueOrDefault((own, variant)) + 1;
            }
        }

        public IEnumerable<(Verdict From, Verdict To, long Count)> Top(int value, int count) =>
            _transitions[value].OrderByDescending(t => t.Value).ThenBy(t => t.Key.Item1).ThenBy(t => t.Key.Item2).Take(count).Select(t => (t.Key.Item1, t.Key.Item2, t.Value));
    }
}
