namespace Smets1.Eligibility.Tests.Evaluation;

public sealed class EligibilityEvaluatorTests
{
    [Fact]
    public void VersionsCompiledAtFirstUse_FromManyThreadsAtOnce_GiveTheSameOutcomesAsAWarmEvaluator()
    {
        // Each version is compiled when first used; four threads meeting every version (inferred eras included)
        // for the first time together must answer as an evaluator that compiled them one by one.
        var installations = FsCheck.FSharp.Gen.Sample(2_000, Smets1.Eligibility.Testing.EligibilityGen.Installation);
        var options = new EvaluationOptions { IncludeInferredTimeline = true };
        var warm = new EligibilityEvaluator(Smets1.Eligibility.Testing.EligibilityGen.Epcl);
        var expected = installations.Select(f => warm.EvaluateOutcome(f, options)).ToArray();
        var cold = new EligibilityEvaluator(Smets1.Eligibility.Testing.EligibilityGen.Epcl);
        var actual = new EligibilityOutcome[installations.Length];
        using var start = new Barrier(4);
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = t; i < installations.Length; i += 4)
            {
                actual[i] = cold.EvaluateOutcome(installations[i], options);
            }
        })).ToArray();
        Array.ForEach(threads, t => t.Start());
        Array.ForEach(threads, t => t.Join());
        Assert.Equal(expected, actual);
        Assert.Contains(expected, o => o.Version?.IsInferred == true);
    }

    private static readonly EligibilityEvaluator Evaluator = new(EpclBuilder.Default);

    [Fact]
    public void Evaluate_StaleChfUnderV11_ExplainsWithFactAndParameterValues()
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2021, 10, 10, 10, 0)).WithChfContact(Instant.FromUtc(2021, 10, 8, 9, 0)).Build();

        var failure = Assert.Single(Evaluator.Evaluate(facts).Failures);

        Assert.Equal("COMMS-RECENT-CHF: last contact 2021-10-08T09:00:00Z is 49h before assessment; v11 window is 24h", failure.ToString());
        Assert.Equal(Sources.S000, failure.Rule.Source);
    }

    [Fact]
    public void Evaluate_ContactOneSecondBeyondTheWindow_ShowsTheExactAge()
    {
        var facts = new InstallationBuilder().WithChfContactAge(Duration.FromHours(72) + Duration.FromSeconds(1)).Build();

        Assert.Equal("last contact 2021-11-07T09:59:59Z is 72h 0m 1s before assessment; v17 window is 72h", Assert.Single(Evaluator.Evaluate(facts).Failures).Message);
    }

    [Fact]
    public void Evaluate_NoContactRecorded_SaysSo()
    {
        var facts = new InstallationBuilder().WithGsmeContact(null).Build();

        Assert.Equal("no contact recorded; v17 window is 72h", Assert.Single(Evaluator.Evaluate(facts).Failures).Message);
    }

    [Fact]
    public void Evaluate_SeveralFailures_ListsEveryOneInCatalogueOrder()
    {
        var facts = new InstallationBuilder().WithDmc("DMC-NOPE").WithChfContact(null).WithPlannedCos(new LocalDate(2021, 11, 11))
            .With(f => f with { DirectedExclusion = true }).Build();

        var result = Evaluator.Evaluate(facts);

        Assert.Equal(Verdict.Excluded, result.Verdict);
        Assert.Equal([RuleIds.EpclListed, RuleIds.CosLookahead, RuleIds.CommsRecentChf, RuleIds.ExclDirected], result.Failures.Select(f => f.RuleId));
        Assert.Equal("change of supplier planned for 2021-11-11 is 1 day after assessment date 2021-11-10; v17 look-ahead is 9 days", result.Failures[1].Message);
    }

    [Theory]
    [InlineData("cohort")]
    [InlineData("meter_status")]
    [InlineData("has_gsme")]
    [InlineData("dmc_id")]
    public void Evaluate_RequiredFactMissing_IsIndeterminateNamingTheField(string field)
    {
        var builder = new InstallationBuilder();
        _ = field switch
        {
            "cohort" => builder.InCohort(null),
            "meter_status" => builder.WithMeterStatus(null),
            "has_esme" => builder.WithMeters(null, true),
            "has_gsme" => builder.WithMeters(true, null),
            _ => builder.WithDmc(null),
        };

        var result = Evaluator.Evaluate(builder.Build());

        Assert.Equal(Verdict.Indeterminate, result.Verdict);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(RuleIds.DataIncomplete, failure.RuleId);
        Assert.Equal("missing " + field, failure.Message);
    }

    [Fact]
    public void Evaluate_SeveralFactsMissing_NamesThemAllInColumnOrder()
    {
        var facts = new InstallationBuilder().InCohort(null).WithDmc(null).WithMeters(null, null).Build();

        // has_esme is read by no check of v17 (only EXCL-GT01 of v29 reads it), so it is not named (TMAD-RULES §5, example 14).
        Assert.Equal("missing cohort, has_gsme, dmc_id", Assert.Single(Evaluator.Evaluate(facts).Failures).Message);
    }

    [Fact]
    public void Evaluate_FactNoCheckOfTheVersionReads_IsNotIncomplete()
    {
        // A blank has_esme: v17 holds no check that reads it; v29's EXCL-GT01 does.
        var facts = new InstallationBuilder().WithMeters(null, true).Build();

        Assert.Equal(Verdict.Eligible, Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v17")).Verdict);
        var v29 = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v29"));
        Assert.Contains(v29.Failures, f => f.RuleId == RuleIds.DataIncomplete && f.Message == "missing has_esme");
    }

    [Fact]
    public void Evaluate_MissingFactAndAMoreSevereFailure_KeepsBothAndTakesTheMoreSevereVerdict()
    {
        // Unknown cohort, but the version has expired: the expiry check needs no cohort.
        var facts = new InstallationBuilder().InCohort(null).AssessedAt(Instant.FromUtc(2022, 2, 1, 10, 0)).Build();

        var result = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v17"));

        Assert.Equal(Verdict.Ineligible, result.Verdict);
        Assert.Equal([RuleIds.DataIncomplete, RuleIds.TmadInForce], result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Evaluate_NoAssessmentInstantAnywhere_IsIndeterminateNamingAssessedAt()
    {
        var result = Evaluator.Evaluate(new InstallationBuilder().AssessedAt(null).Build());

        Assert.Equal(Verdict.Indeterminate, result.Verdict);
        Assert.Equal("DATA-INCOMPLETE: missing assessed_at", Assert.Single(result.Failures).ToString());
        Assert.Null(result.AssessedAt);
    }

    [Fact]
    public void Evaluate_InstantFromOptionsDefault_IsUsedOnlyWhenTheFactsHaveNone()
    {
        var options = new EvaluationOptions { DefaultAssessedAt = Instant.FromUtc(2021, 10, 10, 10, 0) };
        var withOwn = new InstallationBuilder().Build();
        var withoutOwn = new InstallationBuilder().AssessedAt(null).WithChfContact(Instant.FromUtc(2021, 10, 10, 9, 0)).WithGsmeContact(Instant.FromUtc(2021, 10, 10, 9, 0)).Build();

        Assert.Equal("v17", Evaluator.Evaluate(withOwn, options).Version?.Label);
        Assert.Equal("v11", Evaluator.Evaluate(withoutOwn, options).Version?.Label);
    }

    [Fact]
    public void Evaluate_InstantOverride_WinsOverTheFacts()
    {
        var result = Evaluator.Evaluate(new InstallationBuilder().Build(), EvaluationOptions.At(Instant.FromUtc(2021, 3, 1, 10, 0)));

        Assert.Equal("v11", result.Version?.Label);
        Assert.Equal(Instant.FromUtc(2021, 3, 1, 10, 0), result.AssessedAt);
    }

    [Fact]
    public void Evaluate_UnknownPinnedVersion_ThrowsKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => Evaluator.Evaluate(new InstallationBuilder().Build(), EvaluationOptions.Pinned("v99")));
    }

    [Fact]
    public void Evaluate_NullFacts_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Evaluator.Evaluate(null!));
        Assert.Throws<ArgumentNullException>(() => Evaluator.EvaluateOutcome(null!));
    }

    [Fact]
    public void Constructor_NullArguments_ThrowArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new EligibilityEvaluator(null!, EpclBuilder.Default));
        Assert.Throws<ArgumentNullException>(() => new EligibilityEvaluator(TmadCatalog.Shipped, null!));
    }

    [Fact]
    public void EvaluateOutcome_AndExplain_AgreeWithEvaluate()
    {
        var facts = new InstallationBuilder().WithGsmeContact(null).WithIgt(false).Build();
        var options = EvaluationOptions.Pinned("v11");

        var outcome = Evaluator.EvaluateOutcome(facts, options);
        var explained = Evaluator.Explain(facts, outcome, options);
        var direct = Evaluator.Evaluate(facts, options);

        Assert.Equal(direct.Outcome, outcome);
        Assert.Equal(direct.Message, explained.Message);
        Assert.Equal("COMMS-RECENT-GSME: no contact recorded; v11 window is 24h | IGT-CERTIFICATE: gas supplied through an independent Gas Transporter and no valid iGT certificate", direct.Message);
    }

    [Fact]
    public void Evaluate_EligibleInstallation_HasNoMessage()
    {
        var result = Evaluator.Evaluate(new InstallationBuilder().Build());

        Assert.Equal(Verdict.Eligible, result.Verdict);
        Assert.Equal(string.Empty, result.Message);
        Assert.Equal("INST-0001: Eligible under v17", result.ToString());
    }

    [Fact]
    public void Evaluate_WarningOnly_IsEligibleWithTheWarningExplained()
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2023, 6, 1, 10, 0)).Build();

        var result = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v29"));

        Assert.Equal(Verdict.Eligible, result.Verdict);
        Assert.Equal(RuleIds.EpclWindow, Assert.Single(result.Warnings).RuleId);
        Assert.StartsWith("assessed on 2023-06-01, more than 12 months after DMC 'DMC-TEST-0001' was added to the EPCL on 2021-03-15", result.Warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SameInputTwice_GivesEqualOutcomes()
    {
        var facts = new InstallationBuilder().WithChfContact(null).Build();

        Assert.Equal(Evaluator.EvaluateOutcome(facts), Evaluator.EvaluateOutcome(facts));
    }

    [Fact]
    public void Evaluate_FromManyThreads_GivesTheSameOutcomes()
    {
        var facts = Enumerable.Range(0, 2000).Select(i => new InstallationBuilder().WithId($"I{i}").WithChfContactAge(Duration.FromHours(i % 100)).Build()).ToArray();
        var sequential = facts.Select(f => Evaluator.EvaluateOutcome(f)).ToArray();

        var parallel = facts.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(f => Evaluator.EvaluateOutcome(f)).ToArray();

        Assert.Equal(sequential, parallel);
        Assert.Contains(sequential, o => o.Verdict == Verdict.Deferred);
    }
}
