using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Versions;

/// <summary>
/// A version's fingerprint (AUDIT.md §3): the SHA-256 (lower-case hex) of a canonical form of its resolved content,
/// so that it does not depend on the file layout (key order, whitespace, which file defined it, inheritance written
/// out or not) and changes whenever anything that can change a result or an explanation changes: every rule it holds
/// with its outcome, condition, clause, source and confidence; every parameter with value, unit and source; its
/// facts; its effective date and expiry. Each rule and parameter also has a fingerprint of its own, so a changed
/// version can say which of them changed.
/// </summary>
internal sealed class VersionFingerprint
{
    private VersionFingerprint(string value, IReadOnlyDictionary<string, string> rules, IReadOnlyDictionary<string, string> parameters)
    {
        Value = value;
        Rules = rules;
        Parameters = parameters;
    }

    public string Value { get; }

    /// <summary>Each rule's own fingerprint, by rule ID.</summary>
    public IReadOnlyDictionary<string, string> Rules { get; }

    /// <summary>Each parameter's own fingerprint, by name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public static VersionFingerprint Of(TmadVersion version)
    {
        var rules = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in version.Rules)
        {
            rules[rule.Id] = Hash(Canonical(rule, version));
        }

        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in version.Parameters.All)
        {
            parameters[parameter.Name] = Hash(Canonical(parameter));
        }

        var text = new StringBuilder();
        Line(text, "label", version.Label);
        Line(text, "effective_from", Text.Date(version.EffectiveFrom));
        Line(text, "effective_from_confidence", version.EffectiveFromConfidence.ToString());
        Line(text, "expiry", Text.Date(version.Expiry));
        Line(text, "inferred_era", version.IsInferred ? "true" : "false");
        foreach (var (id, hash) in rules)
        {
            Line(text, "rule " + id, hash);
        }

        foreach (var (name, hash) in parameters)
        {
            Line(text, "parameter " + name, hash);
        }

        foreach (var fact in version.Facts.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            Line(text, "fact " + fact.Name, Canonical(fact));
        }

        // The rules' order decides the order of failed_rules and of the message: it is content too.
        Line(text, "rule_order", string.Join(";", version.Rules.Select(r => r.Id)));
        return new VersionFingerprint(Hash(text.ToString()), rules.AsReadOnly(), parameters.AsReadOnly());
    }

    private static string Canonical(RuleDefinition rule, TmadVersion version)
    {
        var text = new StringBuilder();
        Line(text, "id", rule.Id);
        Line(text, "title", rule.Title);
        Line(text, "fails_when", rule.FailsWhen);
        Line(text, "outcome", rule.Outcome.ToString());
        Line(text, "escalated", rule.EscalatedOutcome is { } escalated ? $"{escalated} when {rule.EscalatedWhen}" : null);
        Line(text, "clause", rule.Clause);
        Line(text, "source", rule.Source);
        Line(text, "citation", rule.Citation);
        Line(text, "confidence", rule.Confidence?.ToString());
        Line(text, "confidence_note", rule.ConfidenceNote);
        Line(text, "parameters", string.Join(";", rule.Parameters));
        Line(text, "condition", rule.When?.ToString() ?? "engine check: " + rule.Id);
        Line(text, "version_source", version.RuleSources.TryGetValue(rule.Id, out var note) ? note : null);
        return text.ToString();
    }

    private static string Canonical(ParameterDefinition parameter)
    {
        var text = new StringBuilder();
        Line(text, "name", parameter.Name);
        Line(text, "type", parameter.Type.ToString());
        Line(text, "value", FactValues.Format(parameter.Value));
        Line(text, "unit", parameter.Unit);
        Line(text, "source", parameter.Source);
        Line(text, "confidence", parameter.Confidence.ToString());
        Line(text, "note", parameter.Note);
        return text.ToString();
    }

    private static string Canonical(FactDefinition fact) => string.Join(
        "|",
        fact.Type.ToString(),
        fact.Description,
        fact.Default is { } d ? FactValues.Format(d) : string.Empty,
        fact.Min?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        fact.Max?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        fact.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        string.Join(";", fact.Values));

    // Each value is written with its length, so no text of one field can pass for another's.
    private static void Line(StringBuilder text, string key, string? value) =>
        text.Append(key).Append('=').Append(value is null ? "-" : value.Length.ToString(CultureInfo.InvariantCulture) + ":" + value).Append('\n');

    public static string Hash(string text) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();
}
