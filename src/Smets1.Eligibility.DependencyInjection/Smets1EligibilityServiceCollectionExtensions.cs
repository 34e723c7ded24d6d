using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Smets1.Eligibility;
using Smets1.Eligibility.DependencyInjection;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Versions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Smets1.Eligibility in a service collection.</summary>
public static class Smets1EligibilityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the TMAD catalogue, the reference data, the <see cref="EligibilityEvaluator"/> and its
    /// <see cref="EligibilityEvaluatorSource"/> as singletons (no <c>IClock</c>: nothing registered here reads the
    /// time; an assessment instant is always the caller's). The options are
    /// validated now, once. Calling it again without options is harmless; calling it again with options is an
    /// error, since the second configuration would otherwise be silently ignored.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the EPCL, registers versions, overrides parameters and cohort closures, turns on the inferred timeline.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="EligibilityConfigurationException">The options are invalid; every problem is listed.</exception>
    /// <exception cref="InvalidOperationException">It was already called, and options are given again.</exception>
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
        if (services.Any(d => d.ServiceType == typeof(Registration) && !d.IsKeyedService))
        {
            return configure is null
                ? services
                : throw new InvalidOperationException("AddSmets1Eligibility was already called; a second call with options would be ignored. Configure everything in one call, or register a second catalogue under a key with AddKeyedSmets1Eligibility.");
        }

        var options = new EligibilityOptions();
        configure?.Invoke(options);
        return Add(services, options);
    }

    /// <summary>
    /// Adds Smets1.Eligibility as <see cref="AddSmets1Eligibility(IServiceCollection, Action{EligibilityOptions}?)"/> does,
    /// with the options bound from configuration first (for example <c>builder.Configuration.GetSection("Smets1Eligibility")</c>):
    /// <c>VersionFiles</c> (paths), <c>IncludeInferredTimeline</c> (true/false), <c>EpclFile</c> (path) and
    /// <c>CohortClosures</c> (<c>{ "Cohort": "IOC", "LastDay": "2023-05-20", "Source": "…", "Confidence": "confirmed" }</c>);
    /// <paramref name="configure"/> then adds what configuration cannot hold (versions defined in code, an EPCL object).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the settings.</param>
    /// <param name="configure">Further options, applied after the configuration.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    /// <exception cref="EligibilityConfigurationException">A setting is unknown or has a bad value, or the options are invalid; every problem is listed with its key.</exception>
    /// <exception cref="InvalidOperationException">It was already called.</exception>
    /// <example>
    /// <code>
    /// // appsettings.json: { "Smets1Eligibility": { "VersionFiles": ["policy/acme-2021.json"], "EpclFile": "reference/epcl.csv", "IncludeInferredTimeline": true } }
    /// builder.Services.AddSmets1Eligibility(builder.Configuration.GetSection("Smets1Eligibility"));
    /// </code>
    /// </example>
    public static IServiceCollection AddSmets1Eligibility(this IServiceCollection services, IConfiguration configuration, Action<EligibilityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(Registration) && !d.IsKeyedService))
        {
            throw new InvalidOperationException("AddSmets1Eligibility was already called; a second call with configuration would be ignored. Configure everything in one call, or register a second catalogue under a key with AddKeyedSmets1Eligibility.");
        }

        var options = new EligibilityOptions();
        var errors = new List<string>();
        ConfigurationBinder.Bind(configuration, options, errors);
        if (errors.Count > 0)
        {
            throw new EligibilityConfigurationException(errors);
        }

        configure?.Invoke(options);
        return Add(services, options);
    }

    private static IServiceCollection Add(IServiceCollection services, EligibilityOptions options)
    {
        var (catalog, closures, epcl) = options.Build();
        services.AddSingleton(new Registration());
        services.TryAddSingleton(catalog);
        services.TryAddSingleton(closures);
        services.TryAddSingleton(epcl);
        services.TryAddSingleton(provider =>
        {
            EligibilityLog.Registration(provider.GetService<ILoggerFactory>(), options, catalog, epcl.Count);
            return new EligibilityEvaluator(
                provider.GetRequiredService<TmadCatalog>(),
                provider.GetRequiredService<Epcl>(),
                provider.GetRequiredService<CohortClosures>(),
                options.IncludeInferredTimeline);
        });
        services.TryAddSingleton(provider => new EligibilityEvaluatorSource(
            provider.GetRequiredService<EligibilityEvaluator>(), options.EpclFile, options.ReloadEpclOnChange, provider.GetService<ILoggerFactory>()));
        return services;
    }

    /// <summary>
    /// Adds a catalogue, its reference data and an <see cref="EligibilityEvaluator"/> under a key, so that one
    /// application can hold several (a supplier policy beside the plain TMAD): resolve them with
    /// <c>[FromKeyedServices(key)]</c> or <c>GetRequiredKeyedService&lt;EligibilityEvaluator&gt;(key)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The key.</param>
    /// <param name="configure">The options of this catalogue.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="key"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="EligibilityConfigurationException">The options are invalid; every problem is listed.</exception>
    /// <exception cref="InvalidOperationException">A catalogue is already registered under <paramref name="key"/>.</exception>
    public static IServiceCollection AddKeyedSmets1Eligibility(this IServiceCollection services, object key, Action<EligibilityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(Registration) && d.IsKeyedService && Equals(d.ServiceKey, key)))
        {
            throw new InvalidOperationException($"A Smets1.Eligibility catalogue is already registered under the key '{key}'; use another key.");
        }

        var options = new EligibilityOptions();
        configure(options);
        var (catalog, closures, epcl) = options.Build();
        services.AddKeyedSingleton(key, new Registration());
        services.AddKeyedSingleton(key, catalog);
        services.AddKeyedSingleton(key, closures);
        services.AddKeyedSingleton(key, epcl);
        services.AddKeyedSingleton(key, (provider, _) =>
        {
            EligibilityLog.Registration(provider.GetService<ILoggerFactory>(), options, catalog, epcl.Count);
            return new EligibilityEvaluator(catalog, epcl, closures, options.IncludeInferredTimeline);
        });
        services.AddKeyedSingleton(key, (provider, k) => new EligibilityEvaluatorSource(
            provider.GetRequiredKeyedService<EligibilityEvaluator>(k), options.EpclFile, options.ReloadEpclOnChange, provider.GetService<ILoggerFactory>()));
        return services;
    }

    /// <summary>Marks a registration, so that a second one with other options is caught.</summary>
    private sealed class Registration;
}
