using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Smets1.Eligibility.Tests.Properties;

/// <summary>The library's invariants as FsCheck properties, each checked on at least 500 generated cases.</summary>
public sealed class EvaluationProperties
{
    private const int Cases = 500;
    private static readonly EligibilityEvaluator Evaluator = new(EligibilityGen.Epcl);

    private static readonly RuleSet CommsAndIgt = RuleSet.Of(RuleIds.CommsRecentChf, RuleIds.CommsRecentGsme, RuleIds.IgtCertificate);

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Any)], MaxTest = Cases)]
    public bool Evaluation_IsDeterministicAndNeverThrows_ForAnyInstallation(InstallationFacts facts)
    {
        var first = Evaluator.Evaluate(facts);
        var second = Evaluator.Evaluate(facts);
        return first.Outcome == second.Outcome && first.Message == second.Message && Evaluator.EvaluateOutcome(facts) == first.Outcome;
    }

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Boundary)], MaxTest = Cases)]
    public bool Evaluation_AtRuleBoundaries_IsDeterministicAndNeverThrows(InstallationFacts facts) =>
        Evaluator.Evaluate(facts).Outcome == Evaluator.EvaluateOutcome(facts);

    [Property(Arbitrary = [typeof(Batches)], MaxTest = Cases)]
    public bool Batch_EqualsOneByOne_EqualsParallel_InOrder(InstallationFacts[] installations)
    {
        var batch = new EligibilityOutcome[installations.Length];
        var parallel = new EligibilityOutcome[installations.Length];
        Evaluator.EvaluateBatch(installations, batch);
        Evaluator.EvaluateParallel(installations, parallel, 2);
        var oneByOne = installations.Select(f => Evaluator.EvaluateOutcome(f));
        var streamed = Evaluator.EvaluateMany(installations, default, 2).Select(e => e.Outcome);
        return batch.SequenceEqual(oneByOne) && batch.SequenceEqual(parallel) && batch.SequenceEqual(streamed);
    }

    /// <summary>The result-file path evaluates once and explains from that evaluation: the same outcomes as a batch, the same messages as explaining each one, one after another in one buffer.</summary>
    [Property(Arbitrary = [typeof(Batches), typeof(ShippedLabels)], MaxTest = Cases)]
    public bool BatchExplained_EqualsTheBatch_AndEachRowsExplainedMessage(InstallationFacts[] installations, string label)
    {
        EvaluationOptions[] runs = [default, EvaluationOptions.Pinned(label), new() { IncludeInferredTimeline = true }];
        return runs.All(options =>
        {
            var batch = new EligibilityOutcome[installations.Length];
            Evaluator.EvaluateBatch(installations, batch, options);
            var outcomes = new EligibilityOutcome[installations.Length];
            var ends = new int[installations.Length];
            var messages = new char[8]; // too short: it must grow, keeping the messages before
            Evaluator.EvaluateBatchExplained(installations, outcomes, ends, options, ref messages);
            return outcomes.SequenceEqual(batch) && installations.Select((facts, i) =>
                new string(messages, i == 0 ? 0 : ends[i - 1], ends[i] - (i == 0 ? 0 : ends[i - 1])) == Evaluator.Explain(facts, batch[i], options).Message).All(same => same);
        });
    }

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Any)], MaxTest = Cases)]
    public bool Verdict_IsTheMostSevereOutcomeOfTheFailedRules_AndEveryFailureIsSourced(InstallationFacts facts)
    {
        var result = Evaluator.Evaluate(facts);
        var mostSevere = result.Failures.Count == 0 ? Verdict.Eligible : result.Failures.Max(f => (Verdict)f.Outcome);
        var eligibleIffNothingFailed = (result.Verdict == Verdict.Eligible) == (result.Failures.Count == 0);
        var sourced = result.Failures.All(f => !string.IsNullOrWhiteSpace(f.Rule.Citation)
            && (f.Rule.IsEngineCheck || Sources.Descriptions.ContainsKey(f.Rule.Source!)) && f.Message.Length > 0);
        var warningsAreWarnings = result.Warnings.All(w => w.Outcome == RuleOutcome.Warning);
        return result.Verdict == mostSevere && eligibleIffNothingFailed && sourced && warningsAreWarnings
            && result.Failures.Select(f => f.RuleId).SequenceEqual(result.Outcome.FailedRules.Select(r => r.Id));
    }

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Any)], MaxTest = Cases)]
    public bool DataIncomplete_FailsExactlyWhenARequiredFactIsMissing(InstallationFacts facts)
    {
        var outcome = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v17"));
        // v17 reads no has_esme (only v29's EXCL-GT01 does), so a blank has_esme leaves it complete.
        var missing = facts.AssessedAt is null || facts.Cohort is null || facts.MeterStatus is null || facts.HasGsme is null || facts.DmcId is null;
        return outcome.FailedRules.Contains(RuleIds.DataIncomplete) == missing && (!missing || outcome.Verdict >= Verdict.Indeterminate);
    }

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Complete)], MaxTest = Cases)]
    public bool EligibleElectricityOnly_OccursOnlyWithGt01AndAnEsme(InstallationFacts facts)
    {
        var outcome = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v29"));
        return outcome.Verdict != Verdict.EligibleElectricityOnly
            || (outcome.FailedRules.Contains(RuleIds.ExclGt01) && facts.HasEsme == true);
    }

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Complete)], MaxTest = Cases)]
    public bool VersionsV11AndV17_DifferOnlyThroughTheRulesThatChanged(InstallationFacts facts)
    {
        var v11 = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v11"));
        var v17 = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v17"));
        var changedRulesFailed = !v11.FailedRules.Union(v17.FailedRules).Intersect(CommsAndIgt).IsEmpty;
        return v11.Verdict == v17.Verdict || changedRulesFailed;
    }

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Any), typeof(ShippedLabels)], MaxTest = Cases)]
    public bool PinnedVersion_IsTheVersionReported(InstallationFacts facts, string label) =>
        Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned(label)).VersionLabel == label;

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Any)], MaxTest = Cases)]
    public bool ExplainOfACompactOutcome_EqualsTheDirectEvaluation(InstallationFacts facts) =>
        Evaluator.Explain(facts, Evaluator.EvaluateOutcome(facts)).Message == Evaluator.Evaluate(facts).Message;

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Boundary)], MaxTest = Cases)]
    public bool CommsRules_AtTheirBoundaries_FailExactlyBeyondTheWindow(InstallationFacts facts)
    {
        var outcome = Evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v17"));
        var window = Duration.FromHours(72);
        var at = facts.AssessedAt!.Value;
        var chfStale = facts.ChfLastContact is not { } chf || at - chf > window;
        return outcome.FailedRules.Contains(RuleIds.CommsRecentChf) == (chfStale && facts.AssessedAt is not null);
    }

    /// <summary>Batches of 0 to 40 installations.</summary>
    public static class Batches
    {
        public static Arbitrary<InstallationFacts[]> Installations() =>
            Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(EligibilityGen.AnyInstallation, n)).ToArbitrary();
    }

    /// <summary>The labels of the shipped versions and eras.</summary>
    public static class ShippedLabels
    {
        public static Arbitrary<string> Labels() => Gen.Elements(TmadCatalog.Shipped.Labels.ToArray()).ToArbitrary();
    }
}
