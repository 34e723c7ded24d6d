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
}
