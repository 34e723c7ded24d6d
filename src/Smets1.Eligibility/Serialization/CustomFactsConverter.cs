using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using Smets1.Eligibility.Model;

namespace Smets1.Eligibility.Serialization;

/// <summary>Declared facts as an object of their values by name (dates and instants as ISO text); unknown facts are left out.</summary>
internal sealed class CustomFactsConverter(FactSchema schema) : JsonConverter<CustomFacts>
{
    public override CustomFacts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object of declared facts by name.");
        }

        var values = schema.CreateValues();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!schema.TryGet(name, out var fact))
            {
                throw new JsonException($"No version of the catalogue declares a fact '{name}'; use EligibilityJson.For(catalog) with the catalogue that declares it.");
            }

            object? value = reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.True or JsonTokenType.False => reader.GetBoolean(),
                JsonTokenType.Number when reader.TryGetInt64(out var l) => l,
                JsonTokenType.Number => reader.GetDecimal(),
                JsonTokenType.String when fact.Type == FactType.Date => LocalDatePattern.Iso.Parse(reader.GetString()!).GetValueOrThrow(),
                JsonTokenType.String when fact.Type == FactType.Instant => InstantPattern.ExtendedIso.Parse(reader.GetString()!).GetValueOrThrow(),
                JsonTokenType.String => reader.GetString(),
                _ => throw new JsonException($"Fact '{name}': expected a value, not {reader.TokenType}."),
            };
            try
            {
                values.Set(name, value);
            }
            catch (ArgumentException e)
            {
                throw new JsonException(e.Message, e);
            }
        }

        return values.Build();
    }

    public override void Write(Utf8JsonWriter writer, CustomFacts value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var fact in value.Schema.Facts)
        {
            switch (value[fact.Name])
            {
                case null: break;
                case bool b: writer.WriteBoolean(fact.Name, b); break;
                case long l: writer.WriteNumber(fact.Name, l); break;
                case decimal d: writer.WriteNumber(fact.Name, d); break;
                case LocalDate date: writer.WriteString(fact.Name, LocalDatePattern.Iso.Format(date)); break;
                case Instant instant: writer.WriteString(fact.Name, InstantPattern.ExtendedIso.Format(instant)); break;
                case var other: writer.WriteString(fact.Name, other.ToString()); break;
            }
        }

        writer.WriteEndObject();
    }
}
