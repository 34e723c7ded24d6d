using System.Collections;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Smets1.Eligibility.Reference;

/// <summary>
/// The Eligible Product Combinations List: the DMCs DCC has tested, keyed by DMC id (ordinal, case-sensitive,
/// surrounding spaces and tabs trimmed, as the files trim them).
/// </summary>
/// <remarks>Immutable and thread-safe; lookups do not allocate.</remarks>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "EPCL is the regulatory name of the list.")]
public sealed class Epcl : IReadOnlyCollection<EpclEntry>
{
    private readonly FrozenDictionary<string, EpclListing> _entries;
    private readonly EpclEntry[] _ordered;

    /// <summary>Creates an EPCL from its entries.</summary>
    /// <param name="entries">The entries; each DMC id at most once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> or an entry is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A DMC id is blank or appears twice.</exception>
    public Epcl(IEnumerable<EpclEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new Dictionary<string, EpclListing>(StringComparer.Ordinal);
        var ordered = new List<EpclEntry>();
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            if (string.IsNullOrWhiteSpace(entry.DmcId))
            {
                throw new ArgumentException($"EPCL entry {ordered.Count + 1} has a blank DMC id; every entry needs one.", nameof(entries));
            }

            if (!map.TryAdd(Trimmed(entry.DmcId), new EpclListing(entry)))
            {
                throw new ArgumentException($"DMC '{entry.DmcId}' appears twice in the EPCL; each DMC id must be listed once.", nameof(entries));
            }

            ordered.Add(entry);
        }

        _entries = map.ToFrozenDictionary(StringComparer.Ordinal);
        _ordered = [.. ordered];
    }

    /// <summary>An EPCL with no entries: every DMC fails <c>EPCL-LISTED</c>.</summary>
    public static Epcl Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _ordered.Length;

    /// <summary>Finds the entry of a DMC.</summary>
    /// <param name="dmcId">The DMC id.</param>
    /// <param name="entry">The entry when listed.</param>
    /// <returns><see langword="true"/> when the DMC is on the list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dmcId"/> is <see langword="null"/>.</exception>
    public bool TryGet(string dmcId, [NotNullWhen(true)] out EpclEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(dmcId);
        entry = _entries.TryGetValue(Trimmed(dmcId), out var listing) ? listing.Entry : null;
        return entry is not null;
    }

    /// <summary>The listing of a DMC, matched as the files match it: surrounding spaces and tabs are trimmed (FILES-AND-CLI.md).</summary>
    internal EpclListing? Find(string? dmcId) =>
        dmcId is not null && _entries.TryGetValue(Trimmed(dmcId), out var listing) ? listing : null;

    /// <summary>The ID without surrounding spaces and tabs; allocates only when there are some.</summary>
    private static string Trimmed(string id) =>
        id.Length > 0 && (id[0] is ' ' or '\t' || id[^1] is ' ' or '\t') ? id.Trim(' ', '\t') : id;

    /// <inheritdoc />
    public IEnumerator<EpclEntry> GetEnumerator() => ((IEnumerable<EpclEntry>)_ordered).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
