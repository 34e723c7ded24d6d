namespace Smets1.Eligibility.Tests.Conventions;

public sealed class ReadmeTests
{
    [Fact]
    public void QuickStartBlock_IsTheCompiledSample()
    {
        var root = Root();
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var sample = File.ReadAllText(Path.Combine(root, "samples", "QuickStart", "Program.cs")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + sample + "```", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void SetUp_GivesTheTwoCommandsCiAndUsersRun()
    {
        var readme = File.ReadAllText(Path.Combine(Root(), "README.md"));
        var ci = File.ReadAllText(Path.Combine(Root(), ".ci", "run"));

        Assert.Contains("dotnet run --project src/Smets1.Eligibility.Cli -- evaluate", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test ", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test Smets1.Eligibility.sln", ci, StringComparison.Ordinal);
    }

    private static string Root() => RepositoryRoot.Path;
}
