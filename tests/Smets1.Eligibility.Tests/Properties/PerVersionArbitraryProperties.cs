using FsCheck;
using FsCheck.Xunit;

namespace Smets1.Eligibility.Tests.Properties;

/// <summary>The Testing package's per-version arbitraries draw installations that resolve to their version.</summary>
public sealed class PerVersionArbitraryProperties
{
    private const int Cases = 300;

    private static readonly TmadCatalog Acme = new TmadCatalogBuilder()
        .Register(VersionFile.Load(RepositoryRoot.Combine("samples", "acme", "acme-2021.json")).Single())
        .Build();

    private static readonly EligibilityEvaluator Evaluator = new(TmadCatalog.Shipped, EligibilityGen.Epcl);

    [Property(Arbitrary = [typeof(EligibilityArbitraries.V9)], MaxTest = Cases)]
    public bool V9_ResolvesToV9(InstallationFacts facts) => Evaluator.Evaluate(facts).Version?.Label == "v9";

    [Property(Arbitrary = [typeof(EligibilityArbitraries.V11)], MaxTest = Cases)]
    public bool V11_ResolvesToV11(InstallationFacts facts) => Evaluator.Evaluate(facts).Version?.Label == "v11";

    [Property(Arbitrary = [typeof(EligibilityArbitraries.V17)], MaxTest = Cases)]
    public bool V17_ResolvesToV17(InstallationFacts facts) => Evaluator.Evaluate(facts).Version?.Label == "v17";

    [Property(Arbitrary = [typeof(EligibilityArbitraries.V29)], MaxTest = Cases)]
    public bool V29_ResolvesToV29(InstallationFacts facts) => Evaluator.Evaluate(facts).Version?.Label == "v29";

    [Property(Arbitrary = [typeof(UnderAcme)], MaxTest = Cases)]
    public bool Under_ARegisteredVersion_ResolvesToItAndCarriesItsFacts(InstallationFacts facts) =>
        Acme.Resolve(facts.AssessedAt!.Value).Version?.Label == "acme-2021"
        && facts.Custom?.Schema == Acme.Facts;

    [Theory]
    [InlineData("v11")]
    [InlineData("v17")]
    public void Under_EveryVerdictTheVersionCanGiveAndIncompleteInstallationsOccur(string label)
    {
        var drawn = FsCheck.FSharp.Gen.Sample(2000, EligibilityArbitraries.Under(TmadCatalog.Shipped, label).Generator);
        var verdicts = drawn.Select(f => Evaluator.EvaluateOutcome(f).Verdict).ToHashSet();

        // EligibleElectricityOnly comes only from EXCL-GT01, a v29 rule (TMAD-RULES §4); under v29 most cohorts have closed.
        var possible = Enum.GetValues<Verdict>().Where(v => v != Verdict.EligibleElectricityOnly);
        Assert.Equal(possible.ToHashSet(), verdicts);
        Assert.Contains(drawn, f => f.Cohort is null || f.MeterStatus is null || f.HasEsme is null || f.HasGsme is null || f.DmcId is null);
    }

    [Fact]
    public void Under_AnInferredEraWithoutTheTimeline_SaysNoDateResolvesToIt()
    {
        var era = TmadCatalog.Shipped.Versions.First(v => v.IsInferred).Label;

        var error = Assert.Throws<ArgumentException>(() => EligibilityGen.InstallationUnder(TmadCatalog.Shipped, era));
        Assert.Contains($"No date resolves to version '{era}'", error.Message, StringComparison.Ordinal);
        Assert.All(FsCheck.FSharp.Gen.Sample(50, EligibilityGen.InstallationUnder(TmadCatalog.Shipped, era, includeInferredTimeline: true)),
            f => Assert.Equal(era, TmadCatalog.Shipped.Resolve(f.AssessedAt!.Value, includeInferredTimeline: true).Version?.Label));
    }

    [Fact]
    public void Under_AnUnknownVersion_NamesTheCataloguesVersions()
    {
        var error = Assert.Throws<ArgumentException>(() => EligibilityArbitraries.Under(TmadCatalog.Shipped, "v18"));
        Assert.Contains("no version 'v18'; it has v9, v11, v17", error.Message, StringComparison.Ordinal);
    }

    public static class UnderAcme
    {
        public static Arbitrary<InstallationFacts> Installations() => EligibilityArbitraries.Under(Acme, "acme-2021");
    }
}
