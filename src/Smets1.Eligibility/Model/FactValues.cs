using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Smets1.Eligibility.Model;

/// <summary>Typed values of facts, parameters and constants: conversion from what a file or a caller gives, and text.</summary>
internal static class FactValues
{
    /// <summary>The value as messages and files show it: ISO dates and instants, invariant numbers, lower-case booleans.</summary>
    public static string Format(object? value) => value switch
    {
        null => "unknown",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        LocalDate date => LocalDatePattern.Iso.Format(date),
        Instant instant => InstantPattern.ExtendedIso.Format(instant),
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>What a value of a type looks like, for error messages.</summary>
    public static string Expected(FactType type, IReadOnlyList<string>? values = null) => type switch
    {
        FactType.Boolean => "true or false",
        FactType.Integer => "a whole number",
        FactType.Decimal => "a number",
        FactType.Text => "a string",
        FactType.Enum => values is { Count: > 0 } ? "one of " + string.Join(", ", values) : "an enum value",
        FactType.Date => "an ISO date such as \"2021-12-15\"",
        _ => "an ISO instant such as \"2021-11-10T10:00:00Z\"",
    };

    /// <summary>
    /// Converts a value given for <paramref name="type"/> into its stored form (<see cref="bool"/>, <see cref="long"/>,
    /// <see cref="decimal"/>, <see cref="string"/>, <see cref="LocalDate"/>, <see cref="Instant"/>; an enum as its declared
    /// spelling). Dates and instants may be given as ISO text; a whole number is accepted for a decimal.
    /// </summary>
    public static bool TryConvert(object? raw, FactType type, IReadOnlyList<string> enumValues, out object value)
    {
        value = null!;
        switch (type)
        {
            case FactType.Boolean when raw is bool b:
                value = b;
                return true;
            case FactType.Integer when raw is long or int:
                value = Convert.ToInt64(raw, CultureInfo.InvariantCulture);
                return true;
            case FactType.Integer when raw is decimal d && decimal.Truncate(d) == d && d >= long.MinValue && d <= long.MaxValue:
                value = (long)d;
                return true;
            case FactType.Decimal when raw is decimal or long or int:
                value = Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
                return true;
            case FactType.Text when raw is string s:
                value = s;
                return true;
            case FactType.Enum when raw is string s:
                foreach (var candidate in enumValues)
                {
                    if (string.Equals(candidate, s, StringComparison.OrdinalIgnoreCase))
                    {
                        value = candidate;
                        return true;
                    }
                }

                return false;
            case FactType.Date when raw is LocalDate date:
                value = date;
                return true;
            case FactType.Date when raw is string s && LocalDatePattern.Iso.Parse(s) is { Success: true } parsed:
                value = parsed.Value;
                return true;
            case FactType.Instant when raw is Instant instant:
                value = instant;
                return true;
            case FactType.Instant when raw is string s && OffsetDateTimePattern.ExtendedIso.Parse(s) is { Success: true } parsed:
                try
                {
                    value = parsed.Value.ToInstant();
                    return true;
                }
                catch (OverflowException)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    /// <summary>Whether a number lies within a fact's bounds.</summary>
    public static bool WithinBounds(object value, FactDefinition fact) => value switch
    {
        long l => (fact.Min is not { } min || l >= min) && (fact.Max is not { } max || l <= max),
        decimal d => (fact.Min is not { } min2 || d >= min2) && (fact.Max is not { } max2 || d <= max2),
        string s when fact.Type == FactType.Text => fact.MaxLength is not { } length || s.Length <= length,
        _ => true,
    };
}
