using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using Smets1.Eligibility.NRules;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Testing;

namespace Smets1.Eligibility.Tests.NRules;

/// <summary>Exporting a version as NRules rules and running it in a session, alone and beside a supplier's own rules.</summary>
public sealed class NRulesExportTests
{
    private static readonly EligibilityEvaluator Evaluator = new(EpclBuilder.Default);

    private static ISession Session(params Type[] ownRules)
    {
        var repository = new RuleRepository();
        repository.Add(NRulesExporter.Export(Evaluator, "v17"));
        if (ownRules.Length > 0)
        {
            repository.Load(spec => spec.From(ownRules));
        }

        return repository.Compile().CreateSession();
    }

    [Fact]
    public void NRules_Export_V17_IsOneNRulesRulePerCheck_NamedByRuleId()
    {
        var set = NRulesExporter.Export(Evaluator, "v17");
        var names = set.Rules.Select(r => r.Name).ToArray();

        Assert.Equal("TMAD v17", set.Name);
        Assert.Equal("TMAD v17: assess", names[0]);
        Assert.Equal("TMAD v17: verdict", names[^1]);
        Assert.Contains("TMAD v17: DATA-INCOMPLETE", names);
        Assert.Contains("TMAD v17: COMMS-RECENT-CHF", names);
        Assert.Contains("TMAD v17: EPCL-LISTED", names);
        Assert.DoesNotContain("TMAD v17: EXCL-GT01", names); // a v29 rule
        var check = set.Rules.Single(r => r.Name == "TMAD v17: COMMS-RECENT-CHF");
        Assert.Equal(NRulesExporter.CheckPriority, check.Priority);
        Assert.Equal("COMMS-RECENT-CHF", check.Properties["tmad.rule"]);
    }

    [Fact]
    public void NRules_Export_Session_InsertsAFactPerFailedCheckAndTheEvaluatorsResult()
    {
        var session = Session();
        var stale = new InstallationBuilder().WithId("STALE").WithChfContactAge(NodaTime.Duration.FromHours(100)).Build();
        session.Insert(stale);
        session.Insert(EpclBuilder.Default);

        session.Fire();

        var failure = Assert.Single(session.Query<TmadCheckFailure>());
        Assert.Equal("COMMS-RECENT-CHF", failure.RuleId);
        Assert.Same(stale, failure.Installation);
        var result = Assert.Single(session.Query<TmadResult>());
        Assert.Equal(Evaluator.EvaluateOutcome(stale, EvaluationOptions.Pinned("v17")), result.Outcome);
        Assert.Equal(Verdict.Deferred, result.Verdict);
    }

    [Fact]
    public void NRules_Export_SuppliersOwnRule_ActsOnTheTmadResultInTheSameSession()
    {
        var session = Session(typeof(BookEligibleMigration));
        var eligible = new InstallationBuilder().WithId("OK").Build();
        var stale = new InstallationBuilder().WithId("STALE").WithChfContactAge(NodaTime.Duration.FromHours(100)).Build();
        session.InsertAll([eligible, stale, EpclBuilder.Default]);

        session.Fire();

        var booked = Assert.Single(session.Query<MigrationBooking>());
        Assert.Equal("OK", booked.InstallationId);
    }

    [Fact]
    public void NRules_Export_RetractingAnInstallation_RetractsItsAssessmentFailuresAndResult()
    {
        var session = Session();
        var stale = new InstallationBuilder().WithChfContactAge(NodaTime.Duration.FromHours(100)).Build();
        session.InsertAll([stale, EpclBuilder.Default]);
        session.Fire();

        session.Retract(stale);
        session.Fire();

        Assert.Empty(session.Query<TmadAssessment>());
        Assert.Empty(session.Query<TmadCheckFailure>());
        Assert.Empty(session.Query<TmadResult>());
    }

    [Fact]
    public void NRules_Export_WithoutAssessmentInstant_IsIndeterminateWithDataIncompleteOnly()
    {
        var session = Session();
        var unknown = new InstallationBuilder().AssessedAt(null).Build();
        session.InsertAll([unknown, EpclBuilder.Default]);

        session.Fire();

        var result = Assert.Single(session.Query<TmadResult>());
        Assert.Equal(Verdict.Indeterminate, result.Verdict);
        Assert.Equal("DATA-INCOMPLETE", Assert.Single(session.Query<TmadCheckFailure>()).RuleId);
        Assert.Equal(Evaluator.EvaluateOutcome(unknown, EvaluationOptions.Pinned("v17")), result.Outcome);
    }

    [Fact]
    public void NRules_Export_TheEpclInTheSession_IsTheOneTheChecksRead()
    {
        var session = Session();
        var facts = new InstallationBuilder().Build();
        session.InsertAll([facts, Epcl.Empty]);

        session.Fire();

        Assert.Equal("EPCL-LISTED", Assert.Single(session.Query<TmadCheckFailure>()).RuleId);
        Assert.Equal(Verdict.Ineligible, Assert.Single(session.Query<TmadResult>()).Verdict);
    }

    [Fact]
    public void NRules_Export_UnknownVersion_ThrowsNamingIt()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => NRulesExporter.Export(Evaluator, "v99"));

        Assert.Contains("v99", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>A supplier's own NRules rule: books the migration of every installation the TMAD found eligible.</summary>
public sealed class BookEligibleMigration : Rule
{
    public override void Define()
    {
        TmadResult result = null!;
        When().Match(() => result, r => r.Verdict == Verdict.Eligible);
        Then().Do(ctx => ctx.Insert(new MigrationBooking(result.Installation.InstallationId)));
    }
}

/// <summary>What <see cref="BookEligibleMigration"/> inserts.</summary>
public sealed record MigrationBooking(string InstallationId);
