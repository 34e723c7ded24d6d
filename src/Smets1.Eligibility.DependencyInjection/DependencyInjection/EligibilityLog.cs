using Microsoft.Extensions.Logging;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.DependencyInjection;

/// <summary>The loading and configuration events of a registration, logged once when its evaluator is created.</summary>
internal static class EligibilityLog
{
    /// <summary>The logger category.</summary>
    public const string Category = "Smets1.Eligibility";

    private static readonly Action<ILogger, int, string, Exception?> CatalogueBuilt = LoggerMessage.Define<int, string>(
        LogLevel.Information, new EventId(1, "CatalogueBuilt"), "TMAD catalogue built: {VersionCount} versions ({Labels})");

    private static readonly Action<ILogger, string, Exception?> VersionFilesLoaded = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(2, "VersionFilesLoaded"), "Version files loaded: {Files}");

    private static readonly Action<ILogger, bool, Exception?> InferredTimeline = LoggerMessage.Define<bool>(
        LogLevel.Information, new EventId(3, "InferredTimeline"), "Inferred timeline (TMAD-RULES §3a) enabled: {Enabled}");

    private static readonly Action<ILogger, int, string, Exception?> EpclLoaded = LoggerMessage.Define<int, string>(
        LogLevel.Information, new EventId(4, "EpclLoaded"), "EPCL loaded: {Count} entries from {Origin}");

    private static readonly Action<ILogger, string, int, Exception?> Reloaded = LoggerMessage.Define<string, int>(
        LogLevel.Information, new EventId(5, "EpclReloaded"), "EPCL reloaded from {File}: {Count} entries");

    private static readonly Action<ILogger, string, string, Exception?> ReloadFailed = LoggerMessage.Define<string, string>(
        LogLevel.Warning, new EventId(6, "EpclReloadFailed"), "EPCL file {File} changed but was not reloaded; the previous EPCL stays: {Problem}");

    public static void EpclReloaded(ILogger? logger, string file, int count)
    {
        if (logger is not null)
        {
            Reloaded(logger, file, count, null);
        }
    }

    public static void EpclReloadFailed(ILogger? logger, string file, string problem)
    {
        if (logger is not null)
        {
            ReloadFailed(logger, file, problem, null);
        }
    }

    public static void Registration(ILoggerFactory? factory, EligibilityOptions options, TmadCatalog catalog, int epclEntries)
    {
        if (factory is null)
        {
            return;
        }

        var logger = factory.CreateLogger(Category);
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        CatalogueBuilt(logger, catalog.Versions.Count, string.Join(", ", catalog.Labels), null);
        if (options.VersionFiles.Count > 0)
        {
            VersionFilesLoaded(logger, string.Join(", ", options.VersionFiles), null);
        }

        InferredTimeline(logger, options.IncludeInferredTimeline, null);
        EpclLoaded(logger, epclEntries, options.EpclFile ?? "the options", null);
    }
}
