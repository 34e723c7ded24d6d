namespace Smets1.Eligibility.Tests;

public sealed class TextTests
{
    [Theory]
    [InlineData(49 * 3600, "49h")]
    [InlineData(0, "0h")]
    [InlineData((72 * 3600) + 61, "72h 1m 1s")]
    [InlineData(-3600, "-1h")]
    public void Hours_Duration_IsWrittenInWholeHoursWhenItCanBe(long seconds, string expected)
    {
        Assert.Equal(expected, Text.Hours(Duration.FromSeconds(seconds)));
    }

    [Fact]
    public void Hours_SubSecond_ShowsMilliseconds()
    {
        Assert.Equal("24h 0m 0.500s", Text.Hours(Duration.FromHours(24) + Duration.FromMilliseconds(500)));
    }
}
