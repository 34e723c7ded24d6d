using System.Runtime.CompilerServices;

namespace Smets1.Eligibility;

/// <summary>
/// The streaming side of <see cref="EligibilityEvaluator"/>: <c>EvaluateMany</c> and <c>EvaluateManyAsync</c> over
/// sequences, in input order, holding one installation (sequential) or one buffer per thread (parallel) at a time.
/// </summary>
internal static class EvaluationStreams
{
    /// <summary>Rows buffered per thread before a buffer is evaluated in parallel.</summary>
    private const int RowsPerThread = 8192;

    public static IEnumerable<EvaluatedInstallation> Sequential(EligibilityEvaluator evaluator, IEnumerable<InstallationFacts> installations, EvaluationOptions options, CancellationToken cancellationToken)
    {
        var one = evaluator.Single(options);
        var index = 0;
        foreach (var facts in installations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = facts ?? throw new ArgumentNullException(nameof(installations), $"Installation {index} of the sequence is null.");
            yield return new EvaluatedInstallation(current, one(current));
            index++;
        }
    }

    public static IEnumerable<EvaluatedInstallation> Chunked(EligibilityEvaluator evaluator, IEnumerable<InstallationFacts> installations, EvaluationOptions options, int threads, CancellationToken cancellationToken)
    {
        var buffer = new InstallationFacts[RowsPerThread * Math.Max(1, threads)];
        var results = new EligibilityOutcome[buffer.Length];
        var count = 0;
        var index = 0;
        foreach (var facts in installations)
        {
            buffer[count++] = facts ?? throw new ArgumentNullException(nameof(installations), $"Installation {index} of the sequence is null.");
            index++;
            if (count == buffer.Length)
            {
                foreach (var item in Flush(evaluator, buffer, results, count, options, threads, cancellationToken))
                {
                    yield return item;
                }

                count = 0;
            }
        }

        foreach (var item in Flush(evaluator, buffer, results, count, options, threads, cancellationToken))
        {
            yield return item;
        }
    }

    public static async IAsyncEnumerable<EvaluatedInstallation> SequentialAsync(EligibilityEvaluator evaluator, IAsyncEnumerable<InstallationFacts> installations, EvaluationOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var one = evaluator.Single(options);
        var index = 0;
        await foreach (var facts in installations.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = facts ?? throw new ArgumentNullException(nameof(installations), $"Installation {index} of the sequence is null.");
            yield return new EvaluatedInstallation(current, one(current));
            index++;
        }
    }

    private static IEnumerable<EvaluatedInstallation> Flush(EligibilityEvaluator evaluator, InstallationFacts[] buffer, EligibilityOutcome[] results, int count, EvaluationOptions options, int threads, CancellationToken cancellationToken)
    {
        evaluator.EvaluateParallel(buffer.AsMemory(0, count), results.AsMemory(0, count), threads, options, cancellationToken);
        for (var i = 0; i < count; i++)
        {
            yield return new EvaluatedInstallation(buffer[i], results[i]);
        }

        Array.Clear(buffer, 0, count);
    }
}
