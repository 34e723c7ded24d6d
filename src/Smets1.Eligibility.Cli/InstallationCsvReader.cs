using Smets1.Eligibility.Model;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// Streams an installation file (FILES-AND-CLI.md): validates the header once, then reads one row at a time.
/// A row that cannot be read (a bad cell, a stray quote, bytes that are not UTF-8, a blank or repeated ID) is
/// returned as invalid, naming the column; nothing is dropped, and every data row yields exactly one row.
/// </summary>
internal sealed class InstallationCsvReader : IDisposable
{
    private readonly CsvRecordReader _csv;
    private readonly CsvHeader _header;
    private readonly int[] _index;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly CellParser _cells = new();
    private int _row;

    private readonly FactSchema _schema;
    private readonly int[] _customIndex;

    public InstallationCsvReader(TextReader reader, string fileName, FactSchema? schema = null)
    {
        _schema = schema ?? FactSchema.Empty;
        _csv = new CsvRecordReader(reader, fileName);
        var header = CsvHeader.ReadFrom(_csv, fileName);
        string[] known = [.. Columns.Installation, .. _schema.Facts.Select(f => f.Name)];
        _header = CsvHeader.Match(header, fileName, known, Columns.InstallationRequired);
        _index = Array.ConvertAll(Columns.Installation, _header.IndexOf);
        _customIndex = [.. _schema.Facts.Select(f => _header.IndexOf(f.Name))];
    }

    /// <summary>Reads the next data row.</summary>
    public bool TryRead(out ParsedRow row)
    {
        if (!_csv.Read())
        {
            row = default;
            return false;
        }

        _row++;
        row = Parse(_csv.Cells);
        return true;
    }

    private ParsedRow Parse(IReadOnlyList<string> record)
    {
        var id = Cell(record, 0) ?? string.Empty;
        var idColumn = _index[0];
        var idReadable = _csv.BadTextColumn != idColumn;

        // The second occurrence of an ID is invalid even when the first row was (FILES-AND-CLI.md); an ID whose
        // bytes are not UTF-8 is never compared, so two different broken IDs cannot collide.
        if (id.Length > 0 && idReadable && !_seen.Add(id))
        {
            return Invalid(id, $"installation_id '{id}' repeats an earlier row; IDs must be unique within a file");
        }

        if (_csv.BadTextColumn >= 0)
        {
            return Invalid(id, $"column '{_header.NameAt(_csv.BadTextColumn)}' holds bytes that are not valid UTF-8 or a NUL character; save the file as UTF-8");
        }

        if (_csv.StrayQuoteColumn >= 0)
        {
            return Invalid(id, $"column '{_header.NameAt(_csv.StrayQuoteColumn)}' has a stray quote (\"); quote the whole cell, or remove the quote");
        }

        if (record.Count != _header.Width)
        {
            return Invalid(id, $"the row has {record.Count} cells but the header has {_header.Width}");
        }

        if (id.Length == 0)
        {
            return Invalid(id, "installation_id is blank; every row needs a key to join its result back");
        }

        var c = _cells;
        c.Reset();
        var facts = new InstallationFacts
        {
            InstallationId = id,
            AssessedAt = c.Instant(Columns.AssessedAt, Cell(record, 1)),
            Cohort = c.Enumeration<Cohort>(Columns.Cohort, Cell(record, 2), ContractText.TryParseCohort, "IOC, MOC_MDS, MOC_SECURE, FOC_NP, FOC_BG"),
            MeterStatus = c.Enumeration<MeterStatus>(Columns.MeterStatus, Cell(record, 3), ContractText.TryParseMeterStatus, "ACTIVE, DORMANT"),
            DormancyCause = c.Enumeration<DormancyCause>(Columns.DormancyCause, Cell(record, 4), ContractText.TryParseDormancyCause, "CHANGE_OF_SUPPLIER, SMSO_CONTRACT_TERMINATED"),
            HasEsme = c.Boolean(Columns.HasEsme, Cell(record, 5)),
            HasGsme = c.Boolean(Columns.HasGsme, Cell(record, 6)),
            DmcId = Blank(Cell(record, 7)),
            ChfLastContact = c.Instant(Columns.ChfLastContact, Cell(record, 8)),
            GsmeLastContact = c.Instant(Columns.GsmeLastContact, Cell(record, 9)),
            PlannedCosDate = c.Date(Columns.PlannedCosDate, Cell(record, 10)),
            PlannedCotDate = c.Date(Columns.PlannedCotDate, Cell(record, 11)),
            ProfileDataSwitch = c.Enumeration<ProfileDataSwitch>(Columns.ProfileDataSwitch, Cell(record, 12), ContractText.TryParseProfileDataSwitch, "ON, OFF"),
            Igt = c.Boolean(Columns.Igt, Cell(record, 13), false),
            IgtCertificateValid = c.Boolean(Columns.IgtCertificateValid, Cell(record, 14), false),
            MasterKeysPresent = c.Boolean(Columns.MasterKeysPresent, Cell(record, 15), true),
            WanBeforeMigration = c.Boolean(Columns.WanBeforeMigration, Cell(record, 16), true),
            WanAtMigration = c.Boolean(Columns.WanAtMigration, Cell(record, 17), true),
            FailedMigrationAttempts = c.Count(Columns.FailedMigrationAttempts, Cell(record, 18)),
            Gt01HanError = c.Boolean(Columns.Gt01HanError, Cell(record, 19), false),
            SupplierStatementNotMigratable = c.Boolean(Columns.SupplierStatementNotMigratable, Cell(record, 20), false),
            DirectedExclusion = c.Boolean(Columns.DirectedExclusion, Cell(record, 21), false),
            Custom = Custom(record, c),
        };
        if (c.HasErrors)
        {
            return Invalid(id, string.Join("; ", c.Errors));
        }

        return new ParsedRow(_row, facts.InstallationId, facts, null);
    }

    /// <summary>The declared facts' cells: every declared column is validated on every row (RULE-FILES.md).</summary>
    private CustomFacts? Custom(IReadOnlyList<string> record, CellParser c)
    {
        if (_schema.Facts.Count == 0)
        {
            return null;
        }

        var values = _schema.CreateValues();
        for (var i = 0; i < _customIndex.Length; i++)
        {
            var index = _customIndex[i];
            if (index >= 0 && index < record.Count)
            {
                c.Custom(_schema.Facts[i], record[index], values);
            }
        }

        return values.Build();
    }

    private ParsedRow Invalid(string id, string reason) => new(_row, id, null, reason);

    private string? Cell(IReadOnlyList<string> record, int column)
    {
        var index = _index[column];
        return index >= 0 && index < record.Count ? record[index] : null;
    }

    private static string? Blank(string? cell) => string.IsNullOrEmpty(cell) ? null : cell;

    public void Dispose() => _csv.Dispose();
}
