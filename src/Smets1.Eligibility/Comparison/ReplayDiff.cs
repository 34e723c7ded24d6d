namespace Smets1.Eligibility.Comparison;

/// <summary>
/// What replaying a set of installations under two versions changes: each installation whose verdict or
/// failed rules differ, and counts per verdict transition (for example <c>Deferred → Eligible: 1,234</c>).
/// </summary>
/// <param name="Diff">The static difference between the two versions.</param>
/// <param name="Total">How many installations were replayed.</param>
/// <param name="Changes">Every installation that changed, in input order.</param>
/// <param name="Transitions">How many installations went from one verdict to another, for the verdicts that changed, most frequent first.</param>
public sealed record ReplayDiff(VersionDiff Diff, long Total, IReadOnlyList<ReplayChange> Changes, IReadOnlyList<VerdictTransition> Transitions);

/// <summary>A count of installations whose verdict went from one value to another.</summary>
/// <param name="From">The verdict under the first version.</param>
/// <param name="To">The verdict under the second version.</param>
/// <param name="Count">How many installations.</param>
public sealed record VerdictTransition(Verdict From, Verdict To, long Count)
{
    /// <summary>For example <c>Deferred → Eligible: 1,234</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{From} → {To}: {Count:N0}");
}
