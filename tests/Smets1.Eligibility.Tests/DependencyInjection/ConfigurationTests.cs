using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smets1.Eligibility.Files;

namespace Smets1.Eligibility.Tests.DependencyInjection;

/// <summary>Options bound from configuration (appsettings.json), the EPCL from a file, and the registration's log.</summary>
public sealed class ConfigurationTests
{
    private static IConfiguration Json(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"smets1-appsettings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            return new ConfigurationBuilder().AddJsonFile(path).Build().GetSection("Smets1Eligibility");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Escaped(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);

    [Fact]
    public void AddSmets1Eligibility_FromAppSettings_BindsVersionFilesEpclFileTimelineAndClosures()
    {
        var configuration = Json($$"""
            { "Smets1Eligibility": {
                "VersionFiles": ["{{Escaped(RepositoryRoot.Combine("samples", "acme", "acme-2021.json"))}}"],
                "EpclFile": "{{Escaped(RepositoryRoot.Combine("samples", "acme", "epcl.csv"))}}",
                "IncludeInferredTimeline": true,
                "CohortClosures": [ { "Cohort": "IOC", "LastDay": "2023-05-20", "Source": "DCC notice 2023-04", "Confidence": "confirmed" } ]
            } }
            """);

        using var provider = new ServiceCollection().AddSmets1Eligibility(configuration).BuildServiceProvider();
        var evaluator = provider.GetRequiredService<EligibilityEvaluator>();

        Assert.True(evaluator.Catalog.TryGet("acme-2021", out _));
        Assert.True(evaluator.IncludeInferredTimeline);
        Assert.Equal(EpclFile.Load(RepositoryRoot.Combine("samples", "acme", "epcl.csv")).Count, evaluator.Epcl.Count);
        Assert.True(evaluator.Epcl.TryGet("DMC-FOC-0001", out _));
        Assert.Equal(new LocalDate(2023, 5, 20), evaluator.CohortClosures[Cohort.Ioc].LastDay);
        Assert.Equal("DCC notice 2023-04", evaluator.CohortClosures[Cohort.Ioc].Source);
    }

    [Fact]
    public void AddSmets1Eligibility_BadSettings_ListsEveryProblemWithItsKey()
    {
        var configuration = Json("""
            { "Smets1Eligibility": {
                "VersionFile": "typo.json",
                "IncludeInferredTimeline": "sometimes",
                "CohortClosures": [ { "Cohort": "IOC-1", "LastDay": "2023-02-30", "Source": "" } ]
            } }
            """);

        var error = Assert.Throws<EligibilityConfigurationException>(() => new ServiceCollection().AddSmets1Eligibility(configuration));

        Assert.Equal(
            [
                "Smets1Eligibility:VersionFile: unknown setting; the settings are VersionFiles, IncludeInferredTimeline, EpclFile, ReloadEpclOnChange, CohortClosures.",
                "Smets1Eligibility:IncludeInferredTimeline: expected true or false, got 'sometimes'.",
                "Smets1Eligibility:CohortClosures:0:Cohort: expected one of IOC, MOC_MDS, MOC_SECURE, FOC_NP, FOC_BG, got 'IOC-1'.",
                "Smets1Eligibility:CohortClosures:0:LastDay: expected a date as YYYY-MM-DD, got '2023-02-30'.",
                "Smets1Eligibility:CohortClosures:0:Source: expected where the date comes from.",
            ],
            error.Errors);
    }

    [Fact]
    public void AddSmets1Eligibility_EpclFileWithABadRow_NamesTheFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"smets1-epcl-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "dmc_id,added_on\nDMC-1,2021-03-15\nDMC-2,someday\n");
        try
        {
            var error = Assert.Throws<EligibilityConfigurationException>(() => new ServiceCollection().AddSmets1Eligibility(o => o.EpclFile = path));

            Assert.StartsWith($"EpclFile: {path}: line 3: column 'added_on' has 'someday'", Assert.Single(error.Errors), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddSmets1Eligibility_EpclAndEpclFile_IsAnError()
    {
        var error = Assert.Throws<EligibilityConfigurationException>(() => new ServiceCollection().AddSmets1Eligibility(o =>
        {
            o.Epcl = EpclBuilder.Default;
            o.EpclFile = "epcl.csv";
        }));

        Assert.Equal("Both Epcl and EpclFile ('epcl.csv') are set; give the EPCL one way.", Assert.Single(error.Errors));
    }

    [Fact]
    public void Registration_LogsItsLoadingEventsOnceTheEvaluatorIsCreated()
    {
        var sink = new Sink();
        using var provider = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(sink).SetMinimumLevel(LogLevel.Information))
            .AddSmets1Eligibility(o =>
            {
                o.VersionFiles.Add(RepositoryRoot.Combine("samples", "acme", "acme-2021.json"));
                o.EpclFile = RepositoryRoot.Combine("samples", "acme", "epcl.csv");
            })
            .BuildServiceProvider();
        Assert.Empty(sink.Messages);

        _ = provider.GetRequiredService<EligibilityEvaluator>();

        Assert.Contains(sink.Messages, m => m.StartsWith("Smets1.Eligibility: TMAD catalogue built:", StringComparison.Ordinal) && m.Contains("acme-2021", StringComparison.Ordinal));
        Assert.Contains(sink.Messages, m => m.StartsWith("Smets1.Eligibility: Version files loaded:", StringComparison.Ordinal) && m.EndsWith("acme-2021.json", StringComparison.Ordinal));
        Assert.Contains("Smets1.Eligibility: Inferred timeline (TMAD-RULES §3a) enabled: False", sink.Messages);
        Assert.Contains(sink.Messages, m => m.StartsWith("Smets1.Eligibility: EPCL loaded: 1 entries from ", StringComparison.Ordinal) && m.EndsWith("epcl.csv", StringComparison.Ordinal));
    }

    private sealed class Sink : ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, List<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Add($"{category}: {formatter(state, exception)}");
        }
    }
}
