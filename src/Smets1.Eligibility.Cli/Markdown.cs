using System.Text;
using Smets1.Eligibility.Comparison;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Cli;

/// <summary>Markdown renderings: a version's rule book, and a redline between two versions, like the clean and marked-up documents the DCC publishes.</summary>
internal static class Markdown
{
    public static string RuleBook(TmadVersion version)
    {
        var md = new StringBuilder();
        md.AppendLine($"# TMAD {version.Label}: rule book").AppendLine();
        md.AppendLine($"- In force from {Text.Date(version.EffectiveFrom)} (00:00 Europe/London){(version.EffectiveFromConfidence == Rules.Confidence.Inferred ? " (inferred)" : string.Empty)}; expiry {Text.Date(version.Expiry)} (inclusive).");
        md.AppendLine($"- Source: {Cell(version.Source)}{(version.BasedOn is { } b ? $"; registered, based on {b}" : "; shipped with the library")}.");
        if (version.Notes is { } notes)
        {
            md.AppendLine($"- Notes: {Cell(notes)}");
        }

        md.AppendLine().AppendLine("## Rules").AppendLine();
        md.AppendLine("| rule | fails when | outcome | clause | source | confidence |").AppendLine("|---|---|---|---|---|---|");
        foreach (var rule in version.Rules)
        {
            var source = version.RuleSources.TryGetValue(rule.Id, out var added) ? $"{rule.Citation}; added here: {added}" : rule.Citation;
            md.AppendLine($"| `{rule.Id}` | {Cell(rule.FailsWhen)} | {Outcome(rule)} | {Cell(rule.Clause ?? "—")} | {Cell(source)} | {Confidence(rule)} |");
        }

        var defined = version.Rules.Where(r => r.IsDefined).ToArray();
        if (defined.Length > 0)
        {
            md.AppendLine().AppendLine("## Defined rules: conditions").AppendLine();
            md.AppendLine("User-defined rules (RULE-FILES.md), evaluated after the catalogue's checks in this order; each fails when its condition holds.").AppendLine();
            foreach (var rule in defined)
            {
                md.AppendLine($"- `{rule.Id}` (defined in {rule.DefinedIn}{(rule.Notes is { } n ? "; " + Cell(n) : string.Empty)}): `{rule.When}`");
            }
        }

        md.AppendLine().AppendLine("## Parameters").AppendLine();
        md.AppendLine("| parameter | value | source | confidence |").AppendLine("|---|---|---|---|");
        foreach (var p in version.Parameters.Entries)
        {
            md.AppendLine($"| {p.Title} (`{p.Key}`) | {p.Value} | {Cell(p.Source)} | {p.Confidence.ToString().ToLowerInvariant()}{(p.Note is { } n ? ": " + Cell(n) : string.Empty)} |");
        }

        var questions = version.Rules.Where(r => r.OpenQuestion is not null).Select(r => $"- `{r.Id}`: {r.OpenQuestion}").ToArray();
        if (questions.Length > 0)
        {
            md.AppendLine().AppendLine("## Open questions").AppendLine();
            foreach (var question in questions)
            {
                md.AppendLine(question);
            }
        }

        return md.ToString();
    }

    public static string Redline(VersionDiff diff, ReplayDiff? replay)
    {
        var (a, b) = (diff.From.Label, diff.To.Label);
        var md = new StringBuilder();
        md.AppendLine($"# TMAD {a} → {b}: redline").AppendLine();
        md.AppendLine($"Deleted text is ~~struck through~~; inserted text is **bold**. {a}: in force from {Text.Date(diff.From.EffectiveFrom)}; {b}: from {Text.Date(diff.To.EffectiveFrom)}.").AppendLine();
        md.AppendLine("## Rules").AppendLine();
        if (diff.Rules.Count == 0)
        {
            md.AppendLine("No rule changed.");
        }
        else
        {
            md.AppendLine($"| rule | {a} | {b} | source |").AppendLine("|---|---|---|---|");
            foreach (var change in diff.Rules)
            {
                var rule = change.Rule;
                md.AppendLine(change.Kind switch
                {
                    RuleChangeKind.Added => $"| **`{rule.Id}`** | — | **{Cell(rule.FailsWhen)}** | {Cell(change.Source)} |",
                    RuleChangeKind.Removed => $"| ~~`{rule.Id}`~~ | ~~{Cell(rule.FailsWhen)}~~ | — | {Cell(change.Source)} |",
                    _ => $"| `{rule.Id}` | {string.Join("; ", change.Parameters.Select(p => $"{p.Key} ~~{p.Old?.Value ?? "—"}~~"))} | {string.Join("; ", change.Parameters.Select(p => $"{p.Key} **{p.New?.Value ?? "—"}**"))} | {Cell(change.Source)} |",
                });
            }
        }

        md.AppendLine().AppendLine("## Parameters").AppendLine();
        if (diff.Parameters.Count == 0)
        {
            md.AppendLine("No parameter changed.");
        }
        else
        {
            md.AppendLine($"| parameter | {a} | {b} | source |").AppendLine("|---|---|---|---|");
            foreach (var p in diff.Parameters)
            {
                md.AppendLine($"| {p.Title} (`{p.Key}`) | ~~{p.Old?.Value ?? "—"}~~ | **{p.New?.Value ?? "—"}** | {Cell(p.Source)} |");
            }
        }

        if (replay is not null)
        {
            md.AppendLine().AppendLine("## Replayed estate").AppendLine();
            md.AppendLine($"{replay.Total:N0} installations replayed under each version; {replay.Changes.Count:N0} changed verdict or failed rules.").AppendLine();
            if (replay.Transitions.Count > 0)
            {
                md.AppendLine("| transition | installations |").AppendLine("|---|---:|");
                foreach (var t in replay.Transitions)
                {
                    md.AppendLine($"| {t.From} → {t.To} | {t.Count:N0} |");
                }
            }
        }

        return md.ToString();
    }

    private static string Outcome(RuleDefinition rule) =>
        rule.EscalatedOutcome is { } escalated ? $"{rule.Outcome} ({escalated} when {rule.EscalatedWhen})" : rule.Outcome.ToString();

    private static string Confidence(RuleDefinition rule) =>
        rule.Confidence is { } c ? c.ToString().ToLowerInvariant() + (rule.ConfidenceNote is { } n ? ": " + Cell(n) : string.Empty) : "—";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
