namespace Smets1.Eligibility.Tests.Evaluation;

/// <summary>The Testing package's assertions explain a wrong expectation with the result's own messages.</summary>
public sealed class EligibilityAssertTests
{
    private static readonly EligibilityEvaluator Evaluator = new(EpclBuilder.Default);

    [Fact]
    public void Verdict_Wrong_ExplainsTheActualResultWithItsMessages()
    {
        var stale = new InstallationBuilder().WithId("STALE").WithChfContactAge(Duration.FromHours(100)).Build();

        var error = Assert.Throws<EligibilityAssertionException>(() => EligibilityAssert.Verdict(Evaluator, stale, Verdict.Eligible));

        Assert.StartsWith("Installation 'STALE': expected Eligible, but the verdict is Deferred.", error.Message, StringComparison.Ordinal);
        Assert.Contains("result: Deferred under v17, assessed at 2021-11-10T10:00:00Z", error.Message, StringComparison.Ordinal);
        Assert.Contains("failed: COMMS-RECENT-CHF: last contact", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FailsAndPasses_HoldingExpectations_ReturnTheResult()
    {
        var stale = new InstallationBuilder().WithChfContactAge(Duration.FromHours(100)).Build();

        Assert.Equal(Verdict.Deferred, EligibilityAssert.Fails(Evaluator, stale, RuleIds.CommsRecentChf).Verdict);
        Assert.Equal(Verdict.Deferred, EligibilityAssert.Passes(Evaluator, stale, RuleIds.EpclListed).Verdict);
        Assert.Contains("expected EPCL-LISTED to fail, but it did not", Assert.Throws<EligibilityAssertionException>(() => EligibilityAssert.Fails(Evaluator, stale, RuleIds.EpclListed)).Message, StringComparison.Ordinal);
        Assert.Contains("expected COMMS-RECENT-CHF to pass, but it failed", Assert.Throws<EligibilityAssertionException>(() => EligibilityAssert.Passes(Evaluator, stale, RuleIds.CommsRecentChf)).Message, StringComparison.Ordinal);
    }
}
