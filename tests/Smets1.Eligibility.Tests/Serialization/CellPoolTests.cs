using Smets1.Eligibility.Files;

namespace Smets1.Eligibility.Tests.Serialization;

public sealed class CellPoolTests
{
    [Fact]
    public void RepeatedText_IsOneString()
    {
        var pool = new CellPool();
        var first = pool.Get("DMC-0042");
        Assert.Same(first, pool.Get("xDMC-0042".AsSpan(1)));
    }

    [Fact]
    public void EveryText_ComesBackAsItself_ThoughSlotsAreShared()
    {
        var pool = new CellPool();
        var texts = Enumerable.Range(0, 5000).Select(i => $"DMC-{i % 3000}").ToArray();
        Assert.All(texts, t => Assert.Equal(t, pool.Get(t)));
    }

    [Fact]
    public void LongText_IsNotPooled()
    {
        var pool = new CellPool();
        var text = new string('x', 65);
        Assert.NotSame(pool.Get(text), pool.Get(text));
        Assert.Equal(text, pool.Get(text));
    }
}
