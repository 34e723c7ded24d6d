using Microsoft.Extensions.DependencyInjection;

namespace Smets1.Eligibility.Tests.DependencyInjection;

public sealed class ServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSmets1Eligibility_RegistersSingletonsThatEvaluate()
    {
        var services = new ServiceCollection();

        var returned = services.AddSmets1Eligibility(options => options.Epcl = EpclBuilder.Default);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Same(services, returned);
        var evaluator = provider.GetRequiredService<EligibilityEvaluator>();
        Assert.Same(evaluator, provider.GetRequiredService<EligibilityEvaluator>());
        Assert.Same(provider.GetRequiredService<TmadCatalog>(), evaluator.Catalog);
        Assert.Equal(Verdict.Eligible, evaluator.Evaluate(new InstallationBuilder().Build()).Verdict);
    }

    [Fact]
    public void AddSmets1Eligibility_RegistersNoClock_SinceNothingItRegistersUsesOne()
    {
        var services = new ServiceCollection();

        services.AddSmets1Eligibility();
        services.AddKeyedSmets1Eligibility("acme", _ => { });

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IClock));
    }

    [Fact]
    public void AddSmets1Eligibility_CalledTwice_IsHarmless()
    {
        var services = new ServiceCollection();

        services.AddSmets1Eligibility().AddSmets1Eligibility();

        Assert.Single(services, d => d.ServiceType == typeof(EligibilityEvaluator));
        Assert.Single(services, d => d.ServiceType == typeof(TmadCatalog));
    }

    [Fact]
    public void AddSmets1Eligibility_ExistingClock_IsKept()
    {
        var clock = new FixedClock(Instant.FromUtc(2021, 11, 10, 10, 0));
        var services = new ServiceCollection().AddSingleton<IClock>(clock);

        services.AddSmets1Eligibility();

        using var provider = services.BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddSmets1Eligibility_VersionsParametersAndClosures_AreApplied()
    {
        var services = new ServiceCollection().AddSmets1Eligibility(options =>
        {
            options.Epcl = EpclBuilder.Default;
            options.Versions.Add(new VersionDefinition { Label = "v18", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 12, 15), Expiry = new LocalDate(2022, 12, 31), Source = "user", AddRules = { RuleIds.ExclGt01 } });
            options.ParameterOverrides["v11"] = new ParameterOverrides { CommsWindow = Duration.FromHours(48), Source = "reading" };
            options.CohortClosures.Add(new CohortClosure(Cohort.MocSecure, new LocalDate(2022, 3, 31), "notice", Confidence.Confirmed, null));
        });
        using var provider = services.BuildServiceProvider();
        var evaluator = provider.GetRequiredService<EligibilityEvaluator>();

        Assert.Equal("v18", evaluator.Catalog.Resolve(new LocalDate(2022, 6, 1)).Version?.Label);
        Assert.Equal(Duration.FromHours(48), evaluator.Catalog.Get("v11").Parameters.CommsWindow.Value);
        Assert.Equal(new LocalDate(2022, 3, 31), evaluator.CohortClosures[Cohort.MocSecure].LastDay);
        var april = new InstallationBuilder().AssessedAt(Instant.FromUtc(2022, 4, 1, 10, 0)).Build();
        Assert.True(evaluator.EvaluateOutcome(april).FailedRules.Contains(RuleIds.CohortOpen));
    }

    [Fact]
    public void AddSmets1Eligibility_InvalidOptions_ReportsEveryErrorTogether()
    {
        var error = Assert.Throws<EligibilityConfigurationException>(() => new ServiceCollection().AddSmets1Eligibility(options =>
        {
            options.Versions.Add(new VersionDefinition { Label = "v18", BasedOn = "v16", EffectiveFrom = new LocalDate(2021, 12, 15), Source = "user" });
            options.ParameterOverrides["v99"] = new ParameterOverrides { CosLookaheadDays = 1, Source = "x" };
            options.CohortClosures.Add(new CohortClosure(Cohort.Ioc, new LocalDate(2023, 5, 20), " ", Confidence.Confirmed, null));
        }));

        Assert.Equal(3, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.Contains("BasedOn 'v16' does not exist", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("'v99': no such version", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("IOC has a blank Source", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSmets1Eligibility_NullServices_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Smets1EligibilityServiceCollectionExtensions.AddSmets1Eligibility(null!));
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    [Fact]
    public void AddSmets1Eligibility_IncludeInferredTimeline_ResolvesTheEras()
    {
        var services = new ServiceCollection().AddSmets1Eligibility(options =>
        {
            options.Epcl = EpclBuilder.Default;
            options.IncludeInferredTimeline = true;
        });
        using var provider = services.BuildServiceProvider();

        var result = provider.GetRequiredService<EligibilityEvaluator>().Evaluate(new InstallationBuilder().AssessedAt(Instant.FromUtc(2023, 6, 1, 10, 0)).Build());

        Assert.Equal("inferred-2023-01", result.Version?.Label);
        Assert.Contains(result.Warnings, w => w.RuleId == RuleIds.VersionInferred);
    }

    [Fact]
    public void AddSmets1Eligibility_CalledTwiceWithOptions_IsAnErrorThatSaysSo()
    {
        var services = new ServiceCollection().AddSmets1Eligibility(options => options.Epcl = EpclBuilder.Default);

        var error = Assert.Throws<InvalidOperationException>(() => services.AddSmets1Eligibility(options => options.IncludeInferredTimeline = true));

        Assert.Contains("already called", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKeyedSmets1Eligibility_HoldsSeveralCataloguesInOneApp()
    {
        var services = new ServiceCollection()
            .AddSmets1Eligibility(options => options.Epcl = EpclBuilder.Default)
            .AddKeyedSmets1Eligibility("acme", options =>
            {
                options.Epcl = EpclBuilder.Default;
                options.VersionFiles.Add(RepositoryRoot.Combine("samples", "acme", "acme-2021.json"));
            });
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var plain = provider.GetRequiredService<EligibilityEvaluator>();
        var acme = provider.GetRequiredKeyedService<EligibilityEvaluator>("acme");

        Assert.NotSame(plain, acme);
        Assert.False(plain.Catalog.TryGet("acme-2021", out _));
        Assert.True(acme.Catalog.TryGet("acme-2021", out _));
        Assert.Throws<InvalidOperationException>(() => services.AddKeyedSmets1Eligibility("acme", _ => { }));
    }
}
