using System.Text.RegularExpressions;

namespace Smets1.Eligibility.Model;

/// <summary>
/// A fact an installation carries: a built-in column of the installation file (<c>cohort</c>,
/// <c>chf_last_contact</c>, …), an EPCL fact of its DMC (<c>epcl_listed</c>, …), or a fact a version declares
/// (RULE-FILES.md, "Facts"), which is then an optional column of the installation file.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. A declared fact is checked when the catalogue is built: its name, a default or
/// bounds that fit its type, and no collision with a built-in fact or another declaration of the same name.
/// </remarks>
/// <example>
/// <code>
/// var complaints = new FactDefinition("open_complaints", FactType.Integer, "complaints not yet closed") { Min = 0, Default = 0L };
/// </code>
/// </example>
public sealed partial class FactDefinition
{
    private readonly IReadOnlyList<string> _values = [];

    /// <summary>Creates a fact definition.</summary>
    /// <param name="name">A lower-case identifier (<c>^[a-z][a-z0-9_]*$</c>), also its column name.</param>
    /// <param name="type">Its type.</param>
    /// <param name="description">What it means, for listings and rule books.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public FactDefinition(string name, FactType type, string description)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(description);
        Name = name;
        Type = type;
        Description = description;
    }

    /// <summary>The fact's name and column.</summary>
    public string Name { get; }

    /// <summary>Its type.</summary>
    public FactType Type { get; }

    /// <summary>What it means.</summary>
    public string Description { get; }

    /// <summary>
    /// The value of a blank cell or an absent column: <see cref="bool"/>, <see cref="long"/>, <see cref="decimal"/>,
    /// <see cref="string"/> (text and enum), <c>LocalDate</c> or <c>Instant</c> by <see cref="Type"/>.
    /// </summary>
    /// <value>Default <see langword="null"/>: a blank cell means "not known".</value>
    public object? Default { get; init; }

    /// <summary>The smallest value allowed (integer and decimal facts), inclusive.</summary>
    public decimal? Min { get; init; }

    /// <summary>The largest value allowed (integer and decimal facts), inclusive.</summary>
    public decimal? Max { get; init; }

    /// <summary>The most characters a text fact may hold.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The values of an enum fact, in their declared spelling (matched case-insensitively).</summary>
    public IReadOnlyList<string> Values
    {
        get => _values;
        init => _values = value is null ? [] : [.. value];
    }

    /// <summary>Whether the library defines the fact (a column of FILES-AND-CLI.md or an EPCL fact) rather than a version.</summary>
    public bool IsBuiltIn { get; internal init; }

    /// <summary>Whether a blank value is "not known" (no default), so that <c>missing</c> can be true for it.</summary>
    public bool CanBeMissing => Default is null;

    /// <summary>Whether two definitions declare the same fact: name, type, bounds, values and default.</summary>
    /// <param name="other">The other definition.</param>
    /// <returns><see langword="true"/> when they are the same.</returns>
    public bool SameAs(FactDefinition? other) =>
        other is not null && Name == other.Name && Type == other.Type && Min == other.Min && Max == other.Max
        && MaxLength == other.MaxLength && Equals(Default, other.Default)
        && Values.SequenceEqual(other.Values, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Type.ToString().ToLowerInvariant()})";

    internal static bool IsValidName(string name) => NamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
