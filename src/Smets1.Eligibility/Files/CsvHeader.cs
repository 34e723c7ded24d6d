namespace Smets1.Eligibility.Files;

/// <summary>A validated header: column names matched case-insensitively to the contract, in any order.</summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _indexes;
    private readonly string[] _names;

    private CsvHeader(Dictionary<string, int> indexes, string[] names)
    {
        _indexes = indexes;
        _names = names;
        Width = names.Length;
    }

    /// <summary>How many columns the header has.</summary>
    public int Width { get; }

    /// <summary>The header row's cells, or <see langword="null"/> for an empty file; a repeated byte order mark is dropped.</summary>
    /// <exception cref="EligibilityFileException">The header row holds a stray quote or text that is not UTF-8.</exception>
    public static string[]? ReadFrom(CsvRecordReader csv, string fileName)
    {
        if (!csv.Read())
        {
            return null;
        }

        if (csv.StrayQuoteColumn >= 0 || csv.BadTextColumn >= 0)
        {
            throw new EligibilityFileException($"{fileName}: line {csv.Line}: the header row has {(csv.StrayQuoteColumn >= 0 ? "a stray quote" : "bytes that are not valid UTF-8")} in column {Math.Max(csv.StrayQuoteColumn, csv.BadTextColumn) + 1}.");
        }

        var cells = csv.Cells.ToArray();
        if (cells.Length > 0)
        {
            cells[0] = cells[0].TrimStart('\uFEFF');
        }

        return cells;
    }

    /// <summary>The header's name of a column, as the file spells it.</summary>
    public string NameAt(int index) => index >= 0 && index < _names.Length ? _names[index] : $"column {index + 1}";

    /// <summary>Matches a header against the contract's columns.</summary>
    /// <exception cref="EligibilityFileException">An unknown, repeated or missing required column.</exception>
    public static CsvHeader Match(string[]? header, string fileName, string[] known, string[] required)
    {
        if (header is null || header.Length == 0 || (header.Length == 1 && string.IsNullOrWhiteSpace(header[0])))
        {
            throw new EligibilityFileException($"{fileName}: the file is empty; it needs a header row with the columns {string.Join(",", required)}.");
        }

        if (header.Length == 1 && header[0].Contains(';', StringComparison.Ordinal))
        {
            throw new EligibilityFileException($"{fileName}: the header is one column, '{header[0]}'; the file seems to use ';' between cells, but the format is comma-separated (save it as CSV with commas).");
        }

        var indexes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new EligibilityFileException($"{fileName}: unknown column '{header[i]}' (column {i + 1}); the known columns are {string.Join(",", known)}.");
            }

            if (!indexes.TryAdd(name, i))
            {
                throw new EligibilityFileException($"{fileName}: column '{name}' appears twice (columns {indexes[name] + 1} and {i + 1}).");
            }
        }

        var missing = required.Where(r => !indexes.ContainsKey(r)).ToArray();
        if (missing.Length > 0)
        {
            throw new EligibilityFileException($"{fileName}: missing required column{(missing.Length > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}.");
        }

        return new CsvHeader(indexes, [.. header.Select(h => h.Trim())]);
    }

    /// <summary>The column's index, or -1 when the file leaves it out.</summary>
    public int IndexOf(string column) => _indexes.TryGetValue(column, out var index) ? index : -1;
}
