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
    // Rows are written as text into one buffer of our own (no call into a TextWriter per cell) and go to the stream as
    // UTF-8 once it holds 48 KiB; a row is never split across two encodings, so no character is either.
    private const int FlushAt = 48 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private char[] _text = new char[FlushAt + 4096];
    private byte[] _bytes = [];
    private int _length;

    public CsvResultWriter(Stream output, bool leaveOpen = false, IReadOnlyList<string>? extraColumns = null, bool header = true)
    {
        _output = output;
        _leaveOpen = leaveOpen;
        if (header)
        {
            Append(string.Join(',', [.. Columns.Result, .. extraColumns ?? []]));
            Append('\n');
        }
    }

    public override void Flush()
    {
        WriteText();
        _output.Flush();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write(in ResultLine line)
    {
        Cells(line);
        EndRow();
    }

    public override void Write(in ResultLine line, ReadOnlySpan<ResultCell> extra)
    {
        Cells(line);
        foreach (var cell in extra)
        {
            Append(',');
            Cell(cell.Joined);
        }

        EndRow();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Cells(in ResultLine line)
    {
        Cell(line.InstallationId);
        Append(',');
        Reserve(11);
        line.Row.TryFormat(_text.AsSpan(_length), out var digits, default, CultureInfo.InvariantCulture);
        _length += digits;
        Append(',');
        Cell(line.Version ?? string.Empty);
        Append(',');
        Cell(line.Verdict);
        Append(',');
        Ids(line.FailedRules);
        Append(',');
        Ids(line.Warnings);
        Append(',');
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

    /// <summary>What <see cref="Escape"/> gives, written straight into the buffer (no copy of the cell).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Cell(ReadOnlySpan<char> text)
    {
        var quoted = NeedsQuotes(text);
        if (quoted)
        {
            Append('"');
        }

        if (IsFormula(text))
        {
            Append('\''); // a formula neutralised
        }

        if (!quoted)
        {
            Append(text);
            return;
        }

        int quote;
        while ((quote = text.IndexOf('"')) >= 0)
        {
            Append(text[..(quote + 1)]);
            Append('"');
            text = text[(quote + 1)..];
        }

        Append(text);
        Append('"');
    }

    /// <summary>Rule IDs separated by <c>;</c>: they start with a letter and hold no comma or quote, so need no escaping.</summary>
    private void Ids(RuleSet rules)
    {
        var first = true;
        foreach (var rule in rules)
        {
            if (!first)
            {
                Append(';');
            }

            Append(rule.Id);
            first = false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(char c)
    {
        if (_length == _text.Length)
        {
            Reserve(1);
        }

        _text[_length++] = c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(ReadOnlySpan<char> text)
    {
        if (text.Length > _text.Length - _length)
        {
            Reserve(text.Length);
        }

        text.CopyTo(_text.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>Room for <paramref name="count"/> more characters (a row longer than the buffer grows it).</summary>
    private void Reserve(int count)
    {
        if (count > _text.Length - _length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + count));
        }
    }

    private void EndRow()
    {
        Append('\n');
        if (_length >= FlushAt)
        {
            WriteText();
        }
    }

    /// <summary>The buffered rows to the stream as UTF-8.</summary>
    private void WriteText()
    {
        if (_length == 0)
        {
            return;
        }

        var most = Utf8.GetMaxByteCount(_length);
        if (_bytes.Length < most)
        {
            _bytes = new byte[Math.Max(most, _bytes.Length * 2)];
        }

        var count = Utf8.GetBytes(_text, 0, _length, _bytes, 0);
        _length = 0;
        _output.Write(_bytes, 0, count);
    }

    public override void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        try
        {
            Flush();
        }
        finally
        {
            if (!_leaveOpen)
            {
                _output.Dispose();
            }
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
