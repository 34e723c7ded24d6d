using BenchmarkDotNet.Attributes;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>
/// One million installations with eight declared facts: v17 plus eight supplier checks written by hand in C# (the
/// baseline) against the same checks defined in a version file and compiled into v17's delegate.
/// </summary>
[MemoryDiagnoser]
public class DefinedRulesBenchmarks
{
    private SupplierPolicy _policy = null!;
    private SupplierPolicy.HandWritten _handWritten = null!;
    private EligibilityEvaluator _evaluator = null!;
    private EligibilityOutcome[] _results = [];

    [GlobalSetup]
    public void Setup()
    {
        _policy = new SupplierPolicy(BenchmarkData.Count);
        _handWritten = _policy.CreateHandWritten();
        _evaluator = new EligibilityEvaluator(_policy.Catalog, BenchmarkData.Estate.Epcl);
        _results = new EligibilityOutcome[_policy.Installations.Length];
    }

    [Benchmark(Baseline = true)]
    public EligibilityOutcome HandWritten()
    {
        _handWritten.EvaluateBatch(_policy.Installations, _policy.Typed, _results);
        return _results[^1];
    }

    [Benchmark]
    public EligibilityOutcome DefinedInJson()
    {
        _evaluator.EvaluateBatch(_policy.Installations, _results, SupplierPolicy.Pinned);
        return _results[^1];
    }
}
