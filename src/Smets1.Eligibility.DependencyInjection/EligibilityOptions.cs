using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility;

/// <summary>
/// Options for <c>AddSmets1Eligibility</c>: the EPCL, versions to register, parameter overrides and cohort
/// closure overrides. Validated once, when the services are added, with every error reported together.
/// </summary>
/// <remarks>Mutable while configuring; what is built from it is immutable and thread-safe.</remarks>
public sealed class EligibilityOptions
{
    /// <summary>The EPCL installations are checked against.</summary>
    /// <value>Default <see cref="Reference.Epcl.Empty"/>: every DMC fails <c>EPCL-LISTED</c>.</value>
    public Epcl Epcl { get; set; } = Epcl.Empty;

    /// <summary>
    /// An EPCL file to load instead of setting <see cref="Epcl"/> (FILES-AND-CLI.md: <c>dmc_id,added_on[,uneconomic_to_test]</c>),
    /// read once when the services are added.
    /// </summary>
    public string? EpclFile { get; set; }

    /// <summary>
    /// Whether <see cref="EpclFile"/> is watched and read again when it changes; the current evaluator is then
    /// <see cref="EligibilityEvaluatorSource.Current"/>. Default <see langword="false"/>.
    /// </summary>
    public bool ReloadEpclOnChange { get; set; }

    /// <summary>Version files to load and register (see <see cref="VersionFile"/>), before <see cref="Versions"/>.</summary>
    public IList<string> VersionFiles { get; } = new List<string>();

    /// <summary>Versions to register, in order (a version may derive from one registered before it).</summary>
    public IList<VersionDefinition> Versions { get; } = new List<VersionDefinition>();

    /// <summary>Parameter overrides of existing versions, by label.</summary>
    public IDictionary<string, ParameterOverrides> ParameterOverrides { get; } = new Dictionary<string, ParameterOverrides>(StringComparer.Ordinal);

    /// <summary>
    /// Whether the eras of the inferred timeline 2022-01-01 to 2025-10-16 (TMAD-RULES §3a) take part in date
    /// resolution for the registered evaluator; every result they resolve is warned <c>VERSION-INFERRED</c>.
    /// </summary>
    /// <value>Default <see langword="false"/>: those dates resolve to <c>VERSION-UNRESOLVED</c>, unless a registered version covers them.</value>
    public bool IncludeInferredTimeline { get; set; }

    /// <summary>Cohort closure dates replacing the defaults of TMAD-RULES §6, each with its source.</summary>
    public IList<CohortClosure> CohortClosures { get; } = new List<CohortClosure>();

    /// <summary>Builds the catalogue and closures, validating everything at once.</summary>
    /// <exception cref="EligibilityConfigurationException">Anything is invalid; every problem is listed.</exception>
    internal (TmadCatalog Catalog, CohortClosures Closures, Epcl Epcl) Build()
    {
        var errors = new List<string>();
        var epcl = Epcl;
        if (Epcl is null)
        {
            errors.Add("Epcl is null; set an EPCL, or leave the default (empty).");
        }
        else if (ReloadEpclOnChange && EpclFile is null)
        {
            errors.Add("ReloadEpclOnChange is set but EpclFile is not; name the EPCL file to watch.");
        }
        else if (EpclFile is { } epclFile)
        {
            if (!ReferenceEquals(Epcl, Epcl.Empty))
            {
                errors.Add($"Both Epcl and EpclFile ('{epclFile}') are set; give the EPCL one way.");
            }
            else
            {
                try
                {
                    epcl = Files.EpclFile.Load(epclFile);
                }
                catch (Exception e) when (e is Files.EligibilityFileException or IOException or UnauthorizedAccessException)
                {
                    errors.Add($"EpclFile: {e.Message}");
                }
            }
        }

        var builder = new TmadCatalogBuilder();
        foreach (var (label, overrides) in ParameterOverrides)
        {
            builder.OverrideParameters(label, overrides);
        }

        var definitions = new List<VersionDefinition?>();
        foreach (var file in VersionFiles)
        {
            try
            {
                definitions.AddRange(VersionFile.Load(file));
            }
            catch (EligibilityConfigurationException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        definitions.AddRange(Versions);
        foreach (var definition in definitions)
        {
            if (definition is null)
            {
                errors.Add("Versions holds a null definition; remove it.");
                continue;
            }

            builder.Register(definition);
        }

        TmadCatalog? catalog = null;
        try
        {
            catalog = builder.Build();
        }
        catch (EligibilityConfigurationException e)
        {
            errors.AddRange(e.Errors);
        }

        var closures = Reference.CohortClosures.Default;
        var seen = new HashSet<Cohort>();
        foreach (var closure in CohortClosures)
        {
            if (closure is null || !Enum.IsDefined(closure.Cohort) || string.IsNullOrWhiteSpace(closure.Source) || !seen.Add(closure.Cohort))
            {
                errors.Add(closure switch
                {
                    null => "CohortClosures holds a null entry; remove it.",
                    _ when !Enum.IsDefined(closure.Cohort) => $"CohortClosures names cohort {(int)closure.Cohort}, which is not a cohort.",
                    _ when string.IsNullOrWhiteSpace(closure.Source) => $"CohortClosures entry for {ContractText.Format(closure.Cohort)} has a blank Source; say where the date comes from.",
                    _ => $"CohortClosures has {ContractText.Format(closure.Cohort)} twice; give each cohort once.",
                });
                continue;
            }

            closures = closures.WithLastDay(closure.Cohort, closure.LastDay, closure.Source, closure.Confidence);
        }

        return errors.Count > 0 ? throw new EligibilityConfigurationException(errors) : (catalog!, closures, epcl);
    }
}
