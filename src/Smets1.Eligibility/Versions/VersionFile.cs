using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Versions;

/// <summary>
/// Reads version definitions from JSON files, so that versions can be registered without code. A file holds
/// one definition, or <c>{"versions": [ … ]}</c>.
/// </summary>
/// <remarks>
/// <para>The format (keys are case-sensitive; unknown keys are errors, so a typo is never ignored):</para>
/// <code>
/// {
///   "label": "v18",                                 // required
///   "based_on": "v17",                              // required: a shipped or earlier registered version
///   "effective_from": "2021-12-15",                 // required: a UK date
///   "source": "TMAD v18.0, clean",                  // required: cited for anything without its own source
///   "confidence": "inferred",                       // optional: "confirmed" or "inferred" (default)
///   "notes": "…",                                   // optional
///   "expiry": { "value": "2022-12-31", "source": "…" },                 // optional
///   "add_rules": [ { "rule": "EXCL-GT01", "source": "Clause 18 (P-V1)" } ],
///   "remove_rules": [ { "rule": "IGT-CERTIFICATE", "source": "…" } ],
///   "parameters": {                                 // optional; each value with its source
///     "cos_lookahead_days": { "value": 9, "source": "…" },
///     "comms_window_hours": { "value": 72, "source": "…" },
///     "failed_attempt_threshold": { "value": 5, "source": "…" },
///     "epcl_window_months": { "value": 12, "source": "…" }
///   }
/// }
/// </code>
/// <para>Every problem is reported together, each with its file, JSON path and what was expected. The
/// definitions are then validated like any other when the catalogue is built.</para>
/// </remarks>
public static class VersionFile
{
    private static readonly string[] VersionKeys = ["label", "based_on", "effective_from", "source", "confidence", "notes", "expiry", "add_rules", "remove_rules", "parameters"];
    private static readonly string[] ValueKeys = ["value", "source"];
    private static readonly string[] RuleKeys = ["rule", "source"];
    private static readonly string[] ParameterNames = [ParameterKeys.CosLookaheadDays, ParameterKeys.CommsWindowHours, ParameterKeys.FailedAttemptThreshold, ParameterKeys.EpclWindowMonths];

    /// <summary>Reads a version file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Its definitions, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="EligibilityConfigurationException">The file cannot be read or is invalid; every problem is listed.</exception>
    public static IReadOnlyList<VersionDefinition> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new EligibilityConfigurationException($"{path}: cannot read the version file: {e.Message}", e);
        }

        return Parse(json, Path.GetFileName(path));
    }

    /// <summary>Parses version definitions from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="name">A name for the text in error messages, such as its file name.</param>
    /// <returns>The definitions, in order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="EligibilityConfigurationException">The text is invalid; every problem is listed.</exception>
    public static IReadOnlyList<VersionDefinition> Parse(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new EligibilityConfigurationException($"{name}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }

        using (document)
        {
            var reader = new Reader(name);
            var root = document.RootElement;
            var definitions = new List<VersionDefinition>();
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("versions", out var versions))
            {
                reader.Keys(root, "$", ["versions"]);
                if (versions.ValueKind != JsonValueKind.Array)
                {
                    reader.Error("$.versions", "an array of version definitions", versions);
                }
                else
                {
                    var i = 0;
                    foreach (var item in versions.EnumerateArray())
                    {
                        definitions.Add(reader.Version(item, $"$.versions[{i++}]"));
                    }
                }
            }
            else
            {
                definitions.Add(reader.Version(root, "$"));
            }

            return reader.Errors.Count > 0 ? throw new EligibilityConfigurationException(reader.Errors) : definitions;
        }
    }

    private sealed class Reader(string name)
    {
        public List<string> Errors { get; } = [];

        public void Error(string path, string expected, JsonElement? got = null) =>
            Errors.Add(got is { } value
                ? $"{name}: {path}: expected {expected}, got {Describe(value)}"
                : $"{name}: {path}: expected {expected}");

        public void Keys(JsonElement element, string path, string[] known)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    Errors.Add($"{name}: {path}.{property.Name}: unknown key; the keys are {string.Join(", ", known)}");
                }
            }
        }

        public VersionDefinition Version(JsonElement element, string path)
        {
            var definition = new VersionDefinition();
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, "an object", element);
                return definition;
            }

            Keys(element, path, VersionKeys);
            definition.Label = RequiredString(element, path, "label") ?? string.Empty;
            definition.BasedOn = RequiredString(element, path, "based_on") ?? string.Empty;
            definition.Source = RequiredString(element, path, "source") ?? string.Empty;
            definition.EffectiveFrom = Date(element, path, "effective_from", required: true);
            definition.Notes = OptionalString(element, path, "notes");
            if (element.TryGetProperty("confidence", out var confidence))
            {
                definition.Confidence = confidence.ValueKind == JsonValueKind.String && confidence.GetString() is "confirmed" or "inferred"
                    ? (confidence.GetString() == "confirmed" ? Confidence.Confirmed : Confidence.Inferred)
                    : Fail(path + ".confidence", "\"confirmed\" or \"inferred\"", confidence, Confidence.Inferred);
            }

            if (element.TryGetProperty("expiry", out var expiry))
            {
                var value = Valued(expiry, path + ".expiry", out var source);
                definition.Expiry = value is { } v ? Date(v, path + ".expiry.value") : null;
                Cite(definition.Parameters, ParameterKeys.TmadExpiry, source);
            }

            Rules(element, path, "add_rules", definition.AddRules, definition.RuleSources);
            Rules(element, path, "remove_rules", definition.RemoveRules, definition.RuleSources);
            if (element.TryGetProperty("parameters", out var parameters))
            {
                Parameters(parameters, path + ".parameters", definition.Parameters);
            }

            return definition;
        }

        private void Rules(JsonElement element, string path, string key, IList<string> ids, IDictionary<string, string> sources)
        {
            if (!element.TryGetProperty(key, out var rules))
            {
                return;
            }

            if (rules.ValueKind != JsonValueKind.Array)
            {
                Error($"{path}.{key}", "an array of { \"rule\": …, \"source\": … }", rules);
                return;
            }

            var i = 0;
            foreach (var rule in rules.EnumerateArray())
            {
                var at = $"{path}.{key}[{i++}]";
                if (rule.ValueKind != JsonValueKind.Object)
                {
                    Error(at, "{ \"rule\": …, \"source\": … }", rule);
                    continue;
                }

                Keys(rule, at, RuleKeys);
                var id = RequiredString(rule, at, "rule");
                var source = RequiredString(rule, at, "source");
                if (id is null)
                {
                    continue;
                }

                if (!RuleCatalog.TryGet(id, out _))
                {
                    Error(at + ".rule", $"a rule ID ({string.Join(", ", RuleCatalog.All.Where(r => r.IsAdopted && !r.IsEngineCheck).Select(r => r.Id))})", rule.GetProperty("rule"));
                }

                ids.Add(id);
                if (source is not null)
                {
                    sources[id] = source;
                }
            }
        }

        private void Parameters(JsonElement element, string path, ParameterOverrides overrides)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, "an object of parameters", element);
                return;
            }

            Keys(element, path, ParameterNames);
            foreach (var property in element.EnumerateObject())
            {
                if (!ParameterNames.Contains(property.Name))
                {
                    continue;
                }

                var at = $"{path}.{property.Name}";
                if (Valued(property.Value, at, out var source) is not { } v)
                {
                    continue;
                }

                var number = Number(v, at + ".value", property.Name == ParameterKeys.CosLookaheadDays ? 0 : 1);
                switch (property.Name)
                {
                    case ParameterKeys.CosLookaheadDays: overrides.CosLookaheadDays = number; break;
                    case ParameterKeys.CommsWindowHours: overrides.CommsWindow = number is { } hours ? Duration.FromHours(hours) : null; break;
                    case ParameterKeys.FailedAttemptThreshold: overrides.FailedAttemptThreshold = number; break;
                    default: overrides.EpclWindowMonths = number; break;
                }

                Cite(overrides, property.Name, source);
            }
        }

        private static void Cite(ParameterOverrides overrides, string key, string? source)
        {
            if (source is not null)
            {
                overrides.Sources[key] = source;
            }
        }

        private JsonElement? Valued(JsonElement element, string path, out string? source)
        {
            source = null;
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, "{ \"value\": …, \"source\": … }", element);
                return null;
            }

            Keys(element, path, ValueKeys);
            source = RequiredString(element, path, "source");
            if (!element.TryGetProperty("value", out var value))
            {
                Error(path + ".value", "a value");
                return null;
            }

            return value;
        }

        private int? Number(JsonElement element, string path, int minimum)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var number) && number >= minimum)
            {
                return number;
            }

            return Fail<int?>(path, $"a whole number of {minimum} or more", element, null);
        }

        private LocalDate? Date(JsonElement element, string path, string key, bool required)
        {
            if (!element.TryGetProperty(key, out var value))
            {
                if (required)
                {
                    Error($"{path}.{key}", "a date such as \"2021-12-15\"");
                }

                return null;
            }

            return Date(value, $"{path}.{key}");
        }

        private LocalDate? Date(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.String && LocalDatePattern.Iso.Parse(value.GetString()!) is { Success: true } parsed)
            {
                return parsed.Value;
            }

            return Fail<LocalDate?>(path, "a date such as \"2021-12-15\"", value, null);
        }

        private string? RequiredString(JsonElement element, string path, string key)
        {
            if (!element.TryGetProperty(key, out var value))
            {
                Error($"{path}.{key}", "a non-empty string");
                return null;
            }

            return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
                ? value.GetString()
                : Fail<string?>($"{path}.{key}", "a non-empty string", value, null);
        }

        private string? OptionalString(JsonElement element, string path, string key) =>
            !element.TryGetProperty(key, out var value) ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString()
            : Fail<string?>($"{path}.{key}", "a string", value, null);

        private T Fail<T>(string path, string expected, JsonElement got, T fallback)
        {
            Error(path, expected, got);
            return fallback;
        }

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => $"\"{value.GetString()}\"",
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Null => "null",
            JsonValueKind.Array => "an array",
            _ => "an object",
        };
    }
}
