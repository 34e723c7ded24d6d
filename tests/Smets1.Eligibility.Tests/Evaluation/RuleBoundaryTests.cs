namespace Smets1.Eligibility.Tests.Evaluation;

/// <summary>Each rule at its edges: the last passing value and the first failing one.</summary>
public sealed class RuleBoundaryTests
{
    private static readonly EligibilityEvaluator Evaluator = new(new EpclBuilder().WithDefault()
        .With("DMC-2021", new LocalDate(2021, 1, 4))
        .With("DMC-LEAP", new LocalDate(2020, 2, 29))
        .With("DMC-UNECONOMIC", new LocalDate(2021, 1, 4), uneconomicToTest: true)
        .Build());

    private static EligibilityOutcome Outcome(InstallationBuilder builder, string? pin = null) =>
        Evaluator.EvaluateOutcome(builder.Build(), new EvaluationOptions { PinnedVersion = pin });

    private static bool Fails(InstallationBuilder builder, string ruleId, string? pin = null) =>
        Outcome(builder, pin).FailedRules.Contains(ruleId);

    // --- COMMS-RECENT-CHF / COMMS-RECENT-GSME: elapsed time between instants; the edge is inside.
    [Theory]
    [InlineData("2021-11-10T10:00:00Z", 72 * 3600, false)] // v17: exactly 72 h passes
    [InlineData("2021-11-10T10:00:00Z", (72 * 3600) + 1, true)] // v17: one second more fails
    [InlineData("2021-11-10T10:00:00Z", (72 * 3600) - 1, false)] // v17: one second less passes
    [InlineData("2021-10-10T10:00:00Z", 24 * 3600, false)] // v11: exactly 24 h passes
    [InlineData("2021-10-10T10:00:00Z", (24 * 3600) + 1, true)] // v11: one second more fails
    [InlineData("2021-02-20T10:00:00Z", (24 * 3600) + 1, true)] // v9: 24 h window too
    [InlineData("2021-11-03T23:59:59Z", 25 * 3600, true)] // last second of v11: 25 h fails
    [InlineData("2021-11-04T00:00:00Z", 25 * 3600, false)] // first second of v17: 25 h passes
    public void CommsRecentChf_AtWindowEdges_FailsOnlyBeyondTheWindow(string assessedAt, int ageSeconds, bool fails)
    {
        var builder = new InstallationBuilder().AssessedAt(InstantOf(assessedAt)).WithChfContactAge(Duration.FromSeconds(ageSeconds));

        Assert.Equal(fails, Fails(builder, RuleIds.CommsRecentChf));
    }

    [Theory]
    [InlineData(72 * 3600, false)] // exactly 72 h passes
    [InlineData((72 * 3600) + 1, true)] // one second more fails
    public void CommsRecentGsme_AtWindowEdges_FailsOnlyBeyondTheWindow(int ageSeconds, bool fails)
    {
        var builder = new InstallationBuilder().WithGsmeContactAge(Duration.FromSeconds(ageSeconds));

        Assert.Equal(fails, Fails(builder, RuleIds.CommsRecentGsme));
    }

    [Fact]
    public void CommsRecentChf_NoContactRecorded_Fails()
    {
        Assert.True(Fails(new InstallationBuilder().WithChfContact(null), RuleIds.CommsRecentChf));
    }

    [Fact]
    public void CommsRecentChf_ContactAfterAssessment_IsOutsideTheWindow()
    {
        // The window is [assessed_at − window, assessed_at]: a contact recorded after the assessment instant is not
        // inside it (TMAD-RULES §5 and worked example 11), however close.
        Assert.True(Fails(new InstallationBuilder().WithChfContactAge(Duration.FromHours(-2)), RuleIds.CommsRecentChf));
        Assert.True(Fails(new InstallationBuilder().WithChfContactAge(-Duration.FromSeconds(1)), RuleIds.CommsRecentChf));
        Assert.False(Fails(new InstallationBuilder().WithChfContactAge(Duration.Zero), RuleIds.CommsRecentChf));
    }

    [Fact]
    public void CommsRecentGsme_NoGasMeter_IsNotChecked()
    {
        Assert.False(Fails(new InstallationBuilder().WithMeters(true, false).WithGsmeContact(null), RuleIds.CommsRecentGsme));
    }

    [Fact]
    public void CommsRecentGsme_Gt01UnderV17_IsStillChecked()
    {
        // GT01 takes the gas meter out only in versions holding EXCL-GT01.
        var builder = new InstallationBuilder().WithGsmeContact(null).With(f => f with { Gt01HanError = true });

        Assert.True(Fails(builder, RuleIds.CommsRecentGsme));
    }

    // 72 h before 2021-11-02T12:00Z crosses the 31 Oct 2021 clock change: elapsed time, not wall-clock time.
    [Theory]
    [InlineData("2021-10-30T12:00:00Z", false)] // exactly 72 elapsed hours (wall clock shows 73)
    [InlineData("2021-10-30T11:59:59Z", true)] // one second beyond
    [InlineData("2021-10-30T13:00:00Z", false)] // 71 elapsed hours
    public void CommsWindow_AcrossTheOctober2021ClockChange_UsesElapsedTime(string contact, bool fails)
    {
        var builder = new InstallationBuilder().AssessedAt(Instant.FromUtc(2021, 11, 2, 12, 0)).WithChfContact(InstantOf(contact));

        Assert.Equal(fails, Fails(builder, RuleIds.CommsRecentChf, "v17"));
    }

    // 24 h before 2021-03-29T12:00Z crosses the 28 Mar 2021 clock change (v11 window 24 h).
    [Theory]
    [InlineData("2021-03-28T12:00:00Z", false)] // exactly 24 elapsed hours (wall clock shows 23)
    [InlineData("2021-03-28T11:59:59Z", true)] // one second beyond
    public void CommsWindow_AcrossTheMarch2021ClockChange_UsesElapsedTime(string contact, bool fails)
    {
        var builder = new InstallationBuilder().AssessedAt(Instant.FromUtc(2021, 3, 29, 12, 0)).WithChfContact(InstantOf(contact)).WithDmc("DMC-2021");

        Assert.Equal(fails, Fails(builder, RuleIds.CommsRecentChf));
    }

    // --- COS-LOOKAHEAD: UK local dates, 0 <= d - a <= N.
    [Theory]
    [InlineData("2021-06-01T23:30:00Z", "2021-06-11", true)] // local date is 2 June (BST): 9 days ahead fails
    [InlineData("2021-06-01T23:30:00Z", "2021-06-12", false)] // 10 days ahead of 2 June passes
    [InlineData("2021-06-01T23:30:00Z", "2021-06-01", false)] // 1 June is before local 2 June: not ahead
    [InlineData("2021-06-01T23:30:00Z", "2021-06-02", true)] // same local day: d - a = 0 fails
    [InlineData("2021-06-01T22:30:00Z", "2021-06-01", true)] // 23:30 BST is still 1 June
    [InlineData("2021-06-01T10:00:00Z", "2021-06-10", true)] // N = 9: fails
    [InlineData("2021-06-01T10:00:00Z", "2021-06-09", true)] // N - 1: fails
    [InlineData("2021-06-01T10:00:00Z", "2021-06-11", false)] // N + 1: passes
    [InlineData("2021-01-27T23:30:00Z", "2021-01-29", true)] // GMT: local date is 27 Jan, v9 N = 2 fails
    [InlineData("2021-01-27T23:30:00Z", "2021-01-30", false)] // v9: N + 1 passes
    public void CosLookahead_AtEdges_ComparesUkLocalDates(string assessedAt, string planned, bool fails)
    {
        var builder = new InstallationBuilder().AssessedAt(InstantOf(assessedAt)).WithDmc("DMC-2021").WithPlannedCos(DateOf(planned));

        Assert.Equal(fails, Fails(builder, RuleIds.CosLookahead));
    }

    [Theory]
    [InlineData("2021-11-19", true)] // 9 days after 10 Nov
    [InlineData("2021-11-20", false)] // 10 days after
    public void CosLookahead_ChangeOfTenancy_CountsLikeChangeOfSupplier(string planned, bool fails)
    {
        Assert.Equal(fails, Fails(new InstallationBuilder().WithPlannedCot(DateOf(planned)), RuleIds.CosLookahead));
    }

    // --- TMAD-IN-FORCE: the expiry is inclusive in Europe/London.
    [Theory]
    [InlineData("2021-12-31T23:59:59Z", false)] // last second of 31 Dec (GMT)
    [InlineData("2022-01-01T00:00:00Z", true)] // London midnight after the expiry
    public void TmadInForce_PinnedV17AroundExpiry_FailsFromTheNextLondonMidnight(string assessedAt, bool fails)
    {
        Assert.Equal(fails, Fails(new InstallationBuilder().AssessedAt(InstantOf(assessedAt)), RuleIds.TmadInForce, "v17"));
    }

    [Theory]
    [InlineData("2025-12-31T23:59:59Z", false)] // last second of v29
    [InlineData("2026-01-01T00:00:00Z", true)] // ceased
    public void TmadInForce_V29AroundFinalExpiry_FailsFromJanuary2026(string assessedAt, bool fails)
    {
        Assert.Equal(fails, Fails(new InstallationBuilder().AssessedAt(InstantOf(assessedAt)).WithDmc("DMC-2021").InCohort(Cohort.MocSecure), RuleIds.TmadInForce, "v29"));
    }

    // --- COHORT-OPEN: last day inclusive, Europe/London.
    [Theory]
    [InlineData(Cohort.Ioc, "2023-05-31T22:59:59Z", false)] // 23:59:59 BST on 31 May: open
    [InlineData(Cohort.Ioc, "2023-05-31T23:00:00Z", true)] // midnight BST: closed
    [InlineData(Cohort.MocMds, "2022-10-31T23:59:59Z", false)] // GMT by then: open
    [InlineData(Cohort.MocMds, "2022-11-01T00:00:00Z", true)] // closed
    [InlineData(Cohort.FocNp, "2024-11-30T23:59:59Z", false)]
    [InlineData(Cohort.FocBg, "2024-12-01T00:00:00Z", true)]
    [InlineData(Cohort.MocSecure, "2025-09-30T22:59:59Z", false)] // BST
    [InlineData(Cohort.MocSecure, "2025-09-30T23:00:00Z", true)]
    public void CohortOpen_AroundClosure_ClosesAtLondonMidnight(Cohort cohort, string assessedAt, bool fails)
    {
        var builder = new InstallationBuilder().AssessedAt(InstantOf(assessedAt)).InCohort(cohort).WithDmc("DMC-2021");

        Assert.Equal(fails, Fails(builder, RuleIds.CohortOpen, "v29"));
    }

    [Fact]
    public void CohortOpen_OverriddenClosure_IsApplied()
    {
        var closures = CohortClosures.Default.WithLastDay(Cohort.MocSecure, new LocalDate(2021, 11, 9), "test override");
        var evaluator = new EligibilityEvaluator(TmadCatalog.Shipped, EpclBuilder.Default, closures);

        var outcome = evaluator.EvaluateOutcome(new InstallationBuilder().Build());

        Assert.True(outcome.FailedRules.Contains(RuleIds.CohortOpen));
    }

    // --- EPCL-LISTED and EPCL-WINDOW.
    [Theory]
    [InlineData("2021-01-03T23:59:59Z", true)] // the day before it was added
    [InlineData("2021-01-04T00:00:00Z", false)] // London midnight of the day it was added
    public void EpclListed_AroundTheDateAdded_PassesFromThatDay(string assessedAt, bool fails)
    {
        var builder = new InstallationBuilder().AssessedAt(InstantOf(assessedAt)).WithDmc("DMC-2021");

        Assert.Equal(fails, Fails(builder, RuleIds.EpclListed));
    }

    [Fact]
    public void EpclListed_DmcNotOnTheList_Fails()
    {
        Assert.True(Fails(new InstallationBuilder().WithDmc("DMC-NOPE"), RuleIds.EpclListed));
    }

    [Fact]
    public void EpclListed_DmcIdIsCaseSensitive()
    {
        Assert.True(Fails(new InstallationBuilder().WithDmc(InstallationBuilder.DefaultDmcId.ToLowerInvariant()), RuleIds.EpclListed));
    }

    [Theory]
    [InlineData("DMC-2021", "2022-01-04T23:59:59Z", false)] // 12 months to the day: inside
    [InlineData("DMC-2021", "2022-01-05T00:00:00Z", true)] // the day after: a warning
    [InlineData("DMC-LEAP", "2021-02-28T12:00:00Z", false)] // 29 Feb + 12 months is 28 Feb
    [InlineData("DMC-LEAP", "2021-03-01T12:00:00Z", true)]
    public void EpclWindow_AroundTwelveMonths_WarnsWithoutChangingTheVerdict(string dmc, string assessedAt, bool warns)
    {
        // v29 pinned: 2022 falls in the gap between shipped versions.
        var outcome = Outcome(new InstallationBuilder().AssessedAt(InstantOf(assessedAt)).WithDmc(dmc), "v29");

        Assert.Equal(warns, outcome.Warnings.Contains(RuleIds.EpclWindow));
        Assert.False(outcome.FailedRules.Contains(RuleIds.EpclWindow));
        Assert.Equal(Verdict.Eligible, outcome.Verdict);
    }

    // --- DORMANT-PROFILE-SWITCH.
    [Theory]
    [InlineData(Cohort.FocNp, MeterStatus.Dormant, ProfileDataSwitch.On, true)]
    [InlineData(Cohort.FocBg, MeterStatus.Dormant, ProfileDataSwitch.On, true)]
    [InlineData(Cohort.FocNp, MeterStatus.Dormant, ProfileDataSwitch.Off, false)]
    [InlineData(Cohort.FocNp, MeterStatus.Active, ProfileDataSwitch.On, false)] // Active meters are not covered
    [InlineData(Cohort.Ioc, MeterStatus.Dormant, ProfileDataSwitch.On, false)] // non-FOC cohorts are not covered
    public void DormantProfileSwitch_ByCohortStatusAndSwitch_FailsOnlyForDormantFocNotOff(Cohort cohort, MeterStatus status, ProfileDataSwitch position, bool fails)
    {
        var builder = new InstallationBuilder().InCohort(cohort).WithMeterStatus(status).WithProfileDataSwitch(position);

        Assert.Equal(fails, Fails(builder, RuleIds.DormantProfileSwitch));
    }

    [Fact]
    public void DormantProfileSwitch_UnknownSwitch_CountsAsNotOff()
    {
        Assert.True(Fails(new InstallationBuilder().InCohort(Cohort.FocBg).Dormant().WithProfileDataSwitch(null), RuleIds.DormantProfileSwitch));
    }

    [Fact]
    public void DormantProfileSwitch_UnderV9_IsNotHeld()
    {
        var builder = new InstallationBuilder().AssessedAt(Instant.FromUtc(2021, 2, 1, 10, 0)).WithDmc("DMC-2021").InCohort(Cohort.FocBg).Dormant().WithProfileDataSwitch(ProfileDataSwitch.On);

        Assert.False(Fails(builder, RuleIds.DormantProfileSwitch));
    }

    // --- IGT-CERTIFICATE.
    [Theory]
    [InlineData(true, false, "v11", true)]
    [InlineData(true, true, "v11", false)] // a valid certificate passes
    [InlineData(false, false, "v11", false)] // no iGT: nothing to check
    [InlineData(true, false, "v9", true)]
    [InlineData(true, false, "v17", false)] // removed at v17
    [InlineData(true, false, "v29", false)]
    public void IgtCertificate_ByVersion_IsCheckedOnlyInV9AndV11(bool igt, bool valid, string version, bool fails)
    {
        var builder = new InstallationBuilder().With(f => f with { Igt = igt, IgtCertificateValid = valid });

        Assert.Equal(fails, Fails(builder, RuleIds.IgtCertificate, version));
    }

    // --- Clause 1.6/1.8 and Clause 18 exclusions.
    [Theory]
    [InlineData("v9", false)] // the framework came with v11
    [InlineData("v11", true)]
    [InlineData("v17", true)]
    [InlineData("v29", true)]
    public void ExclDirected_ByVersion_ExcludesFromV11(string version, bool fails)
    {
        var outcome = Outcome(new InstallationBuilder().With(f => f with { DirectedExclusion = true }), version);

        Assert.Equal(fails, outcome.FailedRules.Contains(RuleIds.ExclDirected));
        if (fails)
        {
            Assert.Equal(Verdict.Excluded, outcome.Verdict);
        }
    }

    [Theory]
    [InlineData(RuleIds.ExclMasterKeys)]
    [InlineData(RuleIds.ExclNoWanPre)]
    [InlineData(RuleIds.ExclNoWanMigration)]
    public void Clause18Flags_UnderV29_ExcludeButUnderV17_AreNotHeld(string ruleId)
    {
        Func<InstallationFacts, InstallationFacts> change = ruleId switch
        {
            RuleIds.ExclMasterKeys => f => f with { MasterKeysPresent = false },
            RuleIds.ExclNoWanPre => f => f with { WanBeforeMigration = false },
            _ => f => f with { WanAtMigration = false },
        };
        var builder = new InstallationBuilder().With(change);

        var v29 = Outcome(builder, "v29");
        var v17 = Outcome(builder, "v17");

        Assert.Equal(Verdict.Excluded, v29.Verdict);
        Assert.Equal(ruleId, Assert.Single(v29.FailedRules).Id);
        Assert.Equal(Verdict.Eligible, v17.Verdict);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)] // threshold - 1
    [InlineData(5, true)] // at the threshold
    [InlineData(6, true)]
    public void ExclFailedAttempts_AroundTheThreshold_ExcludesFromFive(int attempts, bool fails)
    {
        Assert.Equal(fails, Fails(new InstallationBuilder().WithFailedAttempts(attempts), RuleIds.ExclFailedAttempts, "v29"));
    }

    [Fact]
    public void ExclUneconomicDmc_UneconomicEntryUnderV29_Excludes()
    {
        var outcome = Outcome(new InstallationBuilder().WithDmc("DMC-UNECONOMIC"), "v29");

        Assert.Equal(Verdict.Excluded, outcome.Verdict);
        Assert.True(outcome.FailedRules.Contains(RuleIds.ExclUneconomicDmc));
    }

    [Theory]
    [InlineData(DormancyCause.SmsoContractTerminated, true, true)]
    [InlineData(DormancyCause.ChangeOfSupplier, true, false)] // a CoS-caused dormancy never matches
    [InlineData(DormancyCause.SmsoContractTerminated, false, false)] // no supplier statement
    public void ExclActiveToDormant_ByCauseAndStatement_MatchesOnlySmsoTerminationWithStatement(DormancyCause cause, bool statement, bool fails)
    {
        var builder = new InstallationBuilder().Dormant(cause).With(f => f with { SupplierStatementNotMigratable = statement });

        Assert.Equal(fails, Fails(builder, RuleIds.ExclActiveToDormant, "v29"));
    }

    [Fact]
    public void ExclActiveToDormant_UnknownCause_DoesNotMatch()
    {
        var builder = new InstallationBuilder().Dormant(null).With(f => f with { SupplierStatementNotMigratable = true });

        Assert.False(Fails(builder, RuleIds.ExclActiveToDormant, "v29"));
    }

    [Fact]
    public void ExclGt01_WithOtherExclusion_VerdictIsTheMostSevere()
    {
        var builder = new InstallationBuilder().With(f => f with { Gt01HanError = true, MasterKeysPresent = false });

        var outcome = Outcome(builder, "v29");

        Assert.Equal(Verdict.Excluded, outcome.Verdict);
        Assert.Equal(2, outcome.FailedRules.Count);
    }

    [Fact]
    public void ExclGt01_WithoutGasMeter_DoesNotApply()
    {
        var builder = new InstallationBuilder().WithMeters(true, false).With(f => f with { Gt01HanError = true });

        Assert.Equal(Verdict.Eligible, Outcome(builder, "v29").Verdict);
    }

    internal static Instant InstantOf(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value;

    internal static LocalDate DateOf(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
