using System.Globalization;
using System.Text;
using NodaTime;

namespace Smets1.Eligibility.Files;

/// <summary>Writes installations and EPCL entries in the contract's CSV form, every column, blank for unknown.</summary>
internal sealed class InstallationCsvWriter : IDisposable
{
    private readonly StreamWriter _writer;

    public InstallationCsvWriter(Stream output, bool leaveOpen = false)
    {
        _writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen) { NewLine = "\n" };
        _writer.WriteLine(string.Join(',', Columns.Installation));
    }

    public void Write(InstallationFacts f)
    {
        string?[] cells =
        [
            f.InstallationId, Instant(f.AssessedAt), f.Cohort is { } c ? ContractText.Format(c) : null,
            f.MeterStatus is { } s ? ContractText.Format(s) : null, f.DormancyCause is { } d ? ContractText.Format(d) : null,
            Bool(f.HasEsme), Bool(f.HasGsme), f.DmcId, Instant(f.ChfLastContact), Instant(f.GsmeLastContact),
            Date(f.PlannedCosDate), Date(f.PlannedCotDate), f.ProfileDataSwitch is { } p ? ContractText.Format(p) : null,
            Bool(f.Igt), Bool(f.IgtCertificateValid), Bool(f.MasterKeysPresent), Bool(f.WanBeforeMigration), Bool(f.WanAtMigration),
            f.FailedMigrationAttempts.ToString(CultureInfo.InvariantCulture), Bool(f.Gt01HanError), Bool(f.SupplierStatementNotMigratable),
            Bool(f.DirectedExclusion),
        ];
        _writer.WriteLine(string.Join(',', cells.Select(cell => CsvResultWriter.Quote(cell ?? string.Empty))));
    }

    public static void WriteEpcl(Stream output, Reference.Epcl epcl, bool leaveOpen = false)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 12, leaveOpen) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', Columns.Epcl));
        foreach (var entry in epcl)
        {
            writer.WriteLine($"{CsvResultWriter.Quote(entry.DmcId)},{Date(entry.AddedOn)},{Bool(entry.UneconomicToTest)}");
        }
    }

    private static string? Instant(Instant? value) => value is { } v ? Text.Instant(v) : null;

    private static string? Date(LocalDate? value) => value is { } v ? Text.Date(v) : null;

    private static string? Bool(bool? value) => value switch { true => "true", false => "false", null => null };

    public void Dispose() => _writer.Dispose();
}
