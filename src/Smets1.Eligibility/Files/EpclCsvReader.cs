using Smets1.Eligibility.Reference;

namespace Smets1.Eligibility.Files;

/// <summary>Reads an EPCL file. Reference data must be right: any bad row (a bad cell, a stray quote, text that is not UTF-8, extra cells) is a usage error naming the file, line and column.</summary>
internal static class EpclCsvReader
{
    public static Epcl Read(TextReader reader, string fileName)
    {
        using var csv = new CsvRecordReader(reader, fileName);
        var header = CsvHeader.ReadFrom(csv, fileName);
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
            var record = csv.Cells;
            string? Cell(int i) => i >= 0 && i < record.Length ? record[i] : null;
            if (csv.StrayQuoteColumn >= 0 || csv.BadTextColumn >= 0)
            {
                var what = csv.StrayQuoteColumn >= 0 ? "a stray quote (\")" : "bytes that are not valid UTF-8 or a NUL character";
                throw new EligibilityFileException($"{fileName}: line {csv.Line}: column '{columns.NameAt(Math.Max(csv.StrayQuoteColumn, csv.BadTextColumn))}' has {what}.");
            }

            if (record.Length != columns.Width)
            {
                throw new EligibilityFileException($"{fileName}: line {csv.Line}: the row has {record.Length} cells but the header has {columns.Width}.");
            }

            var id = Cell(dmc);
            if (string.IsNullOrEmpty(id))
            {
                throw new EligibilityFileException($"{fileName}: line {csv.Line}: column 'dmc_id' is blank; every EPCL entry needs a DMC id.");
            }

            if (!seen.TryAdd(id, row))
            {
                throw new EligibilityFileException($"{fileName}: line {csv.Line}: dmc_id '{id}' repeats data row {seen[id]}; each DMC is listed once.");
            }

            cells.Reset();
            var addedOn = cells.Date(Columns.AddedOn, Cell(added));
            var isUneconomic = cells.Boolean(Columns.UneconomicToTest, Cell(uneconomic), false);
            if (cells.HasErrors || addedOn is null)
            {
                var reason = cells.HasErrors ? string.Join("; ", cells.Errors) : "column 'added_on' is blank";
                throw new EligibilityFileException($"{fileName}: line {csv.Line}: {reason}.");
            }

            entries.Add(new EpclEntry(id, addedOn.Value, isUneconomic));
        }

        return new Epcl(entries);
    }
}
