using System.Text.Json;

namespace Smets1.Eligibility.Cli.Tests;

/// <summary>
/// The runtime settings the tool's throughput rests on (benchmarks/README.md, "fourth round") are in the runtimeconfig
/// the build writes beside it, so dropping one is caught here rather than in a slower run.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Theory]
    [InlineData("System.GC.Server", "true")]
    [InlineData("System.GC.Concurrent", "false")]
    [InlineData("System.Runtime.TieredPGO", "false")]
    [InlineData("System.Runtime.TieredCompilation.CallCountingDelayMs", "0")]
    [InlineData("System.Runtime.TieredCompilation.CallCountThreshold", "5000")]
    public void TheToolsRuntimeConfig_SetsIt(string name, string value)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "smets1-eligibility.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty(name, out var setting), $"{name} is not set");
        Assert.Equal(value, setting.ToString().ToLowerInvariant());
    }
}
