using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Comparison;

/// <summary>The static difference between two versions: rules added, removed or changed, and parameter changes.</summary>
/// <param name="From">The first version.</param>
/// <param name="To">The second version.</param>
/// <param name="Rules">Every rule that differs, in catalogue order.</param>
/// <param name="Parameters">Every parameter whose value differs, in the order of the parameter table.</param>
public sealed record VersionDiff(TmadVersion From, TmadVersion To, IReadOnlyList<RuleChange> Rules, IReadOnlyList<ParameterChange> Parameters)
{
    /// <summary>Whether the two versions hold the same rules with the same parameter values.</summary>
    public bool IsEmpty => Rules.Count == 0 && Parameters.Count == 0;
}
