namespace Smets1.Eligibility.Model;

/// <summary>What an operand reads of its fact.</summary>
public enum OperandKind
{
    /// <summary><c>"fact": F</c>: the fact's value.</summary>
    Fact,

    /// <summary><c>"hours_since": F</c>: elapsed hours from instant fact F to the assessment instant (a decimal).</summary>
    HoursSince,

    /// <summary><c>"days_since": F</c>: UK calendar days from date or instant fact F to the assessment's UK date (an integer).</summary>
    DaysSince,

    /// <summary><c>"days_until": F</c>: UK calendar days from the assessment's UK date to date or instant fact F (an integer).</summary>
    DaysUntil,
}

/// <summary>The operators of a comparison (RULE-FILES.md, "Conditions").</summary>
public enum ComparisonOperator
{
    /// <summary><c>is</c>: equal (text exactly, enums case-insensitively).</summary>
    Is,

    /// <summary><c>is_not</c>: not equal.</summary>
    IsNot,

    /// <summary><c>in</c>: equal to one of a list.</summary>
    In,

    /// <summary><c>more_than</c>.</summary>
    MoreThan,

    /// <summary><c>at_least</c>.</summary>
    AtLeast,

    /// <summary><c>less_than</c>.</summary>
    LessThan,

    /// <summary><c>at_most</c>.</summary>
    AtMost,

    /// <summary><c>between</c>: within two values, both ends inclusive.</summary>
    Between,
}

/// <summary>The left side of a comparison: a fact, or the time since or until it.</summary>
/// <param name="Kind">What is read of the fact.</param>
/// <param name="FactName">The fact's name.</param>
/// <remarks>Start a comparison from here: <c>Operand.Fact("open_complaints").MoreThan(ConditionValue.Parameter("max_open_complaints"))</c>.</remarks>
public sealed record Operand(OperandKind Kind, string FactName)
{
    /// <summary>The fact's value.</summary>
    /// <param name="fact">The fact's name.</param>
    /// <returns>The operand.</returns>
    public static Operand Fact(string fact) => new(OperandKind.Fact, fact);

    /// <summary>Elapsed hours from an instant fact to the assessment instant.</summary>
    /// <param name="fact">An instant fact.</param>
    /// <returns>The operand.</returns>
    public static Operand HoursSince(string fact) => new(OperandKind.HoursSince, fact);

    /// <summary>UK calendar days from a date or instant fact to the assessment's UK date.</summary>
    /// <param name="fact">A date or instant fact.</param>
    /// <returns>The operand.</returns>
    public static Operand DaysSince(string fact) => new(OperandKind.DaysSince, fact);

    /// <summary>UK calendar days from the assessment's UK date to a date or instant fact.</summary>
    /// <param name="fact">A date or instant fact.</param>
    /// <returns>The operand.</returns>
    public static Operand DaysUntil(string fact) => new(OperandKind.DaysUntil, fact);

    /// <summary>The key of the operand in version files: <c>fact</c>, <c>hours_since</c>, <c>days_since</c> or <c>days_until</c>.</summary>
    public string Key => Kind switch
    {
        OperandKind.HoursSince => "hours_since",
        OperandKind.DaysSince => "days_since",
        OperandKind.DaysUntil => "days_until",
        _ => "fact",
    };

    /// <summary>Equal.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The comparison.</returns>
    public ComparisonCondition Is(ConditionValue value) => Compare(ComparisonOperator.Is, value);

    /// <summary>Not equal.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The comparison.</returns>
    public ComparisonCondition IsNot(ConditionValue value) => Compare(ComparisonOperator.IsNot, value);

    /// <summary>Equal to one of the values.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The comparison.</returns>
    public ComparisonCondition In(params ConditionValue[] values) => Compare(ComparisonOperator.In, values);

    /// <summary>Greater than.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The comparison.</returns>
    public ComparisonCondition MoreThan(ConditionValue value) => Compare(ComparisonOperator.MoreThan, value);

    /// <summary>Greater than or equal.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The comparison.</returns>
    public ComparisonCondition AtLeast(ConditionValue value) => Compare(ComparisonOperator.AtLeast, value);

    /// <summary>Less than.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The comparison.</returns>
    public ComparisonCondition LessThan(ConditionValue value) => Compare(ComparisonOperator.LessThan, value);

    /// <summary>Less than or equal.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The comparison.</returns>
    public ComparisonCondition AtMost(ConditionValue value) => Compare(ComparisonOperator.AtMost, value);

    /// <summary>Within two values, both inclusive.</summary>
    /// <param name="low">The lower end.</param>
    /// <param name="high">The upper end.</param>
    /// <returns>The comparison.</returns>
    public ComparisonCondition Between(ConditionValue low, ConditionValue high) => Compare(ComparisonOperator.Between, low, high);

    /// <summary>A comparison with any operator.</summary>
    /// <param name="operator">The operator.</param>
    /// <param name="values">Its values: one, a list for <c>in</c>, two for <c>between</c>.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or an item is <see langword="null"/>.</exception>
    public ComparisonCondition Compare(ComparisonOperator @operator, params ConditionValue[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
        }

        return new ComparisonCondition(this, @operator, [.. values]);
    }

    /// <summary>The operand in the JSON form, for example <c>"days_since": "welfare_call_on"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"\"{Key}\": \"{FactName}\"";
}

internal static class ComparisonOperators
{
    public static readonly (string Key, ComparisonOperator Operator)[] All =
    [
        ("is", ComparisonOperator.Is), ("is_not", ComparisonOperator.IsNot), ("in", ComparisonOperator.In),
        ("more_than", ComparisonOperator.MoreThan), ("at_least", ComparisonOperator.AtLeast), ("less_than", ComparisonOperator.LessThan),
        ("at_most", ComparisonOperator.AtMost), ("between", ComparisonOperator.Between),
    ];

    public static string Key(ComparisonOperator op) => Array.Find(All, x => x.Operator == op).Key;

    public static bool IsOrdering(ComparisonOperator op) => op is ComparisonOperator.MoreThan or ComparisonOperator.AtLeast or ComparisonOperator.LessThan or ComparisonOperator.AtMost or ComparisonOperator.Between;

    /// <summary>The operator in words, as messages give it: <c>is more than</c>.</summary>
    public static string Words(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Is => "is",
        ComparisonOperator.IsNot => "is not",
        ComparisonOperator.In => "is one of",
        ComparisonOperator.MoreThan => "is more than",
        ComparisonOperator.AtLeast => "is at least",
        ComparisonOperator.LessThan => "is less than",
        ComparisonOperator.AtMost => "is at most",
        _ => "is between",
    };
}
