using System.Runtime.CompilerServices;
using Smets1.Eligibility.Model;

namespace Smets1.Eligibility.Files;

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
    private readonly InstallationIdSet _seen = new();
    private readonly CellParser _cells = new();
    private readonly CellPool _dmcIds = new();
    private readonly Stream? _source;
    private int _row;
    private bool _reserved; // the duplicate check sized for the whole file (EstimateRows)

    private readonly FactSchema _schema;
    private readonly int[] _customIndex;

    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name errors give.</param>
    /// <param name="schema">The declared facts, whose columns the file may hold.</param>
    /// <param name="rules">The rules a <c>recorded_failed_rules</c> cell may name (those the loaded versions know); by default the shipped catalogue's.</param>
    public InstallationCsvReader(TextReader reader, string fileName, FactSchema? schema = null, IEnumerable<Rules.RuleDefinition>? rules = null)
    {
        _schema = schema ?? FactSchema.Empty;
        _source = (reader as StreamReader)?.BaseStream;
        _block = reader as BlockText;
        _csv = new CsvRecordReader(reader, fileName);
        var header = CsvHeader.ReadFrom(_csv, fileName);
        string[] known = [.. Columns.Installation, .. _schema.Facts.Select(f => f.Name), .. Columns.Recorded];
        _header = CsvHeader.Match(header, fileName, known, Columns.InstallationRequired);
        _index = Array.ConvertAll(Columns.Installation, _header.IndexOf);
        _customIndex = [.. _schema.Facts.Select(f => _header.IndexOf(f.Name))];
        _recordedIndex = Array.ConvertAll(Columns.Recorded, _header.IndexOf);
        if (Array.Exists(_recordedIndex, i => i >= 0))
        {
            _recorded = new RecordedColumns(rules ?? Versions.TmadCatalog.Shipped.Rules);
        }
    }

    /// <summary>
    /// A reader of other blocks of the file <paramref name="file"/> reads (<see cref="InstallationBlocks"/>): the same
    /// header, columns and declared facts, with its own cell parsing, so that each thread reads blocks with one of its own.
    /// </summary>
    internal InstallationCsvReader(InstallationCsvReader file, string fileName)
    {
        _schema = file._schema;
        _header = file._header;
        _index = file._index;
        _customIndex = file._customIndex;
        _recordedIndex = file._recordedIndex;
        _recorded = file._recorded;
        _block = new BlockText();
        _csv = new CsvRecordReader(_block, fileName);
    }

    private readonly int[] _recordedIndex;
    private readonly RecordedColumns? _recorded;
    private readonly BlockText? _block;

    /// <summary>
    /// Reads every row of a block (UTF-8, whole records) without the duplicate check, numbered from 1 within the block:
    /// <paramref name="ids"/>[i] is the digest of row i's ID (<see cref="InstallationIdSet.DigestOf"/>), zero when the
    /// check does not apply to it (<see cref="CheckDuplicates(InstallationRow[], UInt128[], int)"/>).
    /// </summary>
    /// <param name="block">The block's bytes, or empty to read on in the text this reader holds (the first block, after the header).</param>
    /// <param name="firstLine">The line on which the block starts.</param>
    /// <param name="rows">Where the rows go; grown when the block holds more.</param>
    /// <param name="ids">The digests of the rows' IDs; grown with <paramref name="rows"/>.</param>
    /// <returns>How many rows the block holds.</returns>
    /// <exception cref="EligibilityFileException">A quoted cell is never closed, or a cell is longer than 64 KiB.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int ReadBlock(ReadOnlySpan<byte> block, int firstLine, ref InstallationRow[] rows, ref UInt128[] ids)
    {
        if (_block is null)
        {
            throw new InvalidOperationException("This reader reads a stream, not blocks.");
        }

        if (!block.IsEmpty)
        {
            _block.Decode(block);
            _csv.Restart(firstLine);
        }

        _row = 0;
        var count = 0;
        while (_csv.Read())
        {
            if (count == rows.Length)
            {
                Array.Resize(ref rows, rows.Length * 2);
                Array.Resize(ref ids, rows.Length);
            }

            _row++;
            rows[count] = Parse(out var id);
            ids[count] = InstallationIdSet.DigestOf(id);
            count++;
        }

        return count;
    }

    /// <summary>Sizes the duplicate check for about <paramref name="rows"/> IDs.</summary>
    internal void Reserve(long rows) => _seen.Reserve(rows);

    /// <summary>Whether the file has a <c>recorded_verdict</c> column (<c>audit</c> needs one).</summary>
    public bool HasRecordedVerdict => _recordedIndex[0] >= 0;

    /// <summary>Reads up to <paramref name="rows"/>.Length data rows into it, in order.</summary>
    /// <returns>How many were read: fewer than asked only at the end of the file.</returns>
    /// <remarks>The same rows as as many <see cref="TryRead"/> calls; the chunk's IDs go to the duplicate check together (<see cref="InstallationIdSet.AddMany(ReadOnlySpan{string}, Span{bool})"/>).</remarks>
    public int ReadChunk(InstallationRow[] rows)
    {
        if (_chunkIds.Length < rows.Length)
        {
            _chunkIds = new string?[rows.Length];
        }

        var count = ReadUnchecked(rows, _chunkIds);
        CheckDuplicates(rows, _chunkIds, count);
        return count;
    }

    /// <summary>Reads a chunk without the duplicate check: <paramref name="ids"/>[i] is row i's ID when the check applies to it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadUnchecked(InstallationRow[] rows, string?[] ids)
    {
        var count = 0;
        while (count < rows.Length && _csv.Read())
        {
            _row++;
            rows[count] = Parse(out ids[count]);
            count++;
        }

        if (!_reserved && (_row >= ReserveAfterRows || count < rows.Length))
        {
            _reserved = true;
            if (EstimateRows() is > 0 and var reserve)
            {
                _seen.Reserve(reserve);
            }
        }

        return count;
    }

    /// <summary>The duplicate check of rows read by <see cref="ReadUnchecked"/>, in file order: a repeated ID makes its row invalid.</summary>
    private void CheckDuplicates(InstallationRow[] rows, string?[] ids, int count)
    {
        Added(count);
        _seen.AddMany(ids.AsSpan(0, count), _chunkAdded);
        MarkRepeated(rows, count);
        Array.Clear(ids, 0, count);
    }

    /// <summary>The duplicate check of rows read by <see cref="ReadBlock"/>, in file order: a repeated ID makes its row invalid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void CheckDuplicates(InstallationRow[] rows, UInt128[] ids, int count)
    {
        Added(count);
        _seen.AddMany(ids.AsSpan(0, count), _chunkAdded);
        MarkRepeated(rows, count);
    }

    private void Added(int count)
    {
        if (_chunkAdded.Length < count)
        {
            _chunkAdded = new bool[count];
        }
    }

    private void MarkRepeated(InstallationRow[] rows, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!_chunkAdded[i])
            {
                rows[i] = Repeated(rows[i]);
            }
        }
    }

    private string?[] _chunkIds = [];
    private bool[] _chunkAdded = [];

    /// <summary>
    /// Once 16,384 rows are read, sizes the duplicate check for the rows the whole file holds at the rate seen so far
    /// (its length over the bytes read per row), so its tables are not grown and rehashed a dozen times on the way.
    /// The stream is read up to 128 KiB ahead of the rows (two buffers), so the estimate is at most about 5% low by
    /// then; 8% is added. A file whose later rows are much shorter simply grows the tables as before.
    /// </summary>
    private long EstimateRows() =>
        _row > 0 && _source is { CanSeek: true } stream && stream.Position > 0
            ? (long)(stream.Length / (double)stream.Position * _row * 1.08)
            : 0;

    private const int ReserveAfterRows = 16_384;

    /// <summary>Reads the next data row.</summary>
    public bool TryRead(out InstallationRow row)
    {
        if (!_csv.Read())
        {
            row = default;
            return false;
        }

        _row++;
        row = Parse(out var checkable);
        if (checkable is not null && !_seen.Add(checkable))
        {
            row = Repeated(row);
        }

        return true;
    }

    /// <summary>
    /// The row, read without the duplicate check; <paramref name="checkable"/> is its ID when the check applies.
    /// The second occurrence of an ID is invalid even when the first row was (FILES-AND-CLI.md), whatever else is
    /// wrong with it; an ID whose bytes are not UTF-8 is never compared, so two different broken IDs cannot collide.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private InstallationRow Parse(out string? checkable)
    {
        var id = Cell(0).ToString();
        checkable = id.Length > 0 && _csv.BadTextColumn != _index[0] ? id : null;
        if (_csv.BadTextColumn >= 0)
        {
            return Invalid(id, $"column '{_header.NameAt(_csv.BadTextColumn)}' holds bytes that are not valid UTF-8 or a NUL character; save the file as UTF-8");
        }

        if (_csv.StrayQuoteColumn >= 0)
        {
            return Invalid(id, $"column '{_header.NameAt(_csv.StrayQuoteColumn)}' has a stray quote (\"); quote the whole cell, or remove the quote");
        }

        if (_csv.Count != _header.Width)
        {
            return Invalid(id, $"the row has {_csv.Count} cells but the header has {_header.Width}");
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
            AssessedAt = c.Instant(Columns.AssessedAt, Cell(1)),
            Cohort = c.Enumeration<Cohort>(Columns.Cohort, Cell(2), ContractText.TryParseCohort, "one of IOC, MOC_MDS, MOC_SECURE, FOC_NP, FOC_BG"),
            MeterStatus = c.Enumeration<MeterStatus>(Columns.MeterStatus, Cell(3), ContractText.TryParseMeterStatus, "one of ACTIVE, DORMANT"),
            DormancyCause = c.Enumeration<DormancyCause>(Columns.DormancyCause, Cell(4), ContractText.TryParseDormancyCause, "one of CHANGE_OF_SUPPLIER, SMSO_CONTRACT_TERMINATED"),
            HasEsme = c.Boolean(Columns.HasEsme, Cell(5)),
            HasGsme = c.Boolean(Columns.HasGsme, Cell(6)),
            DmcId = Cell(7) is { IsEmpty: false } dmc ? _dmcIds.Get(dmc) : null,
            ChfLastContact = c.Instant(Columns.ChfLastContact, Cell(8)),
            GsmeLastContact = c.Instant(Columns.GsmeLastContact, Cell(9)),
            PlannedCosDate = c.Date(Columns.PlannedCosDate, Cell(10)),
            PlannedCotDate = c.Date(Columns.PlannedCotDate, Cell(11)),
            ProfileDataSwitch = c.Enumeration<ProfileDataSwitch>(Columns.ProfileDataSwitch, Cell(12), ContractText.TryParseProfileDataSwitch, "one of ON, OFF"),
            Igt = c.Boolean(Columns.Igt, Cell(13), false),
            IgtCertificateValid = c.Boolean(Columns.IgtCertificateValid, Cell(14), false),
            MasterKeysPresent = c.Boolean(Columns.MasterKeysPresent, Cell(15), true),
            WanBeforeMigration = c.Boolean(Columns.WanBeforeMigration, Cell(16), true),
            WanAtMigration = c.Boolean(Columns.WanAtMigration, Cell(17), true),
            FailedMigrationAttempts = c.Count(Columns.FailedMigrationAttempts, Cell(18)),
            Gt01HanError = c.Boolean(Columns.Gt01HanError, Cell(19), false),
            SupplierStatementNotMigratable = c.Boolean(Columns.SupplierStatementNotMigratable, Cell(20), false),
            DirectedExclusion = c.Boolean(Columns.DirectedExclusion, Cell(21), false),
            Custom = Custom(c),
        };
        var recorded = _recorded?.Read(RecordedCell(0), RecordedCell(1), RecordedCell(2), c);
        if (c.HasErrors)
        {
            return Invalid(id, string.Join("; ", c.Errors));
        }

        return new InstallationRow(_row, facts.InstallationId, facts, null) { Recorded = recorded };
    }

    /// <summary>The declared facts' cells: every declared column is validated on every row (RULE-FILES.md).</summary>
    private CustomFacts? Custom(CellParser c)
    {
        if (_schema.Facts.Count == 0)
        {
            return null;
        }

        var values = _schema.CreateValues();
        for (var i = 0; i < _customIndex.Length; i++)
        {
            var index = _customIndex[i];
            if (index >= 0 && index < _csv.Count)
            {
                c.Custom(_schema.Facts[i], _csv[index], values);
            }
        }

        return values.Build();
    }

    private InstallationRow Invalid(string id, string reason) => new(_row, id, null, reason);

    private static InstallationRow Repeated(InstallationRow row) =>
        new(row.Row, row.InstallationId, null, $"installation_id '{row.InstallationId}' repeats an earlier row; IDs must be unique within a file");

    /// <summary>A contract column's cell, trimmed; empty when the file leaves the column out or the row is short.</summary>
    private ReadOnlySpan<char> Cell(int column)
    {
        var index = _index[column];
        return index >= 0 && index < _csv.Count ? _csv[index] : [];
    }

    private ReadOnlySpan<char> RecordedCell(int column)
    {
        var index = _recordedIndex[column];
        return index >= 0 && index < _csv.Count ? _csv[index] : [];
    }

    public void Dispose()
    {
        _csv.Dispose();
        _seen.Dispose();
    }
}
