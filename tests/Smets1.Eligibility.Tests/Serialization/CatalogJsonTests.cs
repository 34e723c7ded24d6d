using System.Text.Json;
using Smets1.Eligibility.Comparison;
using Smets1.Eligibility.Serialization;

namespace Smets1.Eligibility.Tests.Serialization;

/// <summary>Versions, diffs and estate summaries in <see cref="EligibilityJson"/>'s contract, and back.</summary>
public sealed class CatalogJsonTests
{
    [Fact]
    public void Version_SerialisesLabelDatesRulesAndSourcedParameters_AndReadsBackByLabel()
    {
        var v17 = TmadCatalog.Shipped.Get("v17");

        var json = JsonSerializer.Serialize(v17, EligibilityJson.Options);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("v17", root.GetProperty("label").GetString());
        Assert.Equal(Text.Date(v17.EffectiveFrom), root.GetProperty("effective_from").GetString());
        Assert.Equal(v17.Rules.Select(r => r.Id), root.GetProperty("rules").EnumerateArray().Select(e => e.GetString()));
        var window = root.GetProperty("parameters").GetProperty("comms_window_hours");
        Assert.False(string.IsNullOrWhiteSpace(window.GetProperty("source").GetString()));
        Assert.Same(v17, JsonSerializer.Deserialize<TmadVersion>(json, EligibilityJson.Options));
    }

    [Fact]
    public void VersionDiff_SerialisesRuleAndParameterChanges_AndReadsBackAsTheSameDiff()
    {
        var diff = VersionComparer.Compare(TmadCatalog.Shipped.Get("v11"), TmadCatalog.Shipped.Get("v17"));

        var json = JsonSerializer.Serialize(diff, EligibilityJson.Options);
        var back = JsonSerializer.Deserialize<VersionDiff>(json, EligibilityJson.Options)!;

        Assert.Contains("\"from\":\"v11\",\"to\":\"v17\"", json, StringComparison.Ordinal);
        Assert.Contains("\"key\":\"comms_window_hours\"", json, StringComparison.Ordinal);
        Assert.Equal(diff.Rules.Select(r => (r.Rule.Id, r.Kind)), back.Rules.Select(r => (r.Rule.Id, r.Kind)));
        Assert.Equal(diff.Parameters.Select(p => p.ToString()), back.Parameters.Select(p => p.ToString()));
        Assert.Equal(json, JsonSerializer.Serialize(back, EligibilityJson.Options));
    }

    [Fact]
    public void EstateSummary_RoundTripsEveryCount()
    {
        var estate = new SyntheticEstate(seed: 5);
        var evaluator = new EligibilityEvaluator(estate.Epcl);
        var summary = new EstateSummary();
        foreach (var facts in estate.Installations(3_000))
        {
            summary.Add(facts, evaluator.EvaluateOutcome(facts));
        }

        var json = JsonSerializer.Serialize(summary, EligibilityJson.Options);
        var back = JsonSerializer.Deserialize<EstateSummary>(json, EligibilityJson.Options)!;

        Assert.Equal(summary.Total, back.Total);
        Assert.Equal(summary.ByVerdict, back.ByVerdict);
        Assert.Equal(summary.ByVersion, back.ByVersion);
        Assert.Equal(summary.ByCohort, back.ByCohort);
        Assert.Equal(summary.ByFailedRule, back.ByFailedRule);
        Assert.Equal(summary.ByWarning, back.ByWarning);
        Assert.Equal(json, JsonSerializer.Serialize(back, EligibilityJson.Options));
        Assert.Contains("\"by_failed_rule\":{", json, StringComparison.Ordinal);
    }

    [Fact]
    public void EstateSummary_WithARuleTheCatalogueDoesNotKnow_IsAJsonErrorNamingIt()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<EstateSummary>("""{"total":1,"by_failed_rule":{"NOPE-1":1}}""", EligibilityJson.Options));

        Assert.Contains("NOPE-1", error.Message, StringComparison.Ordinal);
    }
}
