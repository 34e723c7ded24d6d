using BenchmarkDotNet.Attributes;
using Smets1.Eligibility.Comparison;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>
/// Replaying the one million installations under v11 and v17 (what the tool's <c>diff</c> does), against the
/// floor: evaluating them in bulk under each version, with nothing compared or collected.
/// </summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private static readonly EvaluationOptions V11 = EvaluationOptions.Pinned("v11");
    private static readonly EvaluationOptions V17 = EvaluationOptions.Pinned("v17");
    private InstallationFacts[] _installations = [];
    private EligibilityOutcome[] _results = [];
    private EligibilityEvaluator _evaluator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _installations = BenchmarkData.Create();
        _results = new EligibilityOutcome[_installations.Length];
        _evaluator = new EligibilityEvaluator(BenchmarkData.Estate.Epcl);
    }

    [Benchmark(Baseline = true)]
    public EligibilityOutcome EvaluateBatchUnderEach()
    {
        _evaluator.EvaluateBatch(_installations, _results, V11);
        _evaluator.EvaluateBatch(_installations, _results, V17);
        return _results[^1];
    }

    [Benchmark]
    public int Replay() => VersionComparer.Replay(_evaluator, _installations, "v11", "v17").Changes.Count;
}
