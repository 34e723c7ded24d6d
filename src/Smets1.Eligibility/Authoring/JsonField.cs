using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Smets1.Eligibility.Authoring;

/// <summary>
/// A value of a version file, read as <typeparamref name="T"/> where it fits and kept as it was written where it
/// does not, so that one wrong value does not stop the reading: the binder reports it with its JSON path and goes
/// on to the next. A <see langword="null"/> field means the key is absent.
/// </summary>
internal sealed class JsonField<T>
{
    private readonly T? _value;

    public JsonField(JsonElement raw, T? value, bool fits)
    {
        Raw = raw;
        _value = value;
        Fits = fits;
    }

    /// <summary>The value as written, for messages ("got …") and for values whose type depends on a declaration.</summary>
    public JsonElement Raw { get; }

    /// <summary>Whether the value was read as <typeparamref name="T"/> (a JSON <c>null</c> never fits).</summary>
    public bool Fits { get; }

    /// <summary>The value; only when <see cref="Fits"/>.</summary>
    public T Value => Fits ? _value! : throw new InvalidOperationException("The value does not fit; report Raw instead.");
}

/// <summary>
/// Reads a <see cref="JsonField{T}"/>: the JSON value is taken whole, then read as <typeparamref name="T"/> with the
/// source-generated metadata; a value of the wrong shape becomes a field that does not fit instead of an exception.
/// Malformed JSON still throws: there is nothing to carry on with.
/// </summary>
internal sealed class JsonFieldConverter<T> : JsonConverter<JsonField<T>>
{
    public override bool HandleNull => true;

    public override JsonField<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var raw = JsonElement.ParseValue(ref reader);
        if (raw.ValueKind == JsonValueKind.Null)
        {
            return new JsonField<T>(raw, default, fits: false);
        }

        if (typeof(T) == typeof(JsonElement))
        {
            return new JsonField<T>(raw, (T)(object)raw, fits: true);
        }

        try
        {
            var value = raw.Deserialize((JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
            return new JsonField<T>(raw, value, fits: value is not null);
        }
        catch (JsonException)
        {
            return new JsonField<T>(raw, default, fits: false);
        }
    }

    public override void Write(Utf8JsonWriter writer, JsonField<T> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Version files are read, not written.");
}
