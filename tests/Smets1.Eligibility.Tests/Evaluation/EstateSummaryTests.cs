namespace Smets1.Eligibility.Tests.Evaluation;

public sealed class EstateSummaryTests
{
    private static readonly SyntheticEstate Estate = new(seed: 11);
    private static readonly InstallationFacts[] Installations = [.. Estate.Installations(5_000)];
    private static readonly EligibilityOutcome[] Outcomes = Evaluate();

    private static EligibilityOutcome[] Evaluate()
    {
        var outcomes = new EligibilityOutcome[Installations.Length];
        new EligibilityEvaluator(Estate.Epcl).EvaluateBatch(Installations, outcomes);
        return outcomes;
    }

    [Fact]
    public void AddRange_CountsMatchAHandCount()
    {
        var summary = new EstateSummary();
        summary.AddRange(Installations, Outcomes);

        Assert.Equal(Installations.Length, summary.Total);
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            Assert.Equal(Outcomes.Count(o => o.Verdict == verdict), summary.CountOf(verdict));
        }

        Assert.Equal(Outcomes.Count(o => o.FailedRules.Contains(RuleIds.CommsRecentChf)), summary.CountOfRule(RuleIds.CommsRecentChf));
        Assert.Equal(Outcomes.Count(o => o.Warnings.Contains(RuleIds.EpclWindow)), summary.CountOfRule(RuleIds.EpclWindow));
        Assert.Equal(Installations.Count(f => f.Cohort == Cohort.FocBg), summary.ByCohort["FOC_BG"]);
        Assert.Equal(Installations.Count(f => f.Cohort is null), summary.ByCohort[EstateSummary.UnknownCohort]);
        Assert.Equal(Outcomes.Count(o => o.VersionLabel == "v11"), summary.ByVersion["v11"]);
        Assert.Equal(summary.Total, summary.ByVerdict.Values.Sum());
    }

    [Fact]
    public void Merge_OfPartitions_EqualsTheWhole()
    {
        var whole = new EstateSummary();
        whole.AddRange(Installations, Outcomes);
        var first = new EstateSummary();
        var second = new EstateSummary();
        first.AddRange(Installations.AsSpan(0, 1234), Outcomes.AsSpan(0, 1234));
        second.AddRange(Installations.AsSpan(1234), Outcomes.AsSpan(1234));

        var merged = first.Merge(second);

        Assert.Equal(whole.Total, merged.Total);
        Assert.Equal(whole.ByVerdict, merged.ByVerdict);
        Assert.Equal(whole.ByFailedRule, merged.ByFailedRule);
        Assert.Equal(whole.ByWarning, merged.ByWarning);
        Assert.Equal(whole.ByVersion, merged.ByVersion);
        Assert.Equal(whole.ByCohort, merged.ByCohort);
    }

    [Fact]
    public void ByVersion_CountsByLabel_EvenWhenTwoCataloguesGiveDifferentVersionObjectsOfOneLabel()
    {
        var relaxed = new TmadCatalogBuilder(TmadCatalog.Shipped)
            .OverrideParameters("v17", new ParameterOverrides { CommsWindow = Duration.FromHours(80), Source = "a user's reading" })
            .Build();
        var other = new EligibilityOutcome[Installations.Length];
        new EligibilityEvaluator(relaxed, Estate.Epcl).EvaluateBatch(Installations, other);
        Assert.NotSame(Outcomes.First(o => o.VersionLabel == "v17").Version, other.First(o => o.VersionLabel == "v17").Version);
        var interleaved = Outcomes.Zip(other, (a, b) => new[] { a, b }).SelectMany(pair => pair).ToArray();

        var summary = new EstateSummary();
        summary.AddRange([.. Installations.SelectMany(f => new[] { f, f })], interleaved);

        var expected = interleaved
            .GroupBy(o => o.VersionLabel ?? EstateSummary.Unresolved, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, (long)g.Count()));
        Assert.Equal(expected, summary.ByVersion);
    }

    [Fact]
    public void Add_Unresolved_IsCountedUnderItsOwnKey()
    {
        var summary = new EstateSummary();
        var evaluator = new EligibilityEvaluator(EpclBuilder.Default);
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2023, 1, 1, 0, 0)).Build();

        summary.Add(facts, evaluator.EvaluateOutcome(facts));

        Assert.Equal(1, summary.ByVersion[EstateSummary.Unresolved]);
        Assert.Equal(1, summary.CountOfRule(RuleIds.VersionUnresolved));
    }

    [Fact]
    public void AddRange_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EstateSummary().AddRange(Installations.AsSpan(0, 2), Outcomes.AsSpan(0, 1)));
    }
}
