using System.Globalization;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.DependencyInjection;

/// <summary>
/// Binds <see cref="EligibilityOptions"/> from configuration (for example the <c>Smets1Eligibility</c> section of
/// <c>appsettings.json</c>), by hand rather than by reflection so that every bad value is reported with its key:
/// <c>VersionFiles</c> (array of paths), <c>IncludeInferredTimeline</c> (bool), <c>EpclFile</c> (path) and
/// <c>CohortClosures</c> (array of <c>{ Cohort, LastDay, Source, Confidence, Note }</c>).
/// </summary>
internal static class ConfigurationBinder
{
    private static readonly string[] Known = ["VersionFiles", "IncludeInferredTimeline", "EpclFile", "ReloadEpclOnChange", "CohortClosures"];
    private static readonly string[] ClosureKeys = ["Cohort", "LastDay", "Source", "Confidence", "Note"];

    public static void Bind(IConfiguration configuration, EligibilityOptions options, List<string> errors)
    {
        foreach (var child in configuration.GetChildren())
        {
            if (Array.IndexOf(Known, child.Key) < 0)
            {
                errors.Add($"{child.Path}: unknown setting; the settings are {string.Join(", ", Known)}.");
            }
        }

        foreach (var file in configuration.GetSection("VersionFiles").GetChildren())
        {
            if (string.IsNullOrWhiteSpace(file.Value))
            {
                errors.Add($"{file.Path}: expected the path of a version file.");
                continue;
            }

            options.VersionFiles.Add(file.Value);
        }

        if (Boolean(configuration, "IncludeInferredTimeline", errors) is { } inferred)
        {
            options.IncludeInferredTimeline = inferred;
        }

        if (configuration["EpclFile"] is { } epclFile)
        {
            if (string.IsNullOrWhiteSpace(epclFile))
            {
                errors.Add($"{Path(configuration, "EpclFile")}: expected the path of an EPCL file.");
            }
            else
            {
                options.EpclFile = epclFile;
            }
        }

        if (Boolean(configuration, "ReloadEpclOnChange", errors) is { } reload)
        {
            options.ReloadEpclOnChange = reload;
        }

        foreach (var closure in configuration.GetSection("CohortClosures").GetChildren())
        {
            if (Closure(closure, errors) is { } bound)
            {
                options.CohortClosures.Add(bound);
            }
        }
    }

    private static CohortClosure? Closure(IConfigurationSection section, List<string> errors)
    {
        var before = errors.Count;
        foreach (var child in section.GetChildren())
        {
            if (Array.IndexOf(ClosureKeys, child.Key) < 0)
            {
                errors.Add($"{child.Path}: unknown setting; a cohort closure has {string.Join(", ", ClosureKeys)}.");
            }
        }

        Cohort cohort = default;
        if (!ContractText.TryParseCohort(section["Cohort"], out cohort))
        {
            errors.Add($"{section.Path}:Cohort: expected one of IOC, MOC_MDS, MOC_SECURE, FOC_NP, FOC_BG, got '{section["Cohort"]}'.");
        }

        var lastDay = LocalDatePattern.Iso.Parse(section["LastDay"] ?? string.Empty);
        if (!lastDay.Success)
        {
            errors.Add($"{section.Path}:LastDay: expected a date as YYYY-MM-DD, got '{section["LastDay"]}'.");
        }

        var source = section["Source"];
        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add($"{section.Path}:Source: expected where the date comes from.");
        }

        var confidence = Confidence.Confirmed;
        if (section["Confidence"] is { } text && !Enum.TryParse(text, ignoreCase: true, out confidence))
        {
            errors.Add($"{section.Path}:Confidence: expected confirmed or inferred, got '{text}'.");
        }

        return errors.Count > before ? null : new CohortClosure(cohort, lastDay.Value, source!, confidence, section["Note"]);
    }

    /// <summary>A true/false setting, or <see langword="null"/> when it is absent or (reported) not a boolean.</summary>
    private static bool? Boolean(IConfiguration configuration, string key, List<string> errors)
    {
        if (configuration[key] is not { } text)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add($"{Path(configuration, key)}: expected true or false, got '{text}'.");
        return null;
    }

    private static string Path(IConfiguration configuration, string key) =>
        configuration is IConfigurationSection section ? $"{section.Path}:{key}" : key;
}
