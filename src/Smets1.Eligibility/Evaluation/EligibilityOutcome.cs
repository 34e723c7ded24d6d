using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility;

/// <summary>
/// The compact result of evaluating one installation: the verdict, the failed rules and warnings as bit
/// sets, and the version used. Creating one allocates nothing; <see cref="EligibilityEvaluator.Explain"/>
/// turns it into a full <see cref="EligibilityResult"/> with messages when they are wanted.
/// </summary>
/// <param name="Verdict">The most severe outcome among the failed rules (TMAD-RULES §4).</param>
/// <param name="FailedRules">Every failed rule (warnings excluded), in catalogue order.</param>
/// <param name="Warnings">The warnings, which never change the verdict.</param>
/// <param name="Version">The version applied, or <see langword="null"/> when none covers the date.</param>
public readonly record struct EligibilityOutcome(Verdict Verdict, RuleSet FailedRules, RuleSet Warnings, TmadVersion? Version)
{
    /// <summary>The version's label, or <see langword="null"/> when unresolved.</summary>
    public string? VersionLabel => Version?.Label;
}
