using System.Diagnostics;
using System.Runtime.CompilerServices;
using NodaTime;
using Smets1.Eligibility.Engine;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility;

/// <summary>
/// Evaluates installations against the TMAD version in force (or a pinned one), with the EPCL and cohort
/// closure reference data. Each version of the catalogue is compiled once, when an installation is first evaluated
/// under it (or explained, or its checks are asked for), so an evaluator over many versions costs only those it uses.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: one instance may be shared by any number of threads. The compact
/// <see cref="EvaluateOutcome"/> path allocates nothing; <see cref="Evaluate"/> adds explanations.
/// </remarks>
public sealed partial class EligibilityEvaluator
{
    private static readonly ulong DataIncompleteBit = 1UL << RuleTable.BuiltIn.IndexOf(RuleIds.DataIncomplete);
    private static readonly ulong VersionUnresolvedBit = 1UL << RuleTable.BuiltIn.IndexOf(RuleIds.VersionUnresolved);

    private static readonly Instant EarliestAssessment = Instant.FromUtc(2, 1, 1, 0, 0);
    private static readonly Instant LatestAssessment = Instant.FromUtc(9998, 12, 31, 0, 0);

    private readonly ResultExplainer _explainer;
    private readonly Dictionary<string, int> _byLabel;

    /// <summary>Creates an evaluator over the shipped versions.</summary>
    /// <param name="epcl">The EPCL.</param>
    /// <exception cref="ArgumentNullException"><paramref name="epcl"/> is <see langword="null"/>.</exception>
    public EligibilityEvaluator(Epcl epcl)
        : this(TmadCatalog.Shipped, epcl)
    {
    }

    /// <summary>Creates an evaluator over the catalogue; each version is compiled when first used.</summary>
    /// <param name="catalog">The versions (shipped and registered).</param>
    /// <param name="epcl">The EPCL.</param>
    /// <param name="cohortClosures">The cohort closure dates. Default: <see cref="CohortClosures.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> or <paramref name="epcl"/> is <see langword="null"/>.</exception>
    /// <param name="includeInferredTimeline">Whether the inferred timeline takes part in date resolution for every evaluation (see <see cref="EvaluationOptions.IncludeInferredTimeline"/>).</param>
    public EligibilityEvaluator(TmadCatalog catalog, Epcl epcl, CohortClosures? cohortClosures = null, bool includeInferredTimeline = false)
    {
        IncludeInferredTimeline = includeInferredTimeline;
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(epcl);
        Catalog = catalog;
        Epcl = epcl;
        CohortClosures = cohortClosures ?? CohortClosures.Default;
        _explainer = new ResultExplainer(catalog);
        _byLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < catalog.Versions.Count; i++)
        {
            _byLabel.Add(catalog.Versions[i].Label, i);
        }
    }

    /// <summary>Whether the inferred timeline (TMAD-RULES §3a) takes part in date resolution for every evaluation, whatever the options say.</summary>
    public bool IncludeInferredTimeline { get; }

    /// <summary>The versions this evaluator knows.</summary>
    public TmadCatalog Catalog { get; }

    /// <summary>The EPCL it checks DMCs against.</summary>
    public Epcl Epcl { get; }

    /// <summary>The cohort closure dates it applies.</summary>
    public CohortClosures CohortClosures { get; }

    /// <summary>Evaluates one installation and explains every failed rule and warning.</summary>
    /// <param name="facts">The installation.</param>
    /// <param name="options">The pinned version and assessment instant, if any.</param>
    /// <returns>The explained result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The pinned version does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The assessment instant is outside the years 2 to 9998.</exception>
    public EligibilityResult Evaluate(InstallationFacts facts, EvaluationOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var pinned = Pinned(options);
        var outcome = EvaluateCore(facts, pinned, options, out var context, out var at);
        return ExplainCore(facts, outcome, context, at);
    }

    /// <summary>Evaluates one installation into a compact outcome, without messages. Allocates nothing.</summary>
    /// <param name="facts">The installation.</param>
    /// <param name="options">The pinned version and assessment instant, if any.</param>
    /// <returns>The compact outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The pinned version does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The assessment instant is outside the years 2 to 9998.</exception>
    public EligibilityOutcome EvaluateOutcome(InstallationFacts facts, EvaluationOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return EvaluateCore(facts, Pinned(options), options, out _, out _);
    }

    /// <summary>
    /// Explains a compact outcome produced by this evaluator for the same installation and options:
    /// the messages for its failed rules and warnings.
    /// </summary>
    /// <param name="facts">The installation that was evaluated.</param>
    /// <param name="outcome">Its outcome.</param>
    /// <param name="options">The options it was evaluated with.</param>
    /// <returns>The explained result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is not what this evaluator gives for these facts and options (another evaluator's, or made up).</exception>
    public EligibilityResult Explain(InstallationFacts facts, EligibilityOutcome outcome, EvaluationOptions options = default)
    {
        var context = Verify(facts, outcome, options, out var at);
        return ExplainCore(facts, outcome, context, at);
    }

    /// <summary>Re-evaluates the installation, so that only an outcome this evaluator gives for it is explained.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RuleContext Verify(InstallationFacts facts, in EligibilityOutcome outcome, in EvaluationOptions options, out Instant? at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (outcome.Version is { } version && (!Catalog.TryGet(version.Label, out var own) || !ReferenceEquals(own, version)))
        {
            throw new ArgumentException($"The outcome was produced under version '{version.Label}', which this evaluator's catalogue does not hold; explain an outcome with the evaluator that produced it.", nameof(outcome));
        }

        // Re-evaluating costs one delegate call and makes the explanation exact: an outcome of other facts or
        // options, or a made-up one, is refused rather than explained with messages that do not fit it.
        var actual = EvaluateCore(facts, Pinned(options), options, out var context, out at);
        if (actual != outcome)
        {
            throw new ArgumentException($"The outcome ({outcome.Verdict} under {outcome.VersionLabel ?? "no version"}: {outcome.FailedRules}) is not what this evaluator gives for installation '{facts.InstallationId}' with these options ({actual.Verdict}: {actual.FailedRules}); explain the outcome that Evaluate gave for the same installation and options.", nameof(outcome));
        }

        return context;
    }

    private CompiledVersion? Pinned(in EvaluationOptions options) =>
        options.PinnedVersion is { } label ? At(IndexOf(label)) : null;

    /// <summary>The index of version <paramref name="label"/>.</summary>
    /// <exception cref="KeyNotFoundException">The catalogue has no such version (the message names the known labels).</exception>
    private int IndexOf(string label)
    {
        if (_byLabel.TryGetValue(label, out var index))
        {
            return index;
        }

        _ = Catalog.Get(label); // throws KeyNotFoundException naming the known labels
        throw new UnreachableException();
    }

    private CompiledVersion Compiled(TmadVersion version) => At(_byLabel[version.Label]);

    // Each version is compiled when first evaluated under, once per catalogue (TmadCatalog.Compiled).
    private CompiledVersion At(int index) => Catalog.Compiled(index);

    private static Instant? AssessmentInstant(InstallationFacts facts, in EvaluationOptions options) =>
        options.AssessedAt ?? facts.AssessedAt ?? options.DefaultAssessedAt;

    /// <summary>Compiles the checks of one version one by one, for hosts that run them separately (the NRules bridge).</summary>
    /// <exception cref="KeyNotFoundException">The catalogue has no version <paramref name="label"/>.</exception>
    internal VersionChecks ChecksOf(string label)
    {
        return VersionChecks.Compile(At(IndexOf(label)));
    }

    /// <summary>
    /// What the checks of a pinned version see of one installation, with the EPCL given (rather than this
    /// evaluator's), as <see cref="Evaluate"/> prepares it; <see langword="null"/> when no assessment instant is known.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The assessment instant is outside the years 2 to 9998.</exception>
    internal RuleContext? PrepareFor(InstallationFacts facts, in EvaluationOptions options, Epcl epcl)
    {
        if (AssessmentInstant(facts, options) is not { } at)
        {
            return null;
        }

        CheckRange(facts, at);
        return Prepare(facts, at, epcl);
    }

    private static void CheckRange(InstallationFacts facts, Instant instant)
    {
        if (instant < EarliestAssessment || instant > LatestAssessment)
        {
            throw new ArgumentOutOfRangeException(nameof(facts), instant, $"Installation '{facts.InstallationId}': assessed_at {instant} is outside the years 2 to 9998, where UK dates, windows and look-aheads can be computed.");
        }
    }

    private RuleContext Prepare(InstallationFacts facts, Instant at, Epcl epcl) =>
        new(
            facts,
            at,
            epcl.Find(facts.DmcId),
            facts.Cohort is { } cohort ? CohortClosures.ClosesAt(cohort) : default,
            FactMasks.Missing(facts),
            facts.Custom?.In(Catalog.Facts) ?? Catalog.Facts.Defaults);

    private EligibilityOutcome EvaluateCore(InstallationFacts facts, CompiledVersion? pinned, in EvaluationOptions options, out RuleContext context, out Instant? at)
    {
        at = AssessmentInstant(facts, options);
        if (at is not { } instant)
        {
            context = default;
            return new EligibilityOutcome(Verdict.Indeterminate, new RuleSet(Catalog.Table, DataIncompleteBit), RuleSet.Empty, pinned?.Version);
        }

        CheckRange(facts, instant);
        var compiled = pinned;
        if (compiled is null)
        {
            var index = Catalog.IndexAt(instant, IncludeInferredTimeline || options.IncludeInferredTimeline);
            if (index < 0)
            {
                context = default;
                return new EligibilityOutcome(Verdict.Indeterminate, new RuleSet(Catalog.Table, VersionUnresolvedBit), RuleSet.Empty, null);
            }

            compiled = At(index);
        }

        context = Prepare(facts, instant, Epcl);
        return compiled.Evaluate(ref context);
    }

    private EligibilityResult ExplainCore(InstallationFacts facts, EligibilityOutcome outcome, in RuleContext context, Instant? at) =>
        _explainer.Explain(facts, outcome, context, at, outcome.Version is { } version ? Compiled(version) : null);
}
