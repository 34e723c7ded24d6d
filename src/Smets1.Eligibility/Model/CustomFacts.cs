using NodaTime;

namespace Smets1.Eligibility.Model;

/// <summary>
/// An installation's values of the facts its catalogue declares, stored in typed slots of a
/// <see cref="FactSchema"/>. Immutable; create them with <see cref="FactSchema.CreateValues"/>.
/// </summary>
/// <remarks>Thread-safe. Facts without a value hold their default, or are "not known" when they have none.</remarks>
public sealed class CustomFacts
{
    internal CustomFacts(FactSchema schema, bool[] known, long[] numbers, decimal[] decimals, string?[] texts, LocalDate[] dates, Instant[] instants)
    {
        Schema = schema;
        Known = known;
        Numbers = numbers;
        Decimals = decimals;
        Texts = texts;
        Dates = dates;
        Instants = instants;
    }

    /// <summary>The schema whose slots these values fill.</summary>
    public FactSchema Schema { get; }

    // Read by compiled rules: one array per storage type, indexed by the fact's slot (FactSchema.Slots).
    internal bool[] Known { get; }

    internal long[] Numbers { get; }

    internal decimal[] Decimals { get; }

    internal string?[] Texts { get; }

    internal LocalDate[] Dates { get; }

    internal Instant[] Instants { get; }

    /// <summary>
    /// A fact's value: <see cref="bool"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="string"/> (text, or an
    /// enum in its declared spelling), <see cref="LocalDate"/> or <see cref="Instant"/>; <see langword="null"/> when not known.
    /// </summary>
    /// <param name="name">The fact's name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The schema declares no such fact.</exception>
    public object? this[string name]
    {
        get
        {
            var ordinal = Schema.OrdinalOf(name);
            return ordinal < 0
                ? throw new KeyNotFoundException($"No version declares a fact '{name}'; the declared facts are: {string.Join(", ", Schema.Facts.Select(f => f.Name))}.")
                : Get(ordinal);
        }
    }

    /// <summary>Whether a fact has a value (its own or its default).</summary>
    /// <param name="name">The fact's name.</param>
    /// <returns><see langword="true"/> when known.</returns>
    /// <exception cref="KeyNotFoundException">The schema declares no such fact.</exception>
    public bool IsKnown(string name) => this[name] is not null;

    /// <summary>Starts a copy of these values to change some of them.</summary>
    /// <returns>The builder.</returns>
    public CustomFactsBuilder ToBuilder() => new(this);

    internal object? Get(int ordinal)
    {
        if (!Known[ordinal])
        {
            return null;
        }

        var fact = Schema.Facts[ordinal];
        var slot = Schema.Slots[ordinal];
        return fact.Type switch
        {
            FactType.Boolean => Numbers[slot] != 0,
            FactType.Integer => Numbers[slot],
            FactType.Enum => fact.Values[(int)Numbers[slot]],
            FactType.Decimal => Decimals[slot],
            FactType.Text => Texts[slot],
            FactType.Date => Dates[slot],
            _ => Instants[slot],
        };
    }

    /// <summary>The same values in another schema's slots, by fact name (facts the other schema lacks are dropped).</summary>
    internal CustomFacts In(FactSchema schema)
    {
        if (ReferenceEquals(schema, Schema))
        {
            return this;
        }

        var builder = schema.CreateValues();
        for (var i = 0; i < Schema.Facts.Count; i++)
        {
            var ordinal = schema.OrdinalOf(Schema.Facts[i].Name);
            if (ordinal >= 0 && Known[i])
            {
                builder.Set(Schema.Facts[i].Name, Get(i));
            }
        }

        return builder.Build();
    }
}

/// <summary>Builds <see cref="CustomFacts"/>: every fact starts at its default; <see cref="Set"/> checks each value against its definition.</summary>
/// <remarks>Not thread-safe; the values it builds are.</remarks>
public sealed class CustomFactsBuilder
{
    private readonly FactSchema _schema;
    private readonly object?[] _values;

    internal CustomFactsBuilder(FactSchema schema)
    {
        _schema = schema;
        _values = new object?[schema.Facts.Count];
        for (var i = 0; i < _values.Length; i++)
        {
            var fact = schema.Facts[i];
            _values[i] = fact.Default is { } raw && FactValues.TryConvert(raw, fact.Type, fact.Values, out var value) ? value : null;
        }
    }

    internal CustomFactsBuilder(CustomFacts facts)
        : this(facts.Schema)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = facts.Get(i);
        }
    }

    /// <summary>Sets a fact's value; <see langword="null"/> makes it "not known" (its default is not applied).</summary>
    /// <param name="name">The fact's name.</param>
    /// <param name="value">The value: by the fact's type, <see cref="bool"/>, a whole number, <see cref="decimal"/>, <see cref="string"/>, <see cref="LocalDate"/> or <see cref="Instant"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="KeyNotFoundException">The schema declares no such fact.</exception>
    /// <exception cref="ArgumentException">The value does not fit the fact's type, bounds, length or values.</exception>
    public CustomFactsBuilder Set(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        var ordinal = _schema.OrdinalOf(name);
        if (ordinal < 0)
        {
            throw new KeyNotFoundException($"No version declares a fact '{name}'; the declared facts are: {string.Join(", ", _schema.Facts.Select(f => f.Name))}.");
        }

        if (value is null)
        {
            _values[ordinal] = null;
            return this;
        }

        var fact = _schema.Facts[ordinal];
        if (!FactValues.TryConvert(value, fact.Type, fact.Values, out var converted) || !FactValues.WithinBounds(converted, fact))
        {
            throw new ArgumentException($"Fact '{name}' cannot hold {FactValues.Format(value)}: expected {FactValues.Expected(fact.Type, fact.Values)}{Bounds(fact)}.", nameof(value));
        }

        _values[ordinal] = converted;
        return this;
    }

    /// <summary>Builds the values.</summary>
    /// <returns>Immutable values.</returns>
    public CustomFacts Build()
    {
        var known = new bool[_values.Length];
        // A schema uses some storage types only: the others share one empty array instead of one per installation.
        var numbers = _schema.NumberCount == 0 ? [] : new long[_schema.NumberCount];
        var decimals = _schema.DecimalCount == 0 ? [] : new decimal[_schema.DecimalCount];
        var texts = _schema.TextCount == 0 ? [] : new string?[_schema.TextCount];
        var dates = _schema.DateCount == 0 ? [] : new LocalDate[_schema.DateCount];
        var instants = _schema.InstantCount == 0 ? [] : new Instant[_schema.InstantCount];
        for (var i = 0; i < _values.Length; i++)
        {
            var value = _values[i];
            if (value is null)
            {
                continue;
            }

            known[i] = true;
            var fact = _schema.Facts[i];
            var slot = _schema.Slots[i];
            switch (fact.Type)
            {
                case FactType.Boolean: numbers[slot] = (bool)value ? 1 : 0; break;
                case FactType.Integer: numbers[slot] = (long)value; break;
                case FactType.Enum: numbers[slot] = IndexOf(fact.Values, (string)value); break;
                case FactType.Decimal: decimals[slot] = (decimal)value; break;
                case FactType.Text: texts[slot] = (string)value; break;
                case FactType.Date: dates[slot] = (LocalDate)value; break;
                default: instants[slot] = (Instant)value; break;
            }
        }

        return new CustomFacts(_schema, known, numbers, decimals, texts, dates, instants);
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    internal static string Bounds(FactDefinition fact)
    {
        var parts = new List<string>(3);
        if (fact.Min is { } min)
        {
            parts.Add($"at least {FactValues.Format(min)}");
        }

        if (fact.Max is { } max)
        {
            parts.Add($"at most {FactValues.Format(max)}");
        }

        if (fact.MaxLength is { } length)
        {
            parts.Add($"at most {length} characters");
        }

        return parts.Count == 0 ? string.Empty : " " + string.Join(" and ", parts);
    }
}
