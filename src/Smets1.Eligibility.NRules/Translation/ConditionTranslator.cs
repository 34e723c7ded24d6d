using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.NRules.Translation;

/// <summary>
/// Reads the condition of an NRules pattern over <see cref="InstallationFacts"/> (a C# lambda, as NRules' canonical
/// model holds it) into the rule model: <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, comparisons of a fact with a constant,
/// a parameter (<see cref="Tmad.Parameter{T}"/>) or another fact, <c>== null</c>/<c>.HasValue</c> as
/// missing/known, and <see cref="Tmad"/>'s elapsed-time operands. Anything else is refused with the expression named.
/// </summary>
internal sealed class ConditionTranslator(ParameterExpression installation, string ruleName)
{
    private static readonly PropertyInfo CustomProperty = typeof(InstallationFacts).GetProperty(nameof(InstallationFacts.Custom))!;
    private static readonly HashSet<string> BuiltInNames = new(TmadCatalog.BuiltInFacts.Select(f => f.Name), StringComparer.Ordinal);

    public Condition Translate(Expression expression)
    {
        switch (expression.NodeType)
        {
            case ExpressionType.AndAlso:
            case ExpressionType.And when expression.Type == typeof(bool):
                return Condition.All(Flatten(expression, ExpressionType.AndAlso, ExpressionType.And).Select(Translate).ToArray());
            case ExpressionType.OrElse:
            case ExpressionType.Or when expression.Type == typeof(bool):
                return Condition.Any(Flatten(expression, ExpressionType.OrElse, ExpressionType.Or).Select(Translate).ToArray());
            case ExpressionType.Not when expression.Type == typeof(bool):
                return Condition.Not(Translate(((UnaryExpression)expression).Operand));
            case ExpressionType.Equal:
            case ExpressionType.NotEqual:
            case ExpressionType.GreaterThan:
            case ExpressionType.GreaterThanOrEqual:
            case ExpressionType.LessThan:
            case ExpressionType.LessThanOrEqual:
                return Comparison((BinaryExpression)expression);
            default:
                break;
        }

        if (expression is MemberExpression { Member.Name: "HasValue", Expression: { } nullable } && Nullable.GetUnderlyingType(nullable.Type) is not null && FactName(nullable) is { } known)
        {
            return Condition.Known(known);
        }

        if (expression is MethodCallExpression { Method.Name: nameof(CustomFacts.IsKnown), Object: { } custom } call && IsCustomFacts(custom))
        {
            return Condition.Known(NameArgument(call.Arguments[0], expression));
        }

        if (StripConvert(expression).Type == typeof(bool) || Nullable.GetUnderlyingType(StripConvert(expression).Type) == typeof(bool) || expression.Type == typeof(bool))
        {
            if (FactName(expression) is { } flag)
            {
                return Operand.Fact(flag).Is(true);
            }
        }

        throw Unsupported(expression, "it is not a comparison, a boolean fact, a null test or a combination of these with &&, || and !");
    }

    private Condition Comparison(BinaryExpression binary)
    {
        if (IsNull(binary.Right) || IsNull(binary.Left))
        {
            var side = IsNull(binary.Right) ? binary.Left : binary.Right;
            var fact = FactName(side) ?? throw Unsupported(binary, "a null test must be of a fact");
            return binary.NodeType switch
            {
                ExpressionType.Equal => Condition.Missing(fact),
                ExpressionType.NotEqual => Condition.Known(fact),
                _ => throw Unsupported(binary, "only == null and != null test a fact against null"),
            };
        }

        var op = binary.NodeType;
        Expression operandSide = binary.Left;
        Expression valueSide = binary.Right;
        var operand = OperandOf(operandSide);
        if (operand is null)
        {
            (operandSide, valueSide) = (valueSide, operandSide);
            operand = OperandOf(operandSide);
            op = Flip(op);
        }

        if (operand is null)
        {
            throw Unsupported(binary, "neither side reads a fact of the installation");
        }

        var value = ValueOf(valueSide, EnumType(operandSide), binary);
        return op switch
        {
            ExpressionType.Equal => operand.Is(value),
            ExpressionType.NotEqual => operand.IsNot(value),
            ExpressionType.GreaterThan => operand.MoreThan(value),
            ExpressionType.GreaterThanOrEqual => operand.AtLeast(value),
            ExpressionType.LessThan => operand.LessThan(value),
            _ => operand.AtMost(value),
        };
    }

    private static ExpressionType Flip(ExpressionType op) => op switch
    {
        ExpressionType.GreaterThan => ExpressionType.LessThan,
        ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
        ExpressionType.LessThan => ExpressionType.GreaterThan,
        ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
        _ => op,
    };

    /// <summary>The operand a side reads: a fact, or a <see cref="Tmad"/> elapsed-time marker over a fact.</summary>
    private Operand? OperandOf(Expression side)
    {
        var bare = StripConvert(side);
        if (bare is MethodCallExpression call && call.Method.DeclaringType == typeof(Tmad) && call.Method.Name is nameof(Tmad.HoursSince) or nameof(Tmad.DaysSince) or nameof(Tmad.DaysUntil))
        {
            var fact = FactName(call.Arguments[0]) ?? throw Unsupported(call, $"Tmad.{call.Method.Name} takes a fact of the installation");
            return call.Method.Name switch
            {
                nameof(Tmad.HoursSince) => Operand.HoursSince(fact),
                nameof(Tmad.DaysSince) => Operand.DaysSince(fact),
                _ => Operand.DaysUntil(fact),
            };
        }

        return FactName(side) is { } name ? Operand.Fact(name) : null;
    }

    /// <summary>The value a comparison compares with: a parameter, another fact, or a constant (evaluated now).</summary>
    private ConditionValue ValueOf(Expression side, Type? enumType, Expression whole)
    {
        var bare = StripConvert(side);
        if (bare is MethodCallExpression { Method.Name: nameof(Tmad.Parameter) } call && call.Method.DeclaringType == typeof(Tmad))
        {
            return ConditionValue.Parameter(NameArgument(call.Arguments[0], whole));
        }

        if (FactName(side) is { } fact)
        {
            return ConditionValue.Fact(fact);
        }

        if (ReadsInstallation(bare))
        {
            throw Unsupported(whole, $"the value '{side}' computes from the installation; compare a fact with a constant, a parameter or another fact");
        }

        var value = Evaluate(bare, whole);
        return value switch
        {
            null => throw Unsupported(whole, "a comparison with null is a test for a missing fact: use == null or != null"),
            Enum e => ConditionValue.Of(ContractName(e)),
            int or long or short or byte or sbyte or ushort or uint when enumType is not null => ConditionValue.Of(ContractName((Enum)Enum.ToObject(enumType, value))),
            double d => ConditionValue.Of((decimal)d),
            float f => ConditionValue.Of((decimal)f),
            char c => ConditionValue.Of(c.ToString()),
            _ => ConditionValue.Of(value),
        };
    }

    /// <summary>The fact a side reads: a built-in property, <c>Custom["name"]</c>, or <see cref="Tmad.Fact{T}"/>.</summary>
    private string? FactName(Expression expression)
    {
        var bare = StripConvert(expression);
        switch (bare)
        {
            case MemberExpression { Member.Name: "Value", Expression: { } inner } when Nullable.GetUnderlyingType(inner.Type) is not null:
                return FactName(inner);
            case MemberExpression { Expression: ParameterExpression p, Member: PropertyInfo property } when p == installation:
                if (property == CustomProperty)
                {
                    return null;
                }

                var name = SnakeCase(property.Name);
                return BuiltInNames.Contains(name) ? name : throw Unsupported(expression, $"InstallationFacts.{property.Name} is not a fact of the rule model");
            case MethodCallExpression { Method.Name: "get_Item", Object: { } custom } call when IsCustomFacts(custom):
                return NameArgument(call.Arguments[0], expression);
            case MethodCallExpression { Method.Name: nameof(Tmad.Fact) } call when call.Method.DeclaringType == typeof(Tmad):
                if (StripConvert(call.Arguments[0]) != installation)
                {
                    throw Unsupported(expression, "Tmad.Fact reads the installation the pattern matches");
                }

                return NameArgument(call.Arguments[1], expression);
            default:
                return null;
        }
    }

    private bool IsCustomFacts(Expression expression) =>
        StripConvert(expression) is MemberExpression { Expression: ParameterExpression p, Member: PropertyInfo property } && p == installation && property == CustomProperty;

    private string NameArgument(Expression argument, Expression whole) =>
        !ReadsInstallation(argument) && Evaluate(argument, whole) is string { Length: > 0 } name
            ? name
            : throw Unsupported(whole, $"the fact or parameter name '{argument}' must be a constant string");

    private bool ReadsInstallation(Expression expression)
    {
        var finder = new ParameterFinder(installation);
        finder.Visit(expression);
        return finder.Found;
    }

    private object? Evaluate(Expression expression, Expression whole)
    {
        try
        {
            return expression is ConstantExpression constant
                ? constant.Value
                : Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object))).Compile(preferInterpretation: true)();
        }
        catch (Exception e) when (e is not NRulesImportException)
        {
            throw Unsupported(whole, $"the value '{expression}' could not be computed when the rule was imported ({e.GetBaseException().Message})");
        }
    }

    private static bool IsNull(Expression expression) => StripConvert(expression) is ConstantExpression { Value: null };

    private static Type? EnumType(Expression side)
    {
        var type = StripConvert(side).Type;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum ? type : null;
    }

    private static Expression StripConvert(Expression expression)
    {
        while (expression.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs or ExpressionType.Unbox or ExpressionType.Quote)
        {
            expression = ((UnaryExpression)expression).Operand;
        }

        return expression;
    }

    private static IEnumerable<Expression> Flatten(Expression expression, ExpressionType kind, ExpressionType alternative) =>
        expression.NodeType == kind || (expression.NodeType == alternative && expression.Type == typeof(bool))
            ? Flatten(((BinaryExpression)expression).Left, kind, alternative).Concat(Flatten(((BinaryExpression)expression).Right, kind, alternative))
            : [expression];

    private static string ContractName(Enum value) => value switch
    {
        Cohort cohort => ContractText.Format(cohort),
        MeterStatus status => ContractText.Format(status),
        DormancyCause cause => ContractText.Format(cause),
        ProfileDataSwitch profile => ContractText.Format(profile),
        _ => value.ToString(),
    };

    /// <summary><c>ChfLastContact</c> → <c>chf_last_contact</c>, <c>Gt01HanError</c> → <c>gt01_han_error</c>.</summary>
    internal static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private NRulesImportException Unsupported(Expression expression, string why) =>
        new(ruleName, $"NRules rule '{ruleName}': the condition '{expression}' cannot be imported: {why}.");

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= node == parameter;
            return node;
        }
    }
}
