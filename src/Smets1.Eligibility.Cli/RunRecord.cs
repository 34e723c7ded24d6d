using System.CommandLine;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// The run record beside every output that <c>evaluate</c>, <c>audit</c>, <c>report</c>, <c>sweep</c> and <c>diff</c>
/// write with <c>--output</c> (AUDIT.md §3): <c>FILE.run.json</c>, snake_case UTF-8 JSON, written after the output
/// (temporary file and rename). It names the tool and library versions, the command and its arguments as given, every
/// input with its size and SHA-256, the fingerprint of every version the run could resolve or was pinned to (with each
/// rule's and parameter's), the reference data, the output's size, SHA-256 and counts, and the start and end instants.
/// </summary>
internal static class RunRecord
{
    public const string Suffix = ".run.json";
    public const int FormatVersion = 1;
    private static readonly string[] Recorded = ["evaluate", "audit", "report", "sweep", "diff"];
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the record beside the output of a succeeded run, if the command wrote one with <c>--output</c>.</summary>
    /// <returns>Why no record was written beside an output that is a device (<c>/dev/null</c>); otherwise null.</returns>
    public static string? WriteBeside(ParseResult parsed, string[] args, RunCounts counts, Instant started, IClock clock)
    {
        var command = parsed.CommandResult.Command;
        if (!Recorded.Contains(command.Name) || Token(parsed, command, "--output") is not { } output || !File.Exists(output))
        {
            return null;
        }

        if (OutputFile.IsSpecial(Path.GetFullPath(output)))
        {
            return $"the output '{output}' is a device, with no folder to hold a record";
        }

        var installations = command.Arguments.FirstOrDefault(a => a.Name == "INSTALLATIONS.csv") is { } argument ? First(parsed.GetResult(argument)?.Tokens) : null;
        var epcl = Token(parsed, command, "--epcl");
        var versionFiles = parsed.RootCommandResult.Command.Options.First(o => o.Name == "--versions") is { } v ? parsed.GetResult(v)?.Tokens.Select(t => t.Value).ToArray() ?? [] : [];
        var catalog = counts.Catalog ?? throw new InvalidOperationException($"{command.Name} ran without recording its catalogue.");
        var pinned = Token(parsed, command, "--tmad");
        var inferred = parsed.RootCommandResult.Command.Options.First(o => o.Name == "--inferred") is Option<bool> i && parsed.GetValue(i);
        var labels = command.Name == "diff"
            ? command.Arguments.Where(a => a.Name.StartsWith("LABEL_", StringComparison.Ordinal)).Select(a => First(parsed.GetResult(a)?.Tokens)).OfType<string>().ToArray()
            : pinned is not null ? [pinned] : [.. catalog.Versions.Where(x => inferred || !x.IsInferred).Select(x => x.Label)];
        var epclData = counts.Epcl;

        using var file = OutputFile.Create(output + Suffix);
        using (var json = new Utf8JsonWriter(file.Stream, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("record_format", FormatVersion);
            json.WriteString("tool_version", VersionOf(typeof(RunRecord).Assembly));
            json.WriteString("library_version", VersionOf(typeof(EligibilityEvaluator).Assembly));
            json.WriteString("command", command.Name);
            json.WriteStartArray("arguments");
            foreach (var arg in args)
            {
                json.WriteStringValue(arg);
            }

            json.WriteEndArray();
            json.WriteString("working_directory", Environment.CurrentDirectory);
            json.WriteStartArray("inputs");
            if (installations is not null)
            {
                Input(json, "installations", installations, counts.StandardInput, counts);
            }

            if (epcl is not null)
            {
                Input(json, "epcl", epcl, counts.StandardInput);
            }

            foreach (var path in versionFiles)
            {
                Input(json, "versions", path, null);
            }

            json.WriteEndArray();
            json.WriteStartArray("versions");
            foreach (var label in labels.Distinct(StringComparer.Ordinal))
            {
                if (catalog.TryGet(label, out var version))
                {
                    Version(json, version);
                }
            }

            json.WriteEndArray();
            json.WriteStartObject("reference_data");
            json.WriteStartArray("cohort_closures");
            foreach (var closure in CohortClosures.Default.All)
            {
                json.WriteStartObject();
                json.WriteString("cohort", ContractText.Format(closure.Cohort));
                json.WriteString("last_day", Text.Date(closure.LastDay));
                json.WriteString("source", closure.Source);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("cohort_closures_fingerprint", VersionFingerprint.Hash(string.Join('\n', CohortClosures.Default.All.Select(c => $"{ContractText.Format(c.Cohort)}|{Text.Date(c.LastDay)}|{c.Source}"))));
            if (epclData is not null)
            {
                json.WriteNumber("epcl_entries", epclData.Count);
                json.WriteString("epcl_fingerprint", VersionFingerprint.Hash(string.Join('\n', epclData.OrderBy(e => e.DmcId, StringComparer.Ordinal).Select(e => $"{e.DmcId}|{Text.Date(e.AddedOn)}|{e.UneconomicToTest}"))));
            }

            json.WriteEndObject();
            json.WriteStartObject("output");
            json.WriteString("path", output);
            var (outputSize, outputSha256) = Digest(Path.GetFullPath(output), counts.Written);
            json.WriteNumber("size", outputSize);
            json.WriteString("sha256", outputSha256);
            if (counts.Rows > 0 || command.Name is "evaluate" or "audit")
            {
                json.WriteNumber("rows", counts.Rows);
                Counts(json, "by_verdict", counts.ByVerdict);
                if (counts.ByFinding.Count > 0)
                {
                    Counts(json, "by_finding", counts.ByFinding);
                }
            }

            json.WriteEndObject();
            json.WriteString("started_at", InstantPattern.General.Format(started));
            json.WriteString("ended_at", InstantPattern.General.Format(clock.GetCurrentInstant()));
            json.WriteEndObject();
        }

        file.Commit();
        return null;
    }

    public static void Version(Utf8JsonWriter json, TmadVersion version)
    {
        var parts = version.FingerprintParts;
        json.WriteStartObject();
        json.WriteString("label", version.Label);
        json.WriteString("fingerprint", parts.Value);
        Strings(json, "rules", parts.Rules);
        Strings(json, "parameters", parts.Parameters);
        json.WriteEndObject();
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return VersionFingerprint.Hex(SHA256.HashData(stream));
    }

    /// <summary>
    /// A file's size and SHA-256: from the digest the run took as it read or wrote the whole file when there is one
    /// (its size still the file's), else by reading the file.
    /// </summary>
    private static (long Size, string Sha256) Digest(string fullPath, Dictionary<string, DigestingStream>? streamed)
    {
        var size = new FileInfo(fullPath).Length;
        return streamed is not null && streamed.TryGetValue(fullPath, out var digest) && digest.Size == size
            ? (size, digest.Sha256())
            : (size, Sha256(fullPath));
    }

    private static string? Token(ParseResult parsed, Command command, string option) =>
        command.Options.FirstOrDefault(o => o.Name == option) is { } found ? First(parsed.GetResult(found)?.Tokens) : null;

    private static string? First(IReadOnlyList<System.CommandLine.Parsing.Token>? tokens) => tokens is { Count: > 0 } ? tokens[0].Value : null;

    private static void Input(Utf8JsonWriter json, string role, string path, DigestingStream? standardInput, RunCounts? counts = null)
    {
        json.WriteStartObject();
        json.WriteString("role", role);
        json.WriteString("path", path);
        if (path == InputFiles.StandardInput)
        {
            // Standard input was hashed as it streamed, not kept: verify reads it again from its own standard input.
            json.WriteNull("full_path");
            if (standardInput is null)
            {
                json.WriteNull("size");
                json.WriteNull("sha256");
            }
            else
            {
                json.WriteNumber("size", standardInput.Size);
                json.WriteString("sha256", standardInput.Sha256());
            }
        }
        else
        {
            var full = Path.GetFullPath(path);
            json.WriteString("full_path", full);
            var (size, sha256) = Digest(full, counts?.Read);
            json.WriteNumber("size", size);
            json.WriteString("sha256", sha256);
        }

        json.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, long> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in counts)
        {
            json.WriteNumber(key, count);
        }

        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> values)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
