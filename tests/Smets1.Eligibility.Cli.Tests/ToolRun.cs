using System.Diagnostics;
using System.Text;

namespace Smets1.Eligibility.Cli.Tests;

/// <summary>Runs the tool, in process (fast) or as the real executable (exit codes, real standard streams).</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static ToolRun InProcess(params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return new ToolRun(code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public static ToolRun Process(params string[] args) => ProcessWithInput(null, args);

    /// <summary>Runs the real executable with <paramref name="standardInput"/> (a file's path) as its standard input, when given.</summary>
    public static ToolRun ProcessWithInput(string? standardInput, params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "smets1-eligibility.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = standardInput is not null, UseShellExecute = false };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        if (standardInput is not null)
        {
            using (var file = File.OpenRead(standardInput))
            {
                file.CopyTo(process.StandardInput.BaseStream);
            }

            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(60_000);
        return new ToolRun(process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>A scratch folder for one test's files, deleted afterwards.</summary>
internal sealed class Scratch : IDisposable
{
    public Scratch() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "smets1-cli-" + Guid.NewGuid().ToString("N"));

    public string File(string name, string content, bool bom = false)
    {
        var path = Path.Combine(Folder, name);
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(bom));
        return path;
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
