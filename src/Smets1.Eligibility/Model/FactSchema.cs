using System.Diagnostics.CodeAnalysis;

namespace Smets1.Eligibility.Model;

/// <summary>
/// The facts the versions of one catalogue declare (RULE-FILES.md: fact names are global), each with a typed
/// storage slot, so that <see cref="CustomFacts"/> hold values without boxing or a dictionary per installation.
/// </summary>
/// <remarks>Immutable and thread-safe. Get it from <c>TmadCatalog.Facts</c>; create values with <see cref="CreateValues"/>.</remarks>
public sealed class FactSchema
{
    private readonly Dictionary<string, int> _ordinals;

    internal FactSchema(IReadOnlyList<FactDefinition> facts)
    {
        Facts = facts;
        _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        Slots = new int[facts.Count];
        var counts = new int[(int)FactType.Instant + 1];
        for (var i = 0; i < facts.Count; i++)
        {
            _ordinals.Add(facts[i].Name, i);
            var storage = Storage(facts[i].Type);
            Slots[i] = counts[storage]++;
        }

        NumberCount = counts[Storage(FactType.Integer)];
        DecimalCount = counts[Storage(FactType.Decimal)];
        TextCount = counts[Storage(FactType.Text)];
        DateCount = counts[Storage(FactType.Date)];
        InstantCount = counts[Storage(FactType.Instant)];
        Defaults = new CustomFactsBuilder(this).Build();
    }

    /// <summary>A schema with no declared facts.</summary>
    public static FactSchema Empty { get; } = new([]);

    /// <summary>The declared facts, in declaration order.</summary>
    public IReadOnlyList<FactDefinition> Facts { get; }

    /// <summary>Values that hold every fact's default (and "not known" for facts without one).</summary>
    public CustomFacts Defaults { get; }

    internal int[] Slots { get; }

    internal int NumberCount { get; }

    internal int DecimalCount { get; }

    internal int TextCount { get; }

    internal int DateCount { get; }

    internal int InstantCount { get; }

    /// <summary>Finds a declared fact.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="fact">The fact when declared.</param>
    /// <returns><see langword="true"/> when a version of the catalogue declares it.</returns>
    public bool TryGet(string name, [NotNullWhen(true)] out FactDefinition? fact)
    {
        fact = name is not null && _ordinals.TryGetValue(name, out var i) ? Facts[i] : null;
        return fact is not null;
    }

    /// <summary>Starts a set of values for these facts, each at its default.</summary>
    /// <returns>The builder.</returns>
    public CustomFactsBuilder CreateValues() => new(this);

    internal int OrdinalOf(string name) => _ordinals.TryGetValue(name, out var i) ? i : -1;

    /// <summary>Which typed array a type is stored in: booleans, integers and enum indexes share the numbers.</summary>
    internal static int Storage(FactType type) => type switch
    {
        FactType.Boolean or FactType.Integer or FactType.Enum => (int)FactType.Integer,
        _ => (int)type,
    };
}
