using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Auditing;

/// <summary>
/// Counts over audits (AUDIT.md §1): rows, rows per finding, the recorded × replayed verdict matrix, and for
/// <c>TOO-LENIENT</c> rows the replayed failed rules ranked by count. Summaries of parts of an estate merge.
/// </summary>
/// <remarks>Not thread-safe while being added to: give each thread its own and <see cref="Merge"/> them.</remarks>
public sealed class AuditSummary
{
    private const int Verdicts = 6;
    private readonly long[] _findings = new long[AuditFindings.All.Count];
    private readonly long[,] _matrix = new long[Verdicts, Verdicts];
    private readonly Dictionary<string, long> _lenientRules = new(StringComparer.Ordinal);

    /// <summary>The rows audited.</summary>
    public long Rows { get; private set; }

    /// <summary>Rows per finding, every finding listed (zero counts included), in the order of AUDIT.md §1.</summary>
    public IReadOnlyDictionary<AuditFinding, long> ByFinding => AuditFindings.All.ToDictionary(f => f, f => _findings[(int)f]);

    /// <summary>For <c>TOO-LENIENT</c> rows, the replayed failed rules with how many rows failed each, most first (then by rule ID).</summary>
    public IReadOnlyList<KeyValuePair<string, long>> LenientFailedRules =>
        [.. _lenientRules.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>How many rows had a finding.</summary>
    /// <param name="finding">The finding.</param>
    /// <returns>The count.</returns>
    public long CountOf(AuditFinding finding) => _findings[(int)finding];

    /// <summary>How many rows with a recorded verdict replayed to a verdict (rows that are invalid or record nothing are not in the matrix).</summary>
    /// <param name="recorded">The recorded verdict.</param>
    /// <param name="replayed">The replayed verdict.</param>
    /// <returns>The count.</returns>
    public long CountOf(Verdict recorded, Verdict replayed) => _matrix[(int)recorded, (int)replayed];

    /// <summary>Adds one audit.</summary>
    /// <param name="audit">The audit.</param>
    /// <exception cref="ArgumentNullException"><paramref name="audit"/> is <see langword="null"/>.</exception>
    public void Add(InstallationAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Rows++;
        _findings[(int)audit.Finding]++;
        if (audit.Replay is not { } replay || audit.Recorded.Verdict is not { } recorded)
        {
            return;
        }

        _matrix[(int)recorded, (int)replay.Verdict]++;
        if (audit.Finding == AuditFinding.TooLenient)
        {
            foreach (RuleDefinition rule in replay.Outcome.FailedRules)
            {
                _lenientRules[rule.Id] = _lenientRules.GetValueOrDefault(rule.Id) + 1;
            }
        }
    }

    /// <summary>Adds another summary's counts to this one.</summary>
    /// <param name="other">The other summary; unchanged.</param>
    /// <returns>This summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public AuditSummary Merge(AuditSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Rows += other.Rows;
        for (var i = 0; i < _findings.Length; i++)
        {
            _findings[i] += other._findings[i];
        }

        for (var r = 0; r < Verdicts; r++)
        {
            for (var p = 0; p < Verdicts; p++)
            {
                _matrix[r, p] += other._matrix[r, p];
            }
        }

        foreach (var (rule, count) in other._lenientRules)
        {
            _lenientRules[rule] = _lenientRules.GetValueOrDefault(rule) + count;
        }

        return this;
    }
}
