namespace Smets1.Eligibility.Cli.Tests;

public sealed class HandoffTests
{
    [Fact]
    public void ItemsPassInOrder_ThroughASmallQueue_AndTakingEndsAfterComplete()
    {
        var handoff = new Handoff<int>(2);
        var producer = new Thread(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                handoff.Add(i);
            }

            handoff.Complete();
        });
        producer.Start();

        var taken = new List<int>();
        while (handoff.TryTake(out var item))
        {
            taken.Add(item);
        }

        Assert.True(producer.Join(10_000));
        Assert.Equal(Enumerable.Range(0, 10_000), taken);
        Assert.True(handoff.IsReady);
    }

    [Fact]
    public void Cancel_WakesAWaitingAdd_WhichThrows_AndAWaitingTake_WhichGetsNothing()
    {
        var full = new Handoff<int>(1);
        full.Add(1);
        Exception? addError = null;
        var adding = new Thread(() => addError = Record.Exception(() => full.Add(2)));
        var empty = new Handoff<int>(1);
        bool? took = null;
        var taking = new Thread(() => took = empty.TryTake(out _));
        adding.Start();
        taking.Start();
        Assert.False(adding.Join(100));
        Assert.False(taking.Join(100));
        Assert.False(empty.IsReady);

        full.Cancel();
        empty.Cancel();

        Assert.True(adding.Join(10_000));
        Assert.True(taking.Join(10_000));
        Assert.IsType<OperationCanceledException>(addError);
        Assert.False(took);
        Assert.False(full.TryTake(out _));
    }
}
