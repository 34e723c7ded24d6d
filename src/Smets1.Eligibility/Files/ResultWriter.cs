using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Files;

/// <summary>One line of the result file.</summary>
internal readonly record struct ResultLine(string InstallationId, int Row, string? Version, string Verdict, RuleSet FailedRules, RuleSet Warnings, ReadOnlyMemory<char> Message);

/// <summary>Writes result lines as CSV or JSON Lines (FILES-AND-CLI.md, "Result file").</summary>
/// <summary>A cell of a column that follows <c>message</c> (<c>remedies</c>, <c>finding</c>, …): text, or a list written joined by <paramref name="Separator"/> in CSV and as an array in JSON.</summary>
internal readonly record struct ResultCell(string? Text, IReadOnlyList<string>? Items = null, string Separator = ";")
{
    public static implicit operator ResultCell(string? text) => new(text);

    public string Joined => Items is null ? Text ?? string.Empty : string.Join(Separator, Items);
}

internal abstract class ResultWriter : IDisposable
{
    public const string InvalidVerdict = "Invalid";

    /// <summary>The writer of a format; <see cref="ResultFile"/> and the tool both start here.</summary>
    /// <param name="output">Where the lines go.</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="leaveOpen">Whether disposing the writer leaves <paramref name="output"/> open.</param>
    /// <param name="extraColumns">Columns after <c>message</c>, if any.</param>
    /// <param name="header">Whether a CSV writer begins with the header row; off for the writers of a file's blocks.</param>
    public static ResultWriter Create(Stream output, ResultFormat format, bool leaveOpen, IReadOnlyList<string>? extraColumns = null, bool header = true) => format switch
    {
        ResultFormat.Csv => new CsvResultWriter(output, leaveOpen, extraColumns, header),
        ResultFormat.JsonLines => new JsonLinesResultWriter(output, leaveOpen, extraColumns),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Use ResultFormat.Csv or ResultFormat.JsonLines."),
    };

    /// <summary>Writes a line with the cells of the extra columns the writer was created with, in their order.</summary>
    public abstract void Write(in ResultLine line, ReadOnlySpan<ResultCell> extra);

    /// <summary>JSON Lines only: a last object (a run's summary); CSV writes nothing.</summary>
    public virtual void WriteSummary(Action<Utf8JsonWriter> write)
    {
    }

    /// <summary>Whether <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed { get; protected set; }

    public abstract void Write(in ResultLine line);

    /// <summary>Writes everything written so far to the stream.</summary>
    public abstract void Flush();

    public abstract void Dispose();
}

/// <summary>
/// CSV results with RFC 4180 quoting. Cells that begin with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (and tab or
/// carriage return) are prefixed with an apostrophe so that a spreadsheet shows them as text, never as formulas.
/// </summary>
internal sealed class CsvResultWriter : ResultWriter
{
    private readonly StreamWriter _writer;

    public CsvResultWriter(Stream output, bool leaveOpen = false, IReadOnlyList<string>? extraColumns = null, bool header = true)
    {
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen) { NewLine = "\n" };
        if (header)
        {
            _writer.WriteLine(string.Join(',', [.. Columns.Result, .. extraColumns ?? []]));
        }
    }

    public override void Flush() => _writer.Flush();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write(in ResultLine line)
    {
        Cells(line);
        _writer.Write('\n');
    }

    public override void Write(in ResultLine line, ReadOnlySpan<ResultCell> extra)
    {
        Cells(line);
        foreach (var cell in extra)
        {
            _writer.Write(',');
            Cell(cell.Joined);
        }

        _writer.Write('\n');
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Cells(in ResultLine line)
    {
        Cell(line.InstallationId);
        _writer.Write(',');
        Span<char> row = stackalloc char[11];
        line.Row.TryFormat(row, out var digits, default, CultureInfo.InvariantCulture);
        _writer.Write(row[..digits]); // TextWriter.Write(int) would make a string of it
        _writer.Write(',');
        Cell(line.Version ?? string.Empty);
        _writer.Write(',');
        Cell(line.Verdict);
        _writer.Write(',');
        Ids(line.FailedRules);
        _writer.Write(',');
        Ids(line.Warnings);
        _writer.Write(',');
        Cell(line.Message.Span);
    }

    /// <summary>A result cell: formulas neutralised, then quoted where CSV needs it.</summary>
    internal static string Escape(string value) => Quote(IsFormula(value) ? "'" + value : value);

    /// <summary>RFC 4180 quoting, only where a cell needs it. Input files are written with this alone, so they read back unchanged.</summary>
    internal static string Quote(string value) =>
        NeedsQuotes(value) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>Whether a spreadsheet would take the cell for a formula (or hide its first character).</summary>
    private static bool IsFormula(ReadOnlySpan<char> value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static bool NeedsQuotes(ReadOnlySpan<char> value) => value.IndexOfAny(",\"\r\n") >= 0;

    /// <summary>What <see cref="Escape"/> gives, written straight to the output (no copy of the cell).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Cell(ReadOnlySpan<char> text)
    {
        var quoted = NeedsQuotes(text);
        if (quoted)
        {
            _writer.Write('"');
        }

        if (IsFormula(text))
        {
            _writer.Write('\''); // a formula neutralised
        }

        if (!quoted)
        {
            _writer.Write(text);
            return;
        }

        int quote;
        while ((quote = text.IndexOf('"')) >= 0)
        {
            _writer.Write(text[..(quote + 1)]);
            _writer.Write('"');
            text = text[(quote + 1)..];
        }

        _writer.Write(text);
        _writer.Write('"');
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
        if (!IsDisposed)
        {
            IsDisposed = true;
            _writer.Dispose();
        }
    }
}

/// <summary>
/// The same content as JSON Lines: one object per line, rule lists as arrays. Rows are written into one
/// buffer with pre-encoded property names and rule IDs, and the buffer goes to the stream every 64 KiB.
/// </summary>
internal sealed class JsonLinesResultWriter : ResultWriter
{
    private const int FlushAt = 1 << 16;
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly JsonEncodedText InstallationId = Encode("installation_id");
    private static readonly JsonEncodedText Row = Encode("row");
    private static readonly JsonEncodedText TmadVersion = Encode("tmad_version");
    private static readonly JsonEncodedText Verdict = Encode("verdict");
    private static readonly JsonEncodedText FailedRules = Encode("failed_rules");
    private static readonly JsonEncodedText Warnings = Encode("warnings");
    private static readonly JsonEncodedText Message = Encode("message");

    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _pending = new(FlushAt + (FlushAt >> 2));
    private readonly Utf8JsonWriter _json;
    private readonly Dictionary<string, JsonEncodedText> _encoded = new(StringComparer.Ordinal);
    private readonly bool _leaveOpen;

    private readonly JsonEncodedText[] _extraColumns;

    public JsonLinesResultWriter(Stream output, bool leaveOpen = false, IReadOnlyList<string>? extraColumns = null)
    {
        _output = output;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(_pending, Options);
        _extraColumns = [.. (extraColumns ?? []).Select(Encode)];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write(in ResultLine line) => Write(line, []);

    public override void WriteSummary(Action<Utf8JsonWriter> write)
    {
        _json.Reset(_pending);
        write(_json);
        EndLine();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write(in ResultLine line, ReadOnlySpan<ResultCell> extra)
    {
        _json.Reset(_pending);
        _json.WriteStartObject();
        _json.WriteString(InstallationId, line.InstallationId);
        _json.WriteNumber(Row, line.Row);
        if (line.Version is null)
        {
            _json.WriteNull(TmadVersion);
        }
        else
        {
            _json.WriteString(TmadVersion, Encoded(line.Version));
        }

        _json.WriteString(Verdict, Encoded(line.Verdict));
        Rules(FailedRules, line.FailedRules);
        Rules(Warnings, line.Warnings);
        _json.WriteString(Message, line.Message.Span);
        for (var i = 0; i < extra.Length; i++)
        {
            var cell = extra[i];
            if (cell.Items is { } items)
            {
                _json.WriteStartArray(_extraColumns[i]);
                foreach (var item in items)
                {
                    _json.WriteStringValue(item);
                }

                _json.WriteEndArray();
            }
            else if (cell.Text is { Length: > 0 } text)
            {
                _json.WriteString(_extraColumns[i], text);
            }
            else
            {
                _json.WriteNull(_extraColumns[i]);
            }
        }

        _json.WriteEndObject();
        EndLine();
    }

    private void EndLine()
    {
        _json.Flush();
        _pending.GetSpan(1)[0] = (byte)'\n';
        _pending.Advance(1);
        if (_pending.WrittenCount >= FlushAt)
        {
            Drain();
        }
    }

    private void Rules(JsonEncodedText name, RuleSet rules)
    {
        _json.WriteStartArray(name);
        foreach (var rule in rules)
        {
            _json.WriteStringValue(Encoded(rule.Id));
        }

        _json.WriteEndArray();
    }

    /// <summary>Labels, verdicts and rule IDs repeat on every row: each is encoded once.</summary>
    private JsonEncodedText Encoded(string text)
    {
        if (!_encoded.TryGetValue(text, out var encoded))
        {
            encoded = Encode(text);
            _encoded.Add(text, encoded);
        }

        return encoded;
    }

    private static JsonEncodedText Encode(string text) => JsonEncodedText.Encode(text, Options.Encoder);

    public override void Flush()
    {
        Drain();
        _output.Flush();
    }

    private void Drain()
    {
        _output.Write(_pending.WrittenSpan);
        _pending.ResetWrittenCount();
    }

    public override void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        _json.Dispose();
        Drain();
        _output.Flush();
        if (!_leaveOpen)
        {
            _output.Dispose();
        }
    }
}
