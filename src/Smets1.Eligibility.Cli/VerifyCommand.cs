using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// <c>verify FILE.run.json</c> (AUDIT.md §3): re-reads the inputs a run record names and re-runs its command with the
/// same arguments into a temporary file. <b>reproduced</b> (exit 0): the same output bytes; <b>inputs changed</b>
/// (exit 2, nothing re-run): an input is missing or its SHA-256 differs, each named; <b>differs</b> (exit 4): the
/// versions whose fingerprints changed, with the rules and parameters that did, then the first 20 rows whose verdict
/// or failed rules differ.
/// </summary>
internal sealed class VerifyCommand(TextWriter output)
{
    private const int RowsShown = 20;
    private const string StandardInputCopy = "standard-input";

    public int Run(string recordPath)
    {
        using var record = Load(recordPath);
        var root = record.RootElement;
        var command = Text(root, "command");
        var arguments = root.GetProperty("arguments").EnumerateArray().Select(a => a.GetString() ?? string.Empty).ToArray();
        var recordedOutput = root.GetProperty("output");
        var outputSha = Text(recordedOutput, "sha256");

        var scratch = Path.Combine(Path.GetTempPath(), "smets1-verify-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            // Inputs first: a changed input means the run cannot be reproduced as recorded.
            var sameFolder = root.TryGetProperty("working_directory", out var folder) && folder.ValueKind == JsonValueKind.String
                && string.Equals(folder.GetString(), Environment.CurrentDirectory, StringComparison.Ordinal);
            var changed = new List<string>();
            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var input in root.GetProperty("inputs").EnumerateArray())
            {
                var path = Text(input, "path");
                var role = Text(input, "role");
                if (path == InputFiles.StandardInput)
                {
                    if (StandardInput(input, role, scratch) is { } problem)
                    {
                        changed.Add(problem);
                    }
                    else
                    {
                        paths[path] = Path.Combine(scratch, StandardInputCopy);
                    }

                    continue;
                }

                var full = input.TryGetProperty("full_path", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : path;
                if (!sameFolder)
                {
                    // From another folder the inputs are named by their full paths (a report then shows those).
                    paths[path] = full;
                }

                if (!File.Exists(full))
                {
                    changed.Add($"{path} ({role}): missing");
                }
                else if (RunRecord.Sha256(full) is var now && now != Text(input, "sha256"))
                {
                    changed.Add($"{path} ({role}): SHA-256 differs (recorded {Text(input, "sha256")[..12]}…, now {now[..12]}…)");
                }
            }

            if (changed.Count > 0)
            {
                output.WriteLine("inputs changed:");
                foreach (var line in changed)
                {
                    output.WriteLine("  " + line);
                }

                return ExitCodes.Usage;
            }

            var rerunOutput = Path.Combine(scratch, Path.GetFileName(Text(recordedOutput, "path")));
            var rerun = Rewrite(arguments, paths, rerunOutput);
            using var error = new StringWriter();
            // A report is dated when its run started: the re-run is dated the same.
            var startedAt = root.TryGetProperty("started_at", out var s) && s.ValueKind == JsonValueKind.String
                && InstantPattern.General.Parse(s.GetString()!) is { Success: true } parsed ? parsed.Value : SystemClock.Instance.GetCurrentInstant();
            var code = CliApp.Run(rerun, Stream.Null, error, new FixedClock(startedAt));
            if (!File.Exists(rerunOutput))
            {
                output.WriteLine($"differs: the re-run of {command} wrote no output (exit {code}): {error.ToString().Trim().ReplaceLineEndings(" ")}");
                return ExitCodes.Finding;
            }

            var rerunSha = RunRecord.Sha256(rerunOutput);
            if (rerunSha == outputSha)
            {
                output.WriteLine($"reproduced: {command} gives the same output ({Text(recordedOutput, "path")}, SHA-256 {outputSha[..12]}…)");
                return ExitCodes.Ok;
            }

            output.WriteLine($"differs: {command} on the same inputs gives another output (recorded SHA-256 {outputSha[..12]}…, now {rerunSha[..12]}…)");
            Fingerprints(root, arguments);
            Rows(Text(recordedOutput, "path"), outputSha, rerunOutput);
            return ExitCodes.Finding;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Copies verify's own standard input beside the re-run and checks it against the record; null when it matches.</summary>
    private static string? StandardInput(JsonElement input, string role, string scratch)
    {
        if (!input.TryGetProperty("sha256", out var sha) || sha.ValueKind != JsonValueKind.String)
        {
            return $"- ({role}): the record holds no SHA-256 of what standard input gave";
        }

        if (!Console.IsInputRedirected)
        {
            return $"- ({role}): the run read standard input; give verify the same content on its standard input (verify FILE.run.json < FILE)";
        }

        var copy = Path.Combine(scratch, StandardInputCopy);
        using (var stdin = Console.OpenStandardInput())
        using (var file = File.Create(copy))
        {
            stdin.CopyTo(file);
        }

        var now = RunRecord.Sha256(copy);
        return now == sha.GetString() ? null : $"- ({role}): standard input differs (recorded SHA-256 {sha.GetString()![..12]}…, now {now[..12]}…)";
    }

    private static JsonDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"run record '{path}' does not exist; give the FILE.run.json written beside an output.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new UsageException($"run record '{path}' is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        var root = document.RootElement;
        string[] required = ["record_format", "command", "arguments", "inputs", "versions", "output"];
        var missing = root.ValueKind != JsonValueKind.Object ? required : required.Where(k => !root.TryGetProperty(k, out _)).ToArray();
        if (missing.Length > 0 || root.GetProperty("arguments").ValueKind != JsonValueKind.Array || root.GetProperty("inputs").ValueKind != JsonValueKind.Array
            || !root.GetProperty("output").TryGetProperty("sha256", out _) || !root.GetProperty("output").TryGetProperty("path", out _))
        {
            document.Dispose();
            throw new UsageException($"run record '{path}' is malformed: {(missing.Length > 0 ? "missing " + string.Join(", ", missing) : "arguments, inputs or output are not as written by the tool")}.");
        }

        if (root.GetProperty("record_format").GetInt32() != RunRecord.FormatVersion)
        {
            document.Dispose();
            throw new UsageException($"run record '{path}' has record_format {root.GetProperty("record_format")}; this tool reads {RunRecord.FormatVersion}.");
        }

        return document;
    }

    private static string Text(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new UsageException($"run record: '{key}' is missing or not text.");

    /// <summary>The recorded arguments with each input made absolute and the output sent to <paramref name="rerunOutput"/>.</summary>
    private static string[] Rewrite(string[] arguments, Dictionary<string, string> inputs, string rerunOutput)
    {
        var rewritten = new string[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            rewritten[i] = i > 0 && arguments[i - 1] is "--output" or "-o" ? rerunOutput
                : inputs.TryGetValue(arguments[i], out var full) ? full
                : arguments[i];
        }

        return rewritten;
    }

    private void Fingerprints(JsonElement root, string[] arguments)
    {
        var files = new List<string>();
        for (var i = 0; i + 1 < arguments.Length; i++)
        {
            if (arguments[i] == "--versions")
            {
                files.Add(arguments[i + 1]);
            }
        }

        var catalog = CliApp.LoadCatalog([.. files]);
        foreach (var recorded in root.GetProperty("versions").EnumerateArray())
        {
            var label = Text(recorded, "label");
            if (!catalog.TryGet(label, out var version))
            {
                output.WriteLine($"  version {label}: no longer defined");
                continue;
            }

            if (version.Fingerprint == Text(recorded, "fingerprint"))
            {
                continue;
            }

            output.WriteLine($"  version {label}: fingerprint {Text(recorded, "fingerprint")[..12]}… is now {version.Fingerprint[..12]}…");
            Parts(label, "rule", recorded.GetProperty("rules"), version.FingerprintParts.Rules);
            Parts(label, "parameter", recorded.GetProperty("parameters"), version.FingerprintParts.Parameters);
        }
    }

    private void Parts(string label, string what, JsonElement recorded, IReadOnlyDictionary<string, string> now)
    {
        var before = recorded.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
        foreach (var name in before.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var change = (before.TryGetValue(name, out var b), now.TryGetValue(name, out var n)) switch
            {
                (true, false) => "removed",
                (false, true) => "added",
                _ when b != n => "changed",
                _ => null,
            };
            if (change is not null)
            {
                output.WriteLine($"    {label} {what} {name}: {change}");
            }
        }
    }

    private void Rows(string recordedPath, string recordedSha, string rerunPath)
    {
        if (!File.Exists(recordedPath) || RunRecord.Sha256(recordedPath) != recordedSha)
        {
            output.WriteLine($"  the recorded output {recordedPath} is {(File.Exists(recordedPath) ? "no longer the recorded file" : "missing")}: rows cannot be compared");
            return;
        }

        var before = File.ReadAllLines(recordedPath);
        var after = File.ReadAllLines(rerunPath);
        var shown = 0;
        for (var i = 1; i < Math.Max(before.Length, after.Length) && shown < RowsShown; i++)
        {
            var a = i < before.Length ? Decision(before[i]) : "(no row)";
            var b = i < after.Length ? Decision(after[i]) : "(no row)";
            if (a != b)
            {
                output.WriteLine($"  row {i}: {a} -> {b}");
                shown++;
            }
        }

        if (shown == 0)
        {
            output.WriteLine("  no row's verdict or failed rules differ (messages or other columns do)");
        }
    }

    /// <summary>A result row's verdict and failed rules, from a CSV or a JSON Lines result file.</summary>
    private static string Decision(string line)
    {
        if (line.StartsWith('{'))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (!root.TryGetProperty("verdict", out var verdict))
            {
                return line;
            }

            var rules = root.TryGetProperty("failed_rules", out var r) && r.ValueKind == JsonValueKind.Array ? string.Join(';', r.EnumerateArray().Select(x => x.GetString())) : string.Empty;
            return $"{root.GetProperty("installation_id").GetString()} {verdict.GetString()} [{rules}]";
        }

        using var reader = new CsvRecordReader(new StringReader(line), "output");
        if (!reader.Read() || reader.Count < 5)
        {
            return line;
        }

        return $"{reader[0].ToString()} {reader[3].ToString()} [{reader[4].ToString()}]";
    }
}
