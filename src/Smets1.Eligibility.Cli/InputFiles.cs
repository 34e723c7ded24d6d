namespace Smets1.Eligibility.Cli;

/// <summary>Opens input files, turning every failure into a one-line usage error.</summary>
internal static class InputFiles
{
    /// <summary>The name that reads standard input (FILES-AND-CLI.md).</summary>
    public const string StandardInput = "-";

    /// <summary>
    /// Opens a file (or standard input for <c>-</c>) for streaming, as the library's readers open files
    /// (<see cref="TextFile"/>). Pipes and other files that cannot seek are read as they come.
    /// </summary>
    public static StreamReader Open(string path, string what)
    {
        try
        {
            return path == StandardInput ? TextFile.Open(Console.OpenStandardInput()) : TextFile.Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read the {what} '{path}': {e.Message}");
        }
    }

    /// <summary>The length of a seekable file (for the progress bar), or 0 for a pipe or standard input.</summary>
    public static long LengthOf(StreamReader reader) =>
        reader.BaseStream is { CanSeek: true } stream ? stream.Length : 0;
}
