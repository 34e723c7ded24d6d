using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Smets1.Eligibility.Reference;

namespace Smets1.Eligibility.Cli;

/// <summary>Reads an EPCL file. Reference data must be right: any bad row is a usage error naming the row and column.</summary>
internal static class EpclCsvReader
{
    public static Epcl Read(TextReader reader, string fileName)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = true, MissingFieldFound = null, IgnoreBlankLines = true };
        using var csv = new CsvReader(reader, config);
        string[]? header = null;
        if (csv.Read())
        {
            csv.ReadHeader();
            header = csv.HeaderRecord;
        }

        var columns = CsvHeader.Match(header, fileName, Columns.Epcl, Columns.EpclRequired);
        var dmc = columns.IndexOf(Columns.DmcId);
        var added = columns.IndexOf(Columns.AddedOn);
        var uneconomic = columns.IndexOf(Columns.UneconomicToTest);
        var entries = new List<EpclEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new CellParser();
        var row = 0;
        while (csv.Read())
        {
            row++;
            var record = csv.Parser.Record ?? [];
            string? Cell(int i) => i >= 0 && i < record.Length ? record[i] : null;
            var id = Cell(dmc)?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                throw new UsageException($"{fileName}: row {row}: column 'dmc_id' is blank; every EPCL entry needs a DMC id.");
            }

            if (!seen.TryAdd(id, row))
            {
                throw new UsageException($"{fileName}: row {row}: dmc_id '{id}' repeats row {seen[id]}; each DMC is listed once.");
            }

            cells.Reset();
            var addedOn = cells.Date(Columns.AddedOn, Cell(added));
            var isUneconomic = cells.Boolean(Columns.UneconomicToTest, Cell(uneconomic), false);
            if (cells.HasErrors || addedOn is null)
            {
                var reason = cells.HasErrors ? string.Join("; ", cells.Errors) : "column 'added_on' is blank";
                throw new UsageException($"{fileName}: row {row}: {reason}.");
            }

            entries.Add(new EpclEntry(id, addedOn.Value, isUneconomic));
        }

        return new Epcl(entries);
    }
}
