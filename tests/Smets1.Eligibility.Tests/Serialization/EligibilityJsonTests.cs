using System.Text.Json;
using Smets1.Eligibility.Serialization;

namespace Smets1.Eligibility.Tests.Serialization;

/// <summary>The JSON contract: readable ISO instants and contract names, results well under 2 KB, and round trips.</summary>
public sealed class EligibilityJsonTests
{
    private static readonly EligibilityEvaluator Evaluator = new(EpclBuilder.Default);

    [Fact]
    public void Result_SerialisesInstantsAsIsoTextAndRulesAsIdsAndMessages()
    {
        var facts = new InstallationBuilder().WithChfContactAge(Duration.FromHours(80)).Build();
        var result = Evaluator.Evaluate(facts);

        var json = JsonSerializer.Serialize(result, EligibilityJson.Options);

        Assert.Contains("\"assessed_at\":\"2021-11-10T10:00:00Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"tmad_version\":\"v17\"", json, StringComparison.Ordinal);
        Assert.Contains("\"verdict\":\"Deferred\"", json, StringComparison.Ordinal);
        Assert.Contains("\"rule\":\"COMMS-RECENT-CHF\"", json, StringComparison.Ordinal);
        Assert.True(json.Length < 2048, $"{json.Length} characters: {json}");
    }

    [Fact]
    public void Result_RoundTrips()
    {
        var facts = new InstallationBuilder().WithChfContactAge(Duration.FromHours(80)).WithPlannedCos(new LocalDate(2021, 11, 12)).Build();
        var result = Evaluator.Evaluate(facts);

        var back = JsonSerializer.Deserialize<EligibilityResult>(JsonSerializer.Serialize(result, EligibilityJson.Options), EligibilityJson.Options)!;

        Assert.Equal(result.Outcome, back.Outcome);
        Assert.Equal(result.AssessedAt, back.AssessedAt);
        Assert.Equal(result.Message, back.Message);
        Assert.Same(TmadCatalog.Shipped.Get("v17"), back.Version);
    }

    [Fact]
    public void Facts_RoundTripWithContractNamesIncludingDeclaredFacts()
    {
        var catalog = new TmadCatalogBuilder();
        foreach (var definition in VersionFile.Load(RepositoryRoot.Combine("samples", "acme", "acme-2021.json")))
        {
            catalog.Register(definition);
        }

        var built = catalog.Build();
        var options = EligibilityJson.For(built);
        var facts = new InstallationBuilder().For(built).WithFact("site_access", "none").WithFact("welfare_call_on", new LocalDate(2021, 10, 1)).Dormant(DormancyCause.SmsoContractTerminated).Build();

        var json = JsonSerializer.Serialize(facts, options);
        var back = JsonSerializer.Deserialize<InstallationFacts>(json, options)!;

        Assert.Contains("\"cohort\":\"MOC_SECURE\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dormancy_cause\":\"SMSO_CONTRACT_TERMINATED\"", json, StringComparison.Ordinal);
        Assert.Contains("\"site_access\":\"NONE\"", json, StringComparison.Ordinal);
        Assert.Contains("\"welfare_call_on\":\"2021-10-01\"", json, StringComparison.Ordinal);
        Assert.Equal(facts with { Custom = null }, back with { Custom = null });
        Assert.Equal("NONE", back.Custom!["site_access"]);
        Assert.Equal(new EligibilityEvaluator(built, EpclBuilder.Default).EvaluateOutcome(facts), new EligibilityEvaluator(built, EpclBuilder.Default).EvaluateOutcome(back));
    }
}
