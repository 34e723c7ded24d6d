using BenchmarkDotNet.Attributes;
using Smets1.Eligibility.Testing;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>Compiling versions: one version, and a whole evaluator (every shipped version).</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private readonly TmadVersion _v17 = TmadCatalog.Shipped.Get("v17");
    private readonly TmadVersion _v29 = TmadCatalog.Shipped.Get("v29");

    [Benchmark(Baseline = true)]
    public object CompileV17() => CompiledVersion.Compile(_v17, TmadCatalog.Shipped);

    [Benchmark]
    public object CompileV29() => CompiledVersion.Compile(_v29, TmadCatalog.Shipped);

    [Benchmark]
    public object CreateEvaluator() => new EligibilityEvaluator(EpclBuilder.Default);
}
