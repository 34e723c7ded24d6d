using NodaTime;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Versions;

/// <summary>
/// Parameter values that replace a version's own (TMAD-RULES §6): for a registered version, those it does
/// not inherit from its base; for <see cref="TmadCatalogBuilder.OverrideParameters"/>, a user's reading of a
/// shipped version. Every value set is cited with <see cref="Source"/>. Unset values are left as they are.
/// </summary>
/// <remarks>Mutable until handed to a builder; validated when the catalogue is built.</remarks>
public sealed class ParameterOverrides
{
    /// <summary>The inclusive expiry date.</summary>
    public LocalDate? Expiry { get; set; }

    /// <summary>The CoS / CoT look-ahead, in days (0 or more).</summary>
    public int? CosLookaheadDays { get; set; }

    /// <summary>The communications window (positive).</summary>
    public Duration? CommsWindow { get; set; }

    /// <summary>The failed-attempt threshold (1 or more).</summary>
    public int? FailedAttemptThreshold { get; set; }

    /// <summary>The EPCL migration window, in calendar months (1 or more).</summary>
    public int? EpclWindowMonths { get; set; }

    /// <summary>Where the values come from. For a <see cref="VersionDefinition"/>, blank means the definition's own source.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>Source notes for single values, by parameter key (see <see cref="ParameterKeys"/>); they replace <see cref="Source"/> for that value.</summary>
    public IDictionary<string, string> Sources { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// New values for parameters a base version declared (RULE-FILES.md: a derived version may override a declared
    /// parameter's value without repeating its type), by name: <see cref="long"/>, <see cref="decimal"/>,
    /// <see cref="bool"/>, <see cref="string"/> or <c>LocalDate</c>.
    /// </summary>
    public IDictionary<string, object> Values { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>Whether the values are stated by that source or are a reading of it.</summary>
    /// <value>Default <see cref="Confidence.Inferred"/>.</value>
    public Confidence Confidence { get; set; } = Confidence.Inferred;

    /// <summary>Whether any value is set.</summary>
    public bool IsEmpty => Expiry is null && CosLookaheadDays is null && CommsWindow is null && FailedAttemptThreshold is null && EpclWindowMonths is null && Values.Count == 0;

    internal TmadParameters ApplyTo(TmadParameters parameters, string source, Confidence confidence) => new(
        Expiry: Expiry is { } expiry ? new(expiry, SourceOf(ParameterKeys.TmadExpiry, source), confidence) : parameters.Expiry,
        CosLookaheadDays: CosLookaheadDays is { } days ? new(days, SourceOf(ParameterKeys.CosLookaheadDays, source), confidence) : parameters.CosLookaheadDays,
        CommsWindow: CommsWindow is { } window ? new(window, SourceOf(ParameterKeys.CommsWindowHours, source), confidence) : parameters.CommsWindow,
        EpclWindowMonths: EpclWindowMonths is { } months ? new(months, SourceOf(ParameterKeys.EpclWindowMonths, source), confidence) : parameters.EpclWindowMonths,
        FailedAttemptThreshold: FailedAttemptThreshold is { } threshold ? new(threshold, SourceOf(ParameterKeys.FailedAttemptThreshold, source), confidence) : parameters.FailedAttemptThreshold)
    {
        Defined = parameters.Defined,
    };

    internal string SourceOf(string key, string source) =>
        Sources.TryGetValue(key, out var specific) && !string.IsNullOrWhiteSpace(specific) ? specific : source;
}
