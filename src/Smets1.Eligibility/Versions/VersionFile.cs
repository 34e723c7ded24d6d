using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Smets1.Eligibility.Model;
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
    private static readonly string[] VersionKeys = ["label", "based_on", "effective_from", "source", "confidence", "notes", "expiry", "add_rules", "remove_rules", "parameters", "facts", "define_rules"];
    private static readonly string[] ParameterKeysAllowed = ["value", "source", "type", "unit", "confidence", "notes"];
    private static readonly string[] FactKeys = ["type", "description", "default", "min", "max", "max_length", "values"];
    private static readonly string[] DefinedRuleKeys = ["id", "description", "outcome", "when", "source", "clause", "confidence", "notes"];
    private static readonly string[] OperandKeys = ["fact", "hours_since", "days_since", "days_until"];
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
                Parameters(parameters, path + ".parameters", definition);
            }

            if (element.TryGetProperty("facts", out var facts))
            {
                Facts(facts, path + ".facts", definition.Facts);
            }

            if (element.TryGetProperty("define_rules", out var defined))
            {
                DefinedRules(defined, path + ".define_rules", definition.DefineRules);
            }

            definition.Origin = ($"{name}: ", path);
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

                ids.Add(id);
                if (source is not null)
                {
                    sources[id] = source;
                }
            }
        }

        private void Parameters(JsonElement element, string path, VersionDefinition definition)
        {
            var overrides = definition.Parameters;
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, "an object of parameters", element);
                return;
            }

            foreach (var property in element.EnumerateObject())
            {
                var at = $"{path}.{property.Name}";
                if (!ParameterNames.Contains(property.Name))
                {
                    Defined(property.Name, property.Value, at, definition);
                    continue;
                }

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

        /// <summary>A parameter that is not built in: a new typed one (with <c>type</c>), or a new value for one a base declares.</summary>
        private void Defined(string name, JsonElement element, string path, VersionDefinition definition)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, "{ \"value\": …, \"source\": … } (and \"type\" for a new parameter)", element);
                return;
            }

            Keys(element, path, ParameterKeysAllowed);
            var source = RequiredString(element, path, "source");
            if (!element.TryGetProperty("value", out var value))
            {
                Error(path + ".value", "a value");
                return;
            }

            var raw = Literal(value, path + ".value");
            if (raw is null || source is null)
            {
                return;
            }

            if (element.TryGetProperty("type", out var typeElement))
            {
                var type = Type(typeElement, path + ".type", parameter: true);
                if (type is { } t)
                {
                    definition.DefineParameters.Add(new ParameterDefinition(name, t, raw, source)
                    {
                        Unit = OptionalString(element, path, "unit"),
                        Confidence = ConfidenceOf(element, path) ?? definition.Confidence,
                        Note = OptionalString(element, path, "notes"),
                    });
                }

                return;
            }

            definition.Parameters.Values[name] = raw;
            Cite(definition.Parameters, name, source);
        }

        private void Facts(JsonElement element, string path, IList<FactDefinition> facts)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, "an object of facts by name", element);
                return;
            }

            foreach (var property in element.EnumerateObject())
            {
                var at = $"{path}.{property.Name}";
                var fact = property.Value;
                if (fact.ValueKind != JsonValueKind.Object)
                {
                    Error(at, "{ \"type\": …, \"description\": … }", fact);
                    continue;
                }

                Keys(fact, at, FactKeys);
                var description = RequiredString(fact, at, "description");
                if (!fact.TryGetProperty("type", out var typeElement))
                {
                    Error(at + ".type", "a type: boolean, integer, decimal, text, enum, date or instant");
                    continue;
                }

                if (Type(typeElement, at + ".type", parameter: false) is not { } type || description is null)
                {
                    continue;
                }

                var values = Array.Empty<string>();
                if (fact.TryGetProperty("values", out var list))
                {
                    if (list.ValueKind == JsonValueKind.Array && list.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
                    {
                        values = [.. list.EnumerateArray().Select(v => v.GetString()!)];
                    }
                    else
                    {
                        Error(at + ".values", "an array of strings", list);
                    }
                }

                object? @default = null;
                if (fact.TryGetProperty("default", out var d))
                {
                    @default = Literal(d, at + ".default");
                    if (@default is not null && !FactValues.TryConvert(@default, type, values, out @default))
                    {
                        Error(at + ".default", FactValues.Expected(type, values), d);
                        @default = null;
                    }
                }

                facts.Add(new FactDefinition(property.Name, type, description)
                {
                    Default = @default,
                    Min = Bound(fact, at, "min"),
                    Max = Bound(fact, at, "max"),
                    MaxLength = fact.TryGetProperty("max_length", out var length) ? Number(length, at + ".max_length", 1) : null,
                    Values = values,
                });
            }
        }

        private decimal? Bound(JsonElement element, string path, string key)
        {
            if (!element.TryGetProperty(key, out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
                ? number
                : Fail<decimal?>($"{path}.{key}", "a number", value, null);
        }

        private void DefinedRules(JsonElement element, string path, IList<RuleDefinition> rules)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                Error(path, "an array of rule definitions", element);
                return;
            }

            var i = 0;
            foreach (var rule in element.EnumerateArray())
            {
                var at = $"{path}[{i++}]";
                if (rule.ValueKind != JsonValueKind.Object)
                {
                    Error(at, "a rule definition { \"id\", \"description\", \"outcome\", \"when\", \"source\" }", rule);
                    continue;
                }

                Keys(rule, at, DefinedRuleKeys);
                var id = RequiredString(rule, at, "id");
                var description = RequiredString(rule, at, "description");
                var source = RequiredString(rule, at, "source");
                var outcomeText = RequiredString(rule, at, "outcome");
                RuleOutcome? outcome = outcomeText switch
                {
                    null => null,
                    _ when Enum.TryParse<RuleOutcome>(outcomeText, ignoreCase: true, out var o) && o is RuleOutcome.Excluded or RuleOutcome.Ineligible or RuleOutcome.Deferred or RuleOutcome.Warning => o,
                    _ => Fail<RuleOutcome?>(at + ".outcome", "Excluded, Ineligible, Deferred or Warning", rule.GetProperty("outcome"), null),
                };
                Condition? when = null;
                if (!rule.TryGetProperty("when", out var condition))
                {
                    Error(at + ".when", "a condition");
                }
                else
                {
                    when = Condition(condition, at + ".when");
                }

                var clause = OptionalString(rule, at, "clause");
                var confidence = ConfidenceOf(rule, at);
                var notes = OptionalString(rule, at, "notes");
                if (id is not null && description is not null && source is not null && outcome is { } kind && when is not null)
                {
                    rules.Add(RuleDefinition.Define(id, description, kind, when, source, clause, confidence, notes));
                }
            }
        }

        private Condition? Condition(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, "a condition object", element);
                return null;
            }

            var names = element.EnumerateObject().Select(p => p.Name).ToArray();
            if (names.Length == 1 && names[0] is "all" or "any")
            {
                var list = element.GetProperty(names[0]);
                if (list.ValueKind != JsonValueKind.Array)
                {
                    Error($"{path}.{names[0]}", "an array of conditions", list);
                    return null;
                }

                var children = new List<Condition>();
                var i = 0;
                var ok = true;
                foreach (var child in list.EnumerateArray())
                {
                    var parsed = Condition(child, $"{path}.{names[0]}[{i++}]");
                    ok &= parsed is not null;
                    if (parsed is not null)
                    {
                        children.Add(parsed);
                    }
                }

                if (i == 0)
                {
                    Error($"{path}.{names[0]}", $"at least one condition: an empty \"{names[0]}\" decides nothing");
                    return null;
                }

                return !ok ? null : names[0] == "all" ? Model.Condition.All(children) : Model.Condition.Any(children);
            }

            if (names.Length == 1 && names[0] == "not")
            {
                return Condition(element.GetProperty("not"), path + ".not") is { } inner ? Model.Condition.Not(inner) : null;
            }

            var operands = names.Where(n => OperandKeys.Contains(n)).ToArray();
            var operators = names.Where(n => ComparisonOperators.All.Any(o => o.Key == n)).ToArray();
            var flags = names.Where(n => n is "missing" or "known").ToArray();
            foreach (var unknown in names.Except(operands).Except(operators).Except(flags))
            {
                Errors.Add($"{name}: {path}.{unknown}: unknown key; a condition is all, any, not, {{ fact, missing|known }} or {{ {string.Join("|", OperandKeys)}, {string.Join("|", ComparisonOperators.All.Select(o => o.Key))} }}");
            }

            if (operands.Length != 1)
            {
                Error(path, operands.Length == 0 ? "an operand: fact, hours_since, days_since or days_until (or all, any, not)" : "one operand, not " + string.Join(" and ", operands));
                return null;
            }

            var operandElement = element.GetProperty(operands[0]);
            if (operandElement.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(operandElement.GetString()))
            {
                Error($"{path}.{operands[0]}", "a fact name", operandElement);
                return null;
            }

            var fact = operandElement.GetString()!;
            if (flags.Length > 0)
            {
                if (operands[0] != "fact" || flags.Length > 1 || operators.Length > 0)
                {
                    Error(path, "{ \"fact\": F, \"missing\": true } or { \"fact\": F, \"known\": true }");
                    return null;
                }

                var flag = element.GetProperty(flags[0]);
                if (flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    Error($"{path}.{flags[0]}", "true or false", flag);
                    return null;
                }

                var known = (flags[0] == "known") == flag.GetBoolean();
                return known ? Model.Condition.Known(fact) : Model.Condition.Missing(fact);
            }

            if (operators.Length != 1)
            {
                Error(path, operators.Length == 0 ? $"an operator: {string.Join(", ", ComparisonOperators.All.Select(o => o.Key))}" : "one operator, not " + string.Join(" and ", operators));
                return null;
            }

            var op = Array.Find(ComparisonOperators.All, o => o.Key == operators[0]).Operator;
            var operand = new Operand(operands[0] switch
            {
                "hours_since" => OperandKind.HoursSince,
                "days_since" => OperandKind.DaysSince,
                "days_until" => OperandKind.DaysUntil,
                _ => OperandKind.Fact,
            }, fact);
            var valuePath = $"{path}.{operators[0]}";
            var valueElement = element.GetProperty(operators[0]);
            var values = new List<ConditionValue>();
            if (op is ComparisonOperator.In or ComparisonOperator.Between)
            {
                if (valueElement.ValueKind != JsonValueKind.Array)
                {
                    Error(valuePath, op == ComparisonOperator.In ? "a list of values" : "a list of two values [low, high]", valueElement);
                    return null;
                }

                var i = 0;
                foreach (var item in valueElement.EnumerateArray())
                {
                    if (Value(item, $"{valuePath}[{i++}]") is { } v)
                    {
                        values.Add(v);
                    }
                    else
                    {
                        return null;
                    }
                }
            }
            else if (Value(valueElement, valuePath) is { } single)
            {
                values.Add(single);
            }
            else
            {
                return null;
            }

            return operand.Compare(op, [.. values]);
        }

        private ConditionValue? Value(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                var names = element.EnumerateObject().Select(p => p.Name).ToArray();
                if (names.Length == 1 && names[0] is "parameter" or "fact" && element.GetProperty(names[0]) is { ValueKind: JsonValueKind.String } reference)
                {
                    return names[0] == "parameter" ? ConditionValue.Parameter(reference.GetString()!) : ConditionValue.Fact(reference.GetString()!);
                }

                Error(path, "a constant, { \"parameter\": P } or { \"fact\": G }", element);
                return null;
            }

            return Literal(element, path) is { } constant ? ConditionValue.Of(constant) : null;
        }

        /// <summary>A JSON constant: a string, a whole number (<see cref="long"/>), another number (<see cref="decimal"/>) or a boolean.</summary>
        private object? Literal(JsonElement element, string path) => element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.True or JsonValueKind.False => element.GetBoolean(),
            JsonValueKind.Number when element.TryGetInt64(out var whole) => whole,
            JsonValueKind.Number when element.TryGetDecimal(out var number) => number,
            _ => Fail<object?>(path, "a string, number or boolean", element, null),
        };

        private FactType? Type(JsonElement element, string path, bool parameter)
        {
            var allowed = parameter ? "integer, decimal, boolean, text or date" : "boolean, integer, decimal, text, enum, date or instant";
            var text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
            FactType? type = text switch
            {
                "boolean" => FactType.Boolean,
                "integer" => FactType.Integer,
                "decimal" => FactType.Decimal,
                "text" => FactType.Text,
                "enum" when !parameter => FactType.Enum,
                "date" => FactType.Date,
                "instant" when !parameter => FactType.Instant,
                _ => null,
            };
            return type ?? Fail<FactType?>(path, allowed, element, null);
        }

        private Confidence? ConfidenceOf(JsonElement element, string path)
        {
            if (!element.TryGetProperty("confidence", out var confidence))
            {
                return null;
            }

            return confidence.ValueKind == JsonValueKind.String && confidence.GetString() is "confirmed" or "inferred"
                ? (confidence.GetString() == "confirmed" ? Eligibility.Rules.Confidence.Confirmed : Eligibility.Rules.Confidence.Inferred)
                : Fail<Confidence?>(path + ".confidence", "\"confirmed\" or \"inferred\"", confidence, null);
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
