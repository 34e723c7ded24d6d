namespace Smets1.Eligibility.Tests.Versions;

public sealed class TmadCatalogBuilderTests
{
    private static VersionDefinition V18() => new()
    {
        Label = "v18",
        BasedOn = "v17",
        EffectiveFrom = new LocalDate(2021, 12, 15),
        Expiry = new LocalDate(2022, 12, 31),
        Source = "user example: TMAD v18 with Clause 18 categories",
        AddRules = { RuleIds.ExclMasterKeys, RuleIds.ExclGt01 },
    };

    [Fact]
    public void Build_ValidDefinition_AddsAVersionDerivedFromItsBase()
    {
        var catalog = new TmadCatalogBuilder().Register(V18()).Build();

        var v18 = catalog.Get("v18");
        Assert.Equal(["v9", "v11", "v17", "v18", "v29"], catalog.Versions.Where(v => !v.IsInferred).Select(v => v.Label));
        Assert.False(v18.IsShipped);
        Assert.Equal("v17", v18.BasedOn);
        Assert.True(v18.Holds(RuleIds.ExclGt01));
        Assert.True(v18.Holds(RuleIds.CommsRecentChf));
        Assert.Equal(new LocalDate(2022, 12, 31), v18.Expiry);
        Assert.Equal("user example: TMAD v18 with Clause 18 categories", v18.Parameters.Expiry.Source);
        Assert.Equal(Duration.FromHours(72), v18.Parameters.CommsWindow.Value);
        Assert.Equal("S000", v18.Parameters.CommsWindow.Source);
    }

    [Fact]
    public void Build_RegisteredVersion_TakesPartInResolution()
    {
        var catalog = new TmadCatalogBuilder().Register(V18()).Build();

        Assert.Equal("v17", catalog.Resolve(new LocalDate(2021, 12, 14)).Version?.Label);
        Assert.Equal("v18", catalog.Resolve(new LocalDate(2021, 12, 15)).Version?.Label);
        Assert.Equal("v18", catalog.Resolve(new LocalDate(2022, 6, 1)).Version?.Label);
        Assert.False(catalog.Resolve(new LocalDate(2023, 1, 1)).IsResolved);
    }

    [Fact]
    public void Build_RegisteredVersion_IsEvaluatedWithItsRulesAndParameters()
    {
        var definition = V18();
        definition.Parameters.CommsWindow = Duration.FromHours(96);
        var evaluator = new EligibilityEvaluator(new TmadCatalogBuilder().Register(definition).Build(), EpclBuilder.Default);
        var facts = new InstallationBuilder().AssessedAt(Instant.FromUtc(2022, 6, 1, 10, 0)).WithChfContactAge(Duration.FromHours(90))
            .With(f => f with { MasterKeysPresent = false }).Build();

        var result = evaluator.Evaluate(facts);

        Assert.Equal("v18", result.Version?.Label);
        Assert.Equal(Verdict.Excluded, result.Verdict);
        Assert.Equal([RuleIds.ExclMasterKeys], result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void Build_CopyOfAShippedVersion_EvaluatesIdentically()
    {
        var catalog = new TmadCatalogBuilder().Register(new VersionDefinition { Label = "v17-copy", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 12, 1), Source = "copy" }).Build();
        var evaluator = new EligibilityEvaluator(catalog, EpclBuilder.Default);
        var facts = new InstallationBuilder().WithChfContactAge(Duration.FromHours(80)).WithPlannedCos(new LocalDate(2021, 11, 12)).Build();

        var shipped = evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v17"));
        var copy = evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v17-copy"));

        Assert.Equal(shipped.Verdict, copy.Verdict);
        Assert.Equal(shipped.FailedRules, copy.FailedRules);
    }

    [Fact]
    public void Build_DefinitionBasedOnAnEarlierRegisteredOne_Works()
    {
        var catalog = new TmadCatalogBuilder()
            .Register(V18())
            .Register(new VersionDefinition { Label = "v19", BasedOn = "v18", EffectiveFrom = new LocalDate(2022, 3, 1), Source = "user", RemoveRules = { RuleIds.ExclGt01 } })
            .Build();

        Assert.False(catalog.Get("v19").Holds(RuleIds.ExclGt01));
        Assert.True(catalog.Get("v19").Holds(RuleIds.ExclMasterKeys));
        Assert.Equal(new LocalDate(2022, 12, 31), catalog.Get("v19").Expiry);
    }

    [Theory]
    [InlineData("v17", "already used")] // duplicate of a shipped label
    [InlineData("", "Label is blank")]
    public void Build_BadLabel_IsRejected(string label, string expected)
    {
        var definition = V18();
        definition.Label = label;

        var error = Assert.Throws<EligibilityConfigurationException>(() => new TmadCatalogBuilder().Register(definition).Build());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameLabelRegisteredTwice_IsRejected()
    {
        var second = V18();
        second.EffectiveFrom = new LocalDate(2022, 2, 1);

        var error = Assert.Throws<EligibilityConfigurationException>(() => new TmadCatalogBuilder().Register(V18()).Register(second).Build());

        Assert.Contains("'v18': the label is already used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BaseThatDoesNotExist_IsRejectedNamingTheKnownVersions()
    {
        var definition = V18();
        definition.BasedOn = "v16";

        var error = Assert.Throws<EligibilityConfigurationException>(() => new TmadCatalogBuilder().Register(definition).Build());

        Assert.Contains("BasedOn 'v16' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("v9, v11, v17, inferred-2022-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EffectiveDateOfAnotherVersion_IsRejected()
    {
        var definition = V18();
        definition.EffectiveFrom = new LocalDate(2021, 11, 4);

        var error = Assert.Throws<EligibilityConfigurationException>(() => new TmadCatalogBuilder().Register(definition).Build());

        Assert.Contains("EffectiveFrom 2021-11-04 collides with v17", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RuleIds.SupplierCertIds, "was not adopted")]
    [InlineData("EXCL-TYPO", "not a catalogue rule")]
    [InlineData(RuleIds.VersionUnresolved, "the engine applies itself")]
    [InlineData(RuleIds.CommsRecentChf, "already holds")]
    public void Build_BadAddedRule_IsRejected(string ruleId, string expected)
    {
        var definition = V18();
        definition.AddRules.Add(ruleId);

        var error = Assert.Throws<EligibilityConfigurationException>(() => new TmadCatalogBuilder().Register(definition).Build());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RuleIds.DataIncomplete, "cannot be removed")]
    [InlineData(RuleIds.IgtCertificate, "does not hold")]
    [InlineData("NOPE", "not a catalogue rule")]
    public void Build_BadRemovedRule_IsRejected(string ruleId, string expected)
    {
        var definition = V18();
        definition.RemoveRules.Add(ruleId);

        var error = Assert.Throws<EligibilityConfigurationException>(() => new TmadCatalogBuilder().Register(definition).Build());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FailedAttemptsRuleWithoutThreshold_IsRejected()
    {
        var definition = V18();
        definition.AddRules.Add(RuleIds.ExclFailedAttempts);

        var error = Assert.Throws<EligibilityConfigurationException>(() => new TmadCatalogBuilder().Register(definition).Build());

        Assert.Contains("it holds EXCL-FAILED-ATTEMPTS, which needs the parameter 'failed_attempt_threshold'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ManyProblems_ReportsEveryOneTogether()
    {
        var definition = new VersionDefinition { Label = "v17", BasedOn = "nope", Parameters = { CosLookaheadDays = -1 } };

        var error = Assert.Throws<EligibilityConfigurationException>(() => new TmadCatalogBuilder().Register(definition).Build());

        Assert.True(error.Errors.Count >= 4, string.Join(Environment.NewLine, error.Errors));
        Assert.Contains(error.Errors, e => e.Contains("already used", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("Source is blank", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("EffectiveFrom is not set", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-1, null, null, "cos_lookahead_days is -1")]
    [InlineData(null, 0, null, "comms_window_hours is 0h")]
    [InlineData(null, null, 0, "epcl_window_months is 0")]
    public void Build_BadParameter_IsRejected(int? lookahead, int? windowHours, int? months, string expected)
    {
        var definition = V18();
        definition.Parameters.CosLookaheadDays = lookahead;
        definition.Parameters.CommsWindow = windowHours is { } h ? Duration.FromHours(h) : null;
        definition.Parameters.EpclWindowMonths = months;

        var error = Assert.Throws<EligibilityConfigurationException>(() => new TmadCatalogBuilder().Register(definition).Build());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ExpiryBeforeEffectiveDate_IsRejected()
    {
        var definition = V18();
        definition.Expiry = new LocalDate(2021, 12, 1);

        var error = Assert.Throws<EligibilityConfigurationException>(() => new TmadCatalogBuilder().Register(definition).Build());

        Assert.Contains("is before EffectiveFrom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new TmadCatalogBuilder().Register(null!));
    }

    [Fact]
    public void OverrideParameters_OfAShippedVersion_ReplacesTheValuesWithTheirSource()
    {
        var catalog = new TmadCatalogBuilder()
            .OverrideParameters("v17", new ParameterOverrides { Expiry = new LocalDate(2022, 12, 31), Source = "our reading of TMAD v17.0", Confidence = Confidence.Confirmed })
            .Build();

        var v17 = catalog.Get("v17");
        Assert.Equal(new LocalDate(2022, 12, 31), v17.Expiry);
        Assert.Equal("our reading of TMAD v17.0", v17.Parameters.Expiry.Source);
        Assert.Equal("S000", v17.Parameters.CommsWindow.Source);
        Assert.Equal("v17", catalog.Resolve(new LocalDate(2022, 6, 1)).Version?.Label);
    }

    [Fact]
    public void OverrideParameters_ThenDerive_TheDerivedVersionInheritsTheOverride()
    {
        var definition = V18();
        definition.Expiry = null;

        var catalog = new TmadCatalogBuilder()
            .OverrideParameters("v17", new ParameterOverrides { CommsWindow = Duration.FromHours(80), Source = "reading" })
            .Register(definition)
            .Build();

        Assert.Equal(Duration.FromHours(80), catalog.Get("v18").Parameters.CommsWindow.Value);
    }

    [Theory]
    [InlineData("v99", "Source", "no such version")]
    [InlineData("v17", "", "Source is blank")]
    public void OverrideParameters_Invalid_IsRejected(string label, string source, string expected)
    {
        var error = Assert.Throws<EligibilityConfigurationException>(() =>
            new TmadCatalogBuilder().OverrideParameters(label, new ParameterOverrides { CosLookaheadDays = 3, Source = source }).Build());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideParameters_NothingSet_IsRejected()
    {
        var error = Assert.Throws<EligibilityConfigurationException>(() =>
            new TmadCatalogBuilder().OverrideParameters("v17", new ParameterOverrides { Source = "x" }).Build());

        Assert.Contains("no value is set", error.Message, StringComparison.Ordinal);
    }
}
