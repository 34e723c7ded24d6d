using NodaTime;
using Smets1.Eligibility.Model;
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
    private readonly IReadOnlyList<ParameterDefinition> _defined = [];

    /// <summary>The parameters versions declare (RULE-FILES.md), inherited and overridden like the built-in ones, in declaration order.</summary>
    public IReadOnlyList<ParameterDefinition> Defined
    {
        get => _defined;
        init => _defined = value is null ? [] : [.. value];
    }

    /// <summary>Every parameter conditions can read: the built-in ones (those the version has) then <see cref="Defined"/>.</summary>
    public IReadOnlyList<ParameterDefinition> All
    {
        get
        {
            var all = new List<ParameterDefinition>(5 + Defined.Count)
            {
                BuiltIn(ParameterKeys.TmadExpiry, FactType.Date, Expiry.Value, null, Expiry),
                BuiltIn(ParameterKeys.CosLookaheadDays, FactType.Integer, (long)CosLookaheadDays.Value, "days", CosLookaheadDays),
                CommsWindow.Value.TotalNanoseconds % 3_600_000_000_000 == 0
                    ? BuiltIn(ParameterKeys.CommsWindowHours, FactType.Integer, (long)CommsWindow.Value.TotalHours, "hours", CommsWindow)
                    : BuiltIn(ParameterKeys.CommsWindowHours, FactType.Decimal, (decimal)CommsWindow.Value.TotalNanoseconds / 3_600_000_000_000m, "hours", CommsWindow),
            };
            if (FailedAttemptThreshold is { } threshold)
            {
                all.Add(BuiltIn(ParameterKeys.FailedAttemptThreshold, FactType.Integer, (long)threshold.Value, null, threshold));
            }

            all.Add(BuiltIn(ParameterKeys.EpclWindowMonths, FactType.Integer, (long)EpclWindowMonths.Value, "months", EpclWindowMonths));
            all.AddRange(Defined);
            return all;
        }
    }

    /// <summary>Every parameter as text, in the order of TMAD-RULES §6 then the declared ones; an absent threshold is left out.</summary>
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
            foreach (var p in Defined)
            {
                entries.Add(new ParameterEntry(p.Name, p.Name, p.ValueText, p.Source, p.Confidence, p.Note));
            }

            return entries;
        }
    }

    private static ParameterDefinition BuiltIn<T>(string name, FactType type, object value, string? unit, ParameterValue<T> source) =>
        new(name, type, value, source.Source) { Unit = unit, Confidence = source.Confidence, Note = source.Note, IsBuiltIn = true };

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
