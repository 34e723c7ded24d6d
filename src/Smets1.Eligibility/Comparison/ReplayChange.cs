using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Comparison;

/// <summary>An installation whose verdict or failed rules differ when replayed under two versions.</summary>
/// <param name="Index">Its 0-based position in the replayed sequence.</param>
/// <param name="Installation">The installation.</param>
/// <param name="From">Its outcome under the first version.</param>
/// <param name="To">Its outcome under the second version.</param>
public sealed record ReplayChange(int Index, InstallationFacts Installation, EligibilityOutcome From, EligibilityOutcome To)
{
    /// <summary>The rules responsible: those failed under exactly one of the two versions, in catalogue order.</summary>
    public RuleSet Responsible => From.FailedRules.Except(To.FailedRules).Union(To.FailedRules.Except(From.FailedRules));

    /// <summary>Whether the verdict itself changed (rather than only the failed rules).</summary>
    public bool VerdictChanged => From.Verdict != To.Verdict;
}
