using BenchmarkDotNet.Attributes;
using Smets1.Eligibility.Reference;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>One million installations evaluated in bulk: the library against the same v17 checks written by hand.</summary>
[MemoryDiagnoser]
public class BulkEvaluationBenchmarks
{
    private static readonly EvaluationOptions V17 = EvaluationOptions.Pinned("v17");
    private InstallationFacts[] _installations = [];
    private EligibilityOutcome[] _results = [];
    private EligibilityEvaluator _evaluator = null!;
    private HandWrittenV17 _handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        _installations = BenchmarkData.Create();
        _results = new EligibilityOutcome[_installations.Length];
        _evaluator = new EligibilityEvaluator(BenchmarkData.Estate.Epcl);
        _handWritten = new HandWrittenV17(BenchmarkData.Estate.Epcl, CohortClosures.Default);
    }

    [Benchmark(Baseline = true)]
    public EligibilityOutcome HandWritten()
    {
        _handWritten.EvaluateBatch(_installations, _results);
        return _results[^1];
    }

    [Benchmark]
    public EligibilityOutcome Library()
    {
        _evaluator.EvaluateBatch(_installations, _results, V17);
        return _results[^1];
    }

    [Benchmark]
    public EligibilityOutcome LibraryParallel()
    {
        _evaluator.EvaluateParallel(_installations, _results, Environment.ProcessorCount, V17);
        return _results[^1];
    }

    [Benchmark]
    public EligibilityOutcome LibraryResolved()
    {
        _evaluator.EvaluateBatch(_installations, _results);
        return _results[^1];
    }
}
