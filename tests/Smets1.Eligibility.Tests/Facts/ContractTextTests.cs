namespace Smets1.Eligibility.Tests.Facts;

public sealed class ContractTextTests
{
    [Theory]
    [InlineData("IOC", Cohort.Ioc)]
    [InlineData("moc_mds", Cohort.MocMds)] // case-insensitive
    [InlineData("MOC_SECURE", Cohort.MocSecure)]
    [InlineData("Foc_Np", Cohort.FocNp)]
    [InlineData("FOC_BG", Cohort.FocBg)]
    public void TryParseCohort_ContractSpelling_RoundTrips(string text, Cohort expected)
    {
        Assert.True(ContractText.TryParseCohort(text, out var cohort));
        Assert.Equal(expected, cohort);
        Assert.Equal(text.ToUpperInvariant(), ContractText.Format(cohort));
    }

    [Theory]
    [InlineData("FOC")]
    [InlineData("MocMds")] // the C# name is not the contract spelling
    [InlineData("")]
    public void TryParseCohort_OtherText_Fails(string text)
    {
        Assert.False(ContractText.TryParseCohort(text, out _));
    }

    [Fact]
    public void TryParse_OtherEnumerations_AcceptTheirContractSpellings()
    {
        Assert.True(ContractText.TryParseMeterStatus("dormant", out var status) && status == MeterStatus.Dormant);
        Assert.True(ContractText.TryParseDormancyCause("SMSO_CONTRACT_TERMINATED", out var cause) && cause == DormancyCause.SmsoContractTerminated);
        Assert.True(ContractText.TryParseProfileDataSwitch("On", out var position) && position == ProfileDataSwitch.On);
        Assert.False(ContractText.TryParseMeterStatus("ASLEEP", out _));
    }

    [Fact]
    public void Format_UndefinedValue_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ContractText.Format((Cohort)42));
    }
}
