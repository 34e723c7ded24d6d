using BenchmarkDotNet.Attributes;
using Smets1.Eligibility.Testing;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>Compiling versions: one version, and a new evaluator used under every designated shipped version (each compiled at its first use).</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private readonly TmadVersion _v17 = TmadCatalog.Shipped.Get("v17");
    private readonly TmadVersion _v29 = TmadCatalog.Shipped.Get("v29");

    [Benchmark(Baseline = true)]
    public object CompileV17() => CompiledVersion.Compile(_v17, TmadCatalog.Shipped);

    [Benchmark]
    public object CompileV29() => CompiledVersion.Compile(_v29, TmadCatalog.Shipped);

    private readonly string[] _designated = [.. TmadCatalog.Shipped.Versions.Where(v => v.IsShipped).Select(v => v.Label)];
    private readonly InstallationFacts _installation = new() { InstallationId = "COMPILE-1", AssessedAt = NodaTime.Instant.FromUtc(2021, 11, 10, 10, 0) };

    [Benchmark]
    public object CreateEvaluator()
    {
        var evaluator = new EligibilityEvaluator(EpclBuilder.Default);
        foreach (var label in _designated)
        {
            evaluator.EvaluateOutcome(_installation, EvaluationOptions.Pinned(label));
        }

        return evaluator;
    }
}
