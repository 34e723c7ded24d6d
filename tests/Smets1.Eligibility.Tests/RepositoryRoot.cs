namespace Smets1.Eligibility.Tests;

/// <summary>
/// Finds the repository from the test's output folder (source paths are mapped away in CI builds, so
/// <c>CallerFilePath</c> cannot be used).
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Smets1.Eligibility.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Smets1.Eligibility.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
