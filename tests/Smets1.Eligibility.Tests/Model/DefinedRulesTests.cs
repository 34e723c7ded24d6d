using NodaTime;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Testing;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Tests.Model;

/// <summary>Facts, parameters and rules that versions define (RULE-FILES.md), evaluated through the compiled delegate.</summary>
public sealed class DefinedRulesTests
{
    private static readonly Instant At = Instant.FromUtc(2021, 11, 10, 10, 0);
    private static readonly Epcl Epcl = new([new EpclEntry("DMC-FOC-0001", new LocalDate(2021, 3, 15))]);

    private static (EligibilityEvaluator Evaluator, TmadCatalog Catalog) Acme()
    {
        var builder = new TmadCatalogBuilder();
        foreach (var definition in VersionFile.Load(RepositoryRoot.Combine("samples", "acme", "acme-2021.json")))
        {
            builder.Register(definition);
        }

        var catalog = builder.Build();
        return (new EligibilityEvaluator(catalog, Epcl), catalog);
    }

    private static InstallationFacts Installation(TmadCatalog catalog, Action<CustomFactsBuilder> facts, Instant? at = null)
    {
        var values = catalog.Facts.CreateValues();
        facts(values);
        return new InstallationBuilder().AssessedAt(at ?? At).WithDmc("DMC-FOC-0001").Build() with { Custom = values.Build() };
    }

    [Fact]
    public void Evaluate_AcmeComplaints_FailsWithTheContractMessage()
    {
        var (evaluator, catalog) = Acme();

        var result = evaluator.Evaluate(Installation(catalog, v => v.Set("open_complaints", 3).Set("site_access", "FULL")));

        Assert.Equal("acme-2021", result.Version!.Label);
        Assert.Equal(Verdict.Deferred, result.Verdict);
        Assert.Equal("ACME-COMPLAINTS: open_complaints 3 is more than max_open_complaints 1", Assert.Single(result.Failures).ToString());
    }

    [Theory]
    // is, in and is_not after an hours_since/days_since/days_until operand: the explanation once cut "is " off every operator and crashed.
    [InlineData("""{ "hours_since": "chf_last_contact", "is": 15 }""", "R-1: chf_last_contact 2021-11-09T19:00:00Z is 15h before assessment, exactly 15h")]
    [InlineData("""{ "days_since": "chf_last_contact", "in": [1, 2] }""", "R-1: chf_last_contact 2021-11-09T19:00:00Z is 1 day before assessment date 2021-11-10, one of 1, 2")]
    [InlineData("""{ "days_until": "chf_last_contact", "is_not": 3 }""", "R-1: chf_last_contact 2021-11-09T19:00:00Z is -1 days after assessment date 2021-11-10, not 3")]
    public void Explain_EqualityOperatorsAfterATimeOperand_NameTheComparison(string when, string expected)
    {
        var builder = new TmadCatalogBuilder();
        var json = """{ "label": "acme-x", "based_on": "v17", "effective_from": "2021-11-05", "source": "s", "define_rules": [ { "id": "R-1", "description": "d", "outcome": "Deferred", "source": "s", "when": WHEN } ] }""".Replace("WHEN", when, StringComparison.Ordinal);
        foreach (var definition in VersionFile.Parse(json, "acme.json"))
        {
            builder.Register(definition);
        }

        var evaluator = new EligibilityEvaluator(builder.Build(), Epcl);
        var facts = new InstallationBuilder().AssessedAt(At).WithDmc("DMC-FOC-0001").Build() with { ChfLastContact = Instant.FromUtc(2021, 11, 9, 19, 0) };

        var result = evaluator.Evaluate(facts, EvaluationOptions.Pinned("acme-x"));

        Assert.Contains(expected, result.Failures.Select(f => f.ToString()));
    }

    [Fact]
    public void Evaluate_PsrWithoutWelfareCall_IsDeferredNamingTheMissingCall()
    {
        var (evaluator, catalog) = Acme();

        var result = evaluator.Evaluate(Installation(catalog, v => v.Set("psr", true).Set("site_access", "FULL")));

        Assert.Equal("ACME-PSR-WELFARE: psr is true and welfare_call_on is missing", Assert.Single(result.Failures).ToString());
    }

    [Theory]
    [InlineData(30, false)] // exactly welfare_call_days: not more than 30
    [InlineData(31, true)]
    public void Evaluate_DaysSinceWelfareCall_ComparesWholeUkDays(int daysAgo, bool fails)
    {
        var (evaluator, catalog) = Acme();
        var call = At.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date.PlusDays(-daysAgo);

        var result = evaluator.Evaluate(Installation(catalog, v => v.Set("psr", true).Set("welfare_call_on", call).Set("site_access", "FULL")));

        Assert.Equal(fails, result.Outcome.FailedRules.Contains("ACME-PSR-WELFARE"));
    }

    [Fact]
    public void Evaluate_UnknownFactWithoutDefault_IsIncompleteNamingRuleAndFact()
    {
        // site_access has no default: blank is "not known", so ACME-NO-ACCESS cannot be decided.
        var (evaluator, catalog) = Acme();

        var result = evaluator.Evaluate(Installation(catalog, _ => { }));

        Assert.Equal(Verdict.Indeterminate, result.Verdict);
        Assert.Equal("DATA-INCOMPLETE: ACME-NO-ACCESS undecided: missing site_access", Assert.Single(result.Failures).ToString());
    }

    [Fact]
    public void Evaluate_DefinedRuleAndMoreSevereBuiltInFailure_ListsCatalogueRulesFirst()
    {
        var (evaluator, catalog) = Acme();
        var facts = Installation(catalog, v => v.Set("site_access", "none")) with { DmcId = "NOT-LISTED" };

        var result = evaluator.Evaluate(facts);

        Assert.Equal(Verdict.Ineligible, result.Verdict);
        Assert.Equal([RuleIds.EpclListed, "ACME-NO-ACCESS"], result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Rules_OfTheCatalogue_IncludeDefinedRulesAfterTheBuiltInOnes()
    {
        var (_, catalog) = Acme();

        Assert.Equal(["ACME-PSR-WELFARE", "ACME-COMPLAINTS", "ACME-NO-ACCESS"], catalog.Rules.Where(r => r.IsDefined).Select(r => r.Id));
        Assert.All(catalog.Rules.Where(r => r.IsDefined), r => Assert.Equal("acme-2021", r.DefinedIn));
        Assert.Equal(["max_open_complaints"], catalog.GetRule("ACME-COMPLAINTS").Parameters);
    }

    [Fact]
    public void Evaluate_VersionWithMoreThan64Rules_ReportsEveryFailure()
    {
        // The 64-rule ceiling is gone: 70 defined rules, each failing.
        var definition = Version("many");
        definition.Facts.Add(new FactDefinition("flag", FactType.Boolean, "a flag") { Default = true });
        for (var i = 0; i < 70; i++)
        {
            definition.DefineRules.Add(RuleDefinition.Define($"MANY-{i:00}", "flag set", i == 69 ? RuleOutcome.Excluded : RuleOutcome.Deferred, Operand.Fact("flag").Is(true), "test"));
        }

        var catalog = new TmadCatalogBuilder().Register(definition).Build();
        var outcome = new EligibilityEvaluator(catalog, Epcl).EvaluateOutcome(new InstallationBuilder().AssessedAt(At).WithDmc("DMC-FOC-0001").Build());

        Assert.Equal(70, outcome.FailedRules.Count);
        Assert.Equal(Verdict.Excluded, outcome.Verdict);
        Assert.True(outcome.FailedRules.Contains("MANY-69"));
        Assert.Equal("MANY-00", outcome.FailedRules.First().Id);
    }

    internal static VersionDefinition Version(string label) => new()
    {
        Label = label,
        BasedOn = "v17",
        EffectiveFrom = new LocalDate(2021, 11, 5),
        Source = "test",
    };

    [Fact]
    public void HandWrittenSupplierChecks_AndTheSameChecksDefinedInAFile_GiveIdenticalResults()
    {
        // The pair DefinedRulesBenchmarks measures: if they disagreed, the benchmark would compare different work.
        var policy = new Smets1.Eligibility.Benchmarks.SupplierPolicy(50_000);
        var handWritten = new EligibilityOutcome[policy.Installations.Length];
        var library = new EligibilityOutcome[policy.Installations.Length];

        policy.CreateHandWritten().EvaluateBatch(policy.Installations, policy.Typed, handWritten);
        new EligibilityEvaluator(policy.Catalog, Smets1.Eligibility.Benchmarks.BenchmarkData.Estate.Epcl).EvaluateBatch(policy.Installations, library, Smets1.Eligibility.Benchmarks.SupplierPolicy.Pinned);

        Assert.Equal(handWritten, library);
        Assert.Contains(library, o => o.FailedRules.Contains("B-DEBT"));
        Assert.Contains(library, o => o.Warnings.Contains("B-PSR-RESTRICTED"));
        Assert.Contains(library, o => o.Verdict == Verdict.Eligible);
    }

    [Fact]
    public void RulesEngineWorkflow_GivesTheLibrarysResults()
    {
        // The peer DefinedRulesBenchmarks measures beside ours: the same eighteen checks as a Microsoft RulesEngine workflow.
        var policy = new Smets1.Eligibility.Benchmarks.SupplierPolicy(20_000);
        // The benchmark's estate is assessed before any cohort closes and before v17 expires: a quarter moved 600 days on covers those checks too.
        var installations = policy.Installations.Select((f, i) => i % 4 == 0 && f.AssessedAt is { } at ? f with { AssessedAt = at + Duration.FromDays(600) } : f).ToArray();
        var peer = new EligibilityOutcome[installations.Length];
        var library = new EligibilityOutcome[installations.Length];

        var rulesEngine = new Smets1.Eligibility.Benchmarks.RulesEnginePeer(policy, Smets1.Eligibility.Benchmarks.BenchmarkData.Estate.Epcl);
        rulesEngine.EvaluateBatch(installations, policy.Typed, peer);
        new EligibilityEvaluator(policy.Catalog, Smets1.Eligibility.Benchmarks.BenchmarkData.Estate.Epcl).EvaluateBatch(installations, library, Smets1.Eligibility.Benchmarks.SupplierPolicy.Pinned);

        Assert.Equal(library, peer);
        Assert.Equal(18, rulesEngine.RuleIds.Count);
        foreach (var rule in rulesEngine.RuleIds)
        {
            Assert.True(library.Any(o => o.FailedRules.Contains(rule) || o.Warnings.Contains(rule)), $"{rule} never fails, so the comparison does not cover it");
        }
    }
}
