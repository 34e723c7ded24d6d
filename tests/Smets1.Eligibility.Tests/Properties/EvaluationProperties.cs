using FsCheck;
using FsCheck.Fluent;

namespace Smets1.Eligibility.Tests.Properties;

/// <summary>The library's invariants as FsCheck properties, each checked on at least 500 generated cases.</summary>
public sealed class EvaluationProperties
{
    private const int Cases = 500;
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(Cases);
    private static readonly EligibilityEvaluator Evaluator = new(EligibilityGen.Epcl);

    private static readonly RuleSet CommsAndIgt = RuleSet.Of(RuleIds.CommsRecentChf, RuleIds.CommsRecentGsme, RuleIds.IgtCertificate);

    [Fact]
    public void Evaluation_IsDeterministicAndNeverThrows_ForAnyInstallation()
    {
        Prop.ForAll(EligibilityGen.AnyInstallation.ToArbitrary(), facts =>
        {
            var first = Evaluator.Evaluate(facts);
            var second = Evaluator.Evaluate(facts);
            return first.Outcome == second.Outcome && first.Message == second.Message && Evaluator.EvaluateOutcome(facts) == first.Outcome;
        }).Check(Config);
    }

    [Fact]
    public void Evaluation_AtRuleBoundaries_IsDeterministicAndNeverThrows()
    {
        Prop.ForAll(EligibilityGen.BoundaryInstallation.ToArbitrary(), facts =>
            Evaluator.Evaluate(facts).Outcome == Evaluator.EvaluateOutcome(facts)).Check(Config);
    }

    [Fact]
    public void Batch_EqualsOneByOne_EqualsParallel_InOrder()
    {
        var batches = Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(EligibilityGen.AnyInstallation, n));
        Prop.ForAll(batches.ToArbitrary(), installations =>
        {
            var batch = new EligibilityOutcome[installations.Length];
            var parallel = new EligibilityOutcome[installations.Length];
            Evaluator.EvaluateBatch(installations, batch);
            Evaluator.EvaluateParallel(installations, parallel, 2);
            var oneByOne = installations.Select(f => Evaluator.EvaluateOutcome(f));
            var streamed = Evaluator.EvaluateMany(installations, default, 2).Select(e => e.Outcome);
            return batch.SequenceEqual(oneByOne) && batch.SequenceEqual(parallel) && batch.SequenceEqual(streamed);
        }).Check(Config);
    }

    [Fact]
    public void Verdict_IsTheMostSevereOutcomeOfTheFailedRules_AndEveryFailureIsSourced()
    {
        Prop.ForAll(EligibilityGen.AnyInstallation.ToArbitrary(), facts =>
        {
            var result = Evaluator.Evaluate(facts);
            var mostSevere = result.Failures.Count == 0 ? Verdict.Eligible : result.Failures.Max(f => (Verdict)f.Outcome);
            var eligibleIffNothingFailed = (result.Verdict == Verdict.Eligible) == (result.Failures.Count == 0);
            var sourced = result.Failures.All(f => !string.IsNullOrWhiteSpace(f.Rule.Citation)
                && (f.Rule.IsEngineCheck || Sources.Descriptions.ContainsKey(f.Rule.Source!)) && f.Message.Length > 0);
            var warningsAreWarnings = result.Warnings.All(w => w.Outcome == RuleOutcome.Warning);
            return result.Verdict == mostSevere && eligibleIffNothingFailed && sourced && warningsAreWarnings
                && result.Failures.Select(f => f.RuleId).SequenceEqual(result.Outcome.FailedRules.Select(r => r.Id));
        }).Check(Config);
    }

    [Fact]
    public void DataIncomplete_FailsExactlyWhenARequiredFactIsMissing()
    {
        Prop.ForAll(EligibilityGen.AnyInstallation.ToArbitrary(), facts =>
        {
            var outcome = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v17"));
            // v17 reads no has_esme (only v29's EXCL-GT01 does), so a blank has_esme leaves it complete.
            var missing = facts.AssessedAt is null || facts.Cohort is null || facts.MeterStatus is null || facts.HasGsme is null || facts.DmcId is null;
            return outcome.FailedRules.Contains(RuleIds.DataIncomplete) == missing && (!missing || outcome.Verdict >= Verdict.Indeterminate);
        }).Check(Config);
    }

    [Fact]
    public void EligibleElectricityOnly_OccursOnlyWithGt01AndAnEsme()
    {
        Prop.ForAll(EligibilityGen.Installation.ToArbitrary(), facts =>
        {
            var outcome = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v29"));
            return outcome.Verdict != Verdict.EligibleElectricityOnly
                || (outcome.FailedRules.Contains(RuleIds.ExclGt01) && facts.HasEsme == true);
        }).Check(Config);
    }

    [Fact]
    public void VersionsV11AndV17_DifferOnlyThroughTheRulesThatChanged()
    {
        Prop.ForAll(EligibilityGen.Installation.ToArbitrary(), facts =>
        {
            var v11 = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v11"));
            var v17 = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v17"));
            var changedRulesFailed = !v11.FailedRules.Union(v17.FailedRules).Intersect(CommsAndIgt).IsEmpty;
            return v11.Verdict == v17.Verdict || changedRulesFailed;
        }).Check(Config);
    }

    [Fact]
    public void PinnedVersion_IsTheVersionReported()
    {
        var labels = Gen.Elements(TmadCatalog.Shipped.Labels.ToArray());
        Prop.ForAll(EligibilityGen.AnyInstallation.ToArbitrary(), labels.ToArbitrary(), (facts, label) =>
            Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned(label)).VersionLabel == label).Check(Config);
    }

    [Fact]
    public void ExplainOfACompactOutcome_EqualsTheDirectEvaluation()
    {
        Prop.ForAll(EligibilityGen.AnyInstallation.ToArbitrary(), facts =>
            Evaluator.Explain(facts, Evaluator.EvaluateOutcome(facts)).Message == Evaluator.Evaluate(facts).Message).Check(Config);
    }

    [Fact]
    public void CommsRules_AtTheirBoundaries_FailExactlyBeyondTheWindow()
    {
        Prop.ForAll(EligibilityGen.BoundaryInstallation.ToArbitrary(), facts =>
        {
            var outcome = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v17"));
            var window = Duration.FromHours(72);
            var at = facts.AssessedAt!.Value;
            var chfStale = facts.ChfLastContact is not { } chf || at - chf > window;
            return outcome.FailedRules.Contains(RuleIds.CommsRecentChf) == (chfStale && facts.AssessedAt is not null);
        }).Check(Config);
    }
}
