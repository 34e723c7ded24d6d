using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Comparison;

/// <summary>
/// Answers "what does this TMAD change mean?": the static difference between two versions, and the
/// difference it makes to a set of installations replayed under each.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class VersionComparer
{
    /// <summary>The rules added, removed and changed, and the parameters changed, from one version to another.</summary>
    /// <param name="from">The first version.</param>
    /// <param name="to">The second version.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentNullException">A version is <see langword="null"/>.</exception>
    public static VersionDiff Compare(TmadVersion from, TmadVersion to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var parameters = ParameterChanges(from.Parameters, to.Parameters);
        var rules = new List<RuleChange>();
        var fromRules = from.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var toRules = to.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var ids = from.Rules.Select(r => r.Id).Union(to.Rules.Select(r => r.Id), StringComparer.Ordinal)
            .OrderBy(id => Engine.RuleTable.BuiltIn.IndexOf(id) is var i and >= 0 ? i : int.MaxValue)
            .ToArray();
        foreach (var id in ids)
        {
            var inFrom = fromRules.TryGetValue(id, out var before);
            var inTo = toRules.TryGetValue(id, out var after);
            var rule = (after ?? before)!;
            if (inFrom != inTo)
            {
                rules.Add(new RuleChange(rule, inTo ? RuleChangeKind.Added : RuleChangeKind.Removed, [], (inTo ? to : from).RuleSources.GetValueOrDefault(rule.Id, rule.Citation)));
            }
            else if (before!.When is not null && !Equals(before.When, after!.When))
            {
                rules.Add(new RuleChange(after, RuleChangeKind.ConditionChanged, [], after.Citation) { Previous = before });
            }
            else
            {
                var changed = parameters.Where(p => rule.Parameters.Contains(p.Key)).ToArray();
                if (changed.Length > 0)
                {
                    rules.Add(new RuleChange(rule, RuleChangeKind.ParametersChanged, changed, string.Join("; ", changed.Select(p => p.Source).Distinct())));
                }
            }
        }

        return new VersionDiff(from, to, rules, parameters);
    }

    /// <summary>
    /// Replays installations under two versions, pinning each in turn for every installation, and reports
    /// those whose verdict or failed rules differ.
    /// </summary>
    /// <param name="evaluator">The evaluator (its catalogue must hold both versions).</param>
    /// <param name="installations">The installations; enumerated once, each evaluated under both versions in turn.</param>
    /// <param name="from">The first version's label.</param>
    /// <param name="to">The second version's label.</param>
    /// <param name="options">Assessment instants (the pinned version is set per side).</param>
    /// <returns>The changes and the counts per verdict transition.</returns>
    /// <exception cref="ArgumentNullException">An argument or an installation is <see langword="null"/> (the message names its index).</exception>
    /// <exception cref="KeyNotFoundException">A label is not in the evaluator's catalogue.</exception>
    public static ReplayDiff Replay(EligibilityEvaluator evaluator, IEnumerable<InstallationFacts> installations, string from, string to, EvaluationOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(installations);
        var diff = Compare(evaluator.Catalog.Get(from), evaluator.Catalog.Get(to));
        using var activity = Diagnostics.EligibilityTelemetry.Source.StartActivity("replay");
        activity?.SetTag("smets1.from", from);
        activity?.SetTag("smets1.to", to);
        var fromOptions = options with { PinnedVersion = from };
        var toOptions = options with { PinnedVersion = to };
        var changes = new List<ReplayChange>();
        var transitions = new Dictionary<(Verdict, Verdict), long>();
        var index = 0;
        foreach (var facts in installations)
        {
            // Both versions back to back, so each installation is read from memory once: evaluating chunks of
            // 4,096 under one version and then the other measured 1.28–1.38× slower (benchmarks/README.md).
            if (facts is null)
            {
                throw new ArgumentNullException(nameof(installations), $"Installation {index} of the sequence is null.");
            }

            var a = evaluator.EvaluateOutcome(facts, fromOptions);
            var b = evaluator.EvaluateOutcome(facts, toOptions);
            if (a.Verdict != b.Verdict || a.FailedRules != b.FailedRules)
            {
                changes.Add(new ReplayChange(index, facts, a, b));
                if (a.Verdict != b.Verdict)
                {
                    transitions[(a.Verdict, b.Verdict)] = transitions.GetValueOrDefault((a.Verdict, b.Verdict)) + 1;
                }
            }

            index++;
        }

        var counted = transitions
            .Select(t => new VerdictTransition(t.Key.Item1, t.Key.Item2, t.Value))
            .OrderByDescending(t => t.Count).ThenBy(t => t.From).ThenBy(t => t.To)
            .ToArray();
        return new ReplayDiff(diff, index, changes, counted);
    }

    private static ParameterChange[] ParameterChanges(TmadParameters from, TmadParameters to)
    {
        var before = from.Entries.ToDictionary(e => e.Key, StringComparer.Ordinal);
        var after = to.Entries.ToDictionary(e => e.Key, StringComparer.Ordinal);
        var keys = from.Entries.Select(e => e.Key).Union(to.Entries.Select(e => e.Key));
        var changes = new List<ParameterChange>();
        foreach (var key in keys)
        {
            var old = before.GetValueOrDefault(key);
            var @new = after.GetValueOrDefault(key);
            if (old?.Value != @new?.Value)
            {
                changes.Add(new ParameterChange(key, (old ?? @new)!.Title, old, @new));
            }
        }

        return [.. changes];
    }
}
