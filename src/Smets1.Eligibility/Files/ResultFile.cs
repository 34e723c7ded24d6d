namespace Smets1.Eligibility.Files;

/// <summary>
/// Writes result files (FILES-AND-CLI.md, "Result file") exactly as the <c>smets1-eligibility</c> tool does (it uses
/// the same writers): one line per installation row, evaluated or <c>Invalid</c>, in the order written. CSV cells
/// that a spreadsheet would take for a formula are prefixed with an apostrophe; JSON Lines are UTF-8 without a BOM.
/// </summary>
/// <remarks>Not thread-safe: write from one thread, in row order. Dispose to flush.</remarks>
/// <example>
/// <code>
/// using var results = new ResultFile(File.Create("results.csv"), ResultFormat.Csv);
/// foreach (var row in InstallationFile.Load("estate.csv", catalog.Facts))
/// {
///     if (row.Facts is { } facts) { results.Write(row.Row, evaluator.Evaluate(facts)); }
///     else { results.WriteInvalid(row); }
/// }
/// </code>
/// </example>
public sealed class ResultFile : IDisposable
{
    private readonly ResultWriter _writer;

    /// <summary>Starts a result file on <paramref name="output"/> (for CSV, the header is written now).</summary>
    /// <param name="output">Where the file goes.</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="leaveOpen">Whether <paramref name="output"/> stays open when this is disposed (it is flushed either way).</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a <see cref="ResultFormat"/>.</exception>
    public ResultFile(Stream output, ResultFormat format, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _writer = ResultWriter.Create(output, format, leaveOpen);
    }

    /// <summary>Writes the result of an evaluated row: its version, verdict, failed rules, warnings and message.</summary>
    /// <param name="row">The 1-based data row number (<see cref="InstallationRow.Row"/>).</param>
    /// <param name="result">The result of evaluating that row's facts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The file was disposed.</exception>
    public void Write(int row, EligibilityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ObjectDisposedException.ThrowIf(_writer.IsDisposed, this);
        var outcome = result.Outcome;
        _writer.Write(new ResultLine(result.InstallationId, row, outcome.VersionLabel, outcome.Verdict.ToString(), outcome.FailedRules, outcome.Warnings, result.Message.AsMemory()));
    }

    /// <summary>Writes a row that could not be read: verdict <c>Invalid</c>, no version, the reason as its message.</summary>
    /// <param name="row">The row, as <see cref="InstallationFile"/> returned it.</param>
    /// <exception cref="ArgumentException"><paramref name="row"/> could be read (write its result instead).</exception>
    /// <exception cref="ObjectDisposedException">The file was disposed.</exception>
    public void WriteInvalid(InstallationRow row)
    {
        if (row.Invalid is null)
        {
            throw new ArgumentException($"Row {row.Row} ('{row.InstallationId}') could be read; write the result of evaluating it.", nameof(row));
        }

        ObjectDisposedException.ThrowIf(_writer.IsDisposed, this);
        _writer.Write(new ResultLine(row.InstallationId, row.Row, null, ResultWriter.InvalidVerdict, default, default, row.Invalid.AsMemory()));
    }

    /// <summary>Flushes what is buffered and, unless it was left open, closes the stream.</summary>
    public void Dispose() => _writer.Dispose();
}
