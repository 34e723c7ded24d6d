using BenchmarkDotNet.Attributes;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>Aggregating one million outcomes into an estate summary, against counting verdicts alone.</summary>
[MemoryDiagnoser]
public class SummaryBenchmarks
{
    private InstallationFacts[] _installations = [];
    private EligibilityOutcome[] _results = [];

    [GlobalSetup]
    public void Setup()
    {
        _installations = BenchmarkData.Create();
        _results = new EligibilityOutcome[_installations.Length];
        new EligibilityEvaluator(BenchmarkData.Estate.Epcl).EvaluateBatch(_installations, _results);
    }

    [Benchmark(Baseline = true)]
    public long CountVerdicts()
    {
        var counts = new long[6];
        foreach (ref readonly var outcome in _results.AsSpan())
        {
            counts[(int)outcome.Verdict]++;
        }

        return counts[0];
    }

    [Benchmark]
    public long Summarise()
    {
        var summary = new EstateSummary();
        summary.AddRange(_installations, _results);
        return summary.Total;
    }

    [Benchmark]
    public long SummariseTwoPartitionsAndMerge()
    {
        var half = _installations.Length / 2;
        var first = new EstateSummary();
        var second = new EstateSummary();
        first.AddRange(_installations.AsSpan(0, half), _results.AsSpan(0, half));
        second.AddRange(_installations.AsSpan(half), _results.AsSpan(half));
        return first.Merge(second).Total;
    }
}
