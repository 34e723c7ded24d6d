using NodaTime;

namespace Smets1.Eligibility.Rules;

/// <summary>The time arithmetic of TMAD-RULES §2, shared by predicates and explanations.</summary>
internal static class RuleMath
{
    /// <summary>
    /// Whether nothing was recorded within <paramref name="window"/> before <paramref name="assessedAt"/>.
    /// A contact exactly at the window edge is inside it; no contact counts as not communicated.
    /// </summary>
    public static bool NotWithin(Instant assessedAt, Instant? lastContact, Duration window) =>
        !lastContact.HasValue || assessedAt - lastContact.GetValueOrDefault() > window;

    /// <summary>Whether a planned UK date <c>d</c> is within <c>n</c> days of the assessment date <c>a</c>: <c>0 &lt;= d - a &lt;= n</c>.</summary>
    public static bool WithinDays(LocalDate assessedOn, LocalDate? planned, int days)
    {
        if (!planned.HasValue)
        {
            return false;
        }

        var d = planned.GetValueOrDefault();
        return d >= assessedOn && d <= assessedOn.PlusDays(days);
    }

    public static bool IsFoc(Cohort? cohort) => cohort is Cohort.FocNp or Cohort.FocBg;
}
