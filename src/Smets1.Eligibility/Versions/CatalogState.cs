using Smets1.Eligibility.Engine;
using Smets1.Eligibility.Model;

namespace Smets1.Eligibility.Versions;

/// <summary>What registering versions builds up: the rule table (built-in then defined rules) and the declared facts.</summary>
internal sealed class CatalogState(RuleTable table, IReadOnlyList<FactDefinition> facts)
{
    public RuleTable Table { get; set; } = table;

    public Dictionary<string, FactDefinition> Facts { get; } = facts.ToDictionary(f => f.Name, StringComparer.Ordinal);
}
