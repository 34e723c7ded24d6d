using System.Collections;
using System.Numerics;

namespace Smets1.Eligibility.Rules;

/// <summary>
/// A set of catalogue rules as a bit set (bit <c>i</c> is the rule with <see cref="RuleDefinition.Index"/> <c>i</c>).
/// Enumerates in catalogue order. A value type: copying and testing membership never allocate.
/// </summary>
public readonly struct RuleSet : IEquatable<RuleSet>, IEnumerable<RuleDefinition>
{
    /// <summary>Creates a set from its bits.</summary>
    /// <param name="bits">The bits, one per catalogue index.</param>
    public RuleSet(ulong bits) => Bits = bits;

    /// <summary>The empty set.</summary>
    public static RuleSet Empty => default;

    /// <summary>The bits, one per catalogue index.</summary>
    public ulong Bits { get; }

    /// <summary>Whether the set holds no rule.</summary>
    public bool IsEmpty => Bits == 0;

    /// <summary>How many rules the set holds.</summary>
    public int Count => BitOperations.PopCount(Bits);

    /// <summary>Creates a set of catalogue rules by ID.</summary>
    /// <param name="ruleIds">Rule IDs from <see cref="RuleIds"/>.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">An ID is not in the catalogue.</exception>
    public static RuleSet Of(params IEnumerable<string> ruleIds)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        ulong bits = 0;
        foreach (var id in ruleIds)
        {
            bits |= Bit(id);
        }

        return new RuleSet(bits);
    }

    /// <summary>Whether the set holds a rule.</summary>
    /// <param name="ruleId">A rule ID from <see cref="RuleIds"/>.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException"><paramref name="ruleId"/> is not in the catalogue.</exception>
    public bool Contains(string ruleId) => (Bits & Bit(ruleId)) != 0;

    /// <summary>Whether the set holds a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    public bool Contains(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (Bits & (1UL << rule.Index)) != 0;
    }

    /// <summary>The rules in either set.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>The union.</returns>
    public RuleSet Union(RuleSet other) => new(Bits | other.Bits);

    /// <summary>The rules in this set and not in <paramref name="other"/>.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>The difference.</returns>
    public RuleSet Except(RuleSet other) => new(Bits & ~other.Bits);

    /// <summary>The rules in both sets.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>The intersection.</returns>
    public RuleSet Intersect(RuleSet other) => new(Bits & other.Bits);

    /// <summary>Returns an enumerator over the rules in catalogue order.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(Bits);

    IEnumerator<RuleDefinition> IEnumerable<RuleDefinition>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(RuleSet other) => Bits == other.Bits;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RuleSet other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Bits.GetHashCode();

    /// <summary>The rule IDs in catalogue order, separated by <c>;</c> as in the result file; empty for the empty set.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (Bits == 0)
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

    private static ulong Bit(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        if (!RuleCatalog.TryGet(ruleId, out var rule))
        {
            throw new KeyNotFoundException($"'{ruleId}' is not a rule of the catalogue; see RuleIds for the rule IDs.");
        }

        return 1UL << rule.Index;
    }

    /// <summary>Enumerates a <see cref="RuleSet"/> in catalogue order without allocating.</summary>
    public struct Enumerator : IEnumerator<RuleDefinition>
    {
        private ulong _remaining;

        internal Enumerator(ulong bits)
        {
            _remaining = bits;
            Current = null!;
        }

        /// <inheritdoc />
        public RuleDefinition Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext()
        {
            if (_remaining == 0)
            {
                return false;
            }

            var index = BitOperations.TrailingZeroCount(_remaining);
            _remaining &= _remaining - 1;
            Current = RuleCatalog.All[index];
            return true;
        }

        /// <inheritdoc />
        public readonly void Reset() => throw new NotSupportedException();

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
