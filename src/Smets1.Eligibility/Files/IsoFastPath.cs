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
        if (!TryDateFields(text, out var year, out var month, out var day))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    /// <summary>
    /// <c>uuuu-MM-ddTHH:mm:ss</c> followed by <c>Z</c> or <c>±HH:mm</c>, straight to seconds since the Unix epoch
    /// (days from the civil date by integer arithmetic, no calendar objects): what the readers use for every instant
    /// cell. <paramref name="year"/> is the local year, for the caller's range check; <see langword="false"/> means
    /// "ask the full parser".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryUnixSeconds(ReadOnlySpan<char> text, out long unixSeconds, out int year)
    {
        unixSeconds = 0;
        if (!TryInstantFields(text, out year, out var month, out var day, out var secondOfDay, out var offsetSeconds))
        {
            return false;
        }

        unixSeconds = (DaysSinceUnixEpoch(year, month, day) * 86_400L) + secondOfDay - offsetSeconds;
        return true;
    }

    /// <summary>Days from 1970-01-01 to a valid proleptic Gregorian date of years 1 to 9999 (H. Hinnant's <c>days_from_civil</c>).</summary>
    internal static long DaysSinceUnixEpoch(int year, int month, int day)
    {
        var y = year - (month <= 2 ? 1 : 0); // from year 1, never negative
        var era = y / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = (((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5) + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097L) + dayOfEra - 719_468;
    }

    private static bool TryDateFields(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        month = day = 0;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !Digits(text[..4], out year) || !Digits(text.Slice(5, 2), out month) || !Digits(text.Slice(8, 2), out day))
        {
            year = 0;
            return false;
        }

        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month);
    }

    private static int DaysInMonth(int year, int month) =>
        month == 2 ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1);

    private static bool TryInstantFields(ReadOnlySpan<char> text, out int year, out int month, out int day, out int secondOfDay, out int offsetSeconds)
    {
        secondOfDay = offsetSeconds = 0;
        if (text.Length is not (20 or 25) || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryDateFields(text[..10], out year, out month, out day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            year = month = day = 0;
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

        secondOfDay = (hour * 3600) + (minute * 60) + second;
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
