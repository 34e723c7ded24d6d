using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Smets1.Eligibility.Tests.Properties;

/// <summary>Properties of version resolution and registered versions.</summary>
public sealed class VersionProperties
{
    private const int Cases = 500;

    private static readonly TmadCatalog Variants = new TmadCatalogBuilder()
        .Register(new VersionDefinition { Label = "v17-copy", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 12, 1), Source = "copy of v17" })
        .Register(new VersionDefinition { Label = "v17-wide", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 12, 2), Source = "wider window", Parameters = { CommsWindow = Duration.FromHours(96) } })
        .Register(new VersionDefinition { Label = "v17-widest", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 12, 3), Source = "widest window", Parameters = { CommsWindow = Duration.FromDays(30) } })
        .Register(new VersionDefinition { Label = "v17-short", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 12, 4), Source = "shorter look-ahead", Parameters = { CosLookaheadDays = 3 } })
        .Register(new VersionDefinition { Label = "v17-none", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 12, 5), Source = "no look-ahead", Parameters = { CosLookaheadDays = 0 } })
        .Build();

    private static readonly EligibilityEvaluator Evaluator = new(Variants, EligibilityGen.Epcl);

    [Property(Arbitrary = [typeof(Instants)], MaxTest = Cases)]
    public bool Resolution_IsMonotonicInTime(Instant first, Instant second)
    {
        var (earlier, later) = first <= second ? (first, second) : (second, first);
        var early = TmadCatalog.Shipped.Resolve(earlier).Version;
        var late = TmadCatalog.Shipped.Resolve(later).Version;
        return early is null || late is null || early.EffectiveFrom <= late.EffectiveFrom;
    }

    [Property(Arbitrary = [typeof(Instants)], MaxTest = Cases)]
    public bool Resolution_AgreesWithTheCataloguesEffectiveDatesAndExpiries(Instant at)
    {
        var date = at.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        var versions = TmadCatalog.Shipped.Versions.Where(v => !v.IsInferred).ToArray(); // the timeline is off by default
        var latest = versions.LastOrDefault(v => v.EffectiveFrom <= date);
        var expected = latest is null ? null
            : latest == versions[^1] || date <= latest.Expiry ? latest
            : null;
        return TmadCatalog.Shipped.Resolve(at).Version == expected;
    }

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Any)], MaxTest = Cases)]
    public bool RegisteredCopyOfAShippedVersion_GivesIdenticalResults(InstallationFacts facts)
    {
        var shipped = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v17"));
        var copy = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v17-copy"));
        return shipped.Verdict == copy.Verdict && shipped.Outcome.FailedRules == copy.Outcome.FailedRules
            && shipped.Message.Replace("v17 ", "v17-copy ", StringComparison.Ordinal) == copy.Message;
    }

    [Property(Arbitrary = [typeof(CompleteOrBoundary)], MaxTest = Cases)]
    public bool WideningTheWindowOrShorteningTheLookahead_NeverMakesAnEligibleInstallationIneligible(InstallationFacts facts)
    {
        var variants = new[] { "v17-wide", "v17-widest", "v17-short", "v17-none" };
        var baseline = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v17"));
        return variants.All(label =>
        {
            var relaxed = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned(label));
            return relaxed.FailedRules.Except(baseline.FailedRules).IsEmpty
                && (baseline.Verdict != Verdict.Eligible || relaxed.Verdict == Verdict.Eligible);
        });
    }

    /// <summary>Assessment instants across every version, and instants at and around their boundaries.</summary>
    public static class Instants
    {
        public static Arbitrary<Instant> Values() => Gen.OneOf(EligibilityGen.AssessmentInstant, EligibilityGen.BoundaryInstant).ToArbitrary();
    }

    /// <summary>Complete installations, half of them at a rule's boundary.</summary>
    public static class CompleteOrBoundary
    {
        public static Arbitrary<InstallationFacts> Installations() => Gen.OneOf(EligibilityGen.Installation, EligibilityGen.BoundaryInstallation).ToArbitrary();
    }
}
