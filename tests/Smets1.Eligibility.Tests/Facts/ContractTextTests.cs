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

    /// <summary>The exact spelling is matched at once and any other casing by comparison: both give the same value, for every value.</summary>
    [FsCheck.Xunit.Property]
    public bool AnyCasingOfAContractSpelling_ParsesToItsValue(FsCheck.NonNegativeInt pick, int casing)
    {
        var cohort = Enum.GetValues<Cohort>()[pick.Get % 5];
        var status = Enum.GetValues<MeterStatus>()[pick.Get % 2];
        var position = Enum.GetValues<ProfileDataSwitch>()[pick.Get % 2];
        var boolean = pick.Get % 2 == 0;
        var cells = new Files.CellParser();
        return ContractText.TryParseCohort(Cased(ContractText.Format(cohort), casing), out var c) && c == cohort
            && ContractText.TryParseMeterStatus(Cased(ContractText.Format(status), casing), out var m) && m == status
            && ContractText.TryParseProfileDataSwitch(Cased(ContractText.Format(position), casing), out var p) && p == position
            && cells.Boolean("igt", Cased(boolean ? "true" : "false", casing)) == boolean
            && !cells.HasErrors
            && !ContractText.TryParseCohort(Cased(ContractText.Format(cohort), casing) + "X", out _);

        // Bit i of the casing upper-cases (or lower-cases) character i.
        static string Cased(string text, int casing) => string.Concat(text.Select((ch, i) => ((casing >> (i % 32)) & 1) == 1 ? char.ToLowerInvariant(ch) : char.ToUpperInvariant(ch)));
    }

    [Fact]
    public void Format_UndefinedValue_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ContractText.Format((Cohort)42));
    }
}
