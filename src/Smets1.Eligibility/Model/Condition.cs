namespace Smets1.Eligibility.Model;

/// <summary>
/// The condition under which a defined rule fails (RULE-FILES.md, "Conditions"): <c>all</c>, <c>any</c>,
/// <c>not</c>, <c>missing</c>/<c>known</c>, or a comparison. Conditions read facts that may be unknown, so they
/// evaluate in three-valued logic: a comparison that reads an unknown fact is unknown, not false.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. <see cref="ToString"/> gives the condition in the JSON form of the version files,
/// which is also how two conditions are compared. Build conditions with the static methods here and
/// <see cref="Operand"/>:
/// <code>
/// Condition.All(
///     Operand.Fact("psr").Is(true),
///     Condition.Any(Condition.Missing("welfare_call_on"), Operand.DaysSince("welfare_call_on").MoreThan(ConditionValue.Parameter("welfare_call_days"))));
/// </code>
/// </remarks>
public abstract class Condition
{
    private protected Condition()
    {
    }

    /// <summary>True when every condition is true (false if any is false, else unknown if any is unknown).</summary>
    /// <param name="conditions">At least one condition.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="conditions"/> or an item is <see langword="null"/>.</exception>
    public static AllCondition All(params IEnumerable<Condition> conditions) => new(Checked(conditions));

    /// <summary>True when at least one condition is true (else unknown if any is unknown, else false).</summary>
    /// <param name="conditions">At least one condition.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="conditions"/> or an item is <see langword="null"/>.</exception>
    public static AnyCondition Any(params IEnumerable<Condition> conditions) => new(Checked(conditions));

    /// <summary>True when the condition is false; unknown stays unknown.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The negation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is <see langword="null"/>.</exception>
    public static NotCondition Not(Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new NotCondition(condition);
    }

    /// <summary>True when the fact is blank after defaults; never unknown.</summary>
    /// <param name="fact">The fact's name.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is <see langword="null"/>.</exception>
    public static KnownCondition Missing(string fact) => new(Name(fact), known: false);

    /// <summary>True when the fact is not blank after defaults; never unknown.</summary>
    /// <param name="fact">The fact's name.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is <see langword="null"/>.</exception>
    public static KnownCondition Known(string fact) => new(Name(fact), known: true);

    /// <summary>The condition in the JSON form of the version files.</summary>
    /// <returns>The text.</returns>
    public abstract override string ToString();

    /// <summary>Whether <paramref name="obj"/> is a condition with the same JSON form.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns><see langword="true"/> when they are the same condition.</returns>
    public override bool Equals(object? obj) => obj is Condition other && ToString() == other.ToString();

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    internal abstract T Accept<T>(IConditionVisitor<T> visitor);

    private static string Name(string fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact;
    }

    private static Condition[] Checked(IEnumerable<Condition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var array = conditions.ToArray();
        foreach (var condition in array)
        {
            ArgumentNullException.ThrowIfNull(condition, nameof(conditions));
        }

        return array;
    }
}

/// <summary>Visits the kinds of <see cref="Condition"/>: one walk shared by the validator, the compiler and the explainer.</summary>
internal interface IConditionVisitor<out T>
{
    T VisitAll(AllCondition condition);

    T VisitAny(AnyCondition condition);

    T VisitNot(NotCondition condition);

    T VisitKnown(KnownCondition condition);

    T VisitComparison(ComparisonCondition condition);
}

/// <summary><c>{ "all": [ … ] }</c>: every condition is true.</summary>
public sealed class AllCondition : Condition
{
    internal AllCondition(IReadOnlyList<Condition> conditions) => Conditions = conditions;

    /// <summary>The conditions.</summary>
    public IReadOnlyList<Condition> Conditions { get; }

    /// <inheritdoc />
    public override string ToString() => $"{{ \"all\": [{string.Join(", ", Conditions)}] }}";

    internal override T Accept<T>(IConditionVisitor<T> visitor) => visitor.VisitAll(this);
}

/// <summary><c>{ "any": [ … ] }</c>: at least one condition is true.</summary>
public sealed class AnyCondition : Condition
{
    internal AnyCondition(IReadOnlyList<Condition> conditions) => Conditions = conditions;

    /// <summary>The conditions.</summary>
    public IReadOnlyList<Condition> Conditions { get; }

    /// <inheritdoc />
    public override string ToString() => $"{{ \"any\": [{string.Join(", ", Conditions)}] }}";

    internal override T Accept<T>(IConditionVisitor<T> visitor) => visitor.VisitAny(this);
}

/// <summary><c>{ "not": … }</c>: the condition is false.</summary>
public sealed class NotCondition : Condition
{
    internal NotCondition(Condition condition) => Condition = condition;

    /// <summary>The negated condition.</summary>
    public Condition Condition { get; }

    /// <inheritdoc />
    public override string ToString() => $"{{ \"not\": {Condition} }}";

    internal override T Accept<T>(IConditionVisitor<T> visitor) => visitor.VisitNot(this);
}

/// <summary><c>{ "fact": F, "missing": true }</c> or <c>{ "fact": F, "known": true }</c>.</summary>
public sealed class KnownCondition : Condition
{
    internal KnownCondition(string fact, bool known)
    {
        Fact = fact;
        IsKnown = known;
    }

    /// <summary>The fact.</summary>
    public string Fact { get; }

    /// <summary><see langword="true"/> for <c>known</c>, <see langword="false"/> for <c>missing</c>.</summary>
    public bool IsKnown { get; }

    /// <inheritdoc />
    public override string ToString() => $"{{ \"fact\": \"{Fact}\", \"{(IsKnown ? "known" : "missing")}\": true }}";

    internal override T Accept<T>(IConditionVisitor<T> visitor) => visitor.VisitKnown(this);
}

/// <summary><c>{ OPERAND, OPERATOR: VALUE }</c>: a comparison of a fact (or the time since or until it).</summary>
public sealed class ComparisonCondition : Condition
{
    internal ComparisonCondition(Operand operand, ComparisonOperator @operator, IReadOnlyList<ConditionValue> values)
    {
        Operand = operand;
        Operator = @operator;
        Values = values;
    }

    /// <summary>What is compared.</summary>
    public Operand Operand { get; }

    /// <summary>How.</summary>
    public ComparisonOperator Operator { get; }

    /// <summary>What it is compared with: one value, or a list for <c>in</c>, or two for <c>between</c>.</summary>
    public IReadOnlyList<ConditionValue> Values { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var key = ComparisonOperators.Key(Operator);
        var value = Operator is ComparisonOperator.In or ComparisonOperator.Between
            ? $"[{string.Join(", ", Values)}]"
            : Values[0].ToString();
        return $"{{ {Operand}, \"{key}\": {value} }}";
    }

    internal override T Accept<T>(IConditionVisitor<T> visitor) => visitor.VisitComparison(this);
}
