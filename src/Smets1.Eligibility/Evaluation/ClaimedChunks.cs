using System.Runtime.ExceptionServices;

namespace Smets1.Eligibility;

/// <summary>
/// How <see cref="EligibilityEvaluator.EvaluateParallel"/> spreads a batch over threads: each worker claims the next
/// chunk of 2,048 rows until none is left, so a thread that runs slower (a busy neighbour on its core) simply claims
/// fewer chunks and all threads finish within one chunk of each other (benchmarks/README.md, "How the parallel
/// evaluation is scheduled, and why").
/// </summary>
internal static class ClaimedChunks
{
    /// <summary>Rows per claimed chunk: about 0.12 ms of evaluation.</summary>
    public const int Rows = 2048;

    /// <summary>Runs <paramref name="work"/> over <c>[0, length)</c> in chunks, on up to <paramref name="threads"/> threads (the calling thread alone when one is enough).</summary>
    /// <param name="length">The rows.</param>
    /// <param name="threads">The most threads to use.</param>
    /// <param name="work">Evaluates the rows from its first argument, as many as its second.</param>
    /// <param name="cancellationToken">Checked before every chunk.</param>
    /// <exception cref="OperationCanceledException">Cancelled; chunks already done stay done.</exception>
    public static void Run(int length, int threads, Action<int, int> work, CancellationToken cancellationToken)
    {
        var chunks = (length + Rows - 1) / Rows;
        var workers = Math.Min(chunks, threads);
        if (workers <= 1)
        {
            work(0, length);
            return;
        }

        // One loop iteration per worker; each claims the next chunk until none is left. Parallel.For's own range
        // partitioning hands out up to 16 iterations at a time, which left one thread idle for the last few
        // milliseconds of a batch whenever the other ran slower.
        var claimed = -1;
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, (_, loop) =>
            {
                int chunk;
                while (!loop.ShouldExitCurrentIteration && (chunk = Interlocked.Increment(ref claimed)) < chunks)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var start = chunk * Rows;
                    work(start, Math.Min(Rows, length - start));
                }
            });
        }
        catch (AggregateException exception) when (exception.InnerExceptions[0] is ArgumentNullException or OperationCanceledException)
        {
            ExceptionDispatchInfo.Throw(exception.InnerExceptions[0]); // the same exception as on one thread, not wrapped
        }
    }
}
