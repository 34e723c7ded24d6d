using Smets1.Eligibility.Engine;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Versions;

/// <summary>
/// Builds a <see cref="TmadCatalog"/> from a starting catalogue (by default the shipped versions) and
/// versions the user registers, without recompiling the library.
/// </summary>
/// <remarks>
/// Not thread-safe; the catalogue it builds is. Definitions are validated together in <see cref="Build"/>,
/// which reports every problem at once. A definition may derive from a version registered before it.
/// </remarks>
public sealed class TmadCatalogBuilder
{
    private readonly TmadCatalog _start;
    private readonly List<VersionDefinition> _definitions = [];
    private readonly List<(string Label, ParameterOverrides Overrides)> _overrides = [];

    /// <summary>Creates a builder that starts from <see cref="TmadCatalog.Shipped"/>.</summary>
    public TmadCatalogBuilder()
        : this(TmadCatalog.Shipped)
    {
    }

    /// <summary>Creates a builder that starts from the versions of <paramref name="start"/>.</summary>
    /// <param name="start">The catalogue to extend.</param>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> is <see langword="null"/>.</exception>
    public TmadCatalogBuilder(TmadCatalog start)
    {
        ArgumentNullException.ThrowIfNull(start);
        _start = start;
    }

    /// <summary>Registers a version definition, to be validated by <see cref="Build"/>.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    public TmadCatalogBuilder Register(VersionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definitions.Add(definition);
        return this;
    }

    /// <summary>
    /// Replaces parameter values of a version of the starting catalogue (for example, your reading of v17's
    /// expiry), each cited with the overrides' source. Applied before registered versions derive from it.
    /// </summary>
    /// <param name="label">The version's label.</param>
    /// <param name="overrides">The values to replace, with their source.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public TmadCatalogBuilder OverrideParameters(string label, ParameterOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(overrides);
        _overrides.Add((label, overrides));
        return this;
    }

    /// <summary>Validates every registered definition and builds the catalogue.</summary>
    /// <returns>The catalogue: the starting versions plus the registered ones.</returns>
    /// <exception cref="EligibilityConfigurationException">
    /// A definition is invalid: a duplicate or blank label, a base that does not exist, an effective date
    /// that another version already has, an unknown or unadoptable rule, or a bad parameter. Every problem
    /// is listed in <see cref="EligibilityConfigurationException.Errors"/>.
    /// </exception>
    public TmadCatalog Build()
    {
        var errors = new List<string>();
        var versions = new Dictionary<string, TmadVersion>(StringComparer.Ordinal);
        foreach (var version in _start.Versions)
        {
            versions.Add(version.Label, version);
        }

        foreach (var (label, overrides) in _overrides)
        {
            if (Override(label, overrides, versions, errors) is { } overridden)
            {
                versions[label] = overridden;
            }
        }

        var state = new CatalogState(_start.Table, _start.Facts.Facts);
        for (var i = 0; i < _definitions.Count; i++)
        {
            var version = Create(_definitions[i], $"registered version {i + 1}", versions, state, errors);
            if (version is not null)
            {
                versions.Add(version.Label, version);
            }
        }

        return errors.Count > 0
            ? throw new EligibilityConfigurationException(errors)
            : new TmadCatalog(versions.Values, state.Table, new FactSchema([.. state.Facts.Values]));
    }

    private static TmadVersion? Create(VersionDefinition d, string position, Dictionary<string, TmadVersion> versions, CatalogState state, List<string> errors)
    {
        var before = errors.Count;
        var name = string.IsNullOrWhiteSpace(d.Label) ? position : $"Version '{d.Label}'";
        var (prefix, root) = d.Origin ?? ($"{name}: ", "$");

        // From a file, every problem names the file and the JSON path of the key (RULE-FILES.md); in code, the version.
        string At(string key) => d.Origin is null ? name : $"{prefix}{root}.{key}";
        if (string.IsNullOrWhiteSpace(d.Label))
        {
            errors.Add($"{position}: Label is blank; give the version a label such as 'v18'.");
        }
        else if (versions.ContainsKey(d.Label))
        {
            errors.Add($"{At("label")}: the label is already used by another version; choose a label that is not one of {string.Join(", ", versions.Keys)}.");
        }

        if (string.IsNullOrWhiteSpace(d.Source))
        {
            errors.Add($"{At("source")}: Source is blank; say where the definition comes from (a document or clause).");
        }

        TmadVersion? baseVersion = null;
        if (string.IsNullOrWhiteSpace(d.BasedOn))
        {
            errors.Add($"{At("based_on")}: BasedOn is blank; name the version it derives from, one of {string.Join(", ", versions.Keys)}.");
        }
        else if (!versions.TryGetValue(d.BasedOn, out baseVersion))
        {
            errors.Add($"{At("based_on")}: BasedOn '{d.BasedOn}' does not exist; use one of {string.Join(", ", versions.Keys)} (a registered base must be registered first).");
        }

        if (d.EffectiveFrom is not { } effectiveFrom)
        {
            errors.Add($"{At("effective_from")}: EffectiveFrom is not set; give the UK date from which it is in force.");
            effectiveFrom = default;
        }
        else
        {
            foreach (var other in versions.Values)
            {
                // A registered version may take effect on an inferred era's date: the era then leaves date resolution (RULE-FILES.md).
                if (other.EffectiveFrom == effectiveFrom && !other.IsInferred)
                {
                    errors.Add($"{At("effective_from")}: EffectiveFrom {Text.Date(effectiveFrom)} collides with {other.Label}, which takes effect the same day; each version needs its own effective date.");
                }
            }
        }

        var table = state.Table;
        var rules = baseVersion?.RuleSet ?? RuleSet.Empty;
        var at = 0;
        foreach (var id in d.AddRules)
        {
            var where = d.Origin is null ? $"{name}: AddRules names" : $"{prefix}{root}.add_rules[{at}].rule: expected a rule ID, got";
            at++;
            var index = table.IndexOf(id ?? string.Empty);
            var rule = index >= 0 ? table.Rules[index] : null;
            if (rule is null)
            {
                errors.Add($"{where} '{id}', which is not a catalogue rule; the rule IDs are {string.Join(", ", table.Rules.Where(r => r.IsAdopted && !r.IsEngineCheck).Select(r => r.Id))}.");
            }
            else if (!rule.IsAdopted)
            {
                errors.Add($"{At("add_rules")}: AddRules names {rule.Id}, which was not adopted ({rule.Citation}) and may not be held by any version.");
            }
            else if (rule.IsEngineCheck)
            {
                errors.Add($"{At("add_rules")}: AddRules names {rule.Id}, which the engine applies itself; remove it from AddRules.");
            }
            else if (rules.Contains(rule))
            {
                errors.Add($"{At("add_rules")}: AddRules names {rule.Id}, which {d.BasedOn} already holds.");
            }
            else
            {
                rules = rules.Union(Single(table, index));
            }
        }

        at = 0;
        foreach (var id in d.RemoveRules)
        {
            var where = d.Origin is null ? $"{name}: RemoveRules names" : $"{prefix}{root}.remove_rules[{at}].rule: expected a rule of {d.BasedOn}, got";
            at++;
            var index = table.IndexOf(id ?? string.Empty);
            var rule = index >= 0 ? table.Rules[index] : null;
            if (rule is null)
            {
                errors.Add($"{where} '{id}', which is not a catalogue rule.");
            }
            else if (rule.IsEngineCheck)
            {
                errors.Add($"{At("remove_rules")}: RemoveRules names {rule.Id}, which every version applies; it cannot be removed.");
            }
            else if (!rules.Contains(rule))
            {
                errors.Add($"{where} {rule.Id}, which {d.BasedOn} does not hold.");
            }
            else
            {
                rules = rules.Except(Single(table, index));
            }
        }

        var ruleSources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in d.AddRules.Concat(d.RemoveRules))
        {
            if (id is not null)
            {
                ruleSources[id] = d.RuleSources.TryGetValue(id, out var note) && !string.IsNullOrWhiteSpace(note) ? note : d.Source;
            }
        }

        foreach (var id in d.RuleSources.Keys.Where(k => !d.AddRules.Contains(k) && !d.RemoveRules.Contains(k)))
        {
            errors.Add($"{At("add_rules")}: RuleSources names {id}, which is neither added nor removed; give sources only for the rules the version changes.");
        }

        if (baseVersion is null || errors.Count > before)
        {
            return null;
        }

        var overrides = d.Parameters;
        var parameters = overrides.ApplyTo(
            baseVersion.Parameters,
            string.IsNullOrWhiteSpace(overrides.Source) ? d.Source : overrides.Source,
            string.IsNullOrWhiteSpace(overrides.Source) ? d.Confidence : overrides.Confidence);
        var model = new DefinedModel(d, prefix, root, baseVersion, state, errors);
        var facts = model.Facts();
        parameters = parameters with { Defined = model.Parameters(parameters) };
        var added = d.AddRules.ToList().IndexOf(RuleIds.ExclFailedAttempts);
        CheckParameters(At("expiry"), added >= 0 && d.Origin is not null ? $"{prefix}{root}.add_rules[{added}]" : At("parameters"), d.Label, effectiveFrom, rules, parameters, errors);
        var defined = model.Rules(facts, parameters);
        if (errors.Count > before)
        {
            return null;
        }

        if (defined.Count > 0)
        {
            state.Table = new RuleTable([.. table.Rules, .. defined]);
            var builder = new RuleSet.Builder(state.Table);
            foreach (var rule in rules)
            {
                builder.Add(state.Table.IndexOf(rule));
            }

            foreach (var rule in defined)
            {
                builder.Add(state.Table.IndexOf(rule));
            }

            rules = builder.Build();
        }

        foreach (var fact in facts)
        {
            state.Facts.TryAdd(fact.Name, fact);
        }

        return new TmadVersion(d.Label, effectiveFrom, d.Source, d.Confidence, d.Notes, baseVersion.Label, isShipped: false, rules, parameters, ruleSources.AsReadOnly(), facts);
    }

    private static RuleSet Single(RuleTable table, int index)
    {
        var builder = new RuleSet.Builder(table);
        builder.Add(index);
        return builder.Build();
    }

    private static TmadVersion? Override(string label, ParameterOverrides overrides, Dictionary<string, TmadVersion> versions, List<string> errors)
    {
        var before = errors.Count;
        var name = $"Parameter overrides for '{label}'";
        if (!versions.TryGetValue(label, out var version))
        {
            errors.Add($"{name}: no such version; use one of {string.Join(", ", versions.Keys)}.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(overrides.Source))
        {
            errors.Add($"{name}: Source is blank; say where the values come from.");
        }

        if (overrides.IsEmpty)
        {
            errors.Add($"{name}: no value is set; set at least one parameter or remove the override.");
        }

        var parameters = overrides.ApplyTo(version.Parameters, overrides.Source, overrides.Confidence);
        CheckParameters(name, name, label, version.EffectiveFrom, version.RuleSet, parameters, errors);
        return errors.Count > before
            ? null
            : new TmadVersion(version.Label, version.EffectiveFrom, version.Source, version.EffectiveFromConfidence, version.Notes, version.BasedOn, version.IsShipped, version.RuleSet, parameters, version.RuleSources, version.Facts, version.IsInferred);
    }

    private static void CheckParameters(string expiryAt, string parametersAt, string label, NodaTime.LocalDate effectiveFrom, RuleSet rules, TmadParameters parameters, List<string> errors)
    {
        TmadParameters.Validate(parameters, label, errors);
        if (parameters.Expiry.Value < effectiveFrom)
        {
            errors.Add($"{expiryAt}: Expiry {Text.Date(parameters.Expiry.Value)} is before EffectiveFrom {Text.Date(effectiveFrom)}; set an expiry on or after the effective date.");
        }

        if (rules.Contains(RuleIds.ExclFailedAttempts) && parameters.FailedAttemptThreshold is null)
        {
            errors.Add($"{parametersAt}: it holds {RuleIds.ExclFailedAttempts}, which needs the parameter '{ParameterKeys.FailedAttemptThreshold}', but no version it derives from sets it; set \"{ParameterKeys.FailedAttemptThreshold}\" (P-V1 proposes 5) or do not add the rule.");
        }
    }
}
