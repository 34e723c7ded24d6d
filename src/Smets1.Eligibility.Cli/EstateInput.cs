using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Versions;
using Spectre.Console;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// The inputs of the commands that read an estate (<c>evaluate</c>, <c>sweep</c>, <c>report</c>): the installation file
/// (a path, <c>-</c> for standard input, or the bundled sample when none is given) and its EPCL.
/// </summary>
internal sealed class EstateInput : IDisposable
{
    private readonly StreamReader? _input;
    private readonly InstallationCsvReader? _reader;

    private EstateInput(StreamReader? input, InstallationCsvReader? reader, InstallationBlocks? blocks, Epcl epcl, string name)
    {
        _input = input;
        _reader = reader;
        Blocks = blocks;
        Epcl = epcl;
        Name = name;
    }

    /// <summary>The reader of the file, row after row (when it was not opened in <see cref="Blocks"/>).</summary>
    public InstallationCsvReader Reader => _reader ?? throw new InvalidOperationException("The file was opened to be read in blocks.");

    /// <summary>The file opened to be read in blocks on several threads, when <see cref="Open"/> was asked for blocks and could; else <see langword="null"/>.</summary>
    public InstallationBlocks? Blocks { get; }

    public Epcl Epcl { get; }

    /// <summary>The file's name as the user gave it (or the sample's).</summary>
    public string Name { get; }

    /// <summary>The input's length in bytes when it can be known (for a progress bar), else 0.</summary>
    public long Length => Blocks?.Length ?? InputFiles.LengthOf(_input!);

    /// <summary>How far the input has been read, in bytes, when it can be known.</summary>
    public long Position => Blocks?.Position ?? (_input!.BaseStream.CanSeek ? _input.BaseStream.Position : 0);

    /// <summary>The options every estate command shares: a pinned version (checked), and the inferred timeline.</summary>
    /// <exception cref="UsageException">The pinned version does not exist.</exception>
    public static EvaluationOptions Options(TmadCatalog catalog, string? tmad, bool inferred)
    {
        var options = new EvaluationOptions { IncludeInferredTimeline = inferred };
        if (tmad is null)
        {
            return options;
        }

        return catalog.TryGet(tmad, out _)
            ? options with { PinnedVersion = tmad }
            : throw new UsageException($"--tmad '{tmad}' is not a known version; use one of {string.Join(", ", catalog.Labels)}.");
    }

    /// <summary>Opens the installation file and reads its header and the EPCL; every problem is a usage error, raised before any output exists.</summary>
    /// <param name="installations">The installation file, <c>-</c>, or null for the bundled sample.</param>
    /// <param name="epcl">The EPCL file, if any.</param>
    /// <param name="catalog">The versions, whose facts and rule IDs the reader checks.</param>
    /// <param name="error">Where warnings go.</param>
    /// <param name="counts">The run's counts, which keep the digest of standard input for the run record.</param>
    /// <param name="blocks">Whether to open a UTF-8 file in <see cref="Blocks"/> (the bundled sample and UTF-16 files are read row after row).</param>
    public static EstateInput Open(string? installations, string? epcl, TmadCatalog catalog, IAnsiConsole error, RunCounts? counts = null, bool blocks = false)
    {
        if (installations is null)
        {
            error.WriteLine("no file given: evaluating the sample estate bundled with the tool (give a file, or - for standard input)");
        }

        var name = installations ?? Samples.EstateName;
        var bytes = installations is { } path ? InputFiles.OpenBytes(path, "installation file", counts, digest: blocks) : Samples.OpenEstate();
        StreamReader? input = null;
        InstallationBlocks? opened = null;
        InstallationCsvReader? reader = null;
        try
        {
            opened = blocks && installations is not null ? InstallationBlocks.TryOpen(ref bytes, name, catalog.Facts, catalog.Rules, bytes is DigestingStream d ? d.KnownLength ?? 0 : bytes.CanSeek ? bytes.Length : 0) : null;
            if (opened is null)
            {
                input = TextFile.Open(bytes);
                reader = new InstallationCsvReader(input, name, catalog.Facts, catalog.Rules);
            }

            var list = LoadEpcl(epcl, installations is null, error, counts);
            if (counts is not null)
            {
                counts.Epcl = list;
            }

            return new EstateInput(input, reader, opened, list, name);
        }
        catch
        {
            reader?.Dispose();
            opened?.Dispose();
            input?.Dispose();
            bytes.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        Blocks?.Dispose();
        _input?.Dispose();
    }

    private static Epcl LoadEpcl(string? path, bool sample, IAnsiConsole error, RunCounts? counts)
    {
        if (path is not null)
        {
            using var epclReader = InputFiles.Open(path, "EPCL file", counts);
            return EpclCsvReader.Read(epclReader, path);
        }

        if (sample)
        {
            using var bundled = new StreamReader(Samples.OpenEpcl());
            return EpclCsvReader.Read(bundled, Samples.EpclName);
        }

        error.MarkupLine("[yellow]warning:[/] no --epcl file given, so every DMC fails EPCL-LISTED.");
        return Epcl.Empty;
    }
}
