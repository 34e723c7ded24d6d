using System.Runtime.CompilerServices;
using NodaTime;

namespace Smets1.Eligibility.Rules;

/// <summary>The time arithmetic of TMAD-RULES §2, shared by compiled conditions and explanations.</summary>
internal static class RuleMath
{
    /// <summary>
    /// Whether a planned UK date <c>d</c> is within <c>n</c> days of the assessment's UK date <c>a</c>:
    /// <c>0 &lt;= d - a &lt;= n</c>. The UK date is computed only when something is planned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool WithinDays(Instant assessedAt, LocalDate? planned, int days) =>
        planned.HasValue && WithinDays(assessedAt.InZone(Text.London).Date, planned.GetValueOrDefault(), days);

    /// <summary>Whether <paramref name="planned"/> is within <paramref name="days"/> days on or after <paramref name="assessedOn"/>.</summary>
    public static bool WithinDays(LocalDate assessedOn, LocalDate planned, int days)
    {
        var ahead = Period.DaysBetween(assessedOn, planned); // no date arithmetic, so no overflow at the calendar's ends
        return ahead >= 0 && ahead <= days;
    }

    /// <summary>The Europe/London calendar date of an instant.</summary>
    public static LocalDate UkDate(Instant instant) => instant.InZone(Text.London).Date;

    /// <summary>Whole calendar days from <paramref name="start"/> to <paramref name="end"/> (negative when <paramref name="end"/> is earlier).</summary>
    public static long DaysBetween(LocalDate start, LocalDate end) => Period.DaysBetween(start, end);

    /// <summary>A number of hours (possibly fractional) as a duration.</summary>
    public static Duration Hours(decimal hours) => Duration.FromNanoseconds(new System.Numerics.BigInteger(hours * 3_600_000_000_000m));

    /// <summary>Sets bit <paramref name="index"/> (64 or more) in the overflow words of a rule set, creating them on first use.</summary>
    public static ulong[] SetHigh(ulong[]? high, int index, int words)
    {
        high ??= new ulong[words - 1];
        high[(index >> 6) - 1] |= 1UL << (index & 63);
        return high;
    }
}
