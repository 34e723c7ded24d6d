using System.Text.Json;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Authoring;

/// <summary>The rule model's part of a version file: declared facts, typed parameters, defined rules and their conditions.</summary>
internal sealed partial class VersionFileBinder
{
    private const string FactKeys = "type, description, default, min, max, max_length, values";
    private const string DefinedRuleKeys = "id, description, outcome, when, source, clause, confidence, notes";
    private const string ParameterKeysAllowed = "value, source, type, unit, confidence, notes";
    private const string RuleExpected = "a rule definition { \"id\", \"description\", \"outcome\", \"when\", \"source\" }";

    /// <summary>A parameter that is not built in: a new typed one (with <c>type</c>), or a new value for one a base declares.</summary>
    private void Defined(string key, JsonField<ParameterDto> field, string path, VersionDefinition definition)
    {
        if (!field.Fits)
        {
            Error(path, "{ \"value\": …, \"source\": … } (and \"type\" for a new parameter)", field.Raw);
            return;
        }

        var parameter = field.Value;
        Unknown(parameter, path, ParameterKeysAllowed);
        var source = RequiredString(parameter.Source, path, "source");
        if (parameter.Value is not { } value)
        {
            Error(path + ".value", "a value");
            return;
        }

        var raw = Literal(value.Raw, path + ".value");
        if (raw is null || source is null)
        {
            return;
        }

        if (parameter.Type is { } typeField)
        {
            if (Type(typeField, path + ".type", parameter: true) is { } type)
            {
                definition.DefineParameters.Add(new ParameterDefinition(key, type, raw, source)
                {
                    Unit = OptionalString(parameter.Unit, path, "unit"),
                    Confidence = ConfidenceOf(parameter.Confidence, path) ?? definition.Confidence,
                    Note = OptionalString(parameter.Notes, path, "notes"),
                });
            }

            return;
        }

        definition.Parameters.Values[key] = raw;
        Cite(definition.Parameters, key, source);
    }

    private void Facts(JsonField<Dictionary<string, JsonField<FactDto>>> field, string path, IList<FactDefinition> facts)
    {
        if (!field.Fits)
        {
            Error(path, "an object of facts by name", field.Raw);
            return;
        }

        foreach (var (key, item) in field.Value)
        {
            var at = $"{path}.{key}";
            if (!item.Fits)
            {
                Error(at, "{ \"type\": …, \"description\": … }", item.Raw);
                continue;
            }

            var fact = item.Value;
            Unknown(fact, at, FactKeys);
            var description = RequiredString(fact.Description, at, "description");
            if (fact.Type is not { } typeField)
            {
                Error(at + ".type", "a type: boolean, integer, decimal, text, enum, date or instant");
                continue;
            }

            if (Type(typeField, at + ".type", parameter: false) is not { } type || description is null)
            {
                continue;
            }

            var values = Array.Empty<string>();
            if (fact.Values is { } list)
            {
                if (list.Fits && list.Value.All(v => v.Fits))
                {
                    values = [.. list.Value.Select(v => v.Value)];
                }
                else
                {
                    Error(at + ".values", "an array of strings", list.Raw);
                }
            }

            object? @default = null;
            if (fact.Default is { } d)
            {
                @default = Literal(d.Raw, at + ".default");
                if (@default is not null && !FactValues.TryConvert(@default, type, values, out @default))
                {
                    Error(at + ".default", FactValues.Expected(type, values), d.Raw);
                    @default = null;
                }
            }

            facts.Add(new FactDefinition(key, type, description)
            {
                Default = @default,
                Min = Bound(fact.Min, at, "min"),
                Max = Bound(fact.Max, at, "max"),
                MaxLength = fact.MaxLength is { } length ? Number(length.Raw, at + ".max_length", 1) : null,
                Values = values,
            });
        }
    }

    private decimal? Bound(JsonField<decimal>? field, string path, string key) =>
        field is null ? null
        : field.Fits ? field.Value
        : Fail<decimal?>($"{path}.{key}", "a number", field.Raw, null);

    private void DefinedRules(JsonField<List<JsonField<DefinedRuleDto>>> field, string path, IList<RuleDefinition> rules) =>
        Each(field, path, "rule definitions", RuleExpected, (rule, at) =>
        {
            Unknown(rule, at, DefinedRuleKeys);
            var id = RequiredString(rule.Id, at, "id");
            var description = RequiredString(rule.Description, at, "description");
            var source = RequiredString(rule.Source, at, "source");
            var outcomeText = RequiredString(rule.Outcome, at, "outcome");
            RuleOutcome? outcome = outcomeText switch
            {
                null => null,
                _ when Enum.TryParse<RuleOutcome>(outcomeText, ignoreCase: true, out var o) && o is RuleOutcome.Excluded or RuleOutcome.Ineligible or RuleOutcome.Deferred or RuleOutcome.Warning => o,
                _ => Fail<RuleOutcome?>(at + ".outcome", "Excluded, Ineligible, Deferred or Warning", rule.Outcome!.Raw, null),
            };
            var when = rule.When is { } condition ? Condition(condition, at + ".when") : Missing<Condition?>(at + ".when", "a condition");
            var clause = OptionalString(rule.Clause, at, "clause");
            var confidence = ConfidenceOf(rule.Confidence, at);
            var notes = OptionalString(rule.Notes, at, "notes");
            if (id is not null && description is not null && source is not null && outcome is { } kind && when is not null)
            {
                rules.Add(RuleDefinition.Define(id, description, kind, when, source, clause, confidence, notes));
            }
        });

    private Condition? Condition(JsonField<ConditionDto> field, string path)
    {
        if (!field.Fits)
        {
            Error(path, "a condition object", field.Raw);
            return null;
        }

        var dto = field.Value;
        var combinators = dto.Combinators();
        var operands = dto.Operands();
        var operators = dto.Operators();
        var flags = dto.Flags();
        var unknown = dto.Unknown?.Keys.ToArray() ?? [];
        var only = combinators.Length == 1 && operands.Length + operators.Length + flags.Length + unknown.Length == 0;
        if (only && combinators[0] is "all" or "any")
        {
            return Combined(combinators[0], (combinators[0] == "all" ? dto.All : dto.Any)!, $"{path}.{combinators[0]}");
        }

        if (only)
        {
            return Condition(dto.Not!, path + ".not") is { } inner ? Model.Condition.Not(inner) : null;
        }

        foreach (var key in unknown.Concat(combinators))
        {
            Errors.Add($"{name}: {path}.{key}: unknown key; a condition is all, any, not, {{ fact, missing|known }} or {{ fact|hours_since|days_since|days_until, {string.Join("|", ComparisonOperators.All.Select(o => o.Key))} }}");
        }

        if (operands.Length != 1)
        {
            Error(path, operands.Length == 0 ? "an operand: fact, hours_since, days_since or days_until (or all, any, not)" : "one operand, not " + string.Join(" and ", operands.Select(o => o.Key)));
            return null;
        }

        var (operandKey, operandField) = operands[0];
        if (!operandField.Fits || operandField.Value.Length == 0)
        {
            Error($"{path}.{operandKey}", "a fact name", operandField.Raw);
            return null;
        }

        var fact = operandField.Value;
        if (flags.Length > 0)
        {
            if (operandKey != "fact" || flags.Length > 1 || operators.Length > 0)
            {
                Error(path, "{ \"fact\": F, \"missing\": true } or { \"fact\": F, \"known\": true }");
                return null;
            }

            var (flagKey, flag) = flags[0];
            if (!flag.Fits)
            {
                Error($"{path}.{flagKey}", "true or false", flag.Raw);
                return null;
            }

            return (flagKey == "known") == flag.Value ? Model.Condition.Known(fact) : Model.Condition.Missing(fact);
        }

        if (operators.Length != 1)
        {
            Error(path, operators.Length == 0 ? $"an operator: {string.Join(", ", ComparisonOperators.All.Select(o => o.Key))}" : "one operator, not " + string.Join(" and ", operators.Select(o => o.Key)));
            return null;
        }

        var (operatorKey, valueField) = operators[0];
        var op = Array.Find(ComparisonOperators.All, o => o.Key == operatorKey).Operator;
        var operand = new Operand(operandKey switch
        {
            "hours_since" => OperandKind.HoursSince,
            "days_since" => OperandKind.DaysSince,
            "days_until" => OperandKind.DaysUntil,
            _ => OperandKind.Fact,
        }, fact);
        var values = Values(valueField.Raw, $"{path}.{operatorKey}", op);
        return values is null ? null : operand.Compare(op, values);
    }

    /// <summary><c>all</c> or <c>any</c>: every child bound (each reported), none of them empty.</summary>
    private Condition? Combined(string key, JsonField<List<JsonField<ConditionDto>>> field, string path)
    {
        if (!field.Fits)
        {
            Error(path, "an array of conditions", field.Raw);
            return null;
        }

        if (field.Value.Count == 0)
        {
            Error(path, $"at least one condition: an empty \"{key}\" decides nothing");
            return null;
        }

        var children = new List<Condition>();
        var ok = true;
        for (var i = 0; i < field.Value.Count; i++)
        {
            var child = Condition(field.Value[i], $"{path}[{i}]");
            ok &= child is not null;
            if (child is not null)
            {
                children.Add(child);
            }
        }

        return !ok ? null : key == "all" ? Model.Condition.All(children) : Model.Condition.Any(children);
    }

    /// <summary>The value(s) an operator compares with: a list for <c>in</c> and <c>between</c>, else one.</summary>
    private ConditionValue[]? Values(JsonElement element, string path, ComparisonOperator op)
    {
        if (op is not (ComparisonOperator.In or ComparisonOperator.Between))
        {
            return Value(element, path) is { } single ? [single] : null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            Error(path, op == ComparisonOperator.In ? "a list of values" : "a list of two values [low, high]", element);
            return null;
        }

        var values = new List<ConditionValue>();
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (Value(item, $"{path}[{i++}]") is not { } v)
            {
                return null;
            }

            values.Add(v);
        }

        return [.. values];
    }

    /// <summary>A constant, <c>{ "parameter": P }</c> or <c>{ "fact": G }</c>: a value whose type the compared fact decides, so read as written.</summary>
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

    private FactType? Type(JsonField<string> field, string path, bool parameter)
    {
        var allowed = parameter ? "integer, decimal, boolean, text or date" : "boolean, integer, decimal, text, enum, date or instant";
        FactType? type = (field.Fits ? field.Value : null) switch
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
        return type ?? Fail<FactType?>(path, allowed, field.Raw, null);
    }
}
