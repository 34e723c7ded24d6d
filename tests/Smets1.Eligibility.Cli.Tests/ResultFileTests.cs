using System.Text;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Cli.Tests;

/// <summary>The library's public result writer writes what the tool writes, byte for byte.</summary>
public sealed class ResultFileTests
{
    private static readonly string Acme = Smets1.Eligibility.Tests.RepositoryRoot.Combine("samples", "acme", "acme-2021.json");
    private static readonly string AcmeEstate = Smets1.Eligibility.Tests.RepositoryRoot.Combine("samples", "acme", "estate.csv");
    private static readonly string AcmeEpcl = Smets1.Eligibility.Tests.RepositoryRoot.Combine("samples", "acme", "epcl.csv");

    [Theory]
    [InlineData("csv", ResultFormat.Csv)]
    [InlineData("jsonl", ResultFormat.JsonLines)]
    public void ResultFile_OverTheLibrarysReaders_WritesTheToolsOutput(string toolFormat, ResultFormat format)
    {
        using var scratch = new Scratch();
        // The user-defined sample, with a row whose custom cell does not parse and one with a formula-like ID.
        var estate = scratch.File("estate.csv", File.ReadAllText(AcmeEstate).TrimEnd('\n') +
            "\nACME-BAD,2021-11-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-FOC-0001,,,maybe,,0,FULL," +
            "\n=ACME-F,2021-11-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-FOC-0001,,,false,,0,FULL,\n");
        var tool = ToolRun.InProcess("evaluate", estate, "--epcl", AcmeEpcl, "--versions", Acme, "--format", toolFormat);
        Assert.Equal(ExitCodes.SomeInvalid, tool.ExitCode);

        var builder = new TmadCatalogBuilder();
        foreach (var version in VersionFile.Load(Acme))
        {
            builder.Register(version);
        }

        var catalog = builder.Build();
        var evaluator = new EligibilityEvaluator(catalog, EpclFile.Load(AcmeEpcl));
        using var output = new MemoryStream();
        using (var results = new ResultFile(output, format, leaveOpen: true))
        {
            foreach (var row in InstallationFile.Load(estate, catalog.Facts))
            {
                if (row.Facts is { } facts)
                {
                    results.Write(row.Row, evaluator.Evaluate(facts));
                }
                else
                {
                    results.WriteInvalid(row);
                }
            }
        }

        var written = Encoding.UTF8.GetString(output.ToArray());
        Assert.Equal(tool.Output, written);
        Assert.Contains("ACME-BAD", written, StringComparison.Ordinal);
        Assert.Contains(format == ResultFormat.Csv ? "'=ACME-F" : "\"=ACME-F\"", written, StringComparison.Ordinal); // CSV neutralises formulas
    }

    [Fact]
    public void WriteInvalid_ARowThatCouldBeRead_IsRefused()
    {
        using var results = new ResultFile(Stream.Null, ResultFormat.Csv);
        var row = new InstallationRow(1, "A1", new InstallationFacts { InstallationId = "A1" }, null);

        var error = Assert.Throws<ArgumentException>(() => results.WriteInvalid(row));
        Assert.Contains("Row 1 ('A1') could be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AfterDispose_Throws()
    {
        var results = new ResultFile(new MemoryStream(), ResultFormat.JsonLines);
        results.Dispose();

        Assert.Throws<ObjectDisposedException>(() => results.WriteInvalid(new InstallationRow(1, "A1", null, "bad")));
    }
}
