using Smets1.Eligibility.Remedies;

namespace Smets1.Eligibility.Tests.Remedies;

/// <summary>Remedies and the earliest eligible instant (AUDIT.md §2), on the contract's examples.</summary>
public sealed class RemedyFinderTests
{
    private static readonly Epcl Epcl = new EpclBuilder().With("DMC-FOC-0001", new LocalDate(2021, 3, 15)).With("DMC-LATE", new LocalDate(2021, 12, 1)).Build();
    private static readonly EligibilityEvaluator Evaluator = new(Epcl);
    private static readonly RemedyFinder Finder = new(Evaluator);

    private static InstallationFacts At(int month, int day, Action<InstallationBuilder>? more = null)
    {
        var builder = new InstallationBuilder().AssessedAt(Instant.FromUtc(2021, month, day, 10, 0)).WithDmc("DMC-FOC-0001");
        more?.Invoke(builder);
        return builder.Build();
    }

    [Fact]
    public void Find_StaleHubContact_IsAFactRemedyAtTheWindowEdge()
    {
        // Assessed 2021-11-10T10:00Z under v17 (72 h): the hub must have been seen at or after 2021-11-07T10:00Z.
        var facts = At(11, 10) with { ChfLastContact = Instant.FromUtc(2021, 11, 1, 10, 0) };

        var report = Finder.Find(facts);

        var remedy = Assert.Single(report.Remedies);
        Assert.Equal("COMMS-RECENT-CHF: fact: chf_last_contact at or after 2021-11-07T10:00:00Z", remedy.ToString());
        Assert.Equal(RemedyKind.Fact, remedy.Kind);
        Assert.Null(report.EarliestEligible); // contacts only grow older
    }

    [Fact]
    public void Find_ChangeOfSupplierPlanned_IsAWaitUntilItHasPassed_AndTheEarliestInstantFollows()
    {
        // CoS planned 2021-11-15, assessed 2021-11-10 (v17, 9 days): it passes from 2021-11-16 00:00 Europe/London.
        var facts = At(11, 10) with
        {
            PlannedCosDate = new LocalDate(2021, 11, 15),
            ChfLastContact = Instant.FromUtc(2021, 11, 20, 0, 0), // recorded after the assessment: passes once re-assessed after it
            GsmeLastContact = Instant.FromUtc(2021, 11, 20, 0, 0),
        };

        var report = Finder.Find(facts);

        Assert.Contains("COS-LOOKAHEAD: wait: re-assess on or after 2021-11-16 (Europe/London)", report.Remedies.Select(r => r.ToString()));
        Assert.Equal(Instant.FromUtc(2021, 11, 20, 0, 0), report.EarliestEligible);
        Assert.Equal("v17", report.EarliestVersion);
        Assert.Equal(Verdict.Eligible, report.EarliestVerdict);
    }

    [Fact]
    public void Find_AfterTheFinalExpiry_IsNone()
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2026, 1, 5, 10, 0)).WithDmc("DMC-FOC-0001").Build();

        var report = Finder.Find(facts);

        Assert.Contains("TMAD-IN-FORCE: none (v29 expired 2025-12-31)", report.Remedies.Select(r => r.ToString()));
        Assert.Null(report.EarliestEligible);
    }

    [Fact]
    public void Find_DmcAddedToTheEpclLater_WaitsForItsDate()
    {
        var facts = At(11, 10, b => b.WithDmc("DMC-LATE"));

        var report = Finder.Find(facts);

        Assert.Contains("EPCL-LISTED: wait: re-assess on or after 2021-12-01 (Europe/London)", report.Remedies.Select(r => r.ToString()));
    }

    [Fact]
    public void Find_MissingCohort_SuppliesIt()
    {
        var facts = At(11, 10) with { Cohort = null };

        Assert.Contains("DATA-INCOMPLETE: fact: supply cohort", Finder.Find(facts).Remedies.Select(r => r.ToString()));
    }

    [Fact]
    public void Find_FiveFailedAttemptsUnderV29_IsFourAttempts()
    {
        var options = EvaluationOptions.Pinned("v29") with { AssessedAt = Instant.FromUtc(2023, 6, 1, 10, 0) };
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2023, 6, 1, 10, 0)).WithDmc("DMC-FOC-0001").Build() with
        {
            Cohort = Smets1.Eligibility.Cohort.MocSecure,
            FailedMigrationAttempts = 5,
        };

        var report = Finder.Find(facts, options);

        Assert.Contains("EXCL-FAILED-ATTEMPTS: fact: failed_migration_attempts at or before 4", report.Remedies.Select(r => r.ToString()));
    }
}
