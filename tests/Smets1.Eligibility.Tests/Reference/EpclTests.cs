namespace Smets1.Eligibility.Tests.Reference;

public sealed class EpclTests
{
    [Fact]
    public void Constructor_DuplicateDmc_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new EpclBuilder().With("D1", new LocalDate(2021, 1, 1)).With("D1", new LocalDate(2021, 2, 1)).Build());

        Assert.Contains("'D1' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BlankDmc_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Epcl([new EpclEntry(" ", new LocalDate(2021, 1, 1))]));
    }

    [Fact]
    public void TryGet_ListedAndUnlisted_FindsOnlyListed()
    {
        var epcl = new EpclBuilder().With("D1", new LocalDate(2021, 1, 1), uneconomicToTest: true).Build();

        Assert.True(epcl.TryGet("D1", out var entry));
        Assert.True(entry.UneconomicToTest);
        Assert.False(epcl.TryGet("D2", out _));
        Assert.Single(epcl);
    }
}
