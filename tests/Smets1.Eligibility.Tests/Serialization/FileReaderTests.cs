using Smets1.Eligibility.Files;

namespace Smets1.Eligibility.Tests.Serialization;

/// <summary>The tool's readers as the library offers them: the same rows, the same errors.</summary>
public sealed class FileReaderTests
{
    [Fact]
    public void InstallationFile_Load_TheBundledSample_YieldsOneRowPerInstallationInOrder()
    {
        var rows = InstallationFile.Load(RepositoryRoot.Combine("samples", "estate.csv")).ToList();

        Assert.Equal(241, rows.Count);
        Assert.Equal(Enumerable.Range(1, 241), rows.Select(r => r.Row));
        Assert.All(rows, r => Assert.True(r.IsValid, r.Invalid));
    }

    [Fact]
    public void InstallationFile_Read_DeclaredFactsAndBadCells_AreReadOrNamedRowByRow()
    {
        var catalog = new TmadCatalogBuilder().Register(VersionFile.Load(RepositoryRoot.Combine("samples", "acme", "acme-2021.json")).Single()).Build();

        var rows = InstallationFile.Load(RepositoryRoot.Combine("samples", "acme", "estate.csv"), catalog.Facts).ToList();

        Assert.Equal(10, rows.Count);
        Assert.Equal(3L, rows[4].Facts!.Custom!["open_complaints"]);
        Assert.Equal("column 'open_complaints' has '-1', expected a whole number at least 0", rows[8].Invalid);
    }

    [Fact]
    public void InstallationFile_Read_UnknownColumn_FailsBeforeAnyRowNamingIt()
    {
        var error = Assert.Throws<EligibilityFileException>(() => InstallationFile.Read(new StringReader("installation_id,colour\nA,red\n"), "in.csv"));

        Assert.StartsWith("in.csv: unknown column 'colour' (column 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EpclFile_Read_RepeatedDmc_NamesTheLines()
    {
        var error = Assert.Throws<EligibilityFileException>(() => EpclFile.Read(new StringReader("dmc_id,added_on\nDMC-1,2021-03-15\nDMC-1,2021-03-16\n"), "epcl.csv"));

        Assert.Equal("epcl.csv: line 3: dmc_id 'DMC-1' repeats data row 1; each DMC is listed once.", error.Message);
    }
}
