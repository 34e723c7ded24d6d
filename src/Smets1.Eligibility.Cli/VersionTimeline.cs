using System.Text;
using NodaTime;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// <c>versions --timeline</c>: the versions on a date axis from 2020 to 2026, one row each, with the gaps that resolve
/// to <c>VERSION-UNRESOLVED</c>; shipped, inferred and registered versions are drawn apart. One column is one month:
/// a cell is filled when the version resolves any day of that month (the dates beside each row are exact).
/// </summary>
internal static class VersionTimeline
{
    private const int FirstYear = 2020;
    private const int LastYear = 2026;
    private const char Shipped = '█';
    private const char Inferred = '▒';
    private const char Registered = '▓';
    private const char Gap = '·';

    public static string Render(TmadCatalog catalog, bool inferred)
    {
        var months = Months().ToArray();
        var resolved = Array.ConvertAll(months, m => DaysOf(m).Select(d => catalog.Resolve(d, inferred).Version).ToHashSet());
        var shown = catalog.Versions.Where(v => inferred || !v.IsInferred).ToArray();
        var width = Math.Max(12, shown.Max(v => v.Label.Length) + 2);
        var text = new StringBuilder();
        text.Append(' ', width);
        for (var year = FirstYear; year <= LastYear; year++)
        {
            text.Append(year.ToString(System.Globalization.CultureInfo.InvariantCulture).PadRight(12));
        }

        text.AppendLine();
        foreach (var version in shown)
        {
            text.Append(version.Label.PadRight(width));
            var mark = version.IsInferred ? Inferred : version.IsShipped ? Shipped : Registered;
            foreach (var month in resolved)
            {
                text.Append(month.Contains(version) ? mark : ' ');
            }

            text.Append("  ").Append(Text.Date(version.EffectiveFrom)).Append(" to ").AppendLine(Text.Date(version.Expiry));
        }

        text.Append("unresolved".PadRight(width));
        foreach (var month in resolved)
        {
            text.Append(month.Contains(null) ? Gap : ' ');
        }

        text.AppendLine().AppendLine();
        text.AppendLine($"{Shipped} shipped   {Inferred} inferred era (TMAD-RULES §3a{(inferred ? string.Empty : "; off: add --inferred")})   {Registered} registered   {Gap} VERSION-UNRESOLVED");
        text.AppendLine("Gaps (VERSION-UNRESOLVED):");
        foreach (var (from, to) in Gaps(catalog, inferred))
        {
            text.AppendLine($"  {Text.Date(from)} to {(to is { } end ? Text.Date(end) : "…")}");
        }

        return text.ToString();
    }

    private static IEnumerable<LocalDate> DaysOf(LocalDate month)
    {
        for (var day = month; day.Month == month.Month; day = day.PlusDays(1))
        {
            yield return day;
        }
    }

    private static IEnumerable<LocalDate> Months()
    {
        for (var date = new LocalDate(FirstYear, 1, 1); date.Year <= LastYear; date = date.PlusMonths(1))
        {
            yield return date;
        }
    }

    /// <summary>Every run of UK days from 2020 to the end of 2026 that no version resolves, to the day.</summary>
    private static IEnumerable<(LocalDate From, LocalDate? To)> Gaps(TmadCatalog catalog, bool inferred)
    {
        LocalDate? start = null;
        var end = new LocalDate(LastYear, 12, 31);
        for (var day = new LocalDate(FirstYear, 1, 1); day <= end; day = day.PlusDays(1))
        {
            var gap = !catalog.Resolve(day, inferred).IsResolved;
            if (gap && start is null)
            {
                start = day;
            }
            else if (!gap && start is { } from)
            {
                yield return (from, day.PlusDays(-1));
                start = null;
            }
        }

        if (start is { } open)
        {
            yield return (open, end);
        }
    }
}
