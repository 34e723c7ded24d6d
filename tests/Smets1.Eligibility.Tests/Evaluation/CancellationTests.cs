namespace Smets1.Eligibility.Tests.Evaluation;

/// <summary>The streaming and parallel APIs stop when asked, whatever their source does.</summary>
public sealed class CancellationTests
{
    private static readonly EligibilityEvaluator Evaluator = new(EpclBuilder.Default);

    [Fact]
    public async Task EvaluateManyAsync_SourceThatIgnoresTheToken_StillStops()
    {
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Evaluator.EvaluateManyAsync(Endless(), cancellationToken: cancel.Token))
            {
                if (++seen == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(3, seen);
        Assert.Equal(cancel.Token, error.CancellationToken);
    }

    [Fact]
    public void EvaluateMany_Cancelled_StopsSequentialAndChunkedEnumeration()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var installations = Enumerable.Repeat(new InstallationBuilder().Build(), 10);

        Assert.Throws<OperationCanceledException>(() => Evaluator.EvaluateMany(installations, cancellationToken: cancel.Token).ToList());
        Assert.Throws<OperationCanceledException>(() => Evaluator.EvaluateMany(installations, degreeOfParallelism: 2, cancellationToken: cancel.Token).ToList());
    }

    [Fact]
    public void EvaluateParallel_Cancelled_ThrowsOperationCanceledUnwrapped()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var installations = Enumerable.Repeat(new InstallationBuilder().Build(), 10_000).ToArray();

        Assert.Throws<OperationCanceledException>(() => Evaluator.EvaluateParallel(installations, new EligibilityOutcome[installations.Length], 2, default, cancel.Token));
    }

    private static async IAsyncEnumerable<InstallationFacts> Endless()
    {
        var facts = new InstallationBuilder().Build();
        while (true)
        {
            await Task.Yield();
            yield return facts; // never looks at a token
        }
    }
}
