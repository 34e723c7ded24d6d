using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Smets1.Eligibility.Remedies;

namespace Smets1.Eligibility.Tests.Remedies;

/// <summary>Remedies are exact (AUDIT.md §2): applying one clears its rule, and the earliest instant is the first eligible one.</summary>
public sealed class RemedyProperties
{
    private const int Cases = 200;
    private static readonly EligibilityEvaluator Evaluator = new(EligibilityGen.Epcl);
    private static readonly RemedyFinder Finder = new(Evaluator);
    private static readonly Duration Second = Duration.FromSeconds(1);

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Any)], MaxTest = Cases)]
    public bool ApplyingARemedy_ClearsItsRule_AndOneStepShortOfItsBoundaryDoesNot(InstallationFacts facts)
    {
        var result = Evaluator.Evaluate(facts);
        if (result.Version is not { } version || facts.AssessedAt is not { } at)
        {
            return true;
        }

        var pinned = EvaluationOptions.Pinned(version.Label) with { AssessedAt = at };
        bool Fails(string rule, InstallationFacts f, Instant t) => Evaluator.EvaluateOutcome(f, pinned with { AssessedAt = t }).FailedRules.Contains(rule);
        foreach (var remedy in Finder.Find(facts, result).Remedies)
        {
            switch (remedy.Kind)
            {
                case RemedyKind.Wait:
                    var t = remedy.ReassessAt!.Value;
                    if (Fails(remedy.RuleId, facts, t) || (t - Second > at && !Fails(remedy.RuleId, facts, t - Second)))
                    {
                        return false;
                    }

                    break;
                case RemedyKind.Fact:
                    foreach (var change in remedy.Changes.Where(c => c.Value is not null))
                    {
                        var applied = FactAccess.With(facts, change.Fact, change.Value!, Evaluator.Catalog);
                        if (Fails(remedy.RuleId, applied, at))
                        {
                            return false;
                        }

                        var shortOf = RemedyFinder.Step(change.Value!, change.Relation switch { "at or after" => -1, "at or before" => +1, _ => 0 });
                        if (shortOf is not null && !Fails(remedy.RuleId, FactAccess.With(facts, change.Fact, shortOf, Evaluator.Catalog), at))
                        {
                            return false;
                        }
                    }

                    break;
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Any)], MaxTest = Cases)]
    public bool EarliestEligible_IsEligible_AndNoEarlierDayOrSecondIs(InstallationFacts facts)
    {
        if (facts.AssessedAt is not { } at)
        {
            return true;
        }

        var report = Finder.Find(facts);
        static bool Eligible(EligibilityOutcome o) => o.Verdict is Verdict.Eligible or Verdict.EligibleElectricityOnly;
        EligibilityOutcome At(Instant t) => Evaluator.EvaluateOutcome(facts, new EvaluationOptions { AssessedAt = t });
        var end = report.EarliestEligible ?? Instant.Min(at + Duration.FromDays(400), Instant.FromUtc(2026, 1, 1, 0, 0));
        if (report.EarliestEligible is { } earliest)
        {
            var there = At(earliest);
            if (!Eligible(there) || there.VersionLabel != report.EarliestVersion || there.Verdict != report.EarliestVerdict)
            {
                return false;
            }

            if (earliest > at && Eligible(At(earliest - Second)))
            {
                return false;
            }
        }

        // Before it (or, with none, over the next 400 days up to the end of the TMAD), no sampled instant is eligible:
        // the assessment itself, every hour, and every Europe/London midnight.
        for (var t = at; t < end; t += Duration.FromHours(1))
        {
            var midnight = t.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date.AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/London"]).ToInstant();
            if (Eligible(At(t)) || (midnight > at && midnight < end && Eligible(At(midnight))))
            {
                return false;
            }
        }

        return true;
    }
}
