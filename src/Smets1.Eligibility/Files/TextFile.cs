namespace Smets1.Eligibility.Files;

/// <summary>
/// Opens input files as the readers expect them, for the library and the tool alike: UTF-8 decoded strictly (invalid
/// bytes become <see cref="CsvRecordReader.InvalidByte"/>, so the row that holds them is reported), or UTF-16 when a
/// byte order mark says so; read sequentially in 64 KiB blocks.
/// </summary>
internal static class TextFile
{
    public static StreamReader Open(string path) => Open(OpenBytes(path));

    /// <summary>The file's bytes, read sequentially (<see cref="InstallationBlocks"/> reads them without a <see cref="StreamReader"/>).</summary>
    public static FileStream OpenBytes(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    public static StreamReader Open(Stream stream) =>
        new(stream, CsvRecordReader.StrictUtf8, detectEncodingFromByteOrderMarks: true, 1 << 16);
}
