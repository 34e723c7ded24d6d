namespace Smets1.Eligibility.Tests.Reference;

public sealed class CohortClosuresTests
{
    [Theory]
    [InlineData(Cohort.MocMds, 2022, 10, 31)]
    [InlineData(Cohort.Ioc, 2023, 5, 31)]
    [InlineData(Cohort.FocNp, 2024, 11, 30)]
    [InlineData(Cohort.FocBg, 2024, 11, 30)]
    [InlineData(Cohort.MocSecure, 2025, 9, 30)]
    public void Default_LastDays_MatchTheSpecification(Cohort cohort, int year, int month, int day)
    {
        var closure = CohortClosures.Default[cohort];

        Assert.Equal(new LocalDate(year, month, day), closure.LastDay);
        Assert.Equal(Sources.S004, closure.Source);
        Assert.Equal(Confidence.Inferred, closure.Confidence);
    }

    [Fact]
    public void WithLastDay_ReplacesOneCohortAndLeavesTheOriginal()
    {
        var changed = CohortClosures.Default.WithLastDay(Cohort.Ioc, new LocalDate(2023, 5, 20), "supplier notice");

        Assert.Equal(new LocalDate(2023, 5, 20), changed[Cohort.Ioc].LastDay);
        Assert.Equal(new LocalDate(2023, 5, 31), CohortClosures.Default[Cohort.Ioc].LastDay);
        Assert.Equal(Confidence.Confirmed, changed[Cohort.Ioc].Confidence);
    }

    [Fact]
    public void WithLastDay_BlankSource_Throws()
    {
        Assert.Throws<ArgumentException>(() => CohortClosures.Default.WithLastDay(Cohort.Ioc, new LocalDate(2023, 5, 20), " "));
    }
}
