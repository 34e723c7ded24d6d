using NodaTime;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility;

/// <summary>
/// The explained result of evaluating one installation: the verdict, the version used, and every failed
/// rule and warning with a message naming the facts and parameter values. Immutable.
/// </summary>
public sealed class EligibilityResult
{
    internal EligibilityResult(string installationId, Instant? assessedAt, EligibilityOutcome outcome, IReadOnlyList<RuleFailure> failures, IReadOnlyList<RuleFailure> warnings)
    {
        InstallationId = installationId;
        AssessedAt = assessedAt;
        Outcome = outcome;
        Failures = failures;
        Warnings = warnings;
    }

    /// <summary>The installation's ID.</summary>
    public string InstallationId { get; }

    /// <summary>The assessment instant used, or <see langword="null"/> when none was known.</summary>
    public Instant? AssessedAt { get; }

    /// <summary>The compact outcome.</summary>
    public EligibilityOutcome Outcome { get; }

    /// <summary>The verdict.</summary>
    public Verdict Verdict => Outcome.Verdict;

    /// <summary>The version applied, or <see langword="null"/> when none covers the date.</summary>
    public TmadVersion? Version => Outcome.Version;

    /// <summary>Every failed rule, in catalogue order, each explained.</summary>
    public IReadOnlyList<RuleFailure> Failures { get; }

    /// <summary>Every warning, in catalogue order, each explained.</summary>
    public IReadOnlyList<RuleFailure> Warnings { get; }

    /// <summary>The failures then the warnings as <c>RULE-ID: message</c>, separated by <c> | </c>; empty when nothing failed.</summary>
    public string Message => string.Join(" | ", Failures.Concat(Warnings));

    /// <inheritdoc />
    public override string ToString() =>
        Failures.Count + Warnings.Count == 0
            ? $"{InstallationId}: {Verdict} under {Version?.Label ?? "no version"}"
            : $"{InstallationId}: {Verdict} under {Version?.Label ?? "no version"}: {Message}";
}
