using FsCheck;
using FsCheck.Fluent;

namespace Smets1.Eligibility.Tests.Properties;

/// <summary>Properties of version resolution and registered versions.</summary>
public sealed class VersionProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly TmadCatalog Variants = new TmadCatalogBuilder()
        .Register(new VersionDefinition { Label = "v17-copy", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 12, 1), Source = "copy of v17" })
        .Register(new VersionDefinition { Label = "v17-wide", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 12, 2), Source = "wider window", Parameters = { CommsWindow = Duration.FromHours(96) } })
        .Register(new VersionDefinition { Label = "v17-widest", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 12, 3), Source = "widest window", Parameters = { CommsWindow = Duration.FromDays(30) } })
        .Register(new VersionDefinition { Label = "v17-short", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 12, 4), Source = "shorter look-ahead", Parameters = { CosLookaheadDays = 3 } })
        .Register(new VersionDefinition { Label = "v17-none", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 12, 5), Source = "no look-ahead", Parameters = { CosLookaheadDays = 0 } })
        .Build();

    private static readonly EligibilityEvaluator Evaluator = new(Variants, EligibilityGen.Epcl);

    [Fact]
    public void Resolution_IsMonotonicInTime()
    {
        var pairs = EligibilityGen.AssessmentInstant.Two().Select(p => p.Item1 <= p.Item2 ? p : (p.Item2, p.Item1));
        Prop.ForAll(pairs.ToArbitrary(), pair =>
        {
            var early = TmadCatalog.Shipped.Resolve(pair.Item1).Version;
            var late = TmadCatalog.Shipped.Resolve(pair.Item2).Version;
            return early is null || late is null || early.EffectiveFrom <= late.EffectiveFrom;
        }).Check(Config);
    }

    [Fact]
    public void Resolution_AgreesWithTheCataloguesEffectiveDatesAndExpiries()
    {
        var instants = Gen.OneOf(EligibilityGen.AssessmentInstant, EligibilityGen.BoundaryInstant);
        Prop.ForAll(instants.ToArbitrary(), at =>
        {
            var date = at.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
            var versions = TmadCatalog.Shipped.Versions.Where(v => !v.IsInferred).ToArray(); // the timeline is off by default
            var latest = versions.LastOrDefault(v => v.EffectiveFrom <= date);
            var expected = latest is null ? null
                : latest == versions[^1] || date <= latest.Expiry ? latest
                : null;
            return TmadCatalog.Shipped.Resolve(at).Version == expected;
        }).Check(Config);
    }

    [Fact]
    public void RegisteredCopyOfAShippedVersion_GivesIdenticalResults()
    {
        Prop.ForAll(EligibilityGen.AnyInstallation.ToArbitrary(), facts =>
        {
            var shipped = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v17"));
            var copy = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v17-copy"));
            return shipped.Verdict == copy.Verdict && shipped.Outcome.FailedRules == copy.Outcome.FailedRules
                && shipped.Message.Replace("v17 ", "v17-copy ", StringComparison.Ordinal) == copy.Message;
        }).Check(Config);
    }

    [Fact]
    public void WideningTheWindowOrShorteningTheLookahead_NeverMakesAnEligibleInstallationIneligible()
    {
        var variants = new[] { "v17-wide", "v17-widest", "v17-short", "v17-none" };
        Prop.ForAll(Gen.OneOf(EligibilityGen.Installation, EligibilityGen.BoundaryInstallation).ToArbitrary(), facts =>
        {
            var baseline = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v17"));
            return variants.All(label =>
            {
                var relaxed = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned(label));
                return relaxed.FailedRules.Except(baseline.FailedRules).IsEmpty
                    && (baseline.Verdict != Verdict.Eligible || relaxed.Verdict == Verdict.Eligible);
            });
        }).Check(Config);
    }
}
