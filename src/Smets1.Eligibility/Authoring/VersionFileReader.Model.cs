using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Authoring;

/// <summary>The rule model's part of a version file: declared facts, typed parameters, defined rules and their conditions.</summary>
internal sealed partial class VersionFileReader
{
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

    private void DefinedRules(JsonElement element, string path, IList<RuleDefinition> rules) =>
        EachObject(element, path, "rule definitions", "a rule definition { \"id\", \"description\", \"outcome\", \"when\", \"source\" }", (rule, at) =>
        {
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
        });

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
}
