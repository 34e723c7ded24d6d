namespace Smets1.Eligibility.Cli;

/// <summary>A validated header: column names matched case-insensitively to the contract, in any order.</summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _indexes;

    private CsvHeader(Dictionary<string, int> indexes, int width)
    {
        _indexes = indexes;
        Width = width;
    }

    /// <summary>How many columns the header has.</summary>
    public int Width { get; }

    /// <summary>Matches a header against the contract's columns.</summary>
    /// <exception cref="UsageException">An unknown, repeated or missing required column.</exception>
    public static CsvHeader Match(string[]? header, string fileName, string[] known, string[] required)
    {
        if (header is null || header.Length == 0 || (header.Length == 1 && string.IsNullOrWhiteSpace(header[0])))
        {
            throw new UsageException($"{fileName}: the file is empty; it needs a header row with the columns {string.Join(",", required)}.");
        }

        var indexes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new UsageException($"{fileName}: unknown column '{header[i]}' (column {i + 1}); the known columns are {string.Join(",", known)}.");
            }

            if (!indexes.TryAdd(name, i))
            {
                throw new UsageException($"{fileName}: column '{name}' appears twice (columns {indexes[name] + 1} and {i + 1}).");
            }
        }

        var missing = required.Where(r => !indexes.ContainsKey(r)).ToArray();
        if (missing.Length > 0)
        {
            throw new UsageException($"{fileName}: missing required column{(missing.Length > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}.");
        }

        return new CsvHeader(indexes, header.Length);
    }

    /// <summary>The column's index, or -1 when the file leaves it out.</summary>
    public int IndexOf(string column) => _indexes.TryGetValue(column, out var index) ? index : -1;
}
