using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Smets1.Eligibility.Engine;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility;

/// <summary>
/// Counts over an estate's outcomes: per verdict, per failed rule, per warning, per version and per cohort.
/// Summaries of partitions merge into the summary of the whole.
/// </summary>
/// <remarks>
/// A mutable accumulator and not thread-safe: give each thread its own and <see cref="Merge"/> them.
/// <see cref="Add(InstallationFacts, in EligibilityOutcome)"/> does not allocate once the outcome's version has been seen.
/// </remarks>
public sealed class EstateSummary
{
    /// <summary>The key under which outcomes with no version (<c>VERSION-UNRESOLVED</c>) are counted in <see cref="ByVersion"/>.</summary>
    public const string Unresolved = "(unresolved)";

    /// <summary>The key under which installations of unknown cohort are counted in <see cref="ByCohort"/>.</summary>
    public const string UnknownCohort = "(unknown)";

    private const int CohortSlots = (int)Cohort.FocBg + 2;

    private readonly long[] _verdicts = new long[(int)Verdict.Excluded + 1];
    // Counts by rule position in the catalogue's rule table, adopted from the outcomes (built-in rules have the
    // same positions in every table, so outcomes of the shipped catalogue and of one extended catalogue mix).
    private RuleTable _table = RuleTable.BuiltIn;
    private long[] _failures = new long[RuleTable.BuiltIn.Count];
    private long[] _warnings = new long[RuleTable.BuiltIn.Count];
    private readonly long[] _cohorts = new long[CohortSlots];

    // One counter per version object seen, found by reference: an estate meets a handful of versions, and
    // comparing references is cheaper than hashing a label per outcome. Labels are grouped when read.
    private readonly List<(TmadVersion? Version, StrongBox<long> Count)> _versions = [];

    /// <summary>How many outcomes were added.</summary>
    public long Total { get; private set; }

    /// <summary>Counts per verdict, for every verdict (zero included), in severity order.</summary>
    public IReadOnlyDictionary<Verdict, long> ByVerdict =>
        Enum.GetValues<Verdict>().ToDictionary(v => v, v => _verdicts[(int)v]);

    /// <summary>Counts per failed rule ID, for the rules that failed at least once, in catalogue order.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByFailedRule => Counts(_failures);

    /// <summary>Counts per warning rule ID, for the warnings raised at least once, in catalogue order.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByWarning => Counts(_warnings);

    /// <summary>Counts per version label (<see cref="Unresolved"/> for none), sorted by label.</summary>
    public IReadOnlyDictionary<string, long> ByVersion =>
        new SortedDictionary<string, long>(
            _versions.GroupBy(v => v.Version?.Label ?? Unresolved, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(v => v.Count.Value), StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>Counts per cohort in contract spelling (<see cref="UnknownCohort"/> for none), for the cohorts seen.</summary>
    public IReadOnlyDictionary<string, long> ByCohort
    {
        get
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var i = 0; i < CohortSlots; i++)
            {
                if (_cohorts[i] > 0)
                {
                    counts[i == CohortSlots - 1 ? UnknownCohort : ContractText.Format((Cohort)i)] = _cohorts[i];
                }
            }

            return counts;
        }
    }

    /// <summary>How many outcomes had a verdict.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>The count.</returns>
    public long CountOf(Verdict verdict) => _verdicts[(int)verdict];

    /// <summary>How many outcomes failed a rule (or raised it as a warning).</summary>
    /// <param name="ruleId">The rule ID.</param>
    /// <returns>The count.</returns>
    /// <exception cref="KeyNotFoundException"><paramref name="ruleId"/> is not in the catalogue.</exception>
    public long CountOfRule(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        var index = _table.IndexOf(ruleId);
        return index < 0
            ? throw new KeyNotFoundException($"No rule has the ID '{ruleId}'. The rule IDs are: {string.Join(", ", _table.Rules.Select(r => r.Id))}.")
            : _failures[index] + _warnings[index];
    }

    /// <summary>Adds one installation's outcome.</summary>
    /// <param name="facts">The installation (for its cohort).</param>
    /// <param name="outcome">Its outcome.</param>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    public void Add(InstallationFacts facts, in EligibilityOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Add(facts.Cohort, outcome);
    }

    /// <summary>Adds one outcome.</summary>
    /// <param name="cohort">The installation's cohort, or <see langword="null"/> when unknown.</param>
    /// <param name="outcome">Its outcome.</param>
    public void Add(Cohort? cohort, in EligibilityOutcome outcome)
    {
        Total++;
        _verdicts[(int)outcome.Verdict]++;
        Adopt(outcome.FailedRules.Table);
        Adopt(outcome.Warnings.Table);
        AddBits(_failures, outcome.FailedRules);
        AddBits(_warnings, outcome.Warnings);
        _cohorts[cohort is { } c ? (int)c : CohortSlots - 1]++;
        CountOf(outcome.Version).Value++;
    }

    /// <summary>Adds a batch of outcomes, index by index.</summary>
    /// <param name="installations">The installations.</param>
    /// <param name="outcomes">Their outcomes, at the same indexes.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void AddRange(ReadOnlySpan<InstallationFacts> installations, ReadOnlySpan<EligibilityOutcome> outcomes)
    {
        if (installations.Length != outcomes.Length)
        {
            throw new ArgumentException($"There are {installations.Length} installations but {outcomes.Length} outcomes; pass one outcome per installation.", nameof(outcomes));
        }

        for (var i = 0; i < installations.Length; i++)
        {
            Add(installations[i], outcomes[i]);
        }
    }

    /// <summary>Adds another summary's counts to this one (for example, one partition's).</summary>
    /// <param name="other">The other summary; left unchanged.</param>
    /// <returns>This summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public EstateSummary Merge(EstateSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Adopt(other._table);
        Total += other.Total;
        AddArrays(_verdicts, other._verdicts);
        AddArrays(_failures, other._failures);
        AddArrays(_warnings, other._warnings);
        AddArrays(_cohorts, other._cohorts);
        foreach (var (version, count) in other._versions)
        {
            CountOf(version).Value += count.Value;
        }

        return this;
    }

    /// <summary>
    /// A summary with the given counts, as <see cref="Serialization.EligibilityJson"/> reads one back: rule IDs and
    /// version labels are looked up in <paramref name="catalog"/>, cohorts by their contract spelling.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A rule ID, version label or cohort is not known.</exception>
    internal static EstateSummary Restore(
        Versions.TmadCatalog catalog,
        long total,
        IEnumerable<KeyValuePair<Verdict, long>> verdicts,
        IEnumerable<KeyValuePair<string, long>> versions,
        IEnumerable<KeyValuePair<string, long>> cohorts,
        IEnumerable<KeyValuePair<string, long>> failures,
        IEnumerable<KeyValuePair<string, long>> warnings)
    {
        var summary = new EstateSummary { Total = total };
        summary.Adopt(catalog.Table);
        foreach (var (verdict, count) in verdicts)
        {
            summary._verdicts[(int)verdict] = count;
        }

        foreach (var (label, count) in versions)
        {
            summary.CountOf(label == Unresolved ? null : catalog.Get(label)).Value += count;
        }

        foreach (var (name, count) in cohorts)
        {
            summary._cohorts[name == UnknownCohort ? CohortSlots - 1
                : ContractText.TryParseCohort(name, out var cohort) ? (int)cohort
                : throw new KeyNotFoundException($"'{name}' is not a cohort (IOC, MOC_MDS, MOC_SECURE, FOC_NP, FOC_BG or {UnknownCohort}).")] = count;
        }

        Restore(summary, summary._failures, failures);
        Restore(summary, summary._warnings, warnings);
        return summary;
    }

    private static void Restore(EstateSummary summary, long[] counts, IEnumerable<KeyValuePair<string, long>> byRule)
    {
        foreach (var (id, count) in byRule)
        {
            var index = summary._table.IndexOf(id);
            counts[index >= 0 ? index : throw new KeyNotFoundException($"No rule has the ID '{id}' in this catalogue.")] = count;
        }
    }

    private StrongBox<long> CountOf(TmadVersion? version)
    {
        foreach (var (seen, count) in CollectionsMarshal.AsSpan(_versions))
        {
            if (ReferenceEquals(seen, version))
            {
                return count;
            }
        }

        var added = new StrongBox<long>();
        _versions.Add((version, added));
        return added;
    }

    private void Adopt(RuleTable? table)
    {
        if (table is null || ReferenceEquals(table, _table))
        {
            return;
        }

        _table = RuleTable.Common(_table, table)!;
        if (_failures.Length < _table.Count)
        {
            Array.Resize(ref _failures, _table.Count);
            Array.Resize(ref _warnings, _table.Count);
        }
    }

    private static void AddBits(long[] counts, in RuleSet rules)
    {
        AddWord(counts, rules.Low, 0);
        if (rules.High is { } high)
        {
            for (var i = 0; i < high.Length; i++)
            {
                AddWord(counts, high[i], (i + 1) << 6);
            }
        }
    }

    private static void AddWord(long[] counts, ulong bits, int offset)
    {
        while (bits != 0)
        {
            counts[offset + System.Numerics.BitOperations.TrailingZeroCount(bits)]++;
            bits &= bits - 1;
        }
    }

    private static void AddArrays(long[] target, long[] source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[i] += source[i];
        }
    }

    private KeyValuePair<string, long>[] Counts(long[] counts)
    {
        var list = new List<KeyValuePair<string, long>>();
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                list.Add(new(_table.Rules[i].Id, counts[i]));
            }
        }

        return [.. list];
    }
}
