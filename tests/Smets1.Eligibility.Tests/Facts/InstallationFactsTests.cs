namespace Smets1.Eligibility.Tests.Facts;

public sealed class InstallationFactsTests
{
    [Fact]
    public void New_OptionalFacts_StartUnknownAndDefaultsMatchTheFileContract()
    {
        var facts = new InstallationFacts { InstallationId = "X" };

        Assert.Null(facts.Cohort);
        Assert.Null(facts.HasEsme);
        Assert.Null(facts.ProfileDataSwitch);
        Assert.False(facts.Igt);
        Assert.True(facts.MasterKeysPresent);
        Assert.True(facts.WanBeforeMigration);
        Assert.True(facts.WanAtMigration);
        Assert.Equal(0, facts.FailedMigrationAttempts);
    }

    [Fact]
    public void FailedMigrationAttempts_Negative_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InstallationFacts { InstallationId = "X", FailedMigrationAttempts = -1 });
    }

    [Fact]
    public void InstallationId_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new InstallationFacts { InstallationId = null! });
    }

    [Fact]
    public void Enumerations_AValueThatIsNotNamed_ThrowsNamingTheProperty()
    {
        AssertNotNamed(nameof(InstallationFacts.Cohort), () => new InstallationFacts { InstallationId = "X", Cohort = (Cohort)5 });
        AssertNotNamed(nameof(InstallationFacts.MeterStatus), () => new InstallationFacts { InstallationId = "X", MeterStatus = (MeterStatus)(-1) });
        AssertNotNamed(nameof(InstallationFacts.DormancyCause), () => new InstallationFacts { InstallationId = "X", DormancyCause = (DormancyCause)2 });
        AssertNotNamed(nameof(InstallationFacts.ProfileDataSwitch), () => new InstallationFacts { InstallationId = "X", ProfileDataSwitch = (ProfileDataSwitch)9 });
    }

    [Fact]
    public void Enumerations_EveryNamedValueAndUnknown_AreKept()
    {
        foreach (var cohort in Enum.GetValues<Cohort>())
        {
            Assert.Equal(cohort, new InstallationFacts { InstallationId = "X", Cohort = cohort }.Cohort);
        }

        var facts = new InstallationFacts { InstallationId = "X", MeterStatus = MeterStatus.Dormant, DormancyCause = DormancyCause.SmsoContractTerminated, ProfileDataSwitch = ProfileDataSwitch.On };
        Assert.Equal((MeterStatus.Dormant, DormancyCause.SmsoContractTerminated, ProfileDataSwitch.On), (facts.MeterStatus!.Value, facts.DormancyCause!.Value, facts.ProfileDataSwitch!.Value));
        Assert.Null((facts with { MeterStatus = null }).MeterStatus);
    }

    private static void AssertNotNamed(string property, Func<InstallationFacts> create)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(create);
        Assert.Equal(property, error.ParamName);
        Assert.Contains("is not a named value", error.Message, StringComparison.Ordinal);
    }
}
