using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.Text;
using Smets1.Eligibility.Model;

namespace Smets1.Eligibility.Files;

/// <summary>Parses the cells of the interchange files; every failure is recorded with its column and value.</summary>
internal sealed class CellParser
{
    private static readonly OffsetDateTimePattern InstantText = OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalDatePattern DateText = LocalDatePattern.Iso;
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Reset() => _errors.Clear();

    /// <summary>The instants the library computes with: years 1 to 9998 in UTC, so that UK dates, windows and look-aheads never leave the calendar.</summary>
    private static readonly NodaTime.Instant Earliest = NodaTime.Instant.FromUtc(1, 1, 2, 0, 0);
    private static readonly NodaTime.Instant Latest = NodaTime.Instant.FromUtc(9998, 12, 31, 0, 0);

    public static bool TryParseInstant(string text, out Instant instant) => TryParseInstant(text.AsSpan(), out instant);

    /// <summary>An instant of the contract's form: the fast path for the common forms, NodaTime's pattern for the rest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseInstant(ReadOnlySpan<char> text, out Instant instant)
    {
        instant = default;
        if (IsoFastPath.TryUnixSeconds(text, out var seconds, out var year))
        {
            if (year is <= 1 or >= 9999)
            {
                return false; // the offset could carry it past either end of the calendar
            }

            instant = NodaTime.Instant.FromUnixTimeSeconds(seconds);
            return instant >= Earliest && instant < Latest;
        }

        var result = InstantText.Parse(text.ToString());
        if (!result.Success)
        {
            return false;
        }

        var (local, offset) = (result.Value.LocalDateTime, result.Value.Offset);
        if (local.Year is <= 1 or >= 9999)
        {
            return false;
        }

        instant = local.WithOffset(offset).ToInstant();
        return instant >= Earliest && instant < Latest;
    }

    public static bool TryParseDate(string text, out LocalDate date) => TryParseDate(text.AsSpan(), out date);

    public static bool TryParseDate(ReadOnlySpan<char> text, out LocalDate date)
    {
        if (IsoFastPath.TryDate(text, out date))
        {
            return true;
        }

        var result = DateText.Parse(text.ToString());
        date = result.Success ? result.Value : default;
        return result.Success;
    }

    // The cells of the contract's own columns are parsed directly (no delegate per cell): these run for every cell of
    // every row of a bulk run.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Instant? Instant(string column, ReadOnlySpan<char> cell)
    {
        var text = cell.Trim();
        return text.IsEmpty ? null
            : TryParseInstant(text, out var value) ? value
            : Fail<Instant?>(column, cell, "an ISO-8601 instant with Z or an offset, such as 2021-11-10T10:00:00Z, in the years 2 to 9998");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LocalDate? Date(string column, ReadOnlySpan<char> cell)
    {
        var text = cell.Trim();
        return text.IsEmpty ? null
            : TryParseDate(text, out var value) ? value
            : Fail<LocalDate?>(column, cell, "an ISO date such as 2021-03-04");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool? Boolean(string column, ReadOnlySpan<char> cell)
    {
        var text = cell.Trim();
        return text.IsEmpty ? null
            : TryParseBoolean(text, out var value) ? value
            : Fail<bool?>(column, cell, "true or false");
    }

    public bool Boolean(string column, ReadOnlySpan<char> cell, bool defaultValue) => Boolean(column, cell) ?? defaultValue;

    public int Count(string column, ReadOnlySpan<char> cell)
    {
        cell = cell.Trim();
        if (cell.IsEmpty)
        {
            return 0;
        }

        if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        return Fail<int>(column, cell, "a whole number from 0 to 2,147,483,647");
    }

    /// <summary>A cell of a declared fact (RULE-FILES.md): blank keeps the default; otherwise parsed like a built-in cell and checked against the fact's bounds.</summary>
    public void Custom(FactDefinition fact, ReadOnlySpan<char> cell, CustomFactsBuilder values)
    {
        var text = cell.Trim();
        if (text.IsEmpty)
        {
            return;
        }

        object? value = fact.Type switch
        {
            FactType.Boolean => TryParseBoolean(text, out var b) ? b : null,
            FactType.Integer => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
            FactType.Decimal => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null,
            FactType.Date => TryParseDate(text, out var date) ? date : null,
            FactType.Instant => TryParseInstant(text, out var instant) ? instant : null,
            _ => text.ToString(),
        };
        if (value is null)
        {
            Fail<object>(fact.Name, cell, Expected(fact));
            return;
        }

        try
        {
            values.Set(fact.Name, value);
        }
        catch (ArgumentException)
        {
            Fail<object>(fact.Name, cell, Expected(fact));
        }
    }

    private static string Expected(FactDefinition fact) => fact.Type switch
    {
        FactType.Boolean => "true or false",
        FactType.Integer => "a whole number",
        FactType.Decimal => "a number such as 1.5",
        FactType.Text => "text",
        FactType.Enum => "one of " + string.Join(", ", fact.Values),
        FactType.Date => "an ISO date such as 2021-03-04",
        _ => "an ISO-8601 instant with Z or an offset, such as 2021-11-10T10:00:00Z",
    } + Bounds(fact);

    private static string Bounds(FactDefinition fact)
    {
        var parts = new List<string>(3);
        if (fact.Min is { } min)
        {
            parts.Add("at least " + min.ToString(CultureInfo.InvariantCulture));
        }

        if (fact.Max is { } max)
        {
            parts.Add("at most " + max.ToString(CultureInfo.InvariantCulture));
        }

        if (fact.MaxLength is { } length)
        {
            parts.Add($"at most {length} characters");
        }

        return parts.Count == 0 ? string.Empty : " " + string.Join(" and ", parts);
    }

    /// <summary>An optional enumeration cell; <paramref name="expected"/> is the whole phrase (<c>one of ON, OFF</c>), a constant, so a row allocates no message unless it fails.</summary>
    public T? Enumeration<T>(string column, ReadOnlySpan<char> cell, TryParse<T> parse, string expected)
        where T : struct =>
        Optional(column, cell, parse, expected);

    private static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        switch (text)
        {
            case "true": value = true; return true; // the spelling of almost every cell, matched at once
            case "false": value = false; return true;
            default:
                value = text.Equals("true", StringComparison.OrdinalIgnoreCase);
                return value || text.Equals("false", StringComparison.OrdinalIgnoreCase);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private T? Optional<T>(string column, ReadOnlySpan<char> cell, TryParse<T> parse, string expected)
        where T : struct
    {
        var text = cell.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        return parse(text, out var value) ? value : Fail<T?>(column, cell, expected);
    }

    private T Fail<T>(string column, ReadOnlySpan<char> cell, string expected)
    {
        Fail(column, cell, expected);
        return default!;
    }

    /// <summary>Records that a cell is not what its column expects, naming both.</summary>
    public void Fail(string column, ReadOnlySpan<char> cell, string expected) =>
        _errors.Add($"column '{column}' has '{cell}', expected {expected}");

    public delegate bool TryParse<T>(ReadOnlySpan<char> text, out T value);
}
