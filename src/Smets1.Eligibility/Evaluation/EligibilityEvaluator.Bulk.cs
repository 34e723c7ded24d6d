using System.Runtime.CompilerServices;
using Smets1.Eligibility.Diagnostics;

namespace Smets1.Eligibility;

// The bulk API: batches, parallel batches (scheduled by ClaimedChunks) and streams (EvaluationStreams).
public sealed partial class EligibilityEvaluator
{
    /// <summary>
    /// Evaluates a batch of installations into a caller-provided buffer of compact outcomes, in order.
    /// Allocates nothing per installation; call <see cref="Explain"/> for the outcomes that need messages.
    /// </summary>
    /// <param name="installations">The installations.</param>
    /// <param name="results">Receives one outcome per installation, at the same index; at least as long as <paramref name="installations"/>.</param>
    /// <param name="options">The pinned version and assessment instant, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="installations"/>.</exception>
    /// <exception cref="ArgumentNullException">An installation is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The pinned version does not exist.</exception>
    public void EvaluateBatch(ReadOnlySpan<InstallationFacts> installations, Span<EligibilityOutcome> results, EvaluationOptions options = default)
    {
        CheckBuffer(installations.Length, results.Length);
        if (!EligibilityTelemetry.Observed)
        {
            EvaluateRange(installations, results, Pinned(options), options, 0);
            return;
        }

        var activity = EligibilityTelemetry.Source.StartActivity("evaluate batch");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        EvaluateRange(installations, results, Pinned(options), options, 0);
        EligibilityTelemetry.Report(activity, started, results[..installations.Length]);
    }

    /// <summary>
    /// <see cref="EvaluateBatch"/>, with the message of every outcome that has failed rules or warnings (the
    /// <see cref="EligibilityResult.Message"/> that <see cref="Explain"/> gives) written from the same evaluation, one after another into
    /// <paramref name="messages"/> (grown when too short): row i's message ends at <paramref name="messageEnds"/>[i]
    /// and begins where row i − 1's ends. For writers of result files, which explain every failing row they evaluate:
    /// the explanation needs no second evaluation to check the outcome against.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void EvaluateBatchExplained(ReadOnlySpan<InstallationFacts> installations, Span<EligibilityOutcome> results, Span<int> messageEnds, EvaluationOptions options, ref char[] messages)
    {
        CheckBuffer(installations.Length, results.Length);
        CheckBuffer(installations.Length, messageEnds.Length);
        var observed = EligibilityTelemetry.Observed;
        var activity = observed ? EligibilityTelemetry.Source.StartActivity("evaluate batch") : null;
        var started = observed ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
        var pinned = Pinned(options);
        var end = 0;
        for (var i = 0; i < installations.Length; i++)
        {
            var facts = installations[i] ?? throw new ArgumentNullException(nameof(installations), $"Installation {i} of the batch is null.");
            var outcome = results[i] = EvaluateCore(facts, pinned, options, out var context, out var at);
            if (!outcome.FailedRules.IsEmpty || !outcome.Warnings.IsEmpty)
            {
                end += _explainer.WriteMessage(outcome, context, at, outcome.Version is { } version ? Compiled(version) : null, ref messages, end);
            }

            messageEnds[i] = end;
        }

        if (observed)
        {
            EligibilityTelemetry.Report(activity, started, results[..installations.Length]);
        }
    }

    /// <summary>
    /// Evaluates a batch in parallel on up to <paramref name="degreeOfParallelism"/> threads. The outcomes are
    /// identical to <see cref="EvaluateBatch"/> and at the same indexes.
    /// </summary>
    /// <param name="installations">The installations.</param>
    /// <param name="results">Receives one outcome per installation, at the same index.</param>
    /// <param name="degreeOfParallelism">The most threads to use; -1 for <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="options">The pinned version and assessment instant, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="installations"/>.</exception>
    /// <exception cref="ArgumentNullException">An installation is <see langword="null"/> (the outcomes of other installations may already have been written).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreeOfParallelism"/> is 0 or less than -1.</exception>
    /// <exception cref="KeyNotFoundException">The pinned version does not exist.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked between chunks of 2,048 rows; outcomes already written stay).</exception>
    /// <param name="cancellationToken">Stops the evaluation between chunks.</param>
    public void EvaluateParallel(ReadOnlyMemory<InstallationFacts> installations, Memory<EligibilityOutcome> results, int degreeOfParallelism = -1, EvaluationOptions options = default, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CheckBuffer(installations.Length, results.Length);
        if (degreeOfParallelism == 0 || degreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(degreeOfParallelism), degreeOfParallelism, "Use a positive number of threads, or -1 for one per processor.");
        }

        var pinned = Pinned(options);
        var observed = EligibilityTelemetry.Observed;
        var activity = observed ? EligibilityTelemetry.Source.StartActivity("evaluate parallel") : null;
        var started = observed ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
        EvaluateParallelCore(installations, results, degreeOfParallelism, options, pinned, cancellationToken);
        if (observed)
        {
            EligibilityTelemetry.Report(activity, started, results.Span[..installations.Length]);
        }
    }

    private void EvaluateParallelCore(ReadOnlyMemory<InstallationFacts> installations, Memory<EligibilityOutcome> results, int degreeOfParallelism, EvaluationOptions options, CompiledVersion? pinned, CancellationToken cancellationToken) =>
        ClaimedChunks.Run(
            installations.Length,
            Threads(degreeOfParallelism),
            (start, length) => EvaluateRange(installations.Span.Slice(start, length), results.Span.Slice(start, length), pinned, options, start),
            cancellationToken);

    /// <summary>
    /// Evaluates a sequence lazily, in input order, holding at most one chunk in memory (one installation
    /// when sequential; <paramref name="degreeOfParallelism"/> × 8,192 when parallel).
    /// </summary>
    /// <param name="installations">The installations; enumerated once.</param>
    /// <param name="options">The pinned version and assessment instant, if any.</param>
    /// <param name="degreeOfParallelism">1 to evaluate on the calling thread; more (or -1) to evaluate each chunk in parallel.</param>
    /// <returns>Each installation with its outcome, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="installations"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The pinned version does not exist (thrown on enumeration).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (thrown on enumeration).</exception>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public IEnumerable<EvaluatedInstallation> EvaluateMany(IEnumerable<InstallationFacts> installations, EvaluationOptions options = default, int degreeOfParallelism = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(installations);
        return degreeOfParallelism == 1
            ? EvaluationStreams.Sequential(this, installations, options, cancellationToken)
            : EvaluationStreams.Chunked(this, installations, options, Threads(degreeOfParallelism), cancellationToken);
    }

    /// <summary>Evaluates an asynchronous sequence lazily, in input order, one installation at a time.</summary>
    /// <param name="installations">The installations; enumerated once.</param>
    /// <param name="options">The pinned version and assessment instant, if any.</param>
    /// <param name="cancellationToken">Stops the enumeration: checked before every installation, whether or not the source honours it.</param>
    /// <returns>Each installation with its outcome, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="installations"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (thrown on enumeration).</exception>
    public IAsyncEnumerable<EvaluatedInstallation> EvaluateManyAsync(IAsyncEnumerable<InstallationFacts> installations, EvaluationOptions options = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(installations);
        return EvaluationStreams.SequentialAsync(this, installations, options, cancellationToken);
    }

    private static int Threads(int degreeOfParallelism) => degreeOfParallelism == -1 ? Environment.ProcessorCount : degreeOfParallelism;

    private static void CheckBuffer(int installations, int results)
    {
        if (results < installations)
        {
            throw new ArgumentException($"The results buffer holds {results} outcomes but there are {installations} installations; give it at least {installations}.", nameof(results));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EvaluateRange(ReadOnlySpan<InstallationFacts> installations, Span<EligibilityOutcome> results, CompiledVersion? pinned, in EvaluationOptions options, int offset)
    {
        for (var i = 0; i < installations.Length; i++)
        {
            var facts = installations[i] ?? throw new ArgumentNullException(nameof(installations), $"Installation {offset + i} of the batch is null.");
            results[i] = EvaluateCore(facts, pinned, options, out _, out _);
        }
    }

    /// <summary>Evaluates one installation at a time under <paramref name="options"/> (the pinned version looked up once, now).</summary>
    internal Func<InstallationFacts, EligibilityOutcome> Single(EvaluationOptions options)
    {
        var pinned = Pinned(options);
        return facts => EvaluateCore(facts, pinned, options, out _, out _);
    }
}
