using System.Runtime.CompilerServices;
using NodaTime;

namespace Smets1.Eligibility.Rules;

/// <summary>The time arithmetic of TMAD-RULES §2, shared by predicates and explanations.</summary>
internal static class RuleMath
{
    /// <summary>
    /// Whether nothing was recorded within <paramref name="window"/> before <paramref name="assessedAt"/>.
    /// A contact exactly at the window edge is inside it; no contact counts as not communicated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NotWithin(Instant assessedAt, Instant? lastContact, Duration window) =>
        !lastContact.HasValue || assessedAt - lastContact.GetValueOrDefault() > window;

    /// <summary>
    /// Whether a planned UK date <c>d</c> is within <c>n</c> days of the assessment's UK date <c>a</c>:
    /// <c>0 &lt;= d - a &lt;= n</c>. The UK date is computed only when something is planned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool WithinDays(Instant assessedAt, LocalDate? planned, int days) =>
        planned.HasValue && WithinDays(assessedAt.InZone(Text.London).Date, planned.GetValueOrDefault(), days);

    /// <summary>Whether <paramref name="planned"/> is within <paramref name="days"/> days on or after <paramref name="assessedOn"/>.</summary>
    public static bool WithinDays(LocalDate assessedOn, LocalDate planned, int days) =>
        planned >= assessedOn && planned <= assessedOn.PlusDays(days);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsFoc(Cohort? cohort) => cohort.GetValueOrDefault() >= Cohort.FocNp && cohort.HasValue;
}
