using Smets1.Eligibility.Engine;
using NodaTime;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>
/// The v17 checks written by hand as a plain if-chain, producing the same failure bit sets as the library.
/// This is the speed limit the library is measured against; a test asserts both agree on the benchmark data.
/// </summary>
public sealed class HandWrittenV17(Epcl epcl, CohortClosures closures)
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly TmadVersion V17 = TmadCatalog.Shipped.Get("v17");
    private static readonly LocalDate Expiry = new(2021, 12, 31);
    private static readonly Duration Window = Duration.FromHours(72);
    private static readonly ulong DataIncomplete = RuleSet.Of(RuleIds.DataIncomplete).Low;
    private static readonly ulong TmadInForce = RuleSet.Of(RuleIds.TmadInForce).Low;
    private static readonly ulong CohortOpen = RuleSet.Of(RuleIds.CohortOpen).Low;
    private static readonly ulong EpclListed = RuleSet.Of(RuleIds.EpclListed).Low;
    private static readonly ulong EpclWindow = RuleSet.Of(RuleIds.EpclWindow).Low;
    private static readonly ulong CosLookahead = RuleSet.Of(RuleIds.CosLookahead).Low;
    private static readonly ulong DormantProfileSwitch = RuleSet.Of(RuleIds.DormantProfileSwitch).Low;
    private static readonly ulong CommsRecentChf = RuleSet.Of(RuleIds.CommsRecentChf).Low;
    private static readonly ulong CommsRecentGsme = RuleSet.Of(RuleIds.CommsRecentGsme).Low;
    private static readonly ulong ExclDirected = RuleSet.Of(RuleIds.ExclDirected).Low;
    private static readonly ulong Ineligible = TmadInForce | CohortOpen | EpclListed | DormantProfileSwitch;
    private static readonly ulong Deferred = CosLookahead | CommsRecentChf | CommsRecentGsme;

    public void EvaluateBatch(ReadOnlySpan<InstallationFacts> installations, Span<EligibilityOutcome> results)
    {
        for (var i = 0; i < installations.Length; i++)
        {
            results[i] = Evaluate(installations[i]);
        }
    }

    public EligibilityOutcome Evaluate(InstallationFacts f) => Evaluate(f, out _, out _);

    /// <summary>The v17 checks, giving back the failed bits and the assessment's UK date for checks written on top (<c>default</c> with no assessment instant).</summary>
    public EligibilityOutcome Evaluate(InstallationFacts f, out ulong failedBits, out LocalDate date)
    {
        if (f.AssessedAt is not { } at)
        {
            failedBits = DataIncomplete;
            date = default;
            return new EligibilityOutcome(Verdict.Indeterminate, new RuleSet(RuleTable.BuiltIn, DataIncomplete), RuleSet.Empty, V17);
        }

        date = at.InZone(London).Date;
        ulong failed = 0;
        ulong warnings = 0;
        var cohortKnown = f.Cohort.HasValue;
        var statusKnown = f.MeterStatus.HasValue;
        var dmc = f.DmcId;
        if (f.InstallationId.Length == 0 || !cohortKnown || !statusKnown || !f.HasGsme.HasValue || string.IsNullOrEmpty(dmc))
        {
            failed |= DataIncomplete;
        }

        if (date > Expiry)
        {
            failed |= TmadInForce;
        }

        if (cohortKnown && date > closures[f.Cohort.GetValueOrDefault()].LastDay)
        {
            failed |= CohortOpen;
        }

        if (!string.IsNullOrEmpty(dmc))
        {
            if (!epcl.TryGet(dmc, out var entry) || entry.AddedOn > date)
            {
                failed |= EpclListed;
            }

            if (entry is not null && date > entry.AddedOn.PlusMonths(12))
            {
                warnings |= EpclWindow;
            }
        }

        if (Within(date, f.PlannedCosDate) || Within(date, f.PlannedCotDate))
        {
            failed |= CosLookahead;
        }

        if (cohortKnown && statusKnown && f.Cohort is Cohort.FocNp or Cohort.FocBg && f.MeterStatus == MeterStatus.Dormant && f.ProfileDataSwitch != ProfileDataSwitch.Off)
        {
            failed |= DormantProfileSwitch;
        }

        if (f.ChfLastContact is not { } chf || at - chf > Window || chf > at)
        {
            failed |= CommsRecentChf;
        }

        if (f.HasGsme == true && (f.GsmeLastContact is not { } gsme || at - gsme > Window || gsme > at))
        {
            failed |= CommsRecentGsme;
        }

        if (f.DirectedExclusion)
        {
            failed |= ExclDirected;
        }

        var verdict = failed == 0 ? Verdict.Eligible
            : (failed & ExclDirected) != 0 ? Verdict.Excluded
            : (failed & Ineligible) != 0 ? Verdict.Ineligible
            : (failed & Deferred) != 0 ? Verdict.Deferred
            : Verdict.Indeterminate;
        failedBits = failed;
        return new EligibilityOutcome(verdict, new RuleSet(RuleTable.BuiltIn, failed), new RuleSet(RuleTable.BuiltIn, warnings), V17);
    }

    private static bool Within(LocalDate assessedOn, LocalDate? planned) =>
        planned is { } d && d >= assessedOn && d <= assessedOn.PlusDays(9);
}
