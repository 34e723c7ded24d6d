using Smets1.Eligibility.Model;

namespace Smets1.Eligibility.Files;

/// <summary>
/// Reads installation files (FILES-AND-CLI.md), the same reader the <c>smets1-eligibility</c> tool uses: a strict
/// RFC 4180 CSV in UTF-8 whose header names the contract's columns (and the columns of declared facts). Every data
/// row yields exactly one <see cref="InstallationRow"/>, in order: its facts, or why it could not be read (a bad
/// cell, a stray quote, bytes that are not UTF-8, a blank or repeated ID).
/// </summary>
/// <example>
/// <code>
/// foreach (var row in InstallationFile.Load("estate.csv", catalog.Facts))
/// {
///     var outcome = row.Facts is { } facts ? evaluator.EvaluateOutcome(facts) : default;
/// }
/// </code>
/// </example>
public static class InstallationFile
{
    /// <summary>Opens a file and streams its rows; the header is checked before the first row is returned.</summary>
    /// <param name="path">The file.</param>
    /// <param name="schema">The declared facts whose columns the file may hold (<c>catalog.Facts</c>); default none.</param>
    /// <returns>The rows, read as they are enumerated (memory does not grow with the file, except 16 bytes per ID for the duplicate check).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="EligibilityFileException">The header is missing, or names an unknown, repeated or missing column; or, while enumerating, a quoted cell is never closed or a cell exceeds 64 KiB.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IEnumerable<InstallationRow> Load(string path, FactSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var reader = TextFile.Open(path);
        try
        {
            return Rows(new InstallationCsvReader(reader, path, schema));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a file and streams its rows as <paramref name="catalog"/> reads them: the columns of its declared facts, and
    /// recorded decisions (AUDIT.md §1) whose <c>recorded_failed_rules</c> may name any rule its versions know.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="catalog">The catalogue: its facts and rules.</param>
    /// <returns>The rows, read as they are enumerated, each with its <see cref="InstallationRow.Recorded"/> decision when the file records one.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="EligibilityFileException">The header is missing, or names an unknown, repeated or missing column; or, while enumerating, a quoted cell is never closed or a cell exceeds 64 KiB.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IEnumerable<InstallationRow> Load(string path, Versions.TmadCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(catalog);
        var reader = TextFile.Open(path);
        try
        {
            return Rows(new InstallationCsvReader(reader, path, catalog.Facts, catalog.Rules));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Streams the rows of an installation file read from <paramref name="reader"/>; the header is checked now.</summary>
    /// <param name="reader">The text (disposed when the enumeration ends).</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <param name="schema">The declared facts whose columns the file may hold; default none.</param>
    /// <returns>The rows, read as they are enumerated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="fileName"/> is <see langword="null"/>.</exception>
    /// <exception cref="EligibilityFileException">The header is missing or wrong; or, while enumerating, a quoted cell is never closed or a cell exceeds 64 KiB.</exception>
    public static IEnumerable<InstallationRow> Read(TextReader reader, string fileName, FactSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        return Rows(new InstallationCsvReader(reader, fileName, schema));
    }

    private static IEnumerable<InstallationRow> Rows(InstallationCsvReader reader)
    {
        using (reader)
        {
            while (reader.TryRead(out var row))
            {
                yield return row;
            }
        }
    }
}
