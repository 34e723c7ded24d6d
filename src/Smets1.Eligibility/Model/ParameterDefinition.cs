using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Model;

/// <summary>
/// A typed, versioned parameter that rule conditions read (RULE-FILES.md, "Parameters"): one of the built-in
/// parameters of TMAD-RULES §6, or one a version declares, each value with its source and confidence.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <example>
/// <code>
/// new ParameterDefinition("max_open_complaints", FactType.Integer, 1L, "Acme policy 4.3");
/// </code>
/// </example>
public sealed class ParameterDefinition
{
    /// <summary>Creates a parameter definition.</summary>
    /// <param name="name">A lower-case identifier.</param>
    /// <param name="type">Integer, decimal, boolean, text or date.</param>
    /// <param name="value">Its value: <see cref="long"/>, <see cref="decimal"/>, <see cref="bool"/>, <see cref="string"/> or <c>LocalDate</c> by type.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ParameterDefinition(string name, FactType type, object value, string source)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(source);
        Name = name;
        Type = type;
        Value = value;
        Source = source;
    }

    /// <summary>The parameter's name, for example <c>max_open_complaints</c>.</summary>
    public string Name { get; }

    /// <summary>Its type.</summary>
    public FactType Type { get; }

    /// <summary>Its value in this version.</summary>
    public object Value { get; init; }

    /// <summary>Where the value comes from.</summary>
    public string Source { get; init; }

    /// <summary>The unit, for example <c>days</c>, shown with the value.</summary>
    public string? Unit { get; init; }

    /// <summary>Whether the source states the value or it is a reading of it.</summary>
    /// <value>Default <see cref="Confidence.Inferred"/>.</value>
    public Confidence Confidence { get; init; } = Confidence.Inferred;

    /// <summary>Why, when the confidence needs explaining.</summary>
    public string? Note { get; init; }

    /// <summary>Whether the parameter is one of the built-in parameters of TMAD-RULES §6.</summary>
    public bool IsBuiltIn { get; internal init; }

    /// <summary>The value as text with its unit, for example <c>30 days</c>.</summary>
    public string ValueText => Unit is { Length: > 0 } unit ? $"{FactValues.Format(Value)} {unit}" : FactValues.Format(Value);

    /// <inheritdoc />
    public override string ToString() => $"{Name} {ValueText}";
}
