using NodaTime;
using Smets1.Eligibility.Reference;

namespace Smets1.Eligibility.Rules;

/// <summary>
/// What a rule predicate sees of one installation: the facts, and what is derived from them once per
/// evaluation (the assessment instant and UK date, the EPCL entry, the cohort's closure day).
/// </summary>
internal readonly struct RuleContext(InstallationFacts facts, Instant assessedAt, LocalDate assessedOn, EpclEntry? epcl, LocalDate cohortLastDay, FactMask missing)
{
    public InstallationFacts Facts { get; } = facts;

    public Instant AssessedAt { get; } = assessedAt;

    /// <summary>The Europe/London calendar date of <see cref="AssessedAt"/>.</summary>
    public LocalDate AssessedOn { get; } = assessedOn;

    /// <summary>The EPCL entry of the installation's DMC, or <see langword="null"/> when it is not listed.</summary>
    public EpclEntry? Epcl { get; } = epcl;

    /// <summary>The last day the installation's cohort accepted installations (meaningful only when the cohort is known).</summary>
    public LocalDate CohortLastDay { get; } = cohortLastDay;

    /// <summary>The required facts that are unknown, as <see cref="FactMask"/> bits (an <see cref="int"/> so compiled predicates can test it).</summary>
    public int Missing { get; } = (int)missing;
}
