using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Authoring;

/// <summary>
/// Binds version files, read into DTOs by System.Text.Json's source-generated <see cref="VersionFileJsonContext"/>,
/// to the model (FILES-AND-CLI.md and RULE-FILES.md), collecting every problem with the file name, its JSON path and
/// what was expected; unknown keys are errors. This part binds versions, rules added or removed, expiries and the
/// built-in parameters; <c>VersionFileBinder.Model.cs</c> binds declared facts, typed parameters and defined rules.
/// </summary>
internal sealed partial class VersionFileBinder(string name)
{
    private const string VersionKeys = "label, based_on, effective_from, source, confidence, notes, expiry, add_rules, remove_rules, parameters, facts, define_rules";
    private const string ReferenceExpected = "{ \"rule\": …, \"source\": … }";
    private static readonly string[] BuiltInParameters = [ParameterKeys.CosLookaheadDays, ParameterKeys.CommsWindowHours, ParameterKeys.FailedAttemptThreshold, ParameterKeys.EpclWindowMonths];

    public List<string> Errors { get; } = [];

    /// <summary>Binds a whole file: one version, or <c>{"versions": [ … ]}</c>.</summary>
    public List<VersionDefinition> File(JsonField<VersionFileDto>? root)
    {
        var definitions = new List<VersionDefinition>();
        if (root is not { Fits: true })
        {
            Error("$", "a version object, or { \"versions\": [ … ] }", root?.Raw);
            return definitions;
        }

        var file = root.Value;
        if (file.Versions is not { } versions)
        {
            definitions.Add(Version(file, "$"));
            return definitions;
        }

        foreach (var key in file.Present().Concat(file.Unknown?.Keys ?? Enumerable.Empty<string>()))
        {
            Errors.Add($"{name}: $.{key}: unknown key; the keys are versions");
        }

        Each(versions, "$.versions", "an array of version definitions", "a version definition", (version, at) => definitions.Add(Version(version, at)));
        return definitions;
    }

    private VersionDefinition Version(VersionDto dto, string path)
    {
        var definition = new VersionDefinition();
        Unknown(dto, path, VersionKeys);
        definition.Label = RequiredString(dto.Label, path, "label") ?? string.Empty;
        definition.BasedOn = RequiredString(dto.BasedOn, path, "based_on") ?? string.Empty;
        definition.Source = RequiredString(dto.Source, path, "source") ?? string.Empty;
        definition.EffectiveFrom = dto.EffectiveFrom is { } from ? Date(from, path + ".effective_from") : Missing<LocalDate?>(path + ".effective_from", DateExpected);
        definition.Notes = OptionalString(dto.Notes, path, "notes");
        definition.Confidence = ConfidenceOf(dto.Confidence, path) ?? definition.Confidence;
        if (dto.Expiry is { } expiry)
        {
            var value = Sourced(expiry, path + ".expiry", out var source);
            definition.Expiry = value is { } v ? Date(v, path + ".expiry.value") : null;
            Cite(definition.Parameters, ParameterKeys.TmadExpiry, source);
        }

        References(dto.AddRules, $"{path}.add_rules", definition.AddRules, definition.RuleSources);
        References(dto.RemoveRules, $"{path}.remove_rules", definition.RemoveRules, definition.RuleSources);
        if (dto.Parameters is { } parameters)
        {
            Parameters(parameters, path + ".parameters", definition);
        }

        if (dto.Facts is { } facts)
        {
            Facts(facts, path + ".facts", definition.Facts);
        }

        if (dto.DefineRules is { } defined)
        {
            DefinedRules(defined, path + ".define_rules", definition.DefineRules);
        }

        definition.Origin = ($"{name}: ", path);
        return definition;
    }

    private void References(JsonField<List<JsonField<RuleReferenceDto>>>? field, string path, IList<string> ids, IDictionary<string, string> sources)
    {
        if (field is null)
        {
            return;
        }

        Each(field, path, "an array of " + ReferenceExpected, ReferenceExpected, (reference, at) =>
        {
            Unknown(reference, at, "rule, source");
            var id = RequiredString(reference.Rule, at, "rule");
            var source = RequiredString(reference.Source, at, "source");
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

    private void Parameters(JsonField<Dictionary<string, JsonField<ParameterDto>>> field, string path, VersionDefinition definition)
    {
        if (!field.Fits)
        {
            Error(path, "an object of parameters", field.Raw);
            return;
        }

        var overrides = definition.Parameters;
        foreach (var (key, parameter) in field.Value)
        {
            var at = $"{path}.{key}";
            if (!BuiltInParameters.Contains(key))
            {
                Defined(key, parameter, at, definition);
                continue;
            }

            if (!parameter.Fits)
            {
                Error(at, "{ \"value\": …, \"source\": … }", parameter.Raw);
                continue;
            }

            Unknown(parameter.Value, at, "value, source");
            var source = RequiredString(parameter.Value.Source, at, "source");
            if (parameter.Value.Value is not { } value)
            {
                Error(at + ".value", "a value");
                continue;
            }

            var number = Number(value.Raw, at + ".value", key == ParameterKeys.CosLookaheadDays ? 0 : 1);
            switch (key)
            {
                case ParameterKeys.CosLookaheadDays: overrides.CosLookaheadDays = number; break;
                case ParameterKeys.CommsWindowHours: overrides.CommsWindow = number is { } hours ? Duration.FromHours(hours) : null; break;
                case ParameterKeys.FailedAttemptThreshold: overrides.FailedAttemptThreshold = number; break;
                default: overrides.EpclWindowMonths = number; break;
            }

            Cite(overrides, key, source);
        }
    }

    private static void Cite(ParameterOverrides overrides, string key, string? source)
    {
        if (source is not null)
        {
            overrides.Sources[key] = source;
        }
    }

    /// <summary><c>{ "value": …, "source": … }</c>: the value as written (or null, reported), and its source.</summary>
    private JsonElement? Sourced(JsonField<SourcedValueDto> field, string path, out string? source)
    {
        source = null;
        if (!field.Fits)
        {
            Error(path, "{ \"value\": …, \"source\": … }", field.Raw);
            return null;
        }

        Unknown(field.Value, path, "value, source");
        source = RequiredString(field.Value.Source, path, "source");
        if (field.Value.Value is not { } value)
        {
            Error(path + ".value", "a value");
            return null;
        }

        return value.Raw;
    }

    /// <summary>Binds each item of an array of objects, reporting an array that is not one and an item that is not an object, with its path.</summary>
    private void Each<T>(JsonField<List<JsonField<T>>> field, string path, string array, string item, Action<T, string> bind)
    {
        if (!field.Fits)
        {
            Error(path, array, field.Raw);
            return;
        }

        var i = 0;
        foreach (var element in field.Value)
        {
            var at = $"{path}[{i++}]";
            if (element.Fits)
            {
                bind(element.Value, at);
            }
            else
            {
                Error(at, item, element.Raw);
            }
        }
    }

    private int? Number(JsonElement element, string path, int minimum) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var number) && number >= minimum
            ? number
            : Fail<int?>(path, $"a whole number of {minimum} or more", element, null);

    private const string DateExpected = "a date such as \"2021-12-15\"";

    private LocalDate? Date(JsonField<string> field, string path) => Date(field.Raw, path);

    private LocalDate? Date(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String && LocalDatePattern.Iso.Parse(value.GetString()!) is { Success: true } parsed
            ? parsed.Value
            : Fail<LocalDate?>(path, DateExpected, value, null);

    private string? RequiredString(JsonField<string>? field, string path, string key) =>
        field is null ? Missing<string?>($"{path}.{key}", "a non-empty string")
        : field.Fits && !string.IsNullOrWhiteSpace(field.Value) ? field.Value
        : Fail<string?>($"{path}.{key}", "a non-empty string", field.Raw, null);

    private string? OptionalString(JsonField<string>? field, string path, string key) =>
        field is null ? null
        : field.Fits ? field.Value
        : Fail<string?>($"{path}.{key}", "a string", field.Raw, null);

    private Confidence? ConfidenceOf(JsonField<string>? field, string path) =>
        field is null ? null
        : field is { Fits: true, Value: "confirmed" } ? Rules.Confidence.Confirmed
        : field is { Fits: true, Value: "inferred" } ? Rules.Confidence.Inferred
        : Fail<Confidence?>(path + ".confidence", "\"confirmed\" or \"inferred\"", field.Raw, null);

    /// <summary>Reports the keys a DTO did not declare.</summary>
    private void Unknown(Dto dto, string path, string known)
    {
        foreach (var key in dto.Unknown?.Keys ?? Enumerable.Empty<string>())
        {
            Errors.Add($"{name}: {path}.{key}: unknown key; the keys are {known}");
        }
    }

    private void Error(string path, string expected, JsonElement? got = null) =>
        Errors.Add(got is { } value
            ? $"{name}: {path}: expected {expected}, got {Describe(value)}"
            : $"{name}: {path}: expected {expected}");

    private T Missing<T>(string path, string expected)
    {
        Error(path, expected);
        return default!;
    }

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
