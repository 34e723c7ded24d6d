using NodaTime;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Versions;

/// <summary>The parameter table of one TMAD version (TMAD-RULES §6), every value with its source.</summary>
/// <param name="Expiry">The TMAD expiry date, inclusive: the version applies until the end of this UK day.</param>
/// <param name="CosLookaheadDays">Days ahead in which a planned change of supplier or tenancy defers migration.</param>
/// <param name="CommsWindow">How recently the Communications Hub and gas meter must have communicated.</param>
/// <param name="EpclWindowMonths">Calendar months after a DMC's EPCL date in which its installations should migrate.</param>
/// <param name="FailedAttemptThreshold">Failed attempts at which <c>EXCL-FAILED-ATTEMPTS</c> excludes; <see langword="null"/> in versions without that rule.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TmadParameters(
    ParameterValue<LocalDate> Expiry,
    ParameterValue<int> CosLookaheadDays,
    ParameterValue<Duration> CommsWindow,
    ParameterValue<int> EpclWindowMonths,
    ParameterValue<int>? FailedAttemptThreshold)
{
    /// <summary>Every parameter as text, in the order of TMAD-RULES §6; an absent threshold is left out.</summary>
    public IReadOnlyList<ParameterEntry> Entries
    {
        get
        {
            var entries = new List<ParameterEntry>(5)
            {
                Entry(ParameterKeys.TmadExpiry, "TMAD expiry (inclusive)", Text.Date(Expiry.Value), Expiry),
                Entry(ParameterKeys.CosLookaheadDays, "CoS / CoT look-ahead", Text.Days(CosLookaheadDays.Value), CosLookaheadDays),
                Entry(ParameterKeys.CommsWindowHours, "communications window", Text.Hours(CommsWindow.Value), CommsWindow),
            };
            if (FailedAttemptThreshold is { } threshold)
            {
                entries.Add(Entry(ParameterKeys.FailedAttemptThreshold, "failed-attempt threshold", threshold.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), threshold));
            }

            entries.Add(Entry(ParameterKeys.EpclWindowMonths, "EPCL migration window", Text.Months(EpclWindowMonths.Value), EpclWindowMonths));
            return entries;
        }
    }

    private static ParameterEntry Entry<T>(string key, string title, string value, ParameterValue<T> source) =>
        new(key, title, value, source.Source, source.Confidence, source.Note);

    internal static void Validate(TmadParameters parameters, string label, List<string> errors)
    {
        if (parameters.CosLookaheadDays.Value < 0)
        {
            errors.Add($"Version '{label}': {ParameterKeys.CosLookaheadDays} is {parameters.CosLookaheadDays.Value}; it must be zero or more days.");
        }

        if (parameters.CommsWindow.Value <= Duration.Zero)
        {
            errors.Add($"Version '{label}': {ParameterKeys.CommsWindowHours} is {Text.Hours(parameters.CommsWindow.Value)}; it must be positive.");
        }

        if (parameters.EpclWindowMonths.Value < 1)
        {
            errors.Add($"Version '{label}': {ParameterKeys.EpclWindowMonths} is {parameters.EpclWindowMonths.Value}; it must be at least 1 month.");
        }

        if (parameters.FailedAttemptThreshold is { Value: < 1 } threshold)
        {
            errors.Add($"Version '{label}': {ParameterKeys.FailedAttemptThreshold} is {threshold.Value}; it must be at least 1.");
        }
    }
}
