namespace Smets1.Eligibility.Tests.Rules;

public sealed class RuleSetTests
{
    [Fact]
    public void Of_Ids_EnumeratesInCatalogueOrderWhateverTheInputOrder()
    {
        var set = RuleSet.Of(RuleIds.ExclGt01, RuleIds.TmadInForce, RuleIds.CommsRecentChf);

        Assert.Equal([RuleIds.TmadInForce, RuleIds.CommsRecentChf, RuleIds.ExclGt01], set.Select(r => r.Id));
        Assert.Equal("TMAD-IN-FORCE;COMMS-RECENT-CHF;EXCL-GT01", set.ToString());
        Assert.Equal(3, set.Count);
    }

    [Fact]
    public void Empty_HasNothing()
    {
        Assert.True(RuleSet.Empty.IsEmpty);
        Assert.Equal(string.Empty, RuleSet.Empty.ToString());
        Assert.Empty(RuleSet.Empty);
    }

    [Fact]
    public void SetOperations_CombineBits()
    {
        var a = RuleSet.Of(RuleIds.TmadInForce, RuleIds.CohortOpen);
        var b = RuleSet.Of(RuleIds.CohortOpen, RuleIds.EpclListed);

        Assert.Equal(RuleSet.Of(RuleIds.TmadInForce, RuleIds.CohortOpen, RuleIds.EpclListed), a.Union(b));
        Assert.Equal(RuleSet.Of(RuleIds.TmadInForce), a.Except(b));
        Assert.Equal(RuleSet.Of(RuleIds.CohortOpen), a.Intersect(b));
        Assert.True(a != b);
    }

    [Fact]
    public void Contains_UnknownId_ThrowsKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => RuleSet.Empty.Contains("NOT-A-RULE"));
    }
}
