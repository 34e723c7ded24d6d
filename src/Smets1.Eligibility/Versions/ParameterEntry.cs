using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Versions;

/// <summary>A parameter of a version as text, for listings, rule books and diffs.</summary>
/// <param name="Key">The stable key from <see cref="ParameterKeys"/>.</param>
/// <param name="Title">A short human title.</param>
/// <param name="Value">The value as text, for example <c>72h</c>, <c>9 days</c> or <c>2021-12-31</c>.</param>
/// <param name="Source">The source key or note.</param>
/// <param name="Confidence">Whether the source states it or it is our reading.</param>
/// <param name="Note">Why, when the confidence needs explaining.</param>
public sealed record ParameterEntry(string Key, string Title, string Value, string Source, Confidence Confidence, string? Note);
