using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Comparison;

/// <summary>How a rule differs between two versions.</summary>
public enum RuleChangeKind
{
    /// <summary>The second version holds the rule; the first does not.</summary>
    Added,

    /// <summary>The first version holds the rule; the second does not.</summary>
    Removed,

    /// <summary>Both hold the rule, but a parameter it reads changed.</summary>
    ParametersChanged,

    /// <summary>Both hold a defined rule of that ID, but its condition differs.</summary>
    ConditionChanged,
}

/// <summary>A rule added, removed or changed between two versions.</summary>
/// <param name="Rule">The rule, with its clause, source and confidence.</param>
/// <param name="Kind">How it changed.</param>
/// <param name="Parameters">For <see cref="RuleChangeKind.ParametersChanged"/>, the parameters it reads that changed.</param>
/// <param name="Source">Where the change comes from: for a rule added or removed, the source the second version
/// gives for it (or the rule's citation); for changed parameters, their sources.</param>
public sealed record RuleChange(RuleDefinition Rule, RuleChangeKind Kind, IReadOnlyList<ParameterChange> Parameters, string Source)
{
    /// <summary>For <see cref="RuleChangeKind.ConditionChanged"/>, the rule as the first version holds it.</summary>
    public RuleDefinition? Previous { get; init; }

    /// <summary>For example <c>COMMS-RECENT-CHF: comms_window_hours: 24h → 72h</c> or <c>IGT-CERTIFICATE: removed</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        RuleChangeKind.Added => $"{Rule.Id}: added",
        RuleChangeKind.Removed => $"{Rule.Id}: removed",
        RuleChangeKind.ConditionChanged => $"{Rule.Id}: condition changed: {Previous?.When} → {Rule.When}",
        _ => $"{Rule.Id}: {string.Join("; ", Parameters)}",
    };
}
