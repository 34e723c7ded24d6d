using NodaTime;

namespace Smets1.Eligibility.Remedies;

/// <summary>What kind of change clears a failed rule (AUDIT.md §2).</summary>
public enum RemedyKind
{
    /// <summary>A change of one fact, to a boundary value (or, for a missing fact, supplying it).</summary>
    Fact,

    /// <summary>Re-assessing at or after an instant, the facts unchanged.</summary>
    Wait,

    /// <summary>No change of this installation's facts and no later assessment passes the rule under this version.</summary>
    None,
}

/// <summary>One change of one fact that makes a rule pass: the fact set to <see cref="Value"/> (or, with <see cref="Relation"/> <c>supply</c>, given at all).</summary>
/// <param name="Fact">The fact (its column name).</param>
/// <param name="Relation"><c>is</c>, <c>at or after</c>, <c>at or before</c>, or <c>supply</c>.</param>
/// <param name="Value">The boundary value: the nearest value that passes (an <see cref="Instant"/>, <see cref="LocalDate"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="bool"/> or enum text); <see langword="null"/> for <c>supply</c>.</param>
public sealed record FactChange(string Fact, string Relation, object? Value)
{
    /// <inheritdoc />
    public override string ToString() => Value is null ? $"{Relation} {Fact}" : $"{Fact} {Relation} {Model.FactValues.Format(Value)}";
}

/// <summary>A remedy for one failed rule, computed from the rule's condition under the result's version (AUDIT.md §2).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Remedy
{
    internal Remedy(string ruleId, RemedyKind kind, IReadOnlyList<FactChange> changes, Instant? reassessAt, string text)
    {
        RuleId = ruleId;
        Kind = kind;
        Changes = changes;
        ReassessAt = reassessAt;
        Text = text;
    }

    /// <summary>The failed rule.</summary>
    public string RuleId { get; }

    /// <summary>The kind: a fact change, a wait, or none.</summary>
    public RemedyKind Kind { get; }

    /// <summary>For <see cref="RemedyKind.Fact"/>: each fact change that alone clears the rule (any one of them will do).</summary>
    public IReadOnlyList<FactChange> Changes { get; }

    /// <summary>For <see cref="RemedyKind.Wait"/>: the first instant at which the rule passes, facts unchanged.</summary>
    public Instant? ReassessAt { get; }

    /// <summary>The remedy in words, for example <c>fact: chf_last_contact at or after 2021-11-07T10:00:00Z</c>.</summary>
    public string Text { get; }

    /// <summary>The rule and the remedy, as the <c>remedies</c> column writes them: <c>RULE: remedy</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{RuleId}: {Text}";
}

/// <summary>An installation's remedies and the earliest instant at which it would be eligible (AUDIT.md §2).</summary>
/// <param name="Remedies">One remedy per failed rule, in <c>failed_rules</c> order.</param>
/// <param name="EarliestEligible">The first instant at or after the assessment at which the verdict is Eligible or EligibleElectricityOnly, the facts fixed; <see langword="null"/> when none exists up to the end of 2025-12-31 (Europe/London).</param>
/// <param name="EarliestVersion">The version at that instant.</param>
/// <param name="EarliestVerdict">The verdict at that instant.</param>
public sealed record RemedyReport(IReadOnlyList<Remedy> Remedies, Instant? EarliestEligible, string? EarliestVersion, Verdict? EarliestVerdict);
