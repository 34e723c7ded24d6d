using Smets1.Eligibility.Benchmarks;

namespace Smets1.Eligibility.Tests.Evaluation;

public sealed class BulkEvaluationTests
{
    private static readonly SyntheticEstate Estate = new(seed: 7);
    private static readonly InstallationFacts[] Installations = [.. Estate.Installations(20_000)];
    private static readonly EligibilityEvaluator Evaluator = new(Estate.Epcl);

    [Fact]
    public void EvaluateBatch_EqualsOneByOne_InOrder()
    {
        var results = new EligibilityOutcome[Installations.Length];

        Evaluator.EvaluateBatch(Installations, results);

        Assert.Equal(Installations.Select(f => Evaluator.EvaluateOutcome(f)), results);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(-1)]
    public void EvaluateParallel_EqualsSequential_InOrder(int threads)
    {
        var sequential = new EligibilityOutcome[Installations.Length];
        var parallel = new EligibilityOutcome[Installations.Length];
        var options = EvaluationOptions.Pinned("v17");

        Evaluator.EvaluateBatch(Installations, sequential, options);
        Evaluator.EvaluateParallel(Installations, parallel, threads, options);

        Assert.Equal(sequential, parallel);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2047, 2)]
    [InlineData(2048, 2)]
    [InlineData(2049, 2)]
    [InlineData(6145, 3)]
    [InlineData(19_999, 4)]
    public void EvaluateParallel_AnyLengthAndThreadCount_WritesEveryOutcomeOnce(int length, int threads)
    {
        var installations = Installations.AsMemory(0, length);
        var sequential = new EligibilityOutcome[length];
        var parallel = new EligibilityOutcome[length + 1]; // the slot past the batch must stay untouched
        var options = EvaluationOptions.Pinned("v17");

        Evaluator.EvaluateBatch(installations.Span, sequential, options);
        Evaluator.EvaluateParallel(installations, parallel, threads, options);

        Assert.Equal(sequential, parallel[..length]);
        Assert.Equal(default, parallel[length]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EvaluateMany_EqualsBatch_InOrder(int threads)
    {
        var batch = new EligibilityOutcome[Installations.Length];
        Evaluator.EvaluateBatch(Installations, batch);

        var streamed = Evaluator.EvaluateMany(Installations, default, threads).ToArray();

        Assert.Equal(Installations, streamed.Select(s => s.Facts));
        Assert.Equal(batch, streamed.Select(s => s.Outcome));
    }

    [Fact]
    public async Task EvaluateManyAsync_EqualsBatch_InOrder()
    {
        var batch = new EligibilityOutcome[Installations.Length];
        Evaluator.EvaluateBatch(Installations, batch);

        var streamed = new List<EligibilityOutcome>();
        await foreach (var item in Evaluator.EvaluateManyAsync(Installations.ToAsyncEnumerable()))
        {
            streamed.Add(item.Outcome);
        }

        Assert.Equal(batch, streamed);
    }

    [Fact]
    public void EvaluateMany_IsLazy()
    {
        static IEnumerable<InstallationFacts> Endless()
        {
            for (var i = 0; ; i++)
            {
                yield return new InstallationBuilder().WithId($"E{i}").Build();
            }
        }

        Assert.Equal(5, Evaluator.EvaluateMany(Endless()).Take(5).Count());
    }

    [Fact]
    public void EvaluateBatch_ResultsBufferTooShort_ThrowsArgumentExceptionSayingHowLong()
    {
        var error = Assert.Throws<ArgumentException>(() => Evaluator.EvaluateBatch(Installations.AsSpan(0, 10), new EligibilityOutcome[9]));

        Assert.Contains("at least 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateBatch_NullInstallation_ThrowsNamingItsIndex()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Evaluator.EvaluateBatch(new InstallationFacts[] { Installations[0], null! }, new EligibilityOutcome[2]));

        Assert.Contains("Installation 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateParallel_NullInstallation_ThrowsTheSameUnwrappedErrorNamingItsIndexInTheWholeBatch()
    {
        var installations = Installations.ToArray();
        installations[12_345] = null!;

        var error = Assert.Throws<ArgumentNullException>(() => Evaluator.EvaluateParallel(installations, new EligibilityOutcome[installations.Length], 2));

        Assert.Contains("Installation 12345 of the batch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateMany_Parallel_NullInstallation_ThrowsNamingItsIndexInTheSequence()
    {
        var installations = Installations.ToArray();
        installations[19_000] = null!;

        var error = Assert.Throws<ArgumentNullException>(() => Evaluator.EvaluateMany(installations, default, 2).Count());

        Assert.Contains("Installation 19000 of the sequence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateParallel_ZeroThreads_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.EvaluateParallel(Installations, new EligibilityOutcome[Installations.Length], 0));
    }

    [Fact]
    public void Explain_OnlyTheFailures_MatchesFullEvaluation()
    {
        var results = new EligibilityOutcome[1000];
        Evaluator.EvaluateBatch(Installations.AsSpan(0, 1000), results);

        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Verdict != Verdict.Eligible)
            {
                Assert.Equal(Evaluator.Evaluate(Installations[i]).Message, Evaluator.Explain(Installations[i], results[i]).Message);
            }
        }
    }

    [Fact]
    public void HandWrittenBaseline_AndLibrary_GiveIdenticalResultsOnTheBenchmarkData()
    {
        var installations = BenchmarkData.Create();
        var library = new EligibilityOutcome[installations.Length];
        var handWritten = new EligibilityOutcome[installations.Length];

        new EligibilityEvaluator(BenchmarkData.Estate.Epcl).EvaluateBatch(installations, library, EvaluationOptions.Pinned("v17"));
        new HandWrittenV17(BenchmarkData.Estate.Epcl, CohortClosures.Default).EvaluateBatch(installations, handWritten);

        var firstDifference = Array.FindIndex(library, i => false);
        for (var i = 0; i < library.Length; i++)
        {
            if (library[i] != handWritten[i])
            {
                Assert.Fail($"Row {i} ({installations[i].InstallationId}): library {library[i]} but hand-written {handWritten[i]}.");
            }
        }

        Assert.Equal(-1, firstDifference);
    }

    [Fact]
    public void BenchmarkData_IsARealisticMix_AboutThirtyPercentFailingUnderResolution()
    {
        var installations = BenchmarkData.Create(100_000);
        var results = new EligibilityOutcome[installations.Length];
        new EligibilityEvaluator(BenchmarkData.Estate.Epcl).EvaluateBatch(installations, results);
        var summary = new EstateSummary();
        summary.AddRange(installations, results);

        var failing = (double)(summary.Total - summary.CountOf(Verdict.Eligible)) / summary.Total;
        Assert.InRange(failing, 0.25, 0.35);
        Assert.Equal(["v11", "v17", "v9"], summary.ByVersion.Keys);
        Assert.All(Enum.GetValues<Verdict>().Where(v => v != Verdict.EligibleElectricityOnly), v => Assert.True(summary.CountOf(v) > 0, v.ToString()));
    }
}
