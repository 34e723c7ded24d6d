namespace Smets1.Eligibility.Files;

/// <summary>Opens input files as the readers expect them: UTF-8 (a byte order mark is skipped), bad bytes kept visible.</summary>
internal static class TextFile
{
    public static StreamReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), CsvRecordReader.StrictUtf8, detectEncodingFromByteOrderMarks: true, 1 << 16);
}
