using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Smets1.Eligibility.Model;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// Streams an installation file (FILES-AND-CLI.md): validates the header once, then reads one row at a time.
/// A row whose cells cannot be parsed, or whose ID repeats an earlier row's, is returned as invalid; nothing is dropped.
/// </summary>
internal sealed class InstallationCsvReader : IDisposable
{
    private readonly CsvReader _csv;
    private readonly CsvHeader _header;
    private readonly int[] _index;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _firstRowOfDuplicate = new(StringComparer.Ordinal);
    private readonly CellParser _cells = new();
    private string? _badData;
    private int _row;

    private readonly FactSchema _schema;
    private readonly int[] _customIndex;

    public InstallationCsvReader(TextReader reader, string fileName, FactSchema? schema = null)
    {
        _schema = schema ?? FactSchema.Empty;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = args => _badData ??= $"malformed CSV near '{args.Field}'",
            IgnoreBlankLines = true,
        };
        _csv = new CsvReader(reader, config);
        string[]? header = null;
        if (_csv.Read())
        {
            _csv.ReadHeader();
            header = _csv.HeaderRecord;
        }

        string[] known = [.. Columns.Installation, .. _schema.Facts.Select(f => f.Name)];
        _header = CsvHeader.Match(header, fileName, known, Columns.InstallationRequired);
        _index = Array.ConvertAll(Columns.Installation, _header.IndexOf);
        _customIndex = [.. _schema.Facts.Select(f => _header.IndexOf(f.Name))];
    }

    /// <summary>Reads the next data row.</summary>
    public bool TryRead(out ParsedRow row)
    {
        _badData = null;
        if (!_csv.Read())
        {
            row = default;
            return false;
        }

        _row++;
        var record = _csv.Parser.Record ?? [];
        row = Parse(record);
        return true;
    }

    private ParsedRow Parse(string[] record)
    {
        var id = Cell(record, 0) ?? string.Empty;
        if (_badData is not null)
        {
            return Invalid(id, _badData);
        }

        if (record.Length != _header.Width)
        {
            return Invalid(id, $"the row has {record.Length} cells but the header has {_header.Width}");
        }

        var c = _cells;
        c.Reset();
        var facts = new InstallationFacts
        {
            InstallationId = id.Trim(),
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

        if (facts.InstallationId.Length > 0 && !_seen.Add(facts.InstallationId))
        {
            return Invalid(id, $"installation_id '{facts.InstallationId}' repeats an earlier row; IDs must be unique within a file");
        }

        return new ParsedRow(_row, facts.InstallationId, facts, null);
    }

    /// <summary>The declared facts' cells: every declared column is validated on every row (RULE-FILES.md).</summary>
    private CustomFacts? Custom(string[] record, CellParser c)
    {
        if (_schema.Facts.Count == 0)
        {
            return null;
        }

        var values = _schema.CreateValues();
        for (var i = 0; i < _customIndex.Length; i++)
        {
            var index = _customIndex[i];
            if (index >= 0 && index < record.Length)
            {
                c.Custom(_schema.Facts[i], record[index], values);
            }
        }

        return values.Build();
    }

    private ParsedRow Invalid(string id, string reason) => new(_row, id, null, reason);

    private string? Cell(string[] record, int column)
    {
        var index = _index[column];
        return index >= 0 && index < record.Length ? record[index] : null;
    }

    private static string? Blank(string? cell) => string.IsNullOrWhiteSpace(cell) ? null : cell.Trim();

    public void Dispose() => _csv.Dispose();
}
