using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Smets1.Eligibility.Diagnostics;

/// <summary>
/// The names under which the library reports what it does, for OpenTelemetry or any <see cref="MeterListener"/> and
/// <see cref="ActivityListener"/>: a <see cref="Meter"/> and an <see cref="ActivitySource"/>, both named
/// <see cref="Name"/>. Nothing is measured when nothing listens, so the bulk paths cost the same as without them.
/// </summary>
/// <remarks>
/// Instruments: <c>smets1.eligibility.installations</c> (counter; tags <c>verdict</c> and <c>tmad.version</c>) and
/// <c>smets1.eligibility.batch.duration</c> (histogram, seconds). Activities: <c>evaluate batch</c>,
/// <c>evaluate parallel</c> and <c>replay</c>, tagged with the number of installations.
/// </remarks>
public static class EligibilityTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Smets1.Eligibility";

    internal static readonly ActivitySource Source = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Installations = Meter.CreateCounter<long>("smets1.eligibility.installations", "{installation}", "Installations evaluated, by verdict and version.");

    internal static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>("smets1.eligibility.batch.duration", "s", "How long a batch of installations took to evaluate.");

    /// <summary>Whether anything listens: checked once per batch, so an unobserved batch pays two field reads.</summary>
    internal static bool Observed => Installations.Enabled || BatchDuration.Enabled || Source.HasListeners();

    /// <summary>Reports a finished batch: counts per verdict and version, its duration, and closes its activity.</summary>
    internal static void Report(Activity? activity, long startedAt, ReadOnlySpan<EligibilityOutcome> outcomes)
    {
        activity?.SetTag("smets1.installations", outcomes.Length);
        activity?.Dispose();
        if (BatchDuration.Enabled)
        {
            BatchDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
        }

        if (!Installations.Enabled)
        {
            return;
        }

        var counts = new Dictionary<(Verdict, string?), long>();
        foreach (var outcome in outcomes)
        {
            var key = (outcome.Verdict, outcome.VersionLabel);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        foreach (var ((verdict, version), count) in counts)
        {
            Installations.Add(count, new KeyValuePair<string, object?>("verdict", verdict.ToString()), new KeyValuePair<string, object?>("tmad.version", version));
        }
    }
}
