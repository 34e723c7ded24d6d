namespace Smets1.Eligibility;

/// <summary>An installation with its compact outcome, as streamed by <see cref="EligibilityEvaluator.EvaluateMany"/>.</summary>
/// <param name="Facts">The installation.</param>
/// <param name="Outcome">Its outcome.</param>
public readonly record struct EvaluatedInstallation(InstallationFacts Facts, EligibilityOutcome Outcome);
