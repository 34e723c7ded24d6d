using System.Text.Json;
using System.Text.Json.Serialization;
using Smets1.Eligibility.Comparison;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Serialization;

/// <summary>
/// A version as JSON: its label, dates, source and confidence, the IDs of its rules and its parameters with their
/// sources. Read back by label from the catalogue (a version is the catalogue's, not a free-standing value).
/// </summary>
internal sealed class TmadVersionConverter(TmadCatalog catalog) : JsonConverter<TmadVersion>
{
    public override TmadVersion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        catalog.Get(JsonLabels.Read(ref reader, "label"));

    public override void Write(Utf8JsonWriter writer, TmadVersion value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("label", value.Label);
        writer.WriteString("effective_from", Text.Date(value.EffectiveFrom));
        writer.WriteString("expiry", Text.Date(value.Expiry));
        writer.WriteString("source", value.Source);
        writer.WriteString("confidence", value.EffectiveFromConfidence.ToString().ToLowerInvariant());
        if (value.BasedOn is { } basedOn)
        {
            writer.WriteString("based_on", basedOn);
        }

        writer.WriteBoolean("inferred", value.IsInferred);
        writer.WriteStartArray("rules");
        foreach (var rule in value.Rules)
        {
            writer.WriteStringValue(rule.Id);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("parameters");
        foreach (var entry in value.Parameters.Entries)
        {
            writer.WriteStartObject(entry.Key);
            writer.WriteString("value", entry.Value);
            writer.WriteString("source", entry.Source);
            writer.WriteString("confidence", entry.Confidence.ToString().ToLowerInvariant());
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
