using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Tests.Versions;

/// <summary>The inferred timeline 2022-01-01 to 2025-10-16 (TMAD-RULES §3a): off by default, opt-in, always pinnable.</summary>
public sealed class InferredTimelineTests
{
    private static readonly TmadCatalog Catalog = TmadCatalog.Shipped;
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly EligibilityEvaluator Evaluator = new(new EpclBuilder().WithDefault().With("DMC-RECENT", new LocalDate(2021, 1, 10)).Build());
    private static readonly EvaluationOptions On = new() { IncludeInferredTimeline = true };

    private static Instant LondonMidnight(int year, int month, int day) => new LocalDate(year, month, day).AtStartOfDayInZone(London).ToInstant();

    public static TheoryData<string, int, int, int> EraStarts => new()
    {
        { "inferred-2022-01", 2022, 1, 1 },
        { "inferred-2022-05", 2022, 5, 25 },  // 00:00 BST: 2022-05-24T23:00Z
        { "inferred-2023-01", 2023, 1, 1 },
        { "inferred-2024-04", 2024, 4, 1 },   // the day after 2024-03-31, the day BST starts
        { "inferred-2025-01", 2025, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(EraStarts))]
    public void Resolve_AtAnEraStart_IsThatEraOnlyWithTheTimeline(string label, int year, int month, int day)
    {
        var start = LondonMidnight(year, month, day);

        Assert.Equal(label, Catalog.Resolve(start, includeInferredTimeline: true).Version?.Label);
        Assert.NotEqual(label, Catalog.Resolve(start - Duration.FromNanoseconds(1), includeInferredTimeline: true).Version?.Label);
        Assert.Null(Catalog.Resolve(start, includeInferredTimeline: false).Version);
    }

    [Theory]
    [InlineData(2022, 12, 31, "inferred-2022-05")]
    [InlineData(2024, 3, 31, "inferred-2023-01")] // the inclusive expiry on the day BST starts (23 hours long)
    [InlineData(2024, 12, 31, "inferred-2024-04")]
    [InlineData(2025, 10, 16, "inferred-2025-01")] // the last day before v29
    public void Resolve_LastInstantOfAnInclusiveExpiry_IsStillTheEra(int year, int month, int day, string label)
    {
        var end = new LocalDate(year, month, day).PlusDays(1).AtStartOfDayInZone(London).ToInstant() - Duration.FromNanoseconds(1);

        Assert.Equal(label, Catalog.Resolve(end, includeInferredTimeline: true).Version?.Label);
        Assert.NotEqual(label, Catalog.Resolve(end + Duration.FromNanoseconds(1), includeInferredTimeline: true).Version?.Label);
    }

    [Fact]
    public void Resolve_FromV29On_IsV29WithOrWithoutTheTimeline()
    {
        Assert.Equal("v29", Catalog.Resolve(new LocalDate(2025, 10, 17), includeInferredTimeline: true).Version?.Label);
        Assert.Equal("v29", Catalog.Resolve(new LocalDate(2026, 1, 1), includeInferredTimeline: true).Version?.Label);
    }

    [Fact]
    public void Example12_AssessedInJune2023_IsUnresolvedWithoutTheTimelineAndInferredWithIt()
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2023, 6, 1, 10, 0)).InCohort(Cohort.MocSecure).WithDmc("DMC-RECENT").Build();

        var off = Evaluator.Evaluate(facts);
        Assert.Equal(Verdict.Indeterminate, off.Verdict);
        var unresolved = Assert.Single(off.Failures);
        Assert.Equal(RuleIds.VersionUnresolved, unresolved.RuleId);
        Assert.Contains("--inferred", unresolved.Message, StringComparison.Ordinal);

        var on = Evaluator.Evaluate(facts, On);
        Assert.Equal("inferred-2023-01", on.Version?.Label);
        Assert.Equal(Verdict.Eligible, on.Verdict);
        // EPCL-WINDOW warns too: the DMC was listed more than 12 months before.
        var warning = Assert.Single(on.Warnings, w => w.RuleId == RuleIds.VersionInferred);
        Assert.Contains("inferred-2023-01", warning.Message, StringComparison.Ordinal);
        Assert.Contains("P-EXP24", warning.Message, StringComparison.Ordinal);

        var excluded = Evaluator.Evaluate(facts with { FailedMigrationAttempts = 5 }, On);
        Assert.Equal(Verdict.Excluded, excluded.Verdict);
        Assert.Equal([RuleIds.ExclFailedAttempts], excluded.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Pin_AnEra_WorksWithTheTimelineOff()
    {
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2022, 6, 1, 10, 0)).InCohort(Cohort.MocSecure).WithDmc("DMC-RECENT").Build();

        var result = Evaluator.Evaluate(facts, EvaluationOptions.Pinned("inferred-2022-05"));

        Assert.Equal("inferred-2022-05", result.Version?.Label);
        Assert.Equal([RuleIds.VersionInferred, RuleIds.EpclWindow], result.Warnings.Select(w => w.RuleId));
    }

    [Fact]
    public void Eras_HoldTheirChecksAndParameters()
    {
        var first = Catalog.Get("inferred-2022-01");
        Assert.True(first.Holds(RuleIds.ExclGt01));
        Assert.False(first.Holds(RuleIds.ExclActiveToDormant));
        Assert.Equal(5, first.Parameters.FailedAttemptThreshold?.Value);
        foreach (var label in new[] { "inferred-2022-05", "inferred-2023-01", "inferred-2024-04", "inferred-2025-01" })
        {
            var era = Catalog.Get(label);
            Assert.True(era.Holds(RuleIds.ExclActiveToDormant), label);
            Assert.False(era.Holds(RuleIds.IgtCertificate), label);
            Assert.Equal(Confidence.Inferred, era.EffectiveFromConfidence);
        }
    }

    [Fact]
    public void RegisteredVersion_OverridesAnEraOnTheDatesItCovers()
    {
        // v18 (2021-12-15 to 2022-12-31) covers what inferred-2022-01 and inferred-2022-05 would; from 2023 the era resolves.
        var catalog = new TmadCatalogBuilder().Register(new VersionDefinition
        {
            Label = "v18",
            BasedOn = "v17",
            EffectiveFrom = new LocalDate(2021, 12, 15),
            Expiry = new LocalDate(2022, 12, 31),
            Source = "TMAD v18.0",
        }).Build();

        Assert.Equal("v18", catalog.Resolve(new LocalDate(2022, 6, 1), includeInferredTimeline: true).Version?.Label);
        Assert.Equal("inferred-2023-01", catalog.Resolve(new LocalDate(2023, 1, 1), includeInferredTimeline: true).Version?.Label);
    }

    [Fact]
    public void RegisteredVersionBasedOnAnEra_IsWarnedNamingTheEra()
    {
        var catalog = new TmadCatalogBuilder().Register(new VersionDefinition
        {
            Label = "acme-2023",
            BasedOn = "inferred-2023-01",
            EffectiveFrom = new LocalDate(2023, 2, 1),
            Source = "Acme",
        }).Build();
        var evaluator = new EligibilityEvaluator(catalog, new EpclBuilder().WithDefault().With("DMC-RECENT", new LocalDate(2021, 1, 10)).Build());
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2023, 6, 1, 10, 0)).InCohort(Cohort.MocSecure).WithDmc("DMC-RECENT").Build();

        var result = evaluator.Evaluate(facts);

        Assert.Equal("acme-2023", result.Version?.Label);
        var warning = Assert.Single(result.Warnings, w => w.RuleId == RuleIds.VersionInferred);
        Assert.StartsWith("acme-2023 is based on inferred-2023-01", warning.Message, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(TimelineInstants)], MaxTest = 2000)]
    public bool WithTheTimeline_NoAssessmentFrom2020_12_18To2025_12_31_IsUnresolved(Instant at) =>
        Catalog.Resolve(at, includeInferredTimeline: true).IsResolved;

    /// <summary>Any second from 2020-12-18 to 2025-12-31 (Europe/London), inclusive.</summary>
    public static class TimelineInstants
    {
        public static Arbitrary<Instant> Values()
        {
            var first = new LocalDate(2020, 12, 18).AtStartOfDayInZone(London).ToInstant().ToUnixTimeSeconds();
            var last = new LocalDate(2026, 1, 1).AtStartOfDayInZone(London).ToInstant().ToUnixTimeSeconds() - 1;
            var days = (int)((last - first) / 86_400);
            return (from day in Gen.Choose(0, days)
                    from second in Gen.Choose(0, 86_399)
                    select Instant.FromUnixTimeSeconds(Math.Min(last, first + (day * 86_400L) + second))).ToArbitrary();
        }
    }
}
