using System.Reflection;

namespace Smets1.Eligibility.Tests.Conventions;

public sealed class ConventionTests
{
    private static readonly IReadOnlyList<RuleDefinition> Catalogue = TmadCatalog.Shipped.Rules;

    public static TheoryData<string> RuleIdConstants() =>
        [.. typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!)];

    public static TheoryData<string> AdoptedRules() =>
        [.. Catalogue.Where(r => r.IsAdopted && !r.IsEngineCheck).Select(r => r.Id)];

    [Fact]
    public void Catalogue_IdsAreExactlyTheRuleIdsConstants()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(constants.Order(StringComparer.Ordinal), Catalogue.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuleIdConstants))]
    public void EveryRuleId_IsImplemented(string ruleId)
    {
        var rule = TmadCatalog.Shipped.GetRule(ruleId);

        // A catalogue rule is implemented when it has a condition in the model or a predicate, is applied by the engine itself, or is listed as not adopted.
        Assert.True(rule.When is not null || rule.Predicate is not null || rule.IsEngineCheck || !rule.IsAdopted, ruleId);
        Assert.Equal(ruleId, rule.Id);
        Assert.Same(rule, Catalogue.Single(r => r.Id == ruleId));
    }

    [Theory]
    [MemberData(nameof(AdoptedRules))]
    public void EveryEvaluatedRule_HasSourceConfidenceCitationPredicateAndExplanation(string ruleId)
    {
        var rule = TmadCatalog.Shipped.GetRule(ruleId);

        Assert.NotNull(rule.Source);
        Assert.Contains(rule.Source, Sources.Descriptions.Keys);
        Assert.NotNull(rule.Confidence);
        Assert.False(string.IsNullOrWhiteSpace(rule.Citation));
        Assert.True(rule.When is not null ^ rule.Predicate is not null, $"{ruleId} has a condition in the model or a primitive predicate, exactly one.");
        Assert.NotNull(rule.Explain);
        Assert.NotEmpty(rule.ShippedIn);
        if (rule.Confidence == Confidence.Inferred)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.ConfidenceNote), $"{ruleId} is inferred but does not say what is inferred.");
        }
    }

    [Fact]
    public void BuiltInRules_TheModelCanState_AreStatedInIt()
    {
        // TMAD-RULES' checks whose logic the open model allows are conditions of the model, compiled like users' rules;
        // the rest are primitives that need the engine's own facts or arithmetic (version expiry, cohort closure, EPCL dates and months).
        string[] stated =
        [
            RuleIds.CosLookahead, RuleIds.DormantProfileSwitch, RuleIds.CommsRecentChf, RuleIds.IgtCertificate, RuleIds.ExclDirected,
            RuleIds.ExclMasterKeys, RuleIds.ExclNoWanPre, RuleIds.ExclNoWanMigration, RuleIds.ExclFailedAttempts, RuleIds.ExclUneconomicDmc,
            RuleIds.ExclActiveToDormant, RuleIds.CommsRecentGsme, RuleIds.ExclGt01,
        ];
        string[] primitives = [RuleIds.TmadInForce, RuleIds.CohortOpen, RuleIds.EpclListed, RuleIds.EpclWindow];

        Assert.Equal(stated.Order(StringComparer.Ordinal), Catalogue.Where(r => r.When is not null).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(primitives.Order(StringComparer.Ordinal), Catalogue.Where(r => r.Predicate is not null).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(Catalogue, r => Assert.False(r.IsDefined, r.Id));
    }

    [Fact]
    public void SupplierCertIds_IsListedAsNotAdoptedAndHeldByNoVersion()
    {
        var rule = TmadCatalog.Shipped.GetRule(RuleIds.SupplierCertIds);

        Assert.False(rule.IsAdopted);
        Assert.Empty(rule.ShippedIn);
        Assert.All(TmadCatalog.Shipped.Versions, v => Assert.False(v.Holds(RuleIds.SupplierCertIds)));
    }

    [Fact]
    public void ShippedIn_AgreesWithTheVersionsRuleLists()
    {
        foreach (var rule in Catalogue)
        {
            var holders = TmadCatalog.Shipped.Versions.Where(v => v.IsShipped && v.Holds(rule.Id)).Select(v => v.Label);
            Assert.Equal(rule.ShippedIn, holders);
        }
    }

    [Fact]
    public void EveryRuleParameter_IsAKnownParameterKey()
    {
        var keys = typeof(ParameterKeys).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

        Assert.All(Catalogue.SelectMany(r => r.Parameters), p => Assert.Contains(p, keys));
    }

    [Fact]
    public void EveryInferredEra_CitesAKnownSourceForItsRulesAndParameters()
    {
        // The eras are our inference (TMAD-RULES §3a): each value and each added rule starts with the key of the source it rests on.
        foreach (var era in TmadCatalog.Shipped.Versions.Where(v => v.IsInferred))
        {
            Assert.Equal(Smets1.Eligibility.Rules.Confidence.Inferred, era.EffectiveFromConfidence);
            Assert.All(era.Parameters.Entries.Select(e => e.Source).Concat(era.RuleSources.Values).Append(era.Source), source =>
                Assert.Contains(Sources.Descriptions.Keys, key => source.StartsWith(key, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void EveryShippedParameterValue_HasAKnownSource()
    {
        foreach (var entry in TmadCatalog.Shipped.Versions.Where(v => v.IsShipped).SelectMany(v => v.Parameters.Entries))
        {
            Assert.Contains(entry.Source, Sources.Descriptions.Keys);
            if (entry.Confidence == Confidence.Inferred)
            {
                Assert.False(string.IsNullOrWhiteSpace(entry.Note), entry.Key);
            }
        }
    }

    [Fact]
    public void PublicApi_OfTheCorePackage_MatchesTheApprovedSnapshot()
    {
        PublicApi.Verify(typeof(EligibilityEvaluator).Assembly);
    }

    [Fact]
    public void PublicApi_OfTheTestingPackage_MatchesTheApprovedSnapshot()
    {
        PublicApi.Verify(typeof(InstallationBuilder).Assembly);
    }

    [Fact]
    public void PublicApi_OfTheNRulesPackage_MatchesTheApprovedSnapshot()
    {
        PublicApi.Verify(typeof(Smets1.Eligibility.NRules.NRulesImporter).Assembly);
    }

    [Fact]
    public void PublicApi_OfTheDependencyInjectionPackage_MatchesTheApprovedSnapshot()
    {
        PublicApi.Verify(typeof(EligibilityOptions).Assembly);
    }

    [Fact]
    public void CorePackage_DependsOnNoMicrosoftExtensionsAssembly()
    {
        // Dependency injection, configuration and logging live in Smets1.Eligibility.DependencyInjection (the pattern of Polly and NodaTime).
        var references = typeof(EligibilityEvaluator).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_NeverReadTheSystemClockOrUseDateTime()
    {
        var root = RepositoryRoot.Path;
        var offenders = new List<string>();
        foreach (var folder in new[] { "src", "tests" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || file.EndsWith("ConventionTests.cs", StringComparison.Ordinal))
                {
                    continue;
                }

                var text = File.ReadAllText(file);
                foreach (var banned in new[] { "DateTime.Now", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "SystemClock.Instance" })
                {
                    // The command-line tool and DI registration may default to the system clock; nothing else may.
                    var allowed = banned == "SystemClock.Instance" && (file.Contains("Smets1.Eligibility.Cli", StringComparison.Ordinal) || file.EndsWith("ServiceCollectionExtensions.cs", StringComparison.Ordinal));
                    if (!allowed && text.Contains(banned, StringComparison.Ordinal))
                    {
                        offenders.Add($"{Path.GetRelativePath(root, file)}: {banned}");
                    }
                }
            }
        }

        Assert.Empty(offenders);
    }
}
