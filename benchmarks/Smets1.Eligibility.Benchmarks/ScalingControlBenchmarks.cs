using BenchmarkDotNet.Attributes;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>
/// A control for <see cref="BulkEvaluationBenchmarks.LibraryParallel"/>: pure arithmetic, with no memory traffic
/// and no shared state, split into the same chunks and scheduled the same way (<see cref="ClaimedChunks"/>). Its
/// ratio is what parallel code that needs nothing but the cores gains on the machine during the run.
/// </summary>
public class ArithmeticScalingBenchmarks
{
    private const int StepsPerChunk = 62_500;
    private readonly long[] _sums = new long[ClaimedChunks.Count];

    [Benchmark(Baseline = true)]
    public long OneThread()
    {
        for (var chunk = 0; chunk < ClaimedChunks.Count; chunk++)
        {
            _sums[chunk] = (long)Spin((ulong)chunk + 1);
        }

        return ClaimedChunks.Combine(_sums);
    }

    [Benchmark]
    public long AllThreads()
    {
        ClaimedChunks.Run(chunk => _sums[chunk] = (long)Spin((ulong)chunk + 1));
        return ClaimedChunks.Combine(_sums);
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
/// reading four fields spread over each installation and its ID's length but evaluating nothing, in the same chunks
/// scheduled the same way. Its ratio is what two threads gain on the machine when memory is all they need.
/// </summary>
public class MemoryScalingBenchmarks
{
    private readonly long[] _sums = new long[ClaimedChunks.Count];
    private InstallationFacts[] _installations = [];

    [GlobalSetup]
    public void Setup() => _installations = BenchmarkData.Create();

    [Benchmark(Baseline = true)]
    public long OneThread()
    {
        for (var chunk = 0; chunk < ClaimedChunks.Count; chunk++)
        {
            _sums[chunk] = Walk(chunk);
        }

        return ClaimedChunks.Combine(_sums);
    }

    [Benchmark]
    public long AllThreads()
    {
        ClaimedChunks.Run(chunk => _sums[chunk] = Walk(chunk));
        return ClaimedChunks.Combine(_sums);
    }

    private long Walk(int chunk)
    {
        var start = chunk * ClaimedChunks.Rows;
        var sum = 0L;
        foreach (var facts in _installations.AsSpan(start, Math.Min(ClaimedChunks.Rows, _installations.Length - start)))
        {
            sum ^= facts.InstallationId.Length + facts.FailedMigrationAttempts + (facts.ChfLastContact?.ToUnixTimeTicks() ?? 0) + (facts.DirectedExclusion ? 1 : 0);
        }

        return sum;
    }
}

/// <summary>
/// The scheduling of <see cref="EligibilityEvaluator.EvaluateParallel"/>, for the controls: the benchmark data cut
/// into 2,048-row chunks, one worker per processor, each claiming the next chunk until none is left.
/// </summary>
internal static class ClaimedChunks
{
    internal const int Rows = 2048;
    internal const int Count = (BenchmarkData.Count + Rows - 1) / Rows;

    internal static void Run(Action<int> chunk)
    {
        var claimed = -1;
        Parallel.For(0, Environment.ProcessorCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (_, loop) =>
        {
            int next;
            while (!loop.ShouldExitCurrentIteration && (next = Interlocked.Increment(ref claimed)) < Count)
            {
                chunk(next);
            }
        });
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
}
