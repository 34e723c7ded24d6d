using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Smets1.Eligibility.Diagnostics;

namespace Smets1.Eligibility.Tests.Diagnostics;

/// <summary>The meter and activity source named Smets1.Eligibility report batches to whoever listens.</summary>
public sealed class EligibilityTelemetryTests
{
    [Fact]
    public void EvaluateBatch_WithAListener_CountsInstallationsByVerdictAndVersionAndTracesTheBatch()
    {
        // A version of its own, so that other tests evaluating at the same time do not disturb the counts.
        var catalog = new TmadCatalogBuilder().Register(new VersionDefinition
        {
            Label = "telemetry-test",
            BasedOn = "v17",
            EffectiveFrom = new LocalDate(1999, 3, 3),
            Source = "test",
        }).Build();
        var evaluator = new EligibilityEvaluator(catalog, EpclBuilder.Default);
        var installations = new[]
        {
            new InstallationBuilder().WithId("T-1").Build(),
            new InstallationBuilder().WithId("T-2").Build(),
            new InstallationBuilder().WithId("T-3").WithChfContact(null).Build(),
        };
        var counts = new ConcurrentDictionary<string, long>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EligibilityTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var version = tags.ToArray().FirstOrDefault(t => t.Key == "tmad.version").Value as string;
            var verdict = tags.ToArray().FirstOrDefault(t => t.Key == "verdict").Value as string;
            if (instrument.Name == "smets1.eligibility.installations" && version == "telemetry-test")
            {
                counts.AddOrUpdate(verdict!, value, (_, old) => old + value);
            }
        });
        meters.Start();
        var batches = new ConcurrentBag<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EligibilityTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = batches.Add,
        };
        ActivitySource.AddActivityListener(activities);

        evaluator.EvaluateBatch(installations, new EligibilityOutcome[3], EvaluationOptions.Pinned("telemetry-test"));

        Assert.Equal(2, counts.GetValueOrDefault(nameof(Verdict.Eligible)));
        Assert.Equal(1, counts.GetValueOrDefault(nameof(Verdict.Deferred)));
        Assert.Contains(batches, a => a.OperationName == "evaluate batch" && Equals(a.GetTagItem("smets1.installations"), 3));
    }
}
