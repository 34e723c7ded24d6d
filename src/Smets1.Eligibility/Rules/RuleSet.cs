using System.Collections;
using System.Numerics;
using Smets1.Eligibility.Engine;

namespace Smets1.Eligibility.Rules;

/// <summary>
/// A set of rules of one catalogue (built-in and defined), enumerated in catalogue order. A value type: a set of
/// up to 64 rules is held inline, so copying and testing membership never allocate; larger catalogues are supported.
/// </summary>
public readonly struct RuleSet : IEquatable<RuleSet>, IEnumerable<RuleDefinition>
{
    private readonly RuleTable? _table;
    private readonly ulong _low;
    private readonly ulong[]? _high;

    internal RuleSet(RuleTable? table, ulong low, ulong[]? high = null)
    {
        _table = table;
        _low = low;
        _high = high is not null && Array.TrueForAll(high, w => w == 0) ? null : high;
    }

    /// <summary>The empty set.</summary>
    public static RuleSet Empty => default;

    /// <summary>Whether the set holds no rule.</summary>
    public bool IsEmpty => _low == 0 && _high is null;

    /// <summary>How many rules the set holds.</summary>
    public int Count
    {
        get
        {
            var count = BitOperations.PopCount(_low);
            if (_high is not null)
            {
                foreach (var word in _high)
                {
                    count += BitOperations.PopCount(word);
                }
            }

            return count;
        }
    }

    internal ulong Low => _low;

    internal ulong[]? High => _high;

    internal RuleTable? Table => _table;

    /// <summary>Creates a set of built-in rules by ID.</summary>
    /// <param name="ruleIds">Rule IDs from <see cref="RuleIds"/>.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">An ID is not a built-in rule (for defined rules, use <c>TmadCatalog.RuleSetOf</c>).</exception>
    public static RuleSet Of(params IEnumerable<string> ruleIds) => Of(RuleTable.BuiltIn, ruleIds);

    internal static RuleSet Of(RuleTable table, IEnumerable<string> ruleIds)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        var builder = new Builder(table);
        foreach (var id in ruleIds)
        {
            ArgumentNullException.ThrowIfNull(id, nameof(ruleIds));
            var index = table.IndexOf(id);
            if (index < 0)
            {
                throw new KeyNotFoundException($"'{id}' is not a rule of the catalogue; the rule IDs are: {string.Join(", ", table.Rules.Select(r => r.Id))}.");
            }

            builder.Add(index);
        }

        return builder.Build();
    }

    /// <summary>Whether the set holds a rule.</summary>
    /// <param name="ruleId">A rule ID of the set's catalogue (built-in, or defined by its versions).</param>
    /// <returns><see langword="true"/> when it does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException"><paramref name="ruleId"/> is not a rule of the set's catalogue (a typo is never silently false).</exception>
    public bool Contains(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        var table = _table ?? RuleTable.BuiltIn;
        var index = table.IndexOf(ruleId);
        return index >= 0
            ? Has(index)
            : throw new KeyNotFoundException($"'{ruleId}' is not a rule of the catalogue; the rule IDs are: {string.Join(", ", table.Rules.Select(r => r.Id))}.");
    }

    /// <summary>Whether the set holds a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    public bool Contains(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var table = _table ?? RuleTable.BuiltIn;
        var index = table.IndexOf(rule);
        return index >= 0 && Has(index);
    }

    /// <summary>The rules in either set.</summary>
    /// <param name="other">The other set, of the same catalogue.</param>
    /// <returns>The union.</returns>
    /// <exception cref="ArgumentException">The sets come from catalogues with different defined rules.</exception>
    public RuleSet Union(RuleSet other) => Combine(other, static (a, b) => a | b);

    /// <summary>The rules in this set and not in <paramref name="other"/>.</summary>
    /// <param name="other">The other set, of the same catalogue.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentException">The sets come from catalogues with different defined rules.</exception>
    public RuleSet Except(RuleSet other) => Combine(other, static (a, b) => a & ~b);

    /// <summary>The rules in both sets.</summary>
    /// <param name="other">The other set, of the same catalogue.</param>
    /// <returns>The intersection.</returns>
    /// <exception cref="ArgumentException">The sets come from catalogues with different defined rules.</exception>
    public RuleSet Intersect(RuleSet other) => Combine(other, static (a, b) => a & b);

    /// <summary>Returns an enumerator over the rules in catalogue order.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<RuleDefinition> IEnumerable<RuleDefinition>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(RuleSet other)
    {
        if (_low != other._low)
        {
            return false;
        }

        var words = Math.Max(_high?.Length ?? 0, other._high?.Length ?? 0);
        for (var i = 0; i < words; i++)
        {
            if (Word(i + 1) != other.Word(i + 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RuleSet other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = _low.GetHashCode();
        if (_high is not null)
        {
            foreach (var word in _high)
            {
                hash = HashCode.Combine(hash, word);
            }
        }

        return hash;
    }

    /// <summary>The rule IDs in catalogue order, separated by <c>;</c> as in the result file; empty for the empty set.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return string.Empty;
        }

        var ids = new List<string>(Count);
        foreach (var rule in this)
        {
            ids.Add(rule.Id);
        }

        return string.Join(';', ids);
    }

    /// <summary>Compares two sets for equality.</summary>
    /// <param name="left">One set.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when they hold the same rules.</returns>
    public static bool operator ==(RuleSet left, RuleSet right) => left.Equals(right);

    /// <summary>Compares two sets for inequality.</summary>
    /// <param name="left">One set.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(RuleSet left, RuleSet right) => !left.Equals(right);

    /// <summary>Word <paramref name="i"/> of the bits: 0 is the inline word, then the overflow words.</summary>
    internal ulong Word(int i) => i == 0 ? _low : _high is { } high && i - 1 < high.Length ? high[i - 1] : 0;

    internal bool Has(int index) => (Word(index >> 6) & (1UL << (index & 63))) != 0;

    private RuleSet Combine(RuleSet other, Func<ulong, ulong, ulong> op)
    {
        var table = RuleTable.Common(_table, other._table);
        var words = Math.Max(_high?.Length ?? 0, other._high?.Length ?? 0);
        ulong[]? high = null;
        if (words > 0)
        {
            high = new ulong[words];
            for (var i = 0; i < words; i++)
            {
                high[i] = op(Word(i + 1), other.Word(i + 1));
            }
        }

        return new RuleSet(table, op(_low, other._low), high);
    }

    /// <summary>Builds a set index by index.</summary>
    internal struct Builder(RuleTable table)
    {
        private ulong _low;
        private ulong[]? _high;

        public void Add(int index)
        {
            if (index < 64)
            {
                _low |= 1UL << index;
                return;
            }

            _high ??= new ulong[table.Words - 1];
            _high[(index >> 6) - 1] |= 1UL << (index & 63);
        }

        public readonly RuleSet Build() => new(table, _low, _high);
    }

    /// <summary>Enumerates a <see cref="RuleSet"/> in catalogue order without allocating.</summary>
    public struct Enumerator : IEnumerator<RuleDefinition>
    {
        private readonly RuleSet _set;
        private int _word;
        private ulong _remaining;

        internal Enumerator(RuleSet set)
        {
            _set = set;
            _word = 0;
            _remaining = set._low;
            Current = null!;
        }

        /// <inheritdoc />
        public RuleDefinition Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext()
        {
            while (_remaining == 0)
            {
                if (_set._high is null || _word >= _set._high.Length)
                {
                    return false;
                }

                _remaining = _set._high[_word++];
            }

            var index = (_word << 6) + BitOperations.TrailingZeroCount(_remaining);
            _remaining &= _remaining - 1;
            Current = (_set._table ?? RuleTable.BuiltIn).Rules[index];
            return true;
        }

        /// <inheritdoc />
        public void Reset()
        {
            _word = 0;
            _remaining = _set._low;
        }

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
