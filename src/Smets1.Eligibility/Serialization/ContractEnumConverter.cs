using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smets1.Eligibility.Serialization;

/// <summary>An enumeration as its contract spelling (<c>FOC_NP</c>, <c>DORMANT</c>), read case-insensitively.</summary>
internal sealed class ContractEnumConverter<T>(Func<T, string> format, ContractEnumConverter<T>.TryParse parse) : JsonConverter<T>
    where T : struct, Enum
{
    public delegate bool TryParse(ReadOnlySpan<char> text, out T value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text is not null && parse(text, out var value)
            ? value
            : throw new JsonException($"Expected a {typeof(T).Name} in its contract spelling, such as \"{format(default)}\".");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(format(value));
}
