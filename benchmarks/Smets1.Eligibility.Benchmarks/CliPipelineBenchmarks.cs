using Smets1.Eligibility.Files;
using BenchmarkDotNet.Attributes;
using Smets1.Eligibility.Cli;
using Smets1.Eligibility.Versions;
using Spectre.Console;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>
/// The tool's evaluate command over a generated 1,000,000-row file: the same reader parsing every cell into the
/// installation facts (the baseline), against the real command end to end (read, parse, evaluate, explain, write
/// CSV to a null stream). Target (issue "CLI throughput"): <c>EndToEnd</c> at most 1.5× <c>ParseOnly</c>.
/// </summary>
[MemoryDiagnoser]
public class CliPipelineBenchmarks
{
    private string _folder = string.Empty;
    private string _estate = string.Empty;
    private string _epcl = string.Empty;
    private IAnsiConsole _console = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "smets1-cli-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_folder);
        _estate = Path.Combine(_folder, "estate.csv");
        _epcl = Path.Combine(_folder, "estate-epcl.csv");
        using var error = new StringWriter();
        if (CliApp.Run(["generate", "--rows", BenchmarkData.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "42", "--output", _estate], Stream.Null, error) != 0)
        {
            throw new InvalidOperationException("could not generate the estate: " + error);
        }

        _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null), Interactive = InteractionSupport.No });
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public long ParseOnly()
    {
        using var input = InputFiles.Open(_estate, "installation file");
        using var reader = new InstallationCsvReader(input, _estate, TmadCatalog.Shipped.Facts);
        var rows = new InstallationRow[4096];
        long read = 0;
        int count;
        while ((count = reader.ReadChunk(rows)) > 0)
        {
            read += count;
        }

        return read;
    }

    [Benchmark]
    public int EndToEnd() =>
        new EvaluateCommand(TmadCatalog.Shipped, _console, []).Run(new EvaluateCommand.Settings(_estate, _epcl, null, null, null, "csv"), Stream.Null);
}
