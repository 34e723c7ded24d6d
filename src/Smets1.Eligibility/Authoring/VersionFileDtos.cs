using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smets1.Eligibility.Authoring;

// The version-file format of FILES-AND-CLI.md and RULE-FILES.md as read: every key a property, every value a
// JsonField (absent, fitting, or kept as written for the binder to report), every other key in Unknown.
// VersionFileBinder turns these into the model and reports every problem with its path.

/// <summary>Keys a DTO does not declare, in file order: each is an "unknown key" error.</summary>
internal abstract class Dto
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>One version: the root of a file, or an item of <c>versions</c>.</summary>
internal class VersionDto : Dto
{
    [JsonPropertyName("label")] public JsonField<string>? Label { get; set; }
    [JsonPropertyName("based_on")] public JsonField<string>? BasedOn { get; set; }
    [JsonPropertyName("effective_from")] public JsonField<string>? EffectiveFrom { get; set; }
    [JsonPropertyName("source")] public JsonField<string>? Source { get; set; }
    [JsonPropertyName("confidence")] public JsonField<string>? Confidence { get; set; }
    [JsonPropertyName("notes")] public JsonField<string>? Notes { get; set; }
    [JsonPropertyName("expiry")] public JsonField<SourcedValueDto>? Expiry { get; set; }
    [JsonPropertyName("add_rules")] public JsonField<List<JsonField<RuleReferenceDto>>>? AddRules { get; set; }
    [JsonPropertyName("remove_rules")] public JsonField<List<JsonField<RuleReferenceDto>>>? RemoveRules { get; set; }
    [JsonPropertyName("parameters")] public JsonField<Dictionary<string, JsonField<ParameterDto>>>? Parameters { get; set; }
    [JsonPropertyName("facts")] public JsonField<Dictionary<string, JsonField<FactDto>>>? Facts { get; set; }
    [JsonPropertyName("define_rules")] public JsonField<List<JsonField<DefinedRuleDto>>>? DefineRules { get; set; }

    /// <summary>The version keys present, in the contract's order.</summary>
    public IEnumerable<string> Present()
    {
        (string Key, object? Field)[] keys =
        [
            ("label", Label), ("based_on", BasedOn), ("effective_from", EffectiveFrom), ("source", Source), ("confidence", Confidence),
            ("notes", Notes), ("expiry", Expiry), ("add_rules", AddRules), ("remove_rules", RemoveRules), ("parameters", Parameters),
            ("facts", Facts), ("define_rules", DefineRules),
        ];
        return keys.Where(k => k.Field is not null).Select(k => k.Key);
    }
}

/// <summary>A file's root: one version, or <c>{"versions": [ … ]}</c>.</summary>
internal sealed class VersionFileDto : VersionDto
{
    [JsonPropertyName("versions")] public JsonField<List<JsonField<VersionDto>>>? Versions { get; set; }
}

/// <summary><c>{ "value": …, "source": … }</c>: the expiry and the built-in parameters.</summary>
internal sealed class SourcedValueDto : Dto
{
    [JsonPropertyName("value")] public JsonField<JsonElement>? Value { get; set; }
    [JsonPropertyName("source")] public JsonField<string>? Source { get; set; }
}

/// <summary><c>{ "rule": …, "source": … }</c> in <c>add_rules</c> and <c>remove_rules</c>.</summary>
internal sealed class RuleReferenceDto : Dto
{
    [JsonPropertyName("rule")] public JsonField<string>? Rule { get; set; }
    [JsonPropertyName("source")] public JsonField<string>? Source { get; set; }
}

/// <summary>A parameter: a built-in one's value, a new typed one, or a new value for one a base declares.</summary>
internal sealed class ParameterDto : Dto
{
    [JsonPropertyName("value")] public JsonField<JsonElement>? Value { get; set; }
    [JsonPropertyName("source")] public JsonField<string>? Source { get; set; }
    [JsonPropertyName("type")] public JsonField<string>? Type { get; set; }
    [JsonPropertyName("unit")] public JsonField<string>? Unit { get; set; }
    [JsonPropertyName("confidence")] public JsonField<string>? Confidence { get; set; }
    [JsonPropertyName("notes")] public JsonField<string>? Notes { get; set; }
}

/// <summary>A declared fact.</summary>
internal sealed class FactDto : Dto
{
    [JsonPropertyName("type")] public JsonField<string>? Type { get; set; }
    [JsonPropertyName("description")] public JsonField<string>? Description { get; set; }
    [JsonPropertyName("default")] public JsonField<JsonElement>? Default { get; set; }
    [JsonPropertyName("min")] public JsonField<decimal>? Min { get; set; }
    [JsonPropertyName("max")] public JsonField<decimal>? Max { get; set; }
    [JsonPropertyName("max_length")] public JsonField<JsonElement>? MaxLength { get; set; }
    [JsonPropertyName("values")] public JsonField<List<JsonField<string>>>? Values { get; set; }
}

/// <summary>A defined rule.</summary>
internal sealed class DefinedRuleDto : Dto
{
    [JsonPropertyName("id")] public JsonField<string>? Id { get; set; }
    [JsonPropertyName("description")] public JsonField<string>? Description { get; set; }
    [JsonPropertyName("outcome")] public JsonField<string>? Outcome { get; set; }
    [JsonPropertyName("when")] public JsonField<ConditionDto>? When { get; set; }
    [JsonPropertyName("source")] public JsonField<string>? Source { get; set; }
    [JsonPropertyName("clause")] public JsonField<string>? Clause { get; set; }
    [JsonPropertyName("confidence")] public JsonField<string>? Confidence { get; set; }
    [JsonPropertyName("notes")] public JsonField<string>? Notes { get; set; }
}

/// <summary>A condition: <c>all</c>, <c>any</c>, <c>not</c>, <c>{ fact, missing|known }</c>, or an operand with one operator.</summary>
internal sealed class ConditionDto : Dto
{
    [JsonPropertyName("all")] public JsonField<List<JsonField<ConditionDto>>>? All { get; set; }
    [JsonPropertyName("any")] public JsonField<List<JsonField<ConditionDto>>>? Any { get; set; }
    [JsonPropertyName("not")] public JsonField<ConditionDto>? Not { get; set; }
    [JsonPropertyName("fact")] public JsonField<string>? Fact { get; set; }
    [JsonPropertyName("hours_since")] public JsonField<string>? HoursSince { get; set; }
    [JsonPropertyName("days_since")] public JsonField<string>? DaysSince { get; set; }
    [JsonPropertyName("days_until")] public JsonField<string>? DaysUntil { get; set; }
    [JsonPropertyName("missing")] public JsonField<bool>? Missing { get; set; }
    [JsonPropertyName("known")] public JsonField<bool>? Known { get; set; }
    [JsonPropertyName("is")] public JsonField<JsonElement>? Is { get; set; }
    [JsonPropertyName("is_not")] public JsonField<JsonElement>? IsNot { get; set; }
    [JsonPropertyName("in")] public JsonField<JsonElement>? In { get; set; }
    [JsonPropertyName("more_than")] public JsonField<JsonElement>? MoreThan { get; set; }
    [JsonPropertyName("at_least")] public JsonField<JsonElement>? AtLeast { get; set; }
    [JsonPropertyName("less_than")] public JsonField<JsonElement>? LessThan { get; set; }
    [JsonPropertyName("at_most")] public JsonField<JsonElement>? AtMost { get; set; }
    [JsonPropertyName("between")] public JsonField<JsonElement>? Between { get; set; }

    /// <summary>The operands present (<c>fact</c>, <c>hours_since</c>, <c>days_since</c>, <c>days_until</c>), in that order.</summary>
    public (string Key, JsonField<string> Field)[] Operands() =>
        [.. new[] { ("fact", Fact), ("hours_since", HoursSince), ("days_since", DaysSince), ("days_until", DaysUntil) }
            .Where(o => o.Item2 is not null).Select(o => (o.Item1, o.Item2!))];

    /// <summary>The operators present, in the contract's order.</summary>
    public (string Key, JsonField<JsonElement> Field)[] Operators() =>
        [.. new[] { ("is", Is), ("is_not", IsNot), ("in", In), ("more_than", MoreThan), ("at_least", AtLeast), ("less_than", LessThan), ("at_most", AtMost), ("between", Between) }
            .Where(o => o.Item2 is not null).Select(o => (o.Item1, o.Item2!))];

    /// <summary>The flags present (<c>missing</c>, <c>known</c>).</summary>
    public (string Key, JsonField<bool> Field)[] Flags() =>
        [.. new[] { ("missing", Missing), ("known", Known) }.Where(o => o.Item2 is not null).Select(o => (o.Item1, o.Item2!))];

    /// <summary>The combinators present (<c>all</c>, <c>any</c>, <c>not</c>).</summary>
    public string[] Combinators() =>
        [.. new (string Key, object? Field)[] { ("all", All), ("any", Any), ("not", Not) }.Where(o => o.Field is not null).Select(o => o.Key)];
}

/// <summary>
/// Source-generated metadata for the DTOs: comments and trailing commas allowed, keys case-sensitive, one
/// <see cref="JsonFieldConverter{T}"/> per type a field holds.
/// </summary>
[JsonSourceGenerationOptions(
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters =
    [
        typeof(JsonFieldConverter<string>), typeof(JsonFieldConverter<bool>), typeof(JsonFieldConverter<decimal>), typeof(JsonFieldConverter<JsonElement>),
        typeof(JsonFieldConverter<VersionFileDto>), typeof(JsonFieldConverter<VersionDto>), typeof(JsonFieldConverter<List<JsonField<VersionDto>>>),
        typeof(JsonFieldConverter<SourcedValueDto>), typeof(JsonFieldConverter<RuleReferenceDto>), typeof(JsonFieldConverter<List<JsonField<RuleReferenceDto>>>),
        typeof(JsonFieldConverter<ParameterDto>), typeof(JsonFieldConverter<Dictionary<string, JsonField<ParameterDto>>>),
        typeof(JsonFieldConverter<FactDto>), typeof(JsonFieldConverter<Dictionary<string, JsonField<FactDto>>>), typeof(JsonFieldConverter<List<JsonField<string>>>),
        typeof(JsonFieldConverter<DefinedRuleDto>), typeof(JsonFieldConverter<List<JsonField<DefinedRuleDto>>>),
        typeof(JsonFieldConverter<ConditionDto>), typeof(JsonFieldConverter<List<JsonField<ConditionDto>>>),
    ])]
[JsonSerializable(typeof(JsonField<VersionFileDto>))]
[JsonSerializable(typeof(VersionFileDto))]
[JsonSerializable(typeof(VersionDto))]
[JsonSerializable(typeof(List<JsonField<VersionDto>>))]
[JsonSerializable(typeof(SourcedValueDto))]
[JsonSerializable(typeof(RuleReferenceDto))]
[JsonSerializable(typeof(List<JsonField<RuleReferenceDto>>))]
[JsonSerializable(typeof(ParameterDto))]
[JsonSerializable(typeof(Dictionary<string, JsonField<ParameterDto>>))]
[JsonSerializable(typeof(FactDto))]
[JsonSerializable(typeof(Dictionary<string, JsonField<FactDto>>))]
[JsonSerializable(typeof(List<JsonField<string>>))]
[JsonSerializable(typeof(DefinedRuleDto))]
[JsonSerializable(typeof(List<JsonField<DefinedRuleDto>>))]
[JsonSerializable(typeof(ConditionDto))]
[JsonSerializable(typeof(List<JsonField<ConditionDto>>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(decimal))]
internal sealed partial class VersionFileJsonContext : JsonSerializerContext;
