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
    public static StreamReader Open(string path, string what, RunCounts? counts = null) => TextFile.Open(OpenBytes(path, what, counts));

    /// <summary>The bytes of a file (or of standard input for <c>-</c>, hashed as they are read), as <see cref="Open"/> reads them.</summary>
    /// <param name="path">The path, or <c>-</c>.</param>
    /// <param name="what">What the file is, for the error message.</param>
    /// <param name="counts">Where a run keeps what it read from standard input, if anywhere.</param>
    /// <param name="digest">Whether a file, too, is hashed as it is read (kept in <paramref name="counts"/>), for a run that reads it to its end.</param>
    public static Stream OpenBytes(string path, string what, RunCounts? counts = null, bool digest = false)
    {
        try
        {
            if (path != StandardInput)
            {
                var file = TextFile.OpenBytes(path);
                if (!digest || counts is null)
                {
                    return file;
                }

                var digesting = new DigestingStream(file);
                counts.Read[Path.GetFullPath(path)] = digesting;
                return digesting;
            }

            var standardInput = new DigestingStream(Console.OpenStandardInput());
            if (counts is not null)
            {
                counts.StandardInput = standardInput;
            }

            return standardInput;
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
