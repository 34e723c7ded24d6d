using System.Collections.Concurrent;
using System.Linq.Expressions;
using NodaTime;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Engine;

/// <summary>
/// Explains defined rules for one version: which parts of a condition held, with the observed fact values and
/// the parameter values, and which facts were missing when a condition was unknown. Each comparison is compiled
/// once, on first use, by the same <see cref="ConditionCompiler"/> as the evaluation delegate, so explanations
/// and verdicts cannot disagree.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class ConditionExplainer(VersionScope scope)
{
    private readonly ConcurrentDictionary<Condition, Func<RuleContext, byte>> _leaves = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, Func<RuleContext, object?>> _readers = new(StringComparer.Ordinal);

    public byte Evaluate(Condition condition, in RuleContext context)
    {
        switch (condition)
        {
            case AllCondition all:
                return Fold(all.Conditions, context, ConditionCompiler.False, ConditionCompiler.True);
            case AnyCondition any:
                return Fold(any.Conditions, context, ConditionCompiler.True, ConditionCompiler.False);
            case NotCondition not:
                var inner = Evaluate(not.Condition, context);
                return inner == ConditionCompiler.Unknown ? inner : inner == ConditionCompiler.True ? ConditionCompiler.False : ConditionCompiler.True;
            default:
                return Leaf(condition)(context);
        }
    }

    /// <summary>Why a condition is true: its true parts, each naming the facts with their values and the parameters with theirs.</summary>
    public string Describe(Condition condition, in RuleContext context)
    {
        switch (condition)
        {
            case AllCondition all:
                return Join(all.Conditions, context);
            case AnyCondition any:
                return Join(any.Conditions, context);
            case NotCondition not:
                return "not (" + Statement(not.Condition, context) + ")";
            case KnownCondition known:
                return known.IsKnown ? $"{known.Fact} is known ({Format(Observe(known.Fact, context))})" : $"{known.Fact} is missing";
            default:
                return Statement(condition, context);
        }
    }

    /// <summary>The facts a condition read that were not known, in the order it reads them.</summary>
    public void Missing(Condition condition, in RuleContext context, List<string> missing)
    {
        switch (condition)
        {
            case AllCondition all:
                foreach (var child in all.Conditions)
                {
                    Missing(child, context, missing);
                }

                break;
            case AnyCondition any:
                foreach (var child in any.Conditions)
                {
                    Missing(child, context, missing);
                }

                break;
            case NotCondition not:
                Missing(not.Condition, context, missing);
                break;
            case ComparisonCondition comparison:
                Add(comparison.Operand.FactName, context, missing);
                foreach (var value in comparison.Values)
                {
                    if (value.Kind == ConditionValueKind.Fact)
                    {
                        Add(value.Name!, context, missing);
                    }
                }

                break;
            default:
                break;
        }
    }

    private void Add(string fact, in RuleContext context, List<string> missing)
    {
        if (Observe(fact, context) is null && !missing.Contains(fact))
        {
            missing.Add(fact);
        }
    }

    private byte Fold(IReadOnlyList<Condition> children, in RuleContext context, byte stopOn, byte otherwise)
    {
        var result = otherwise;
        foreach (var child in children)
        {
            var part = Evaluate(child, context);
            if (part == stopOn)
            {
                return stopOn;
            }

            if (part == ConditionCompiler.Unknown)
            {
                result = ConditionCompiler.Unknown;
            }
        }

        return result;
    }

    private string Join(IReadOnlyList<Condition> children, in RuleContext context)
    {
        var parts = new List<string>(children.Count);
        foreach (var child in children)
        {
            if (Evaluate(child, context) == ConditionCompiler.True)
            {
                parts.Add(Describe(child, context));
            }
        }

        return string.Join(" and ", parts);
    }

    /// <summary>A comparison in words, for example <c>open_complaints 3 is more than max_open_complaints 1</c>.</summary>
    private string Statement(Condition condition, in RuleContext context)
    {
        if (condition is not ComparisonCondition comparison)
        {
            return condition is KnownCondition ? Describe(condition, context) : condition.ToString();
        }

        var operand = comparison.Operand;
        var observed = Observe(operand.FactName, context);
        var left = operand.Kind switch
        {
            OperandKind.HoursSince when observed is Instant at =>
                $"{operand.FactName} {Format(at)} is {Text.InMessage(context.AssessedAt - at)} before assessment,",
            OperandKind.DaysSince when observed is not null =>
                $"{operand.FactName} {Format(observed)} is {Text.Days((int)RuleMath.DaysBetween(DateOf(observed), context.AssessedOn))} before assessment date {Text.InMessage(context.AssessedOn)},",
            OperandKind.DaysUntil when observed is not null =>
                $"{operand.FactName} {Format(observed)} is {Text.Days((int)RuleMath.DaysBetween(context.AssessedOn, DateOf(observed)))} after assessment date {Text.InMessage(context.AssessedOn)},",
            _ => $"{operand.FactName} {Format(observed)}",
        };
        var op = operand.Kind == OperandKind.Fact ? ComparisonOperators.Words(comparison.Operator) : AfterOperand(comparison.Operator);

        if (operand.Kind == OperandKind.Fact && comparison.Operator == ComparisonOperator.Is && comparison.Values[0].Kind == ConditionValueKind.Constant)
        {
            return $"{operand.FactName} is {Format(comparison.Values[0].Constant)}";
        }

        var values = new List<string>(comparison.Values.Count);
        foreach (var value in comparison.Values)
        {
            values.Add(value.Kind switch
            {
                ConditionValueKind.Parameter => $"{value.Name} {scope.Parameters[value.Name!].ValueText}",
                ConditionValueKind.Fact => $"{value.Name} {Format(Observe(value.Name!, context))}",
                _ => operand.Kind == OperandKind.HoursSince ? Format(value.Constant) + "h" : Format(value.Constant),
            });
        }

        var right = comparison.Operator switch
        {
            ComparisonOperator.Between => $"{values[0]} and {values[1]}",
            _ => string.Join(", ", values),
        };
        return $"{left} {op} {right}";
    }

    /// <summary>The operator's words after "…before assessment,": "more than 72h", "exactly 5h", "not 3 days", "one of 1, 2".</summary>
    private static string AfterOperand(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Is => "exactly",
        ComparisonOperator.IsNot => "not",
        ComparisonOperator.In => "one of",
        _ => ComparisonOperators.Words(op)["is ".Length..],
    };

    private static LocalDate DateOf(object value) => value is Instant instant ? RuleMath.UkDate(instant) : (LocalDate)value;

    private static string Format(object? value) => FactValues.Format(value);

    private object? Observe(string fact, in RuleContext context) =>
        _readers.GetOrAdd(fact, static (name, s) => s.Reader(name), this)(context);

    private Func<RuleContext, byte> Leaf(Condition condition) =>
        _leaves.GetOrAdd(condition, static (c, s) => s.CompileLeaf(c), this);

    private Func<RuleContext, byte> CompileLeaf(Condition condition)
    {
        var context = Expression.Parameter(typeof(RuleContext), "c");
        var compiler = new ConditionCompiler(scope, context);
        var body = compiler.Scoped(compiler.Compile(condition));
        return Expression.Lambda<Func<RuleContext, byte>>(body, context).Compile();
    }

    private Func<RuleContext, object?> Reader(string fact)
    {
        var context = Expression.Parameter(typeof(RuleContext), "c");
        var (known, value) = new ConditionCompiler(scope, context).Read(fact);
        var definition = scope.Facts[fact];
        Expression boxed = definition.Type == FactType.Enum
            ? Expression.ArrayIndex(Expression.Constant(definition.Values.ToArray()), Expression.Convert(value, typeof(int)))
            : Expression.Convert(value, typeof(object));
        var body = Expression.Condition(known, Expression.Convert(boxed, typeof(object)), Expression.Constant(null));
        return Expression.Lambda<Func<RuleContext, object?>>(body, context).Compile();
    }
}
