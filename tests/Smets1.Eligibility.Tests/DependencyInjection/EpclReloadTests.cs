using Microsoft.Extensions.DependencyInjection;

namespace Smets1.Eligibility.Tests.DependencyInjection;

/// <summary>An EPCL file watched for changes: a valid new file replaces the evaluator, a broken one is ignored.</summary>
public sealed class EpclReloadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("smets1-epcl-").FullName;

    private string EpclPath => Path.Combine(_folder, "epcl.csv");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ReloadEpclOnChange_ANewValidFile_ReplacesTheCurrentEvaluator()
    {
        await File.WriteAllTextAsync(EpclPath, "dmc_id,added_on\nDMC-1,2021-03-15\n");
        using var provider = new ServiceCollection().AddSmets1Eligibility(o =>
        {
            o.EpclFile = EpclPath;
            o.ReloadEpclOnChange = true;
        }).BuildServiceProvider();
        var source = provider.GetRequiredService<EligibilityEvaluatorSource>();
        var first = source.Current;
        var reloaded = new TaskCompletionSource();
        source.Reloaded += (_, _) => reloaded.TrySetResult();

        await File.WriteAllTextAsync(EpclPath, "dmc_id,added_on\nDMC-1,2021-03-15\nDMC-2,2022-01-10\n");
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotSame(first, source.Current);
        Assert.Equal(2, source.Current.Epcl.Count);
        Assert.Same(first, provider.GetRequiredService<EligibilityEvaluator>()); // the registered evaluator is the first one
        Assert.Same(first.Catalog, source.Current.Catalog);
    }

    [Fact]
    public async Task Reload_ABrokenFile_KeepsTheCurrentEvaluator()
    {
        await File.WriteAllTextAsync(EpclPath, "dmc_id,added_on\nDMC-1,2021-03-15\n");
        using var provider = new ServiceCollection().AddSmets1Eligibility(o => o.EpclFile = EpclPath).BuildServiceProvider();
        var source = provider.GetRequiredService<EligibilityEvaluatorSource>();
        var first = source.Current;

        await File.WriteAllTextAsync(EpclPath, "dmc_id,added_on\nDMC-1,not a date\n");

        Assert.False(source.Reload());
        Assert.Same(first, source.Current);
        await File.WriteAllTextAsync(EpclPath, "dmc_id,added_on\nDMC-9,2023-01-01\n");
        Assert.True(source.Reload());
        Assert.True(source.Current.Epcl.TryGet("DMC-9", out _));
    }

    [Fact]
    public void ReloadEpclOnChange_WithoutAnEpclFile_IsAConfigurationError()
    {
        var error = Assert.Throws<EligibilityConfigurationException>(() => new ServiceCollection().AddSmets1Eligibility(o => o.ReloadEpclOnChange = true));

        Assert.Equal("ReloadEpclOnChange is set but EpclFile is not; name the EPCL file to watch.", Assert.Single(error.Errors));
    }
}
