using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Authoring;

/// <summary>
/// Reads version definitions from JSON (FILES-AND-CLI.md and RULE-FILES.md), collecting every problem with the
/// file name, its JSON path and what was expected; unknown keys are errors. This part reads versions, rules
/// added or removed, expiries and the built-in parameters.
/// </summary>
internal sealed partial class VersionFileReader(string name)
{
    private static readonly string[] VersionKeys = ["label", "based_on", "effective_from", "source", "confidence", "notes", "expiry", "add_rules", "remove_rules", "parameters", "facts", "define_rules"];
    private static readonly string[] ParameterKeysAllowed = ["value", "source", "type", "unit", "confidence", "notes"];
    private static readonly string[] FactKeys = ["type", "description", "default", "min", "max", "max_length", "values"];
    private static readonly string[] DefinedRuleKeys = ["id", "description", "outcome", "when", "source", "clause", "confidence", "notes"];
    private static readonly string[] OperandKeys = ["fact", "hours_since", "days_since", "days_until"];
    private static readonly string[] ValueKeys = ["value", "source"];
    private static readonly string[] RuleKeys = ["rule", "source"];
    private static readonly string[] ParameterNames = [ParameterKeys.CosLookaheadDays, ParameterKeys.CommsWindowHours, ParameterKeys.FailedAttemptThreshold, ParameterKeys.EpclWindowMonths];

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

        EachObject(rules, $"{path}.{key}", "{ \"rule\": …, \"source\": … }", "{ \"rule\": …, \"source\": … }", (rule, at) =>
        {
            Keys(rule, at, RuleKeys);
            var id = RequiredString(rule, at, "rule");
            var source = RequiredString(rule, at, "source");
            if (id is null)
            {
                return;
            }

            ids.Add(id);
            if (source is not null)
            {
                sources[id] = source;
            }
        });
    }

    /// <summary>Reads each object of an array, reporting an array that is not one and an item that is not an object, with its path.</summary>
    private void EachObject(JsonElement element, string path, string items, string item, Action<JsonElement, string> read)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Error(path, "an array of " + items, element);
            return;
        }

        var i = 0;
        foreach (var value in element.EnumerateArray())
        {
            var at = $"{path}[{i++}]";
            if (value.ValueKind != JsonValueKind.Object)
            {
                Error(at, item, value);
                continue;
            }

            read(value, at);
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
