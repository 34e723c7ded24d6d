using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Engine;

/// <summary>
/// The rules of one catalogue in catalogue order: the built-in rules first (at the same positions in every
/// table), then the rules versions define, in definition order. A rule's position is its bit in a
/// <see cref="RuleSet"/>; the encoding never leaves the library.
/// </summary>
internal sealed class RuleTable
{
    private readonly Dictionary<string, int> _byId;
    private readonly Dictionary<RuleDefinition, int> _byRule;

    public RuleTable(IReadOnlyList<RuleDefinition> rules)
    {
        Rules = [.. rules];
        _byId = new Dictionary<string, int>(Rules.Length, StringComparer.Ordinal);
        _byRule = new Dictionary<RuleDefinition, int>(Rules.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Rules.Length; i++)
        {
            _byId.Add(Rules[i].Id, i);
            _byRule.Add(Rules[i], i);
        }
    }

    /// <summary>The built-in rules alone (TMAD-RULES §5).</summary>
    public static RuleTable BuiltIn { get; } = new(RuleCatalog.All);

    public RuleDefinition[] Rules { get; }

    public int Count => Rules.Length;

    /// <summary>How many 64-bit words a set over this table needs.</summary>
    public int Words => (Rules.Length + 63) >> 6;

    public int IndexOf(RuleDefinition rule) => _byRule.TryGetValue(rule, out var index) ? index : -1;

    public int IndexOf(string id) => _byId.TryGetValue(id, out var index) ? index : -1;

    /// <summary>Whether this table holds every rule of <paramref name="other"/> at the same position.</summary>
    public bool Extends(RuleTable other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other.Rules.Length > Rules.Length)
        {
            return false;
        }

        for (var i = 0; i < other.Rules.Length; i++)
        {
            if (!ReferenceEquals(Rules[i], other.Rules[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The table two sets can share: the one that extends the other (a null table is the empty set's).</summary>
    /// <exception cref="ArgumentException">The sets come from catalogues whose defined rules differ.</exception>
    public static RuleTable? Common(RuleTable? a, RuleTable? b)
    {
        if (a is null || ReferenceEquals(a, b))
        {
            return b ?? a;
        }

        if (b is null || a.Extends(b))
        {
            return a;
        }

        return b.Extends(a)
            ? b
            : throw new ArgumentException("The rule sets come from catalogues with different defined rules; combine sets of one catalogue only.");
    }
}
