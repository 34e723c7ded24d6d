using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Serialization;

/// <summary>
/// The JSON contract of the library's values: installation facts (the file's column names, enums in their contract
/// spelling, declared facts under <c>custom</c>), results (the verdict, the version's label, each failed rule and
/// warning as its ID, outcome and message), versions (label, dates, rule IDs, parameters with sources), version
/// diffs (rule and parameter changes) and estate summaries (counts by verdict, version, cohort and rule). Instants and dates are ISO text
/// (NodaTime.Serialization.SystemTextJson). Backed by a source-generated <see cref="JsonSerializerContext"/>.
/// </summary>
/// <remarks>The options are read-only and thread-safe. The tool's JSON Lines output uses the same names.</remarks>
/// <example>
/// <code>
/// var json = JsonSerializer.Serialize(result, EligibilityJson.Options);
/// // {"installation_id":"INST-1","assessed_at":"2021-11-10T10:00:00Z","tmad_version":"v17","verdict":"Eligible",…}
/// var back = JsonSerializer.Deserialize&lt;EligibilityResult&gt;(json, EligibilityJson.Options);
/// </code>
/// </example>
public static class EligibilityJson
{
    /// <summary>Options for the shipped catalogue: results name its versions and rules, facts carry no declared facts.</summary>
    public static JsonSerializerOptions Options { get; } = For(TmadCatalog.Shipped);

    /// <summary>
    /// Options for a catalogue with registered versions: results read back with its versions and defined rules, and
    /// facts with the facts its versions declare.
    /// </summary>
    /// <param name="catalog">The catalogue.</param>
    /// <returns>Read-only options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public static JsonSerializerOptions For(TmadCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var options = new JsonSerializerOptions(EligibilityJsonContext.Default.Options)
        {
            TypeInfoResolver = EligibilityJsonContext.Default,
        };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.Converters.Add(new ContractEnumConverter<Cohort>(ContractText.Format, ContractText.TryParseCohort));
        options.Converters.Add(new ContractEnumConverter<MeterStatus>(ContractText.Format, ContractText.TryParseMeterStatus));
        options.Converters.Add(new ContractEnumConverter<DormancyCause>(ContractText.Format, ContractText.TryParseDormancyCause));
        options.Converters.Add(new ContractEnumConverter<ProfileDataSwitch>(ContractText.Format, ContractText.TryParseProfileDataSwitch));
        options.Converters.Add(new JsonStringEnumConverter<Verdict>());
        options.Converters.Add(new CustomFactsConverter(catalog.Facts));
        options.Converters.Add(new EligibilityResultConverter(catalog));
        options.Converters.Add(new TmadVersionConverter(catalog));
        options.Converters.Add(new VersionDiffConverter(catalog));
        options.Converters.Add(new EstateSummaryConverter(catalog));
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>The types the contract serialises, with the file's snake_case names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InstallationFacts))]
[JsonSerializable(typeof(EligibilityResult))]
[JsonSerializable(typeof(TmadVersion))]
[JsonSerializable(typeof(Comparison.VersionDiff))]
[JsonSerializable(typeof(EstateSummary))]
[JsonSerializable(typeof(Instant))]
[JsonSerializable(typeof(LocalDate))]
internal sealed partial class EligibilityJsonContext : JsonSerializerContext;
