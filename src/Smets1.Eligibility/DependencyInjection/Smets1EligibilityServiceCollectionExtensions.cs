using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Smets1.Eligibility;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Versions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Smets1.Eligibility in a service collection.</summary>
public static class Smets1EligibilityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the TMAD catalogue, the reference data and the <see cref="EligibilityEvaluator"/> as singletons
    /// (with <c>TryAdd</c>, so calling this twice is harmless), and NodaTime's system clock as
    /// <see cref="IClock"/> unless a clock is already registered. The options are validated now, once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the EPCL, registers versions, overrides parameters and cohort closures.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="EligibilityConfigurationException">The options are invalid; every problem is listed.</exception>
    /// <example>
    /// <code>
    /// services.AddSmets1Eligibility(options =>
    /// {
    ///     options.Epcl = epcl;
    ///     options.Versions.Add(new VersionDefinition { Label = "v18", BasedOn = "v17", … });
    /// });
    /// </code>
    /// </example>
    public static IServiceCollection AddSmets1Eligibility(this IServiceCollection services, Action<EligibilityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new EligibilityOptions();
        configure?.Invoke(options);
        var (catalog, closures) = options.Build();
        var epcl = options.Epcl;

        services.TryAddSingleton(catalog);
        services.TryAddSingleton(closures);
        services.TryAddSingleton(epcl);
        services.TryAddSingleton(provider => new EligibilityEvaluator(
            provider.GetRequiredService<TmadCatalog>(),
            provider.GetRequiredService<Epcl>(),
            provider.GetRequiredService<CohortClosures>(),
            options.IncludeInferredTimeline));
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        return services;
    }
}
