using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Smets1.Eligibility;

/// <summary>Invariant text for dates, instants and durations in messages and reports.</summary>
internal static class Text
{
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static readonly LocalDate LastDay = new(9999, 12, 31);

    /// <summary>The instant of Europe/London midnight at the start of a UK date.</summary>
    public static Instant StartOfDay(LocalDate date) => date.AtStartOfDayInZone(London).ToInstant();

    /// <summary>
    /// The Europe/London midnight after <paramref name="date"/> plus <paramref name="months"/> calendar months (clamped
    /// to the month's end): when something that lasts until the end of that day has ended. Past the end of the
    /// calendar (year 9999), <see cref="NodaTime.Instant.MaxValue"/>: it never ends within it.
    /// </summary>
    public static Instant EndOfDay(LocalDate date, int months = 0)
    {
        var headroom = ((9999 - date.Year) * 12) + (12 - date.Month);
        if (months > headroom)
        {
            return NodaTime.Instant.MaxValue;
        }

        var day = date.PlusMonths(months);
        return day >= LastDay ? NodaTime.Instant.MaxValue : StartOfDay(day.PlusDays(1));
    }

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Instant(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static string Days(int days) => days == 1 ? "1 day" : days.ToString(CultureInfo.InvariantCulture) + " days";

    public static string Months(int months) => months == 1 ? "1 month" : months.ToString(CultureInfo.InvariantCulture) + " months";

    /// <summary>Whole hours as <c>49h</c>; anything finer as <c>72h 0m 1s</c>.</summary>
    public static string Hours(Duration duration)
    {
        var sign = duration < Duration.Zero ? "-" : string.Empty;
        var abs = duration < Duration.Zero ? -duration : duration;
        var hours = (long)Math.Floor(abs.TotalHours);
        var rest = abs - Duration.FromHours(hours);
        if (rest == Duration.Zero)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{hours}h");
        }

        var millis = rest.SubsecondNanoseconds / 1_000_000;
        return millis == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{hours}h {rest.Minutes}m {rest.Seconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{hours}h {rest.Minutes}m {rest.Seconds}.{millis:000}s");
    }
}
