using System.Text;
using FsCheck.Xunit;
using Spectre.Console;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Cli.Tests;

/// <summary>The parallel <c>evaluate</c> (blocks of the file read and evaluated on every core) writes exactly what a sequential run writes.</summary>
public sealed class PipelineProperties
{
    private const string Epcl = "dmc_id,added_on\nDMC-1,2021-03-15\nDMC-GEN-01,2019-07-01\n";

    [Property(Arbitrary = [typeof(CsvProperties.FaultyFiles)], MaxTest = 100)]
    public bool Pipelined_EqualsSequential_RowForRow_OnFilesWithDefects((InstallationFacts[] Facts, int[] Faults, int[] Seeds, int Duplicate, int InvalidUtf8) input)
    {
        using var scratch = new Scratch();
        var path = scratch.PathOf("in.csv");
        File.WriteAllBytes(path, CsvProperties.FaultyFile(input, out _));
        return SameOutput(scratch, path, "csv") && SameOutput(scratch, path, "jsonl");
    }

    [Fact]
    public void Pipelined_EqualsSequential_AcrossManyChunks_WithDefectsInEveryChunk()
    {
        using var scratch = new Scratch();
        var generated = scratch.PathOf("estate.csv");
        Assert.Equal(ExitCodes.Ok, ToolRun.InProcess("generate", "--rows", "20000", "--seed", "9", "--output", generated).ExitCode);
        var lines = File.ReadAllLines(generated);
        for (var i = 1; i < lines.Length; i += 997)
        {
            lines[i] = (i % 3) switch
            {
                0 => lines[i].Replace(",ACTIVE,", ",ACT\"IVE,", StringComparison.Ordinal), // a stray quote
                1 => lines[1],                                                             // a repeated row (and ID)
                _ => lines[i] + ",extra",                                                  // a cell too many
            };
        }

        var path = scratch.PathOf("defects.csv");
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));

        Assert.True(SameOutput(scratch, path, "csv"));
        Assert.Contains(",Invalid,", File.ReadAllText(scratch.PathOf("pipelined.csv")), StringComparison.Ordinal);
        Assert.Equal(lines.Length, File.ReadAllLines(scratch.PathOf("pipelined.csv")).Length);
    }

    /// <summary>
    /// A file of many 256 KiB blocks with a byte order mark, CRLF line ends, blank lines and quoted cells that hold commas,
    /// quotes and line ends (so that blocks must be cut around them), then the same file with a stray quote in a middle
    /// block that swallows the lines up to the next quote: the same results, rows numbered as one thread numbers them.
    /// </summary>
    [Fact]
    public void Parallel_EqualsSequential_OnCrLfQuotedLineEndsAndBlankLines_AcrossBlocks()
    {
        using var scratch = new Scratch();
        var generated = scratch.PathOf("estate.csv");
        Assert.Equal(ExitCodes.Ok, ToolRun.InProcess("generate", "--rows", "12000", "--seed", "5", "--output", generated).ExitCode);
        var lines = File.ReadAllLines(generated);
        for (var i = 1; i < lines.Length; i += 7)
        {
            lines[i] = System.Text.RegularExpressions.Regex.Replace(lines[i], ",DMC-([0-9]+),", ",\"DMC\r\n\"\",\n-$1\",").Replace(",IOC,", ",\" IOC\" ,", StringComparison.Ordinal);
            if (i % 5 == 0)
            {
                lines[i] += "\r\n";
            }
        }

        var path = scratch.PathOf("quoted.csv");
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(true));
        Assert.True(new FileInfo(path).Length > 6 * Smets1.Eligibility.Files.InstallationBlocks.BlockSize);
        Assert.True(SameOutput(scratch, path, "csv"));
        Assert.True(SameOutput(scratch, path, "jsonl"));
        Assert.Equal(lines.Length, File.ReadAllLines(scratch.PathOf("pipelined.csv")).Count(l => l.StartsWith("INST-", StringComparison.Ordinal)) + 1);

        lines[6001] = lines[6001].Replace(",ACTIVE,", ",\"ACTIVE,", StringComparison.Ordinal);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(true));
        Assert.True(SameOutput(scratch, path, "csv")); // the stray quote opens a cell that swallows lines up to the next quote
        Assert.Contains("has a stray quote", File.ReadAllText(scratch.PathOf("pipelined.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipelined_QuotedCellNeverClosed_IsTheSameUsageErrorAndNoResultFile()
    {
        using var scratch = new Scratch();
        var generated = scratch.PathOf("estate.csv");
        Assert.Equal(ExitCodes.Ok, ToolRun.InProcess("generate", "--rows", "9000", "--seed", "4", "--output", generated).ExitCode);
        var path = scratch.PathOf("open.csv");
        File.WriteAllText(path, File.ReadAllText(generated) + "LAST,\"2021-11-10T10:00:00Z\n", new UTF8Encoding(false));

        var pipelined = Run(scratch, path, "csv", pipelined: true, out var pipelinedError);
        var sequential = Run(scratch, path, "csv", pipelined: false, out var sequentialError);

        Assert.Equal(ExitCodes.Usage, pipelined);
        Assert.Equal(sequential, pipelined);
        Assert.Contains("line 9002: a quoted cell opens here and is never closed", pipelinedError, StringComparison.Ordinal);
        Assert.Equal(sequentialError, pipelinedError);
        Assert.False(File.Exists(scratch.PathOf("pipelined.csv")));
    }

    private static bool SameOutput(Scratch scratch, string path, string format)
    {
        var pipelined = Run(scratch, path, format, pipelined: true, out _);
        var sequential = Run(scratch, path, format, pipelined: false, out _);
        return pipelined == sequential
            && File.ReadAllBytes(scratch.PathOf("pipelined." + format)).AsSpan().SequenceEqual(File.ReadAllBytes(scratch.PathOf("sequential." + format)));
    }

    private static int Run(Scratch scratch, string path, string format, bool pipelined, out string error)
    {
        using var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
        var epcl = scratch.File("epcl.csv", Epcl);
        var output = scratch.PathOf((pipelined ? "pipelined." : "sequential.") + format);
        try
        {
            var code = new EvaluateCommand(TmadCatalog.Shipped, console, []).Run(
                new EvaluateCommand.Settings(path, epcl, null, null, output, format, Pipelined: pipelined),
                Stream.Null);
            error = string.Empty;
            return code;
        }
        catch (Smets1.Eligibility.Files.EligibilityFileException e)
        {
            error = e.Message;
            return ExitCodes.Usage;
        }
    }
}
