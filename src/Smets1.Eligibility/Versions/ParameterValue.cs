using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Versions;

/// <summary>A parameter value of one version, with where it comes from.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Source">The source key (for example <c>S003</c>) or a user's source note.</param>
/// <param name="Confidence">Whether the source states it or it is our reading.</param>
/// <param name="Note">Why, when the confidence needs explaining.</param>
public readonly record struct ParameterValue<T>(T Value, string Source, Confidence Confidence, string? Note = null);
