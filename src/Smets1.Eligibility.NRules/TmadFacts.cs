using NodaTime;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.NRules;

/// <summary>
/// A fact an exported version inserts about one assessment and combines into its verdict: the
/// <see cref="TmadAssessment"/> itself and each <see cref="TmadCheckFailure"/>. The verdict rule groups them by
/// assessment (a hash grouping, so a session's cost grows with its installations, not their square).
/// </summary>
public interface ITmadFinding
{
    /// <summary>The assessment the fact belongs to.</summary>
    TmadAssessment Assessment { get; }
}

/// <summary>
/// An installation taken up by an exported version in an NRules session: inserted (linked) by the version's
/// assessment rule when the session holds the installation and an <see cref="Reference.Epcl"/>.
/// </summary>
public sealed class TmadAssessment : ITmadFinding
{
    internal TmadAssessment(InstallationFacts installation, VersionChecks checks, RuleContext? context)
    {
        Installation = installation;
        Checks = checks;
        Context = context;
    }

    /// <summary>The installation.</summary>
    public InstallationFacts Installation { get; }

    /// <summary>Itself.</summary>
    TmadAssessment ITmadFinding.Assessment => this;

    /// <summary>The version it is assessed under.</summary>
    public TmadVersion Version => Checks.Version;

    /// <summary>The assessment instant, or <see langword="null"/> when none is known (then only <c>DATA-INCOMPLETE</c> fails).</summary>
    public Instant? AssessedAt => Context?.AssessedAt;

    internal VersionChecks Checks { get; }

    internal RuleContext? Context { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Installation.InstallationId} under {Version.Label}";
}

/// <summary>One failed check (or warning) of an exported version for one installation, inserted (linked) by the check's NRules rule.</summary>
public sealed class TmadCheckFailure : ITmadFinding
{
    internal TmadCheckFailure(TmadAssessment assessment, RuleDefinition rule, RuleOutcome outcome)
    {
        Assessment = assessment;
        Rule = rule;
        Outcome = outcome;
    }

    /// <summary>The assessment the check failed in.</summary>
    public TmadAssessment Assessment { get; }

    /// <summary>The installation.</summary>
    public InstallationFacts Installation => Assessment.Installation;

    /// <summary>The rule that failed.</summary>
    public RuleDefinition Rule { get; }

    /// <summary>The rule's ID.</summary>
    public string RuleId => Rule.Id;

    /// <summary>The outcome of the failure (escalated where the rule escalates), or <see cref="RuleOutcome.Warning"/>.</summary>
    public RuleOutcome Outcome { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Installation.InstallationId}: {RuleId} ({Outcome})";
}

/// <summary>
/// The result of an exported version for one installation, inserted (linked) by the version's verdict rule once
/// its checks have fired: equal to what <see cref="EligibilityEvaluator.EvaluateOutcome"/> gives with the version pinned.
/// </summary>
public sealed class TmadResult
{
    internal TmadResult(TmadAssessment assessment, EligibilityOutcome outcome)
    {
        Assessment = assessment;
        Outcome = outcome;
    }

    /// <summary>The assessment.</summary>
    public TmadAssessment Assessment { get; }

    /// <summary>The installation.</summary>
    public InstallationFacts Installation => Assessment.Installation;

    /// <summary>The outcome: verdict, failed rules, warnings and version.</summary>
    public EligibilityOutcome Outcome { get; }

    /// <summary>The verdict.</summary>
    public Verdict Verdict => Outcome.Verdict;

    /// <inheritdoc />
    public override string ToString() => $"{Installation.InstallationId}: {Outcome}";
}
