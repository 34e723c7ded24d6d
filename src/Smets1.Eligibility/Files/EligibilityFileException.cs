namespace Smets1.Eligibility.Files;

/// <summary>
/// An input file cannot be read as its format requires (FILES-AND-CLI.md): a missing, unknown or repeated column,
/// a quoted cell never closed, a cell over 64 KiB, or a bad row in reference data such as the EPCL. The message
/// names the file and, where there is one, the line and column. Rows of an installation file that cannot be read
/// are not errors: they are returned as invalid rows, each with its reason.
/// </summary>
public sealed class EligibilityFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and where.</param>
    public EligibilityFileException(string message)
        : base(message)
    {
    }
}
