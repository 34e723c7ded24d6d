namespace Smets1.Eligibility.Tests.Evaluation;

/// <summary>Instants and dates at the ends of the calendar through the API: a correct answer or a documented exception, never an overflow from inside.</summary>
public sealed class ExtremeValuesTests
{
    private static readonly EligibilityEvaluator Evaluator = new(new EpclBuilder().WithDefault().With("DMC-END", new LocalDate(9999, 12, 31)).Build());

    public static TheoryData<string> Extremes => ["max", "min"];

    [Theory]
    [MemberData(nameof(Extremes))]
    public void Evaluate_AssessedAtTheEndsOfTime_AnswersOrThrowsArgumentOutOfRange(string which)
    {
        var at = which == "max" ? Instant.MaxValue : Instant.MinValue;
        var facts = new InstallationBuilder().Build() with { AssessedAt = at };

        try
        {
            var result = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v17"));
            Assert.NotEqual(Verdict.Eligible, result.Verdict); // far outside v17's window either way
        }
        catch (ArgumentOutOfRangeException e)
        {
            Assert.Contains("assessed_at", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_ContactsAndPlansAtTheEndsOfTime_AreAnswered()
    {
        var facts = new InstallationBuilder().Build() with
        {
            ChfLastContact = Instant.MinValue,
            GsmeLastContact = Instant.MaxValue,
            PlannedCosDate = new LocalDate(9999, 12, 31),
            PlannedCotDate = new LocalDate(-9998, 1, 1),
        };

        var result = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v17"));

        Assert.Equal([RuleIds.CommsRecentChf, RuleIds.CommsRecentGsme], result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Evaluate_DmcAddedOnTheLastDayOfTheCalendar_IsNotListedYet()
    {
        var facts = new InstallationBuilder().WithDmc("DMC-END").Build();

        Assert.Contains(RuleIds.EpclListed, Evaluator.Evaluate(facts).Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Build_VersionTakingEffectOnTheLastDay_IsAcceptedAndResolves()
    {
        var catalog = new TmadCatalogBuilder().Register(new VersionDefinition
        {
            Label = "end",
            BasedOn = "v29",
            EffectiveFrom = new LocalDate(9999, 12, 31),
            Expiry = new LocalDate(9999, 12, 31),
            Source = "test",
        }).Build();

        Assert.Equal("end", catalog.Resolve(Instant.MaxValue).Version?.Label);
    }

    [Fact]
    public void Explain_OutcomeFromAnotherEvaluator_ThrowsArgumentException()
    {
        var other = new EligibilityEvaluator(new TmadCatalogBuilder().Register(new VersionDefinition
        {
            Label = "other",
            BasedOn = "v17",
            EffectiveFrom = new LocalDate(2021, 11, 5),
            Source = "test",
        }).Build(), EpclBuilder.Default);
        var facts = new InstallationBuilder().Build();
        var outcome = other.EvaluateOutcome(facts, EvaluationOptions.Pinned("other"));

        var error = Assert.Throws<ArgumentException>(() => Evaluator.Explain(facts, outcome));
        Assert.Contains("other", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_MadeUpOutcome_ThrowsArgumentException()
    {
        var facts = new InstallationBuilder().Build();
        var madeUp = new EligibilityOutcome(Verdict.Excluded, TmadCatalog.Shipped.RuleSetOf(RuleIds.ExclGt01), RuleSet.Empty, TmadCatalog.Shipped.Get("v17"));

        Assert.Throws<ArgumentException>(() => Evaluator.Explain(facts, madeUp));
    }

    [Fact]
    public void Evaluate_DmcIdWithSurroundingSpaces_MatchesTheEpclAsTheToolDoes()
    {
        var facts = new InstallationBuilder().Build();
        var spaced = facts with { DmcId = " \t" + facts.DmcId + " " };

        Assert.Equal(Evaluator.Evaluate(facts).Verdict, Evaluator.Evaluate(spaced).Verdict);
    }
}
