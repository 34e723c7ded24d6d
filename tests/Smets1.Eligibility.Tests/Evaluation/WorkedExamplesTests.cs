namespace Smets1.Eligibility.Tests.Evaluation;

/// <summary>The worked examples of TMAD-RULES §7, each its own test.</summary>
public sealed class WorkedExamplesTests
{
    private static readonly EligibilityEvaluator Evaluator = new(new EpclBuilder().WithDefault()
        .With("DMC-FOC", new LocalDate(2021, 3, 15))
        .With("DMC-OLD", new LocalDate(2020, 6, 1))
        .With("DMC-RECENT", new LocalDate(2023, 1, 10))
        .Build());

    private static InstallationBuilder Foc(Instant at) => new InstallationBuilder()
        .AssessedAt(at).InCohort(Cohort.FocNp).Active().WithDmc("DMC-FOC")
        .WithChfContactAge(Duration.FromHours(48)).WithGsmeContactAge(Duration.FromHours(48));

    [Fact]
    public void Example1_FocWith48HourOldContactsInNovember_IsEligibleUnderV17()
    {
        var result = Evaluator.Evaluate(Foc(Instant.FromUtc(2021, 11, 10, 10, 0)).Build());

        Assert.Equal("v17", result.Version?.Label);
        Assert.Equal(Verdict.Eligible, result.Verdict);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public void Example1_SameFactsInOctober_IsDeferredUnderV11ForBothContacts()
    {
        var result = Evaluator.Evaluate(Foc(Instant.FromUtc(2021, 10, 10, 10, 0)).Build());

        Assert.Equal("v11", result.Version?.Label);
        Assert.Equal(Verdict.Deferred, result.Verdict);
        Assert.Equal([RuleIds.CommsRecentChf, RuleIds.CommsRecentGsme], result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Example2_CosFiveDaysAheadUnderV9_PassesTheTwoDayLookahead()
    {
        var at = Instant.FromUtc(2021, 2, 20, 10, 0);
        var result = Evaluator.Evaluate(Foc(at).WithDmc("DMC-OLD").WithPlannedCos(new LocalDate(2021, 2, 25)).Build());

        Assert.Equal("v9", result.Version?.Label);
        Assert.False(result.Outcome.FailedRules.Contains(RuleIds.CosLookahead));
    }

    [Fact]
    public void Example2_CosFiveDaysAheadUnderV11_IsDeferredByTheNineDayLookahead()
    {
        var at = Instant.FromUtc(2021, 3, 1, 10, 0);
        var result = Evaluator.Evaluate(Foc(at).WithDmc("DMC-OLD").WithChfContactAge(Duration.FromHours(1)).WithGsmeContactAge(Duration.FromHours(1))
            .WithPlannedCos(new LocalDate(2021, 3, 6)).Build());

        Assert.Equal("v11", result.Version?.Label);
        Assert.Equal(Verdict.Deferred, result.Verdict);
        Assert.Equal([RuleIds.CosLookahead], result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Example3_IgtWithoutCertificateOnNovember3_IsIneligibleUnderV11()
    {
        var result = Evaluator.Evaluate(new InstallationBuilder().AssessedAt(Instant.FromUtc(2021, 11, 3, 12, 0)).WithIgt(certificateValid: false).WithDmc("DMC-OLD").Build());

        Assert.Equal("v11", result.Version?.Label);
        Assert.Equal(Verdict.Ineligible, result.Verdict);
        Assert.Equal([RuleIds.IgtCertificate], result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Example3_IgtWithoutCertificateOnNovember4_IsNotCheckedUnderV17()
    {
        var result = Evaluator.Evaluate(new InstallationBuilder().AssessedAt(Instant.FromUtc(2021, 11, 4, 12, 0)).WithIgt(certificateValid: false).WithDmc("DMC-OLD").Build());

        Assert.Equal("v17", result.Version?.Label);
        Assert.Equal(Verdict.Eligible, result.Verdict);
    }

    [Fact]
    public void Example4_DormantFocBgWithSwitchOn_IsIneligible()
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2021, 6, 1, 10, 0)).InCohort(Cohort.FocBg).Dormant()
            .WithProfileDataSwitch(ProfileDataSwitch.On).WithDmc("DMC-FOC").Build();

        var result = Evaluator.Evaluate(facts);

        Assert.Equal(Verdict.Ineligible, result.Verdict);
        Assert.Equal([RuleIds.DormantProfileSwitch], result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Example4_SameMeterInMocSecure_IsNotFailedByTheSwitchRule()
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2021, 6, 1, 10, 0)).InCohort(Cohort.MocSecure).Dormant()
            .WithProfileDataSwitch(ProfileDataSwitch.On).WithDmc("DMC-FOC").Build();

        var result = Evaluator.Evaluate(facts);

        Assert.False(result.Outcome.FailedRules.Contains(RuleIds.DormantProfileSwitch));
        Assert.Equal(Verdict.Eligible, result.Verdict);
    }

    [Fact]
    public void Example5_AssessedInTheGapWithNothingPinned_IsIndeterminateVersionUnresolved()
    {
        var result = Evaluator.Evaluate(new InstallationBuilder().AssessedAt(Instant.FromUtc(2022, 6, 1, 10, 0)).Build());

        Assert.Null(result.Version);
        Assert.Equal(Verdict.Indeterminate, result.Verdict);
        Assert.Equal([RuleIds.VersionUnresolved], result.Failures.Select(f => f.RuleId));
        Assert.Contains("2022-06-01", result.Failures[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Example5_AssessedInTheGapPinnedToV17_IsIneligibleTmadInForce()
    {
        var result = Evaluator.Evaluate(new InstallationBuilder().AssessedAt(Instant.FromUtc(2022, 6, 1, 10, 0)).Build(), EvaluationOptions.Pinned("v17"));

        Assert.Equal("v17", result.Version?.Label);
        Assert.Equal(Verdict.Ineligible, result.Verdict);
        Assert.Contains(RuleIds.TmadInForce, result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Example6_MocSecureOnNovember3_2025_IsIneligibleCohortClosedUnderV29()
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2025, 11, 3, 10, 0)).InCohort(Cohort.MocSecure).WithDmc("DMC-RECENT").Build();

        var result = Evaluator.Evaluate(facts);

        Assert.Equal("v29", result.Version?.Label);
        Assert.Equal(Verdict.Ineligible, result.Verdict);
        Assert.Contains(RuleIds.CohortOpen, result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Example7_Gt01WithEsmeAndGsmePinnedToV29_IsEligibleElectricityOnlyAndGsmeCommsNotEvaluated()
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2023, 6, 1, 10, 0)).InCohort(Cohort.MocSecure).WithDmc("DMC-RECENT")
            .WithGsmeContact(null).With(f => f with { Gt01HanError = true }).Build();

        var result = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v29"));

        Assert.Equal(Verdict.EligibleElectricityOnly, result.Verdict);
        Assert.Equal([RuleIds.ExclGt01], result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Example7_Gt01WithoutEsmePinnedToV29_IsExcluded()
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2023, 6, 1, 10, 0)).InCohort(Cohort.MocSecure).WithDmc("DMC-RECENT")
            .WithMeters(hasEsme: false, hasGsme: true).With(f => f with { Gt01HanError = true }).Build();

        var result = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v29"));

        Assert.Equal(Verdict.Excluded, result.Verdict);
        Assert.Equal(RuleOutcome.Excluded, Assert.Single(result.Failures).Outcome);
    }

    [Fact]
    public void Example8_FiveFailedAttemptsPinnedToV29_IsExcluded()
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2023, 6, 1, 10, 0)).InCohort(Cohort.MocSecure).WithDmc("DMC-RECENT").WithFailedAttempts(5).Build();

        var result = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v29"));

        Assert.Equal(Verdict.Excluded, result.Verdict);
        Assert.Equal([RuleIds.ExclFailedAttempts], result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Example8_FourFailedAttemptsPinnedToV29_IsNotExcluded()
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2023, 6, 1, 10, 0)).InCohort(Cohort.MocSecure).WithDmc("DMC-RECENT").WithFailedAttempts(4).Build();

        var result = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v29"));

        Assert.Equal(Verdict.Eligible, result.Verdict);
    }

    [Fact]
    public void Example9_ChfContactExactly72HoursBeforeUnderV17_Passes()
    {
        var result = Evaluator.Evaluate(new InstallationBuilder().WithChfContactAge(Duration.FromHours(72)).Build());

        Assert.Equal("v17", result.Version?.Label);
        Assert.Equal(Verdict.Eligible, result.Verdict);
    }

    [Fact]
    public void Example9_ChfContact72HoursAndOneSecondBeforeUnderV17_IsDeferred()
    {
        var result = Evaluator.Evaluate(new InstallationBuilder().WithChfContactAge(Duration.FromHours(72) + Duration.FromSeconds(1)).Build());

        Assert.Equal(Verdict.Deferred, result.Verdict);
        Assert.Equal([RuleIds.CommsRecentChf], result.Failures.Select(f => f.RuleId));
    }

    [Theory]
    [InlineData(Cohort.Ioc)]
    [InlineData(Cohort.MocMds)]
    [InlineData(Cohort.MocSecure)]
    [InlineData(Cohort.FocNp)]
    [InlineData(Cohort.FocBg)]
    public void Example10_EvaluatedOnNewYear2026InAnyCohort_IsIneligibleTmadInForceUnderV29(Cohort cohort)
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2026, 1, 1, 10, 0)).InCohort(cohort).WithDmc("DMC-RECENT").Build();

        var result = Evaluator.Evaluate(facts);

        Assert.Equal("v29", result.Version?.Label);
        Assert.Equal(Verdict.Ineligible, result.Verdict);
        Assert.Contains(RuleIds.TmadInForce, result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Example11_HubContactRecordedAfterTheAssessment_IsDeferredSayingSo()
    {
        var at = Instant.FromUtc(2021, 11, 10, 10, 0);
        var facts = Foc(at).Build() with { ChfLastContact = Instant.FromUtc(2021, 11, 12, 8, 0) };

        var result = Evaluator.Evaluate(facts);

        Assert.Equal("v17", result.Version?.Label);
        Assert.Equal(Verdict.Deferred, result.Verdict);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(RuleIds.CommsRecentChf, failure.RuleId);
        Assert.Contains("is after the assessment", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Example11_GasContactRecordedAfterTheAssessment_IsOutsideTheWindowToo()
    {
        var at = Instant.FromUtc(2021, 11, 10, 10, 0);
        var facts = Foc(at).Build() with { GsmeLastContact = at + Duration.FromSeconds(1) };

        Assert.Equal([RuleIds.CommsRecentGsme], Evaluator.Evaluate(facts).Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Example13_Gt01WithEsmeAndNoGsmePinnedToV29_Passes()
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2023, 6, 1, 10, 0)).InCohort(Cohort.MocSecure).WithDmc("DMC-RECENT")
            .WithMeters(hasEsme: true, hasGsme: false).With(f => f with { Gt01HanError = true }).Build();

        var result = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v29"));

        Assert.Equal(Verdict.Eligible, result.Verdict);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public void Example14_BlankCohortAndDmcNotOnTheEpclPinnedToV17_IsIneligibleWithDataIncomplete()
    {
        var facts = Foc(Instant.FromUtc(2021, 11, 10, 10, 0)).InCohort(null).WithDmc("DMC-NOT-LISTED").Build();

        var result = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v17"));

        Assert.Equal(Verdict.Ineligible, result.Verdict);
        Assert.Equal([RuleIds.DataIncomplete, RuleIds.EpclListed], result.Failures.Select(f => f.RuleId));
    }
}
