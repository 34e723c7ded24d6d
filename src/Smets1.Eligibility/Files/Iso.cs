using NodaTime;
using NodaTime.Text;

namespace Smets1.Eligibility.Files;

/// <summary>The ISO text the files and reports use for dates and instants.</summary>
internal static class Iso
{
    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Instant(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
