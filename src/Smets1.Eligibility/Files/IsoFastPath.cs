using System.Runtime.CompilerServices;
using NodaTime;

namespace Smets1.Eligibility.Files;

/// <summary>
/// Parses the ISO-8601 forms the contract's files use most (<c>2021-03-04</c>, <c>2021-11-10T10:00:00Z</c>,
/// <c>2021-11-10T10:00:00+01:00</c>) without NodaTime's general pattern engine, which costs most of a row's parsing.
/// Anything else (fractions of a second, other offset forms, malformed text) returns <see langword="false"/> and the
/// caller falls back to NodaTime's patterns, so what is accepted never changes; a property test holds the two equal.
/// </summary>
internal static class IsoFastPath
{
    /// <summary><c>uuuu-MM-dd</c> with a valid ISO date; <see langword="false"/> means "ask the full parser".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryDate(ReadOnlySpan<char> text, out LocalDate date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    /// <summary>
    /// <c>uuuu-MM-ddTHH:mm:ss</c> followed by <c>Z</c> or <c>±HH:mm</c>, giving the local date and time and the offset in
    /// seconds; <see langword="false"/> means "ask the full parser".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryInstant(ReadOnlySpan<char> text, out LocalDateTime local, out int offsetSeconds)
    {
        local = default;
        offsetSeconds = 0;
        if (text.Length is not (20 or 25) || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryDate(text[..10], out var date)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        if (text.Length == 20)
        {
            if (text[19] != 'Z')
            {
                return false;
            }
        }
        else
        {
            var sign = text[19];
            if (sign is not ('+' or '-') || text[22] != ':' || !Digits(text.Slice(20, 2), out var offsetHours) || !Digits(text.Slice(23, 2), out var offsetMinutes)
                || offsetHours > 18 || offsetMinutes > 59)
            {
                return false;
            }

            offsetSeconds = ((offsetHours * 3600) + (offsetMinutes * 60)) * (sign == '-' ? -1 : 1);
            if (Math.Abs(offsetSeconds) > 18 * 3600)
            {
                return false;
            }
        }

        local = date.At(new LocalTime(hour, minute, second));
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
