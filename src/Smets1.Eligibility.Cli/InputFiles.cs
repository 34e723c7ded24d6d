using System.Text;

namespace Smets1.Eligibility.Cli;

/// <summary>Opens input files, turning every failure into a one-line usage error.</summary>
internal static class InputFiles
{
    public static StreamReader Open(string path, string what)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read the {what} '{path}': {e.Message}");
        }
    }
}
