using System.Globalization;
using System.Text;
using Smets1.Eligibility.Auditing;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// The report's <b>Audit</b> section (AUDIT.md §1), for a file with <c>recorded_verdict</c>: the findings counts, the
/// recorded × replayed matrix as a table and a chart, and the first 50 <c>TOO-LENIENT</c> rows with their failed rules
/// and <c>explained_by</c>.
/// </summary>
internal sealed class ReportAudit
{
    /// <summary>How many <c>TOO-LENIENT</c> rows the section lists.</summary>
    public const int LenientRowsShown = 50;

    private static readonly Verdict[] BySeverity = [.. Enum.GetValues<Verdict>().OrderDescending()];
    private readonly List<InstallationAudit> _lenient = [];

    public AuditSummary Summary { get; } = new();

    public void Add(InstallationAudit audit)
    {
        Summary.Add(audit);
        if (audit.Finding == AuditFinding.TooLenient && _lenient.Count < LenientRowsShown)
        {
            _lenient.Add(audit);
        }
    }

    public void Render(StringBuilder body)
    {
        body.Append("<h2 id=\"audit\">Audit: recorded decisions against the replay</h2>");
        body.Append("<table id=\"audit-findings\"><tr><th>finding</th><th>installations</th><th>share</th></tr>");
        foreach (var finding in AuditFindings.All)
        {
            var count = Summary.CountOf(finding);
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{AuditFindings.Label(finding)}</code></td><td class=\"n\">{Html.Number(count)}</td><td class=\"n\">{Html.Percent(count, Summary.Rows)}</td></tr>");
        }

        body.Append("</table>");

        body.Append("<h3>Recorded verdict × replayed verdict</h3>");
        body.Append(Html.StackedBars("audit-matrix-chart", "Replayed verdicts of the installations with each recorded verdict", [.. BySeverity.Select(r => ($"recorded {r}", BySeverity.Select(p => Summary.CountOf(r, p)).ToArray()))]));
        body.Append("<table id=\"audit-matrix\"><tr><th>recorded \\ replayed</th>");
        foreach (var replayed in BySeverity)
        {
            body.Append(CultureInfo.InvariantCulture, $"<th>{replayed}</th>");
        }

        body.Append("</tr>");
        foreach (var recorded in BySeverity)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{recorded}</td>");
            foreach (var replayed in BySeverity)
            {
                var cell = recorded.CompareTo(replayed) switch { < 0 => " lenient", > 0 => " strict", _ => string.Empty };
                body.Append(CultureInfo.InvariantCulture, $"<td class=\"n{cell}\">{Html.Number(Summary.CountOf(recorded, replayed))}</td>");
            }

            body.Append("</tr>");
        }

        body.Append("</table>");

        var lenient = Summary.CountOf(AuditFinding.TooLenient);
        body.Append(CultureInfo.InvariantCulture, $"<h3>TOO-LENIENT, let through against the rules: {Html.Number(lenient)}</h3>");
        if (lenient > _lenient.Count)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>The first {Html.Number(_lenient.Count)} are listed.</p>");
        }

        if (Summary.LenientFailedRules.Count > 0)
        {
            body.Append(Html.Bars("audit-lenient-rules", "Rules failed in TOO-LENIENT rows, most first", [.. Summary.LenientFailedRules.Select(p => (p.Key, p.Value))], lenient));
        }

        body.Append("<table id=\"audit-lenient\"><tr><th>row</th><th>installation_id</th><th>recorded</th><th>replayed</th><th>version</th><th>failed rules</th><th>explained by</th></tr>");
        foreach (var audit in _lenient)
        {
            var replay = audit.Replay!;
            body.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"n\">{audit.Row}</td><td>{Html.Escape(audit.InstallationId)}</td><td>{audit.Recorded.Verdict}</td><td>{replay.Verdict}</td><td>{Html.Escape(replay.Version?.Label)}</td><td><code>{Html.Escape(string.Join(";", replay.Outcome.FailedRules.Select(r => r.Id)))}</code></td><td>{Html.Escape(string.Join(";", audit.ExplainedBy))}</td></tr>");
        }

        body.Append("</table>");
    }
}
