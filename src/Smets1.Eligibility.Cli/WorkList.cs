using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Smets1.Eligibility.Remedies;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// The report's <b>Work list</b> (<c>report --remedies</c>, AUDIT.md §2): for each failed rule, how many installations a
/// <c>fact</c> remedy would clear, how many a <c>wait</c> would clear and by when (the first and the last re-assessment
/// instant), and how many have <c>none</c>; then how many installations become eligible later, facts unchanged.
/// </summary>
internal sealed class WorkList
{
    private readonly Dictionary<string, Entry> _byRule = new(StringComparer.Ordinal);

    /// <summary>Installations with at least one failed rule.</summary>
    public long Blocked { get; private set; }

    /// <summary>Blocked installations that are eligible at some later instant, facts unchanged.</summary>
    public long EligibleLater { get; private set; }

    /// <summary>The latest of those instants.</summary>
    public Instant? LastEligible { get; private set; }

    public void Add(RemedyReport report)
    {
        if (report.Remedies.Count == 0)
        {
            return;
        }

        Blocked++;
        if (report.EarliestEligible is { } earliest)
        {
            EligibleLater++;
            LastEligible = LastEligible is { } last && last > earliest ? last : earliest;
        }

        foreach (var remedy in report.Remedies)
        {
            if (!_byRule.TryGetValue(remedy.RuleId, out var entry))
            {
                _byRule[remedy.RuleId] = entry = new Entry();
            }

            entry.Add(remedy);
        }
    }

    public void Render(StringBuilder body)
    {
        body.Append("<h2 id=\"work-list\">Work list: what would clear each failed rule</h2>");
        body.Append(CultureInfo.InvariantCulture, $"<p>{Html.Number(Blocked)} installations failed a rule; {Html.Number(EligibleLater)} of them become eligible later with their facts unchanged{(LastEligible is { } last ? ", the last on " + InstantPattern.General.Format(last) : string.Empty)}. A remedy is checked by evaluating the version with it applied.</p>");
        body.Append("<table id=\"work-list-table\"><tr><th>rule</th><th>installations</th><th>a fact change clears</th><th>waiting clears</th><th>re-assess from</th><th>nothing clears</th></tr>");
        foreach (var (rule, entry) in _byRule.OrderByDescending(p => p.Value.Total).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var window = entry.FirstWait is not { } first ? string.Empty
                : first == entry.LastWait ? InstantPattern.General.Format(first)
                : $"{InstantPattern.General.Format(first)} to {InstantPattern.General.Format(entry.LastWait!.Value)}";
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{Html.Escape(rule)}</code></td><td class=\"n\">{Html.Number(entry.Total)}</td><td class=\"n\">{Html.Number(entry.Fact)}</td><td class=\"n\">{Html.Number(entry.Wait)}</td><td>{window}</td><td class=\"n\">{Html.Number(entry.None)}</td></tr>");
        }

        body.Append("</table>");
    }

    private sealed class Entry
    {
        public long Fact { get; private set; }

        public long Wait { get; private set; }

        public long None { get; private set; }

        public long Total => Fact + Wait + None;

        public Instant? FirstWait { get; private set; }

        public Instant? LastWait { get; private set; }

        public void Add(Remedy remedy)
        {
            switch (remedy.Kind)
            {
                case RemedyKind.Fact:
                    Fact++;
                    break;
                case RemedyKind.Wait:
                    Wait++;
                    if (remedy.ReassessAt is { } at)
                    {
                        FirstWait = FirstWait is { } first && first < at ? first : at;
                        LastWait = LastWait is { } last && last > at ? last : at;
                    }

                    break;
                default:
                    None++;
                    break;
            }
        }
    }
}
