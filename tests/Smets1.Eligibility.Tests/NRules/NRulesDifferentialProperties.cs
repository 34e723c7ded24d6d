using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NRules;
using NRules.Fluent;
using Smets1.Eligibility.NRules;
using Smets1.Eligibility.Testing;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Tests.NRules;

/// <summary>
/// Differential properties: an NRules session running an exported version gives the compiled evaluator's verdict,
/// failed rules and warnings; Fluent rules imported into a version evaluate exactly like the same rules written in
/// the version file.
/// </summary>
public sealed class NRulesDifferentialProperties
{
    private static readonly EligibilityEvaluator Shipped = new(EligibilityGen.Epcl);
    private static readonly Lazy<(string Label, ISessionFactory Factory)[]> ShippedSessions = new(() =>
        [.. TmadCatalog.Shipped.Versions.Select(v => (v.Label, Compile(Shipped, v.Label)))]);

    private static readonly TmadCatalog FromFile = Acme(fluent: false);
    private static readonly TmadCatalog FromFluent = Acme(fluent: true);
    private static readonly EligibilityEvaluator FileEvaluator = new(FromFile, EligibilityGen.Epcl);
    private static readonly EligibilityEvaluator FluentEvaluator = new(FromFluent, EligibilityGen.Epcl);
    private static readonly Lazy<ISessionFactory> FluentSession = new(() => Compile(FluentEvaluator, "acme-2021"));

    [Property(Arbitrary = [typeof(EligibilityArbitraries.Any)], MaxTest = 150)]
    public void NRules_SessionOfEveryShippedVersion_EqualsTheEvaluator(InstallationFacts facts)
    {
        foreach (var (label, factory) in ShippedSessions.Value)
        {
            AssertSameAsEvaluator(Shipped, factory, label, facts);
        }
    }

    [Property(Arbitrary = [typeof(AcmeInstallations)], MaxTest = 300)]
    public void NRules_SessionOfAVersionWithImportedFluentRules_EqualsTheEvaluator(InstallationFacts facts) =>
        AssertSameAsEvaluator(FluentEvaluator, FluentSession.Value, "acme-2021", facts);

    [Property(Arbitrary = [typeof(AcmeInstallations)], MaxTest = 500)]
    public void NRules_ImportedFluentRules_EvaluateLikeTheVersionFilesRules(InstallationFacts facts)
    {
        var options = EvaluationOptions.Pinned("acme-2021");
        var file = FileEvaluator.Evaluate(facts, options);
        var fluent = FluentEvaluator.Evaluate(facts, options);

        Assert.Equal(file.Verdict, fluent.Verdict);
        Assert.Equal(file.Failures.Select(f => f.ToString()), fluent.Failures.Select(f => f.ToString()));
        Assert.Equal(file.Warnings.Select(f => f.ToString()), fluent.Warnings.Select(f => f.ToString()));
    }

    private static void AssertSameAsEvaluator(EligibilityEvaluator evaluator, ISessionFactory factory, string label, InstallationFacts facts)
    {
        var expected = evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned(label));
        var session = factory.CreateSession();
        session.InsertAll([facts, evaluator.Epcl]);
        session.Fire();

        var result = Assert.Single(session.Query<TmadResult>());
        Assert.Equal(expected, result.Outcome);
        var failures = session.Query<TmadCheckFailure>().Select(f => f.RuleId).Order(StringComparer.Ordinal);
        Assert.Equal(expected.FailedRules.Union(expected.Warnings).Select(r => r.Id).Order(StringComparer.Ordinal), failures);
    }

    private static ISessionFactory Compile(EligibilityEvaluator evaluator, string label)
    {
        var repository = new RuleRepository();
        repository.Add(NRulesExporter.Export(evaluator, label));
        return repository.Compile();
    }

    private static TmadCatalog Acme(bool fluent)
    {
        var definition = VersionFile.Load(RepositoryRoot.Combine("samples", "acme", "acme-2021.json")).Single();
        if (fluent)
        {
            definition.DefineRules.Clear();
            definition.ImportNRules(new PsrWelfareCallRule(), new OpenComplaintsRule(), new NoAccessRule());
        }

        return new TmadCatalogBuilder().Register(definition).Build();
    }

    /// <summary>Installations carrying generated values of the Acme version's declared facts.</summary>
    public static class AcmeInstallations
    {
        public static Arbitrary<InstallationFacts> Installations() => EligibilityArbitraries.For(FromFluent);
    }
}
