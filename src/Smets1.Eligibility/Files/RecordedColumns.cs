using Smets1.Eligibility.Auditing;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Files;

/// <summary>
/// Reads the recorded-decision cells of a row (AUDIT.md §1): a verdict (case-insensitive), a version label, and rule
/// IDs separated by <c>;</c> (order and case do not matter, spaces trimmed). A cell that is not a verdict, or an ID
/// that no loaded version knows, is an error naming the column and the value, so the row becomes invalid.
/// </summary>
internal sealed class RecordedColumns
{
    private static readonly Verdict[] Verdicts = Enum.GetValues<Verdict>();
    private static readonly string VerdictNames = "a verdict: one of " + string.Join(", ", Enumerable.Reverse(Verdicts));
    private readonly Dictionary<string, string> _ruleIds = new(StringComparer.OrdinalIgnoreCase);

    public RecordedColumns(IEnumerable<RuleDefinition> rules)
    {
        foreach (var rule in rules)
        {
            if (rule.IsAdopted)
            {
                _ruleIds.TryAdd(rule.Id, rule.Id);
            }
        }
    }

    public RecordedDecision? Read(ReadOnlySpan<char> verdictCell, ReadOnlySpan<char> versionCell, ReadOnlySpan<char> rulesCell, CellParser errors)
    {
        if (verdictCell.IsEmpty && versionCell.IsEmpty && rulesCell.IsEmpty)
        {
            return RecordedDecision.None;
        }

        Verdict? verdict = null;
        if (!verdictCell.IsEmpty)
        {
            verdict = ParseVerdict(verdictCell);
            if (verdict is null)
            {
                errors.Fail(Columns.RecordedVerdict, verdictCell, VerdictNames);
            }
        }

        List<string>? rules = null;
        if (!rulesCell.IsEmpty)
        {
            rules = [];
            foreach (var id in rulesCell.ToString().Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (_ruleIds.TryGetValue(id, out var known))
                {
                    rules.Add(known);
                }
                else
                {
                    errors.Fail(Columns.RecordedFailedRules, id, "rule IDs that a loaded version knows, separated by ';'");
                }
            }
        }

        return new RecordedDecision(verdict, versionCell.IsEmpty ? null : versionCell.ToString(), rules is { Count: > 0 } ? rules : null);
    }

    private static Verdict? ParseVerdict(ReadOnlySpan<char> text)
    {
        foreach (var verdict in Verdicts)
        {
            if (text.Equals(verdict.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return verdict;
            }
        }

        return null;
    }
}
