using System.Linq.Expressions;
using NodaTime;
using NRules.Fluent.Dsl;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.NRules;
using Smets1.Eligibility.NRules.Translation;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Tests.NRules;

/// <summary>Importing NRules rules (Fluent DSL, canonical model) as defined rules: supported shapes, refused ones, metadata.</summary>
public sealed class NRulesImportTests
{
    private static readonly TmadRuleAttribute Deferred = new(RuleOutcome.Deferred) { Source = "test policy" };

    public static TheoryData<Expression<Func<InstallationFacts, bool>>, string> Conditions()
    {
        var threshold = 3;
        return new()
        {
            { f => f.FailedMigrationAttempts >= 2, """{ "fact": "failed_migration_attempts", "at_least": 2 }""" },
            { f => 2 < f.FailedMigrationAttempts, """{ "fact": "failed_migration_attempts", "more_than": 2 }""" },
            { f => f.FailedMigrationAttempts > threshold, """{ "fact": "failed_migration_attempts", "more_than": 3 }""" },
            { f => f.Cohort == Cohort.FocNp, """{ "fact": "cohort", "is": "FOC_NP" }""" },
            { f => f.MeterStatus != MeterStatus.Dormant, """{ "fact": "meter_status", "is_not": "DORMANT" }""" },
            { f => f.HasEsme == null, """{ "fact": "has_esme", "missing": true }""" },
            { f => f.ChfLastContact.HasValue, """{ "fact": "chf_last_contact", "known": true }""" },
            { f => f.DmcId != null, """{ "fact": "dmc_id", "known": true }""" },
            { f => f.Igt, """{ "fact": "igt", "is": true }""" },
            { f => f.HasGsme == true, """{ "fact": "has_gsme", "is": true }""" },
            { f => !f.Igt, """{ "not": { "fact": "igt", "is": true } }""" },
            { f => f.Igt && !f.IgtCertificateValid || f.Gt01HanError, """{ "any": [{ "all": [{ "fact": "igt", "is": true }, { "not": { "fact": "igt_certificate_valid", "is": true } }] }, { "fact": "gt01_han_error", "is": true }] }""" },
            { f => f.DmcId == "DMC-1", """{ "fact": "dmc_id", "is": "DMC-1" }""" },
            { f => f.PlannedCosDate < new LocalDate(2021, 1, 1), """{ "fact": "planned_cos_date", "less_than": "2021-01-01" }""" },
            { f => f.PlannedCosDate <= f.PlannedCotDate, """{ "fact": "planned_cos_date", "at_most": { "fact": "planned_cot_date" } }""" },
            { f => Tmad.HoursSince(f.ChfLastContact) > Tmad.Parameter<decimal>("comms_window_hours"), """{ "hours_since": "chf_last_contact", "more_than": { "parameter": "comms_window_hours" } }""" },
            { f => Tmad.DaysUntil(f.PlannedCosDate) <= 7, """{ "days_until": "planned_cos_date", "at_most": 7 }""" },
            { f => Tmad.DaysSince(f.GsmeLastContact) >= 30, """{ "days_since": "gsme_last_contact", "at_least": 30 }""" },
            { f => Tmad.Fact<bool>(f, "epcl_listed"), """{ "fact": "epcl_listed", "is": true }""" },
            { f => Tmad.Fact<LocalDate?>(f, "epcl_added_on") == null, """{ "fact": "epcl_added_on", "missing": true }""" },
            { f => f.Custom!.IsKnown("psr"), """{ "fact": "psr", "known": true }""" },
            { f => (bool)f.Custom!["psr"]!, """{ "fact": "psr", "is": true }""" },
            { f => (long)f.Custom!["open_complaints"]! > Tmad.Parameter<long>("max_open_complaints"), """{ "fact": "open_complaints", "more_than": { "parameter": "max_open_complaints" } }""" },
        };
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void NRules_Import_Condition_BecomesTheRuleModelCondition(Expression<Func<InstallationFacts, bool>> condition, string expected)
    {
        var rule = NRulesImporter.Import(Canonical(condition), Deferred);

        Assert.Equal(expected, rule.When!.ToString());
    }

    [Fact]
    public void NRules_Import_SeveralConditionsOfOnePattern_AreAll()
    {
        var builder = Builder("T-2");
        var pattern = builder.LeftHandSide().Pattern(typeof(InstallationFacts), "f");
        pattern.Condition((Expression<Func<InstallationFacts, bool>>)(f => f.Igt));
        pattern.Condition((Expression<Func<InstallationFacts, bool>>)(f => f.FailedMigrationAttempts > 1));

        var rule = NRulesImporter.Import(builder.Build(), Deferred);

        Assert.Equal("""{ "all": [{ "fact": "igt", "is": true }, { "fact": "failed_migration_attempts", "more_than": 1 }] }""", rule.When!.ToString());
    }

    [Fact]
    public void NRules_Import_FluentRule_TakesItsMetadataFromNRulesAndTmadAttributes()
    {
        var rule = NRulesImporter.Import(new PsrWelfareCallRule());

        Assert.Equal("ACME-PSR-WELFARE", rule.Id);
        Assert.Equal("a customer on the Priority Services Register has had no welfare call within the last welfare_call_days days", rule.Title);
        Assert.Equal(RuleOutcome.Deferred, rule.Outcome);
        Assert.Equal("Acme Energy migration policy, issue 3", rule.Source);
        Assert.Equal("Acme policy 4.2", rule.Clause);
        Assert.Equal(Confidence.Confirmed, rule.Confidence);
        Assert.Equal("NRules tags: psr, welfare.", rule.Notes);
        Assert.Null(NRulesImporter.Import(new OpenComplaintsRule()).Confidence); // not set: the version's applies
    }

    [Fact]
    public void NRules_Import_AcmeFluentRules_AreTheRulesOfTheVersionFile()
    {
        var file = VersionFile.Load(RepositoryRoot.Combine("samples", "acme", "acme-2021.json")).Single();

        var imported = NRulesImporter.ImportFrom(typeof(PsrWelfareCallRule), typeof(OpenComplaintsRule), typeof(NoAccessRule)).OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();

        Assert.Equal(file.DefineRules.Select(r => r.Id).Order(), imported.Select(r => r.Id));
        foreach (var rule in imported)
        {
            var expected = file.DefineRules.Single(r => r.Id == rule.Id);
            Assert.Equal(expected.When, rule.When);
            Assert.Equal(expected.Outcome, rule.Outcome);
        }
    }

    [Fact]
    public void NRules_ImportFrom_AssemblyWithARefusedRule_NamesTheFirstRefusedRuleByClass()
    {
        var error = Assert.Throws<NRulesImportException>(() => NRulesImporter.ImportFrom(typeof(AggregateRule).Assembly));

        Assert.Contains("an aggregate (Collect) over InstallationFacts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NRules_Import_EveryInstallationFactsProperty_IsABuiltInFact()
    {
        var builtIn = TmadCatalog.BuiltInFacts.Select(f => f.Name).ToHashSet();
        var properties = typeof(InstallationFacts).GetProperties().Where(p => p.CanWrite && p.Name != nameof(InstallationFacts.Custom));

        Assert.All(properties, p => Assert.Contains(ConditionTranslator.SnakeCase(p.Name), builtIn));
        Assert.Equal("gt01_han_error", ConditionTranslator.SnakeCase(nameof(InstallationFacts.Gt01HanError)));
    }

    public static TheoryData<Rule, string> RefusedShapes() => new()
    {
        { new JoinRule(), "its left-hand side has 2 elements (a pattern over InstallationFacts, a pattern over EpclEntry)" },
        { new AggregateRule(), "an aggregate" },
        { new ExistsRule(), "Exists" },
        { new NotRule(), "Not" },
        { new OtherFactRule(), "its pattern matches EpclEntry" },
        { new InsertingRule(), "changes the session's facts" },
        { new UnsupportedCallRule(), "cannot be imported: it is not a comparison" },
        { new NoConditionRule(), "has no condition" },
        { new ComputedValueRule(), "computes from the installation" },
    };

    [Theory]
    [MemberData(nameof(RefusedShapes))]
    public void NRules_Import_ShapeTheFastPathCannotTake_IsRefusedNamingRuleAndShape(Rule rule, string expected)
    {
        var error = Assert.Throws<NRulesImportException>(() => NRulesImporter.Import(rule));

        Assert.Equal("TEST-REFUSED", error.RuleName);
        Assert.Contains("'TEST-REFUSED'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NRules_Import_WithoutNameOrTmadRuleOrSource_IsRefusedSayingWhatIsMissing()
    {
        Assert.Contains("has no [Name] attribute", Assert.Throws<NRulesImportException>(() => NRulesImporter.Import(new UnnamedRule())).Message, StringComparison.Ordinal);
        Assert.Contains("has no [TmadRule] attribute", Assert.Throws<NRulesImportException>(() => NRulesImporter.Import(new UnmarkedRule())).Message, StringComparison.Ordinal);
        Assert.Contains("has no Source", Assert.Throws<NRulesImportException>(() => NRulesImporter.Import(new UnsourcedRule())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NRules_Import_ConditionTheModelRejects_FailsAtRegistrationNamingVersionAndRule()
    {
        var version = new VersionDefinition { Label = "typed-2021", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 11, 5), Source = "test policy" }.ImportNRules(new BooleanMoreThanRule());
        var builder = new TmadCatalogBuilder().Register(version);

        var error = Assert.Throws<EligibilityConfigurationException>(() => builder.Build());

        Assert.Contains("Version 'typed-2021': rule TEST-TYPED at $.define_rules[0].when.more_than: an operator that fits a boolean (is, is_not or in)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NRules_Markers_CannotRun_AndSayWhy()
    {
        var error = Assert.Throws<NotSupportedException>(() => Tmad.Parameter<int>("max_failed_attempts"));

        Assert.Contains("Tmad.Parameter(\"max_failed_attempts\") is read when an NRules rule is imported", error.Message, StringComparison.Ordinal);
    }

    private static RuleBuilder Builder(string name)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        builder.Description("a test rule");
        Expression<Action<IContext>> action = _ => Audit.Note(null!);
        builder.RightHandSide().Action(action);
        return builder;
    }

    private static IRuleDefinition Canonical(Expression<Func<InstallationFacts, bool>> condition)
    {
        var builder = Builder("T-1");
        builder.LeftHandSide().Pattern(typeof(InstallationFacts), condition.Parameters[0].Name!).Condition(condition);
        return builder.Build();
    }
}
