using BenchmarkDotNet.Attributes;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>
/// A control for <see cref="BulkEvaluationBenchmarks.LibraryParallel"/>: pure arithmetic, with no memory traffic
/// and no shared state, split into the same 123 chunks and scheduled the same way (<see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>
/// on <see cref="Environment.ProcessorCount"/> threads). Its ratio is what parallel code that needs nothing but
/// the cores gains on the machine during the run.
/// </summary>
public class ArithmeticScalingBenchmarks
{
    private const int Chunks = MemoryScalingBenchmarks.Chunks;
    private const int StepsPerChunk = 250_000;
    private readonly long[] _sums = new long[Chunks];

    [Benchmark(Baseline = true)]
    public long OneThread()
    {
        for (var chunk = 0; chunk < Chunks; chunk++)
        {
            _sums[chunk] = (long)Spin((ulong)chunk + 1);
        }

        return MemoryScalingBenchmarks.Combine(_sums);
    }

    [Benchmark]
    public long AllThreads()
    {
        Parallel.For(0, Chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk => _sums[chunk] = (long)Spin((ulong)chunk + 1));
        return MemoryScalingBenchmarks.Combine(_sums);
    }

    // xorshift64: a dependent chain of register operations that the JIT cannot fold away.
    private static ulong Spin(ulong state)
    {
        for (var i = 0; i < StepsPerChunk; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
        }

        return state;
    }
}

/// <summary>
/// A control for <see cref="BulkEvaluationBenchmarks.LibraryParallel"/>: walks the same 1,000,000 installations,
/// reading four fields spread over each installation and its ID's length but evaluating nothing, in the same 8,192-row chunks
/// scheduled the same way. Its ratio is what two threads gain on the machine when memory is all they need.
/// </summary>
public class MemoryScalingBenchmarks
{
    internal const int ChunkSize = 8192;
    internal const int Chunks = (BenchmarkData.Count + ChunkSize - 1) / ChunkSize;
    private readonly long[] _sums = new long[Chunks];
    private InstallationFacts[] _installations = [];

    [GlobalSetup]
    public void Setup() => _installations = BenchmarkData.Create();

    [Benchmark(Baseline = true)]
    public long OneThread()
    {
        for (var chunk = 0; chunk < Chunks; chunk++)
        {
            _sums[chunk] = Walk(chunk);
        }

        return MemoryScalingBenchmarks.Combine(_sums);
    }

    [Benchmark]
    public long AllThreads()
    {
        Parallel.For(0, Chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk => _sums[chunk] = Walk(chunk));
        return MemoryScalingBenchmarks.Combine(_sums);
    }

    internal static long Combine(long[] sums)
    {
        var combined = 0L;
        foreach (var sum in sums)
        {
            combined ^= sum;
        }

        return combined;
    }

    private long Walk(int chunk)
    {
        var start = chunk * ChunkSize;
        var sum = 0L;
        foreach (var facts in _installations.AsSpan(start, Math.Min(ChunkSize, _installations.Length - start)))
        {
            sum ^= facts.InstallationId.Length + facts.FailedMigrationAttempts + (facts.ChfLastContact?.ToUnixTimeTicks() ?? 0) + (facts.DirectedExclusion ? 1 : 0);
        }

        return sum;
    }
}
