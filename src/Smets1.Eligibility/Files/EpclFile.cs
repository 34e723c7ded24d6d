using Smets1.Eligibility.Reference;

namespace Smets1.Eligibility.Files;

/// <summary>Reads EPCL files (FILES-AND-CLI.md: <c>dmc_id,added_on[,uneconomic_to_test]</c>), the tool's reader.</summary>
public static class EpclFile
{
    /// <summary>Reads an EPCL file. Reference data must be right: any bad row is an error naming the file, line and column.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The EPCL.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="EligibilityFileException">The file is not a valid EPCL: a wrong header, a bad or blank cell, a repeated DMC, a stray quote, bytes that are not UTF-8.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Epcl Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = TextFile.Open(path);
        return EpclCsvReader.Read(reader, path);
    }

    /// <summary>Reads an EPCL from <paramref name="reader"/>.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <returns>The EPCL.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="fileName"/> is <see langword="null"/>.</exception>
    /// <exception cref="EligibilityFileException">The text is not a valid EPCL.</exception>
    public static Epcl Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        return EpclCsvReader.Read(reader, fileName);
    }
}
