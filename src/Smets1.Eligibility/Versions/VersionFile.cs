using System.Text.Json;
using Smets1.Eligibility.Authoring;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Versions;

/// <summary>
/// Reads version definitions from JSON files, so that versions can be registered without code. A file holds
/// one definition, or <c>{"versions": [ … ]}</c>.
/// </summary>
/// <remarks>
/// <para>The format (keys are case-sensitive; unknown keys and keys written twice in one object are errors, so a typo is never ignored):</para>
/// <code>
/// {
///   "label": "v18",                                 // required
///   "based_on": "v17",                              // required: a shipped or earlier registered version
///   "effective_from": "2021-12-15",                 // required: a UK date
///   "source": "TMAD v18.0, clean",                  // required: cited for anything without its own source
///   "confidence": "inferred",                       // optional: "confirmed" or "inferred" (default)
///   "notes": "…",                                   // optional
///   "expiry": { "value": "2022-12-31", "source": "…" },                 // optional
///   "add_rules": [ { "rule": "EXCL-GT01", "source": "Clause 18 (P-V1)" } ],
///   "remove_rules": [ { "rule": "IGT-CERTIFICATE", "source": "…" } ],
///   "parameters": {                                 // optional; each value with its source
///     "cos_lookahead_days": { "value": 9, "source": "…" },
///     "comms_window_hours": { "value": 72, "source": "…" },
///     "failed_attempt_threshold": { "value": 5, "source": "…" },
///     "epcl_window_months": { "value": 12, "source": "…" }
///   }
/// }
/// </code>
/// <para>A version may also declare <c>facts</c>, typed <c>parameters</c> (<c>"type"</c>, <c>"value"</c>, <c>"unit"</c>,
/// <c>"source"</c>, <c>"confidence"</c>) and <c>define_rules</c> with conditions, as RULE-FILES.md describes; see
/// <c>samples/acme/acme-2021.json</c>. Rule IDs, facts and parameters are checked against the base version when the
/// catalogue is built, still naming the file and JSON path.</para>
/// <para>Every problem is reported together, each with its file, JSON path and what was expected. The
/// definitions are then validated like any other when the catalogue is built.</para>
/// </remarks>
public static class VersionFile
{
    /// <summary>Reads a version file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Its definitions, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="EligibilityConfigurationException">The file cannot be read or is invalid; every problem is listed.</exception>
    public static IReadOnlyList<VersionDefinition> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = Decode(File.ReadAllBytes(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new EligibilityConfigurationException($"{path}: cannot read the version file: {e.Message}", e);
        }

        return Parse(json, Path.GetFileName(path));
    }

    /// <summary>Parses version definitions from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="name">A name for the text in error messages, such as its file name.</param>
    /// <returns>The definitions, in order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="EligibilityConfigurationException">The text is invalid; every problem is listed.</exception>
    public static IReadOnlyList<VersionDefinition> Parse(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        JsonField<VersionFileDto>? root;
        try
        {
            // Source-generated DTOs; a value of the wrong shape is kept for the binder to report, so only malformed JSON stops here.
            root = JsonSerializer.Deserialize(json, VersionFileJsonContext.Default.JsonFieldVersionFileDto);
        }
        catch (JsonException e)
        {
            throw new EligibilityConfigurationException($"{name}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }

        var binder = new VersionFileBinder(name);
        var definitions = binder.File(root);
        binder.Errors.AddRange(DuplicateKeys.In(json).Select(path => $"{name}: {path}: the key appears twice in one object; give it once"));
        return binder.Errors.Count > 0 ? throw new EligibilityConfigurationException(binder.Errors) : definitions;
    }

    /// <summary>
    /// The file's text, decoded strictly: bytes that are not UTF-8 are a load error naming the line and byte, never
    /// silently replaced (a replaced label or rule ID would no longer be the one written).
    /// </summary>
    private static string Decode(byte[] bytes, string path)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        if (System.Text.Unicode.Utf8.IsValid(span))
        {
            return Strict.GetString(span);
        }

        // The first bad byte, and its line and byte on that line.
        var at = 0;
        while (System.Text.Rune.DecodeFromUtf8(span[at..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            at += consumed;
        }

        var before = span[..at];
        var line = before.Count((byte)'\n') + 1;
        var column = at - (before.LastIndexOf((byte)'\n') + 1) + 1;
        throw new EligibilityConfigurationException($"{path}: line {line}, byte {column}: the file holds bytes that are not valid UTF-8 (0x{span[at]:X2}); save it as UTF-8.");
    }

    private static readonly System.Text.UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
