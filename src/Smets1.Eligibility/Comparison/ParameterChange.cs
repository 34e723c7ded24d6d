using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Comparison;

/// <summary>A parameter whose value differs between two versions.</summary>
/// <param name="Key">The parameter key (see <see cref="ParameterKeys"/>).</param>
/// <param name="Title">A short human title.</param>
/// <param name="Old">The value in the first version, with its source; <see langword="null"/> when it has none.</param>
/// <param name="New">The value in the second version, with its source; <see langword="null"/> when it has none.</param>
public sealed record ParameterChange(string Key, string Title, ParameterEntry? Old, ParameterEntry? New)
{
    /// <summary>Where the value in force comes from: the new value's source, or the old one's when the parameter was dropped.</summary>
    public string Source => New?.Source ?? Old!.Source;

    /// <summary><c>24h → 72h</c>, with <c>—</c> for a missing value.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Key}: {Old?.Value ?? "—"} → {New?.Value ?? "—"}";
}
