using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Cli;

/// <summary>One line of the result file.</summary>
internal readonly record struct ResultLine(string InstallationId, int Row, string? Version, string Verdict, RuleSet FailedRules, RuleSet Warnings, string Message);

/// <summary>Writes result lines as CSV or JSON Lines (FILES-AND-CLI.md, "Result file").</summary>
internal abstract class ResultWriter : IDisposable
{
    public const string InvalidVerdict = "Invalid";

    /// <summary>A writer for <c>csv</c> or <c>jsonl</c> (<c>json</c> is kept as another name for JSON Lines).</summary>
    public static ResultWriter Create(Stream output, string format, bool leaveOpen = false) => format switch
    {
        "csv" => new CsvResultWriter(output, leaveOpen),
        "jsonl" or "json" => new JsonLinesResultWriter(output, leaveOpen),
        _ => throw new UsageException($"--format '{format}' is not supported; use csv or jsonl."),
    };

    public abstract void Write(in ResultLine line);

    public abstract void Dispose();
}

/// <summary>
/// CSV results with RFC 4180 quoting. Cells that begin with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (and tab or
/// carriage return) are prefixed with an apostrophe so that a spreadsheet shows them as text, never as formulas.
/// </summary>
internal sealed class CsvResultWriter : ResultWriter
{
    private readonly StreamWriter _writer;
    private bool _disposed;

    public CsvResultWriter(Stream output, bool leaveOpen = false)
    {
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen) { NewLine = "\n" };
        _writer.WriteLine(string.Join(',', Columns.Result));
    }

    public override void Write(in ResultLine line)
    {
        Cell(line.InstallationId);
        _writer.Write(',');
        _writer.Write(line.Row);
        _writer.Write(',');
        Cell(line.Version ?? string.Empty);
        _writer.Write(',');
        Cell(line.Verdict);
        _writer.Write(',');
        Ids(line.FailedRules);
        _writer.Write(',');
        Ids(line.Warnings);
        _writer.Write(',');
        Cell(line.Message);
        _writer.Write('\n');
    }

    /// <summary>A result cell: formulas neutralised, then quoted where CSV needs it.</summary>
    internal static string Escape(string value) =>
        Quote(value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);

    /// <summary>RFC 4180 quoting, only where a cell needs it. Input files are written with this alone, so they read back unchanged.</summary>
    internal static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private void Cell(string value)
    {
        if (value.Length == 0 || (value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') && value.AsSpan().IndexOfAny(",\"\r\n") < 0))
        {
            _writer.Write(value); // the common case needs no escaping: no copy
            return;
        }

        _writer.Write(Escape(value));
    }

    /// <summary>Rule IDs separated by <c>;</c>: they start with a letter and hold no comma or quote, so need no escaping.</summary>
    private void Ids(RuleSet rules)
    {
        var first = true;
        foreach (var rule in rules)
        {
            if (!first)
            {
                _writer.Write(';');
            }

            _writer.Write(rule.Id);
            first = false;
        }
    }

    public override void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _writer.Dispose();
        }
    }
}

/// <summary>The same content as JSON Lines: one object per line, rule lists as arrays.</summary>
internal sealed class JsonLinesResultWriter : ResultWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream _output;
    private readonly BufferedStream _buffer;
    private readonly Utf8JsonWriter _json;
    private readonly bool _leaveOpen;
    private bool _disposed;

    public JsonLinesResultWriter(Stream output, bool leaveOpen = false)
    {
        _output = output;
        _leaveOpen = leaveOpen;
        _buffer = new BufferedStream(output, 1 << 16);
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    public override void Write(in ResultLine line)
    {
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteString("installation_id", line.InstallationId);
        _json.WriteNumber("row", line.Row);
        if (line.Version is null)
        {
            _json.WriteNull("tmad_version");
        }
        else
        {
            _json.WriteString("tmad_version", line.Version);
        }

        _json.WriteString("verdict", line.Verdict);
        Rules("failed_rules", line.FailedRules);
        Rules("warnings", line.Warnings);
        _json.WriteString("message", line.Message);
        _json.WriteEndObject();
        _json.Flush();
        _buffer.WriteByte((byte)'\n');
    }

    private void Rules(string name, RuleSet rules)
    {
        _json.WriteStartArray(name);
        foreach (var rule in rules)
        {
            _json.WriteStringValue(rule.Id);
        }

        _json.WriteEndArray();
    }

    public override void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _json.Dispose();
        _buffer.Flush();
        if (!_leaveOpen)
        {
            _buffer.Dispose();
            _output.Dispose();
        }
    }
}
