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
    /// <param name="path">The path, or <c>-</c>.</param>
    /// <param name="what">What the file is, for the error message.</param>
    /// <param name="counts">Where a run keeps what it read from standard input (hashed as it is read), if anywhere.</param>
    public static StreamReader Open(string path, string what, RunCounts? counts = null)
    {
        try
        {
            if (path != StandardInput)
            {
                return TextFile.Open(path);
            }

            var digest = new DigestingStream(Console.OpenStandardInput());
            if (counts is not null)
            {
                counts.StandardInput = digest;
            }

            return TextFile.Open(digest);
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
