using NodaTime;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Reference;

namespace Smets1.Eligibility.Rules;

/// <summary>
/// What a rule predicate sees of one installation: the facts, and what is derived from them once per
/// evaluation (the assessment instant and UK date, the EPCL entry, the cohort's closure day).
/// </summary>
/// <remarks>
/// Date boundaries are precomputed as instants (Europe/London midnights), so the UK date of the assessment
/// is computed only when a rule or an explanation asks for it.
/// </remarks>
internal readonly struct RuleContext(InstallationFacts facts, Instant assessedAt, EpclListing? epcl, Instant cohortClosesAt, FactMask missing, CustomFacts custom)
{
    public InstallationFacts Facts { get; } = facts;

    public Instant AssessedAt { get; } = assessedAt;

    /// <summary>The Europe/London calendar date of <see cref="AssessedAt"/>, computed on each access.</summary>
    public LocalDate AssessedOn => AssessedAt.InZone(Text.London).Date;

    /// <summary>The EPCL listing of the installation's DMC, or <see langword="null"/> when it is not listed.</summary>
    public EpclListing? Epcl { get; } = epcl;

    /// <summary>The instant the installation's cohort closed (meaningful only when the cohort is known).</summary>
    public Instant CohortClosesAt { get; } = cohortClosesAt;

    /// <summary>The required facts that are unknown, as <see cref="FactMask"/> bits (an <see cref="int"/> so compiled predicates can test it).</summary>
    public int Missing { get; } = (int)missing;

    /// <summary>The installation's declared facts, in the slots of the evaluator's schema.</summary>
    public CustomFacts Custom { get; } = custom;
}
