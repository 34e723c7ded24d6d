using System.Linq.Expressions;
using System.Reflection;
using NodaTime;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Engine;

/// <summary>
/// Compiles conditions of the rule model into expression trees in three-valued logic (<see cref="False"/>,
/// <see cref="True"/>, <see cref="Unknown"/> as a <see cref="byte"/>), reading facts from a <see cref="RuleContext"/>
/// without boxing and binding parameters as constants. The trees are inlined into a version's one delegate.
/// </summary>
/// <remarks>Conditions are compiled only after <see cref="ModelValidator"/> accepted them.</remarks>
internal sealed class ConditionCompiler(VersionScope scope, Expression context)
{
    public const byte False = 0;
    public const byte True = 1;
    public const byte Unknown = 2;

    private static readonly Expression FalseValue = Expression.Constant(False);
    private static readonly Expression TrueValue = Expression.Constant(True);
    private static readonly Expression UnknownValue = Expression.Constant(Unknown);
    private static readonly MethodInfo UkDate = typeof(RuleMath).GetMethod(nameof(RuleMath.UkDate))!;
    private static readonly MethodInfo DaysBetween = typeof(RuleMath).GetMethod(nameof(RuleMath.DaysBetween))!;
    private static readonly MethodInfo Hours = typeof(RuleMath).GetMethod(nameof(RuleMath.Hours))!;

    private ParameterExpression? _assessedOn;
    private ParameterExpression? _haveAssessedOn;

    /// <summary>
    /// The variables compiled conditions use (the assessment's UK date, computed the first time a condition reaches
    /// it): declare them in the block around every compiled condition, and run <see cref="Prologue"/> first.
    /// </summary>
    public IReadOnlyList<ParameterExpression> Variables => _assessedOn is null ? [] : [_assessedOn, _haveAssessedOn!];

    /// <summary>What runs before the compiled conditions: the UK date not yet computed. <see langword="null"/> when nothing reads it.</summary>
    public Expression? Prologue => _haveAssessedOn is null ? null : Expression.Assign(_haveAssessedOn, Expression.Constant(false));

    /// <summary>A compiled condition in a block of its own, with <see cref="Variables"/> and <see cref="Prologue"/>.</summary>
    public Expression Scoped(Expression body) =>
        Prologue is { } prologue ? Expression.Block(body.Type, Variables, prologue, body) : body;

    public Expression Compile(Condition condition) => condition switch
    {
        AllCondition all => Combine(all.Conditions, stopOn: False, otherwise: True),
        AnyCondition any => Combine(any.Conditions, stopOn: True, otherwise: False),
        NotCondition not => Not(Compile(not.Condition)),
        KnownCondition known => Expression.Condition(
            known.IsKnown ? Read(known.Fact).Known : Expression.Not(Read(known.Fact).Known), TrueValue, FalseValue),
        ComparisonCondition comparison => Comparison(comparison),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not a condition of the model."),
    };

    /// <summary>How compiled code reads a fact: whether it is known, and its value in the canonical form of its type.</summary>
    public (Expression Known, Expression Value) Read(string name)
    {
        if (BuiltInFacts.IsBuiltIn(name))
        {
            var access = BuiltInFacts.Get(name);
            return (Inline(access.Known), Inline(access.Value));
        }

        var ordinal = scope.Schema.OrdinalOf(name);
        var fact = scope.Schema.Facts[ordinal];
        var slot = Expression.Constant(scope.Schema.Slots[ordinal]);
        var custom = Expression.Property(context, nameof(RuleContext.Custom));
        var known = Expression.ArrayIndex(Expression.Property(custom, nameof(CustomFacts.Known)), Expression.Constant(ordinal));
        Expression value = fact.Type switch
        {
            FactType.Boolean => Expression.NotEqual(Expression.ArrayIndex(Expression.Property(custom, nameof(CustomFacts.Numbers)), slot), Expression.Constant(0L)),
            FactType.Integer or FactType.Enum => Expression.ArrayIndex(Expression.Property(custom, nameof(CustomFacts.Numbers)), slot),
            FactType.Decimal => Expression.ArrayIndex(Expression.Property(custom, nameof(CustomFacts.Decimals)), slot),
            FactType.Text => Expression.ArrayIndex(Expression.Property(custom, nameof(CustomFacts.Texts)), slot),
            FactType.Date => Expression.ArrayIndex(Expression.Property(custom, nameof(CustomFacts.Dates)), slot),
            _ => Expression.ArrayIndex(Expression.Property(custom, nameof(CustomFacts.Instants)), slot),
        };
        return (known, value);
    }

    /// <summary>The operand's value: the fact, the elapsed time since it (a duration), or the days since or until it.</summary>
    public (Expression Known, Expression Value) Operand(Operand operand)
    {
        var (known, value) = Read(operand.FactName);
        return operand.Kind switch
        {
            OperandKind.HoursSince => (known, Expression.Subtract(Expression.Property(context, nameof(RuleContext.AssessedAt)), value)),
            OperandKind.DaysSince => (known, Expression.Call(DaysBetween, DateOf(value), AssessmentDate())),
            OperandKind.DaysUntil => (known, Expression.Call(DaysBetween, AssessmentDate(), DateOf(value))),
            _ => (known, value),
        };
    }

    /// <summary>
    /// The assessment's UK date, converted from the instant (a time-zone lookup) only when a condition first needs it:
    /// a <c>days_until</c> behind a <c>known</c> test costs nothing for the many installations where the fact is blank.
    /// </summary>
    private BlockExpression AssessmentDate()
    {
        _assessedOn ??= Expression.Variable(typeof(LocalDate), "assessedOn");
        _haveAssessedOn ??= Expression.Variable(typeof(bool), "haveAssessedOn");
        return Expression.Block(
            Expression.IfThen(
                Expression.Not(_haveAssessedOn),
                Expression.Block(
                    Expression.Assign(_assessedOn, Expression.Property(context, nameof(RuleContext.AssessedOn))),
                    Expression.Assign(_haveAssessedOn, Expression.Constant(true)))),
            _assessedOn);
    }

    private static Expression DateOf(Expression value) => value.Type == typeof(Instant) ? Expression.Call(UkDate, value) : value;

    private Expression Inline(LambdaExpression lambda) => new Rebinder(lambda.Parameters[0], context).Visit(lambda.Body);

    private BlockExpression Combine(IReadOnlyList<Condition> children, byte stopOn, byte otherwise)
    {
        var result = Expression.Variable(typeof(byte), "result");
        var part = Expression.Variable(typeof(byte), "part");
        var end = Expression.Label(typeof(byte), "end");
        var body = new List<Expression> { Expression.Assign(result, Expression.Constant(otherwise)) };
        foreach (var child in children)
        {
            body.Add(Expression.Assign(part, Compile(child)));
            body.Add(Expression.IfThen(Expression.Equal(part, Expression.Constant(stopOn)), Expression.Return(end, Expression.Constant(stopOn))));
            body.Add(Expression.IfThen(Expression.Equal(part, UnknownValue), Expression.Assign(result, UnknownValue)));
        }

        body.Add(Expression.Label(end, result));
        return Expression.Block(typeof(byte), [result, part], body);
    }

    private static BlockExpression Not(Expression inner)
    {
        var value = Expression.Variable(typeof(byte), "inner");
        return Expression.Block(
            typeof(byte),
            [value],
            Expression.Assign(value, inner),
            Expression.Condition(
                Expression.Equal(value, UnknownValue),
                UnknownValue,
                Expression.Condition(Expression.Equal(value, TrueValue), FalseValue, TrueValue)));
    }

    private ConditionalExpression Comparison(ComparisonCondition comparison)
    {
        var fact = scope.Facts[comparison.Operand.FactName];
        var (known, left) = Operand(comparison.Operand);
        var rights = new List<(Expression Known, Expression Value)>(comparison.Values.Count);
        foreach (var value in comparison.Values)
        {
            rights.Add(Value(value, fact, comparison.Operand.Kind == OperandKind.HoursSince));
        }

        var test = comparison.Operator switch
        {
            ComparisonOperator.In => rights.Select(r => Compare(ComparisonOperator.Is, left, r.Value)).Aggregate(Expression.OrElse),
            ComparisonOperator.Between => Expression.AndAlso(
                Compare(ComparisonOperator.AtLeast, left, rights[0].Value),
                Compare(ComparisonOperator.AtMost, left, rights[1].Value)),
            _ => Compare(comparison.Operator, left, rights[0].Value),
        };
        var allKnown = rights.Aggregate(known, (k, r) => r.Known is ConstantExpression { Value: true } ? k : Expression.AndAlso(k, r.Known));
        return Expression.Condition(allKnown, Expression.Condition(test, TrueValue, FalseValue), UnknownValue);
    }

    /// <summary>A comparison's value in the operand's domain: durations for <c>hours_since</c>, enum indexes for enums.</summary>
    private (Expression Known, Expression Value) Value(ConditionValue value, FactDefinition left, bool hours)
    {
        if (value.Kind == ConditionValueKind.Fact)
        {
            var (known, read) = Read(value.Name!);
            return (known, hours ? Expression.Call(Hours, Expression.Convert(read, typeof(decimal))) : read);
        }

        var raw = value.Kind == ConditionValueKind.Parameter ? scope.Parameters[value.Name!].Value : value.Constant!;
        object constant = hours
            ? RuleMath.Hours(Convert.ToDecimal(raw, System.Globalization.CultureInfo.InvariantCulture))
            : left.Type == FactType.Enum ? (long)IndexOf(left.Values, (string)raw)
            : left.Type is FactType.Date or FactType.Instant or FactType.Boolean or FactType.Text
                && FactValues.TryConvert(raw, left.Type, left.Values, out var converted) ? converted
            : raw;
        return (Expression.Constant(true), Expression.Constant(constant));
    }

    private static BinaryExpression Compare(ComparisonOperator op, Expression left, Expression right)
    {
        if (left.Type != right.Type)
        {
            // Integers and decimals compare with each other.
            left = left.Type == typeof(decimal) ? left : Expression.Convert(left, typeof(decimal));
            right = right.Type == typeof(decimal) ? right : Expression.Convert(right, typeof(decimal));
        }

        return op switch
        {
            ComparisonOperator.Is => Expression.Equal(left, right),
            ComparisonOperator.IsNot => Expression.NotEqual(left, right),
            ComparisonOperator.MoreThan => Expression.GreaterThan(left, right),
            ComparisonOperator.AtLeast => Expression.GreaterThanOrEqual(left, right),
            ComparisonOperator.LessThan => Expression.LessThan(left, right),
            _ => Expression.LessThanOrEqual(left, right),
        };
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
