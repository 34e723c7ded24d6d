using BenchmarkDotNet.Attributes;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Testing;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>One installation at a time: an eligible one (compact outcome) and a failing one with its explanation.</summary>
[MemoryDiagnoser]
public class SingleEvaluationBenchmarks
{
    private readonly EligibilityEvaluator _evaluator = new(EpclBuilder.Default);
    private readonly HandWrittenV17 _handWritten = new(EpclBuilder.Default, CohortClosures.Default);
    private readonly InstallationFacts _eligible = new InstallationBuilder().Build();
    private readonly InstallationFacts _failing = new InstallationBuilder()
        .WithChfContactAge(NodaTime.Duration.FromHours(80)).WithPlannedCos(new NodaTime.LocalDate(2021, 11, 12)).WithDmc("DMC-UNLISTED").Build();

    [Benchmark(Baseline = true)]
    public EligibilityOutcome HandWrittenEligible() => _handWritten.Evaluate(_eligible);

    [Benchmark]
    public EligibilityOutcome Eligible() => _evaluator.EvaluateOutcome(_eligible);

    [Benchmark]
    public EligibilityResult FailingExplained() => _evaluator.Evaluate(_failing);
}
