using System.Text.RegularExpressions;
using Smets1.Eligibility.Engine;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Versions;

/// <summary>
/// Checks and settles what one version definition declares (RULE-FILES.md): its facts, its parameters and its
/// defined rules, against its base version and the catalogue registered so far. Every problem is reported with
/// the definition's origin and the JSON path of what was wrong.
/// </summary>
internal sealed partial class DefinedModel(VersionDefinition definition, string prefix, string root, TmadVersion baseVersion, CatalogState state, List<string> errors)
{
    private static readonly RuleOutcome[] Outcomes = [RuleOutcome.Excluded, RuleOutcome.Ineligible, RuleOutcome.Deferred, RuleOutcome.Warning];

    /// <summary>The base's facts and the definition's own, each checked.</summary>
    public IReadOnlyList<FactDefinition> Facts()
    {
        var facts = new List<FactDefinition>(baseVersion.Facts);
        var known = Known();
        foreach (var fact in definition.Facts)
        {
            if (fact is null)
            {
                Error($"{root}.facts", "a fact definition, not null");
                continue;
            }

            var path = $"{root}.facts.{fact.Name}";
            if (!FactDefinition.IsValidName(fact.Name))
            {
                Error(path, "a lower-case name matching ^[a-z][a-z0-9_]*$");
                continue;
            }

            if (BuiltInFacts.IsBuiltIn(fact.Name))
            {
                Error(path, $"a new fact name: '{fact.Name}' is a built-in column");
                continue;
            }

            if (baseVersion.Facts.FirstOrDefault(f => f.Name == fact.Name) is { } inherited && !inherited.SameAs(fact))
            {
                Error(path, $"a fact not already declared by {baseVersion.Label} with another definition");
                continue;
            }

            if (known.TryGetValue(fact.Name, out var other) && !other.SameAs(fact))
            {
                Error(path, $"the same definition as the fact '{fact.Name}' another version declares ({other}): fact names are global");
                continue;
            }

            if (Check(fact, path))
            {
                facts.RemoveAll(f => f.Name == fact.Name);
                facts.Add(fact);
            }
        }

        return facts;
    }

    /// <summary>The declared parameters: the base's, with the definition's new values, then its new parameters.</summary>
    public IReadOnlyList<ParameterDefinition> Parameters(TmadParameters parameters)
    {
        var overrides = definition.Parameters;
        var source = string.IsNullOrWhiteSpace(overrides.Source) ? definition.Source : overrides.Source;
        var confidence = string.IsNullOrWhiteSpace(overrides.Source) ? definition.Confidence : overrides.Confidence;
        var result = new List<ParameterDefinition>(parameters.Defined);
        foreach (var (name, value) in overrides.Values)
        {
            var path = $"{root}.parameters.{name}";
            var index = result.FindIndex(p => p.Name == name);
            if (index < 0)
            {
                Error(path, $"a \"type\" for the new parameter '{name}' (integer, decimal, boolean, text or date): no base version declares it");
                continue;
            }

            var inherited = result[index];
            if (!FactValues.TryConvert(value, inherited.Type, [], out var converted))
            {
                Error(path + ".value", $"{FactValues.Expected(inherited.Type)} (parameter '{name}' is {inherited.Type.ToString().ToLowerInvariant()}), got {FactValues.Format(value)}");
                continue;
            }

            result[index] = new ParameterDefinition(name, inherited.Type, converted, overrides.SourceOf(name, source)) { Unit = inherited.Unit, Confidence = confidence };
        }

        foreach (var parameter in definition.DefineParameters)
        {
            if (parameter is null)
            {
                Error($"{root}.parameters", "a parameter definition, not null");
                continue;
            }

            var path = $"{root}.parameters.{parameter.Name}";
            if (!FactDefinition.IsValidName(parameter.Name))
            {
                Error(path, "a lower-case name matching ^[a-z][a-z0-9_]*$");
                continue;
            }

            if (parameters.All.Any(p => p.IsBuiltIn && p.Name == parameter.Name))
            {
                Error(path, $"no \"type\": '{parameter.Name}' is a built-in parameter, overridden with a value and a source only");
                continue;
            }

            var index = result.FindIndex(p => p.Name == parameter.Name);
            if (index >= 0 && result[index].Type != parameter.Type)
            {
                Error(path + ".type", $"\"{result[index].Type.ToString().ToLowerInvariant()}\", the type {baseVersion.Label} declares for '{parameter.Name}'");
                continue;
            }

            if (parameter.Type == FactType.Enum || parameter.Type == FactType.Instant)
            {
                Error(path + ".type", "integer, decimal, boolean, text or date");
                continue;
            }

            if (!FactValues.TryConvert(parameter.Value, parameter.Type, [], out var converted))
            {
                Error(path + ".value", $"{FactValues.Expected(parameter.Type)}, got {FactValues.Format(parameter.Value)}");
                continue;
            }

            if (string.IsNullOrWhiteSpace(parameter.Source))
            {
                Error(path + ".source", "a non-empty string");
                continue;
            }

            var settled = new ParameterDefinition(parameter.Name, parameter.Type, converted, parameter.Source) { Unit = parameter.Unit, Confidence = parameter.Confidence, Note = parameter.Note };
            if (index >= 0)
            {
                result[index] = settled;
            }
            else
            {
                result.Add(settled);
            }
        }

        return result;
    }

    /// <summary>The definition's rules, checked against its facts and parameters and registered under its label.</summary>
    public IReadOnlyList<RuleDefinition> Rules(IReadOnlyList<FactDefinition> facts, TmadParameters parameters)
    {
        var registered = new List<RuleDefinition>(definition.DefineRules.Count);
        var table = state.Table;
        var scope = VersionScope.Create(facts, parameters.All, FactSchema.Empty);
        for (var i = 0; i < definition.DefineRules.Count; i++)
        {
            var rule = definition.DefineRules[i];
            var path = $"{root}.define_rules[{i}]";
            if (rule is null || !rule.IsDefined || rule.When is null)
            {
                Error(path, "a rule made with RuleDefinition.Define");
                continue;
            }

            var before = errors.Count;
            if (!IdPattern().IsMatch(rule.Id))
            {
                Error(path + ".id", $"a rule ID matching ^[A-Z][A-Z0-9-]*$, got \"{rule.Id}\"");
            }
            else if (table.IndexOf(rule.Id) >= 0 || registered.Exists(r => r.Id == rule.Id))
            {
                Error(path + ".id", $"a rule ID not used elsewhere in the catalogue: {rule.Id} is already a rule");
            }

            if (string.IsNullOrWhiteSpace(rule.FailsWhen))
            {
                Error(path + ".description", "a non-empty string");
            }

            if (string.IsNullOrWhiteSpace(rule.Source))
            {
                Error(path + ".source", "a non-empty string");
            }

            if (Array.IndexOf(Outcomes, rule.Outcome) < 0)
            {
                Error(path + ".outcome", $"Excluded, Ineligible, Deferred or Warning, got {rule.Outcome}");
            }

            // A rule made in code (by hand or imported from NRules) is named, since its index is all the path says.
            var validator = new ModelValidator(scope, definition.Origin is null ? $"{prefix}rule {rule.Id} at " : prefix, errors, definition.Origin is null ? null : rule.Id);
            validator.Validate(rule.When, path + ".when");
            if (errors.Count == before)
            {
                registered.Add(rule.Registered(definition.Label, definition.Confidence, [.. validator.FactsRead], [.. validator.ParametersRead]));
            }
        }

        return registered;
    }

    private Dictionary<string, FactDefinition> Known() => state.Facts;

    private bool Check(FactDefinition fact, string path)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(fact.Description))
        {
            Error(path + ".description", "a non-empty string");
        }

        var number = fact.Type is FactType.Integer or FactType.Decimal;
        if (!number && (fact.Min is not null || fact.Max is not null))
        {
            Error(path + (fact.Min is not null ? ".min" : ".max"), $"no bounds: min and max apply to integer and decimal facts, and '{fact.Name}' is {fact.Type.ToString().ToLowerInvariant()}");
        }

        if (fact.Type == FactType.Integer && ((fact.Min is { } min && decimal.Truncate(min) != min) || (fact.Max is { } max && decimal.Truncate(max) != max)))
        {
            Error(path + (fact.Min is { } m && decimal.Truncate(m) != m ? ".min" : ".max"), "a whole number for an integer fact");
        }

        if (fact.Min is { } low && fact.Max is { } high && low > high)
        {
            Error(path + ".max", $"a maximum of at least the minimum {FactValues.Format(low)}");
        }

        if (fact.MaxLength is { } length && (fact.Type != FactType.Text || length < 1))
        {
            Error(path + ".max_length", fact.Type != FactType.Text ? $"no max_length: it applies to text facts, and '{fact.Name}' is {fact.Type.ToString().ToLowerInvariant()}" : "a length of 1 or more");
        }

        if (fact.Type == FactType.Enum && fact.Values.Count == 0)
        {
            Error(path + ".values", "a non-empty list of the enum's values");
        }
        else if (fact.Type != FactType.Enum && fact.Values.Count > 0)
        {
            Error(path + ".values", $"no values: they apply to enum facts, and '{fact.Name}' is {fact.Type.ToString().ToLowerInvariant()}");
        }
        else if (fact.Values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            Error(path + ".values", "values that differ other than by letter case");
        }

        if (fact.Default is { } value && errors.Count == before
            && (!FactValues.TryConvert(value, fact.Type, fact.Values, out var converted) || !FactValues.WithinBounds(converted, fact)))
        {
            Error(path + ".default", $"{FactValues.Expected(fact.Type, fact.Values)}{CustomFactsBuilder.Bounds(fact)}, got {FactValues.Format(value)}");
        }

        return errors.Count == before;
    }

    private void Error(string path, string expected) => errors.Add($"{prefix}{path}: expected {expected}");

    [GeneratedRegex("^[A-Z][A-Z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
