using Smets1.Eligibility.Model;

namespace Smets1.Eligibility.Engine;

/// <summary>What a version's conditions may read: the built-in facts, the facts it and its bases declare, and its parameters.</summary>
internal sealed class VersionScope(IReadOnlyDictionary<string, FactDefinition> facts, IReadOnlyDictionary<string, ParameterDefinition> parameters, FactSchema schema)
{
    public IReadOnlyDictionary<string, FactDefinition> Facts { get; } = facts;

    public IReadOnlyDictionary<string, ParameterDefinition> Parameters { get; } = parameters;

    /// <summary>Where declared facts are stored (the catalogue's schema).</summary>
    public FactSchema Schema { get; } = schema;

    public static VersionScope Create(IEnumerable<FactDefinition> declared, IEnumerable<ParameterDefinition> parameters, FactSchema schema)
    {
        var facts = new Dictionary<string, FactDefinition>(StringComparer.Ordinal);
        foreach (var fact in BuiltInFacts.All)
        {
            facts[fact.Name] = fact;
        }

        foreach (var fact in declared)
        {
            facts[fact.Name] = fact;
        }

        var byName = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            byName[parameter.Name] = parameter;
        }

        return new VersionScope(facts, byName, schema);
    }
}
