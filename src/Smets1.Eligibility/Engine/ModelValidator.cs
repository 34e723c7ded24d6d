using Smets1.Eligibility.Model;

namespace Smets1.Eligibility.Engine;

/// <summary>
/// Checks a condition against the facts and parameters a version can read (RULE-FILES.md, "Errors in a version
/// file"): every problem is reported with its JSON path and what was expected, and the facts and parameters the
/// condition reads are collected.
/// </summary>
internal sealed class ModelValidator(VersionScope scope, string prefix, List<string> errors, string? ruleId = null)
{
    public HashSet<string> FactsRead { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ParametersRead { get; } = new(StringComparer.Ordinal);

    public void Validate(Condition condition, string path)
    {
        switch (condition)
        {
            case AllCondition all:
                Children(all.Conditions, path + ".all", "all");
                break;
            case AnyCondition any:
                Children(any.Conditions, path + ".any", "any");
                break;
            case NotCondition not:
                Validate(not.Condition, path + ".not");
                break;
            case KnownCondition known:
                Fact(known.Fact, path + ".fact");
                break;
            case ComparisonCondition comparison:
                Comparison(comparison, path);
                break;
            default:
                Error(path, "a condition (all, any, not, missing, known or a comparison)");
                break;
        }
    }

    /// <summary>The type an operand compares as: the fact's type, a decimal for <c>hours_since</c>, an integer for <c>days_*</c>.</summary>
    public static FactType OperandType(Operand operand, FactDefinition fact) => operand.Kind switch
    {
        OperandKind.HoursSince => FactType.Decimal,
        OperandKind.DaysSince or OperandKind.DaysUntil => FactType.Integer,
        _ => fact.Type,
    };

    public static bool IsNumber(FactType type) => type is FactType.Integer or FactType.Decimal;

    private void Children(IReadOnlyList<Condition> children, string path, string key)
    {
        if (children.Count == 0)
        {
            Error(path, $"at least one condition: an empty \"{key}\" decides nothing");
        }

        for (var i = 0; i < children.Count; i++)
        {
            Validate(children[i], $"{path}[{i}]");
        }
    }

    private FactDefinition? Fact(string name, string path)
    {
        if (scope.Facts.TryGetValue(name, out var fact))
        {
            FactsRead.Add(name);
            return fact;
        }

        Error(path, $"fact '{name}' is not defined; known facts: {string.Join(", ", scope.Facts.Keys)}", raw: true);
        return null;
    }

    private void Comparison(ComparisonCondition comparison, string path)
    {
        var operand = comparison.Operand;
        var fact = Fact(operand.FactName, $"{path}.{operand.Key}");
        var opPath = $"{path}.{ComparisonOperators.Key(comparison.Operator)}";
        if (fact is null)
        {
            return;
        }

        if (operand.Kind == OperandKind.HoursSince && fact.Type != FactType.Instant)
        {
            Error($"{path}.{operand.Key}", $"an instant fact for hours_since; '{fact.Name}' is {Article(fact.Type)}", raw: true);
            return;
        }

        if (operand.Kind is OperandKind.DaysSince or OperandKind.DaysUntil && fact.Type is not (FactType.Date or FactType.Instant))
        {
            Error($"{path}.{operand.Key}", $"a date or instant fact for {operand.Key}; '{fact.Name}' is {Article(fact.Type)}", raw: true);
            return;
        }

        var type = OperandType(operand, fact);
        if (ComparisonOperators.IsOrdering(comparison.Operator) && !(IsNumber(type) || type is FactType.Date or FactType.Instant))
        {
            Error(opPath, $"an operator that fits {Article(type)} ({(type == FactType.Enum || type == FactType.Text || type == FactType.Boolean ? "is, is_not or in" : "any")}); ordering operators apply to numbers, dates and instants only", raw: true);
            return;
        }

        var count = comparison.Values.Count;
        switch (comparison.Operator)
        {
            case ComparisonOperator.In when count == 0:
                Error(opPath, "a non-empty list of values");
                return;
            case ComparisonOperator.Between when count != 2:
                Error(opPath, "a list of two values [low, high]");
                return;
            case not (ComparisonOperator.In or ComparisonOperator.Between) when count != 1:
                Error(opPath, "one value");
                return;
            default:
                break;
        }

        for (var i = 0; i < count; i++)
        {
            var at = comparison.Operator is ComparisonOperator.In or ComparisonOperator.Between ? $"{opPath}[{i}]" : opPath;
            Value(comparison.Values[i], at, type, fact);
        }
    }

    private void Value(ConditionValue value, string path, FactType type, FactDefinition left)
    {
        switch (value.Kind)
        {
            case ConditionValueKind.Parameter:
                if (!scope.Parameters.TryGetValue(value.Name!, out var parameter))
                {
                    Error(path, $"parameter '{value.Name}' is not defined; known parameters: {string.Join(", ", scope.Parameters.Keys)}", raw: true);
                    return;
                }

                ParametersRead.Add(parameter.Name);
                if (!Compatible(type, parameter.Type))
                {
                    Error(path, $"a value of the operand's type ({type.ToString().ToLowerInvariant()}); parameter '{parameter.Name}' is {Article(parameter.Type)}{InRule}", raw: true);
                }

                return;
            case ConditionValueKind.Fact:
                var other = Fact(value.Name!, path + ".fact");
                if (other is null)
                {
                    return;
                }

                if (!Compatible(type, other.Type) || (type == FactType.Enum && !left.Values.SequenceEqual(other.Values, StringComparer.OrdinalIgnoreCase)))
                {
                    Error(path, $"a fact of the operand's type ({type.ToString().ToLowerInvariant()}); fact '{other.Name}' is {Article(other.Type)}{(type == FactType.Enum && other.Type == FactType.Enum ? $" with other values ({string.Join(", ", other.Values)}, not {string.Join(", ", left.Values)})" : string.Empty)}{InRule}", raw: true);
                }

                return;
            default:
                if (IsNumber(type) ? value.Constant is not (long or int or decimal) : !FactValues.TryConvert(value.Constant, type, left.Values, out _))
                {
                    Error(path, $"{FactValues.Expected(IsNumber(type) ? FactType.Decimal : type, left.Values)} (the type of {(type == left.Type ? "fact '" + left.Name + "'" : "the operand")}), got {Describe(value.Constant)}", raw: true);
                }

                return;
        }
    }

    /// <summary>Names the rule in a type mismatch: both sides of a comparison have one type (RULE-FILES.md, "Conditions").</summary>
    private string InRule => ruleId is null ? string.Empty : $" (rule {ruleId})";

    private static bool Compatible(FactType left, FactType right) => left == right || (IsNumber(left) && IsNumber(right));

    private static string Article(FactType type) => type switch
    {
        FactType.Integer or FactType.Enum or FactType.Instant => "an " + type.ToString().ToLowerInvariant(),
        _ => "a " + type.ToString().ToLowerInvariant(),
    };

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => FactValues.Format(value),
    };

    private void Error(string path, string message, bool raw = false) =>
        errors.Add(raw ? $"{prefix}{path}: {message}" : $"{prefix}{path}: expected {message}");
}
