using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>
/// <c>--scheduling-report [rounds]</c>: the two ways of scheduling the parallel bulk evaluation, interleaved in one
/// process so that both see the same machine. BenchmarkDotNet runs each method in its own process, and on a shared
/// virtual machine the noise between processes is larger than the difference. Reports each scheduler's mean time
/// and how far apart its threads finished (the time a thread sat idle while another still worked).
/// </summary>
internal static class SchedulingReport
{
    private const int ForRows = 8192;
    private static readonly EvaluationOptions V17 = EvaluationOptions.Pinned("v17");

    internal static void Run(int rounds)
    {
        var installations = BenchmarkData.Create();
        var results = new EligibilityOutcome[installations.Length];
        var evaluator = new EligibilityEvaluator(BenchmarkData.Estate.Epcl);
        var schedulers = new (string Name, Action<Action<int, int>> Schedule)[]
        {
            ($"Parallel.For over {ForRows:N0}-row chunks", chunk => Parallel.For(
                0,
                (installations.Length + ForRows - 1) / ForRows,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => chunk(i, ForRows))),
            ($"claimed {ClaimedChunks.Rows:N0}-row chunks", chunk => ClaimedChunks.Run(i => chunk(i, ClaimedChunks.Rows))),
        };

        var times = schedulers.Select(_ => new List<double>()).ToArray();
        var gaps = schedulers.Select(_ => new List<double>()).ToArray();
        for (var round = -10; round < rounds; round++) // ten rounds to warm up
        {
            for (var s = 0; s < schedulers.Length; s++)
            {
                var finished = new ConcurrentDictionary<int, double>();
                var clock = Stopwatch.StartNew();
                schedulers[s].Schedule((chunk, rows) =>
                {
                    var start = chunk * rows;
                    var length = Math.Min(rows, installations.Length - start);
                    evaluator.EvaluateBatch(installations.AsSpan(start, length), results.AsSpan(start, length), V17);
                    finished[Environment.CurrentManagedThreadId] = clock.Elapsed.TotalMilliseconds;
                });
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (round >= 0)
                {
                    times[s].Add(elapsed);
                    gaps[s].Add(finished.Values.Max() - finished.Values.Min());
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} interleaved rounds of 1,000,000 installations on {Environment.ProcessorCount} threads"));
        for (var s = 0; s < schedulers.Length; s++)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{schedulers[s].Name,-36} mean {times[s].Average(),6:F2} ms, max {times[s].Max(),6:F2} ms; threads finished {gaps[s].Average():F2} ms apart on average, {gaps[s].Max():F2} ms at most"));
        }
    }
}
