using NodaTime;

namespace Smets1.Eligibility.Model;

/// <summary>What a comparison's value is: a constant, a parameter of the version, or another fact.</summary>
public enum ConditionValueKind
{
    /// <summary>A constant of the operand's type.</summary>
    Constant,

    /// <summary><c>{ "parameter": P }</c>: the version's value of parameter P.</summary>
    Parameter,

    /// <summary><c>{ "fact": G }</c>: the installation's value of fact G.</summary>
    Fact,
}

/// <summary>
/// The right side of a comparison: a constant (<see cref="bool"/>, a whole number, <see cref="decimal"/>,
/// <see cref="string"/>, <see cref="LocalDate"/> or <see cref="Instant"/>; text from a file is read as the operand's type),
/// <c>{ "parameter": P }</c> or <c>{ "fact": G }</c>. Constants convert implicitly.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ConditionValue
{
    private ConditionValue(ConditionValueKind kind, object? constant, string? name)
    {
        Kind = kind;
        Constant = constant;
        Name = name;
    }

    /// <summary>Which kind of value.</summary>
    public ConditionValueKind Kind { get; }

    /// <summary>The constant, for <see cref="ConditionValueKind.Constant"/>.</summary>
    public object? Constant { get; }

    /// <summary>The parameter's or fact's name.</summary>
    public string? Name { get; }

    /// <summary>The version's value of a parameter.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static ConditionValue Parameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(ConditionValueKind.Parameter, null, name);
    }

    /// <summary>The installation's value of another fact.</summary>
    /// <param name="name">The fact's name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static ConditionValue Fact(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(ConditionValueKind.Fact, null, name);
    }

    /// <summary>A constant.</summary>
    /// <param name="value">The constant.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static ConditionValue Of(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(ConditionValueKind.Constant, value is int i ? (long)i : value, null);
    }

    /// <summary>A boolean constant.</summary>
    /// <param name="value">The constant.</param>
    public static implicit operator ConditionValue(bool value) => Of(value);

    /// <summary>A whole-number constant.</summary>
    /// <param name="value">The constant.</param>
    public static implicit operator ConditionValue(long value) => Of(value);

    /// <summary>A whole-number constant.</summary>
    /// <param name="value">The constant.</param>
    public static implicit operator ConditionValue(int value) => Of((long)value);

    /// <summary>A decimal constant.</summary>
    /// <param name="value">The constant.</param>
    public static implicit operator ConditionValue(decimal value) => Of(value);

    /// <summary>A text or enum constant (or a date or instant in ISO text).</summary>
    /// <param name="value">The constant.</param>
    public static implicit operator ConditionValue(string value) => Of(value);

    /// <summary>A date constant.</summary>
    /// <param name="value">The constant.</param>
    public static implicit operator ConditionValue(LocalDate value) => Of(value);

    /// <summary>An instant constant.</summary>
    /// <param name="value">The constant.</param>
    public static implicit operator ConditionValue(Instant value) => Of(value);

    /// <summary>The value in the JSON form: a constant, <c>{ "parameter": P }</c> or <c>{ "fact": G }</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        ConditionValueKind.Parameter => $"{{ \"parameter\": \"{Name}\" }}",
        ConditionValueKind.Fact => $"{{ \"fact\": \"{Name}\" }}",
        _ => Constant is bool or long or decimal ? FactValues.Format(Constant) : $"\"{FactValues.Format(Constant)}\"",
    };
}
