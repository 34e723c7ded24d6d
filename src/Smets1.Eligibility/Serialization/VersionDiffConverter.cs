using System.Text.Json;
using System.Text.Json.Serialization;
using Smets1.Eligibility.Comparison;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Serialization;

/// <summary>
/// A version diff as JSON: the two labels, each rule change (rule ID, kind, source, the parameters it reads that
/// changed) and each parameter change (key, old and new value, source). Read back by comparing the two versions again.
/// </summary>
internal sealed class VersionDiffConverter(TmadCatalog catalog) : JsonConverter<VersionDiff>
{
    public override VersionDiff Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var labels = JsonLabels.ReadPair(ref reader, "from", "to");
        return VersionComparer.Compare(catalog.Get(labels.First), catalog.Get(labels.Second));
    }

    public override void Write(Utf8JsonWriter writer, VersionDiff value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("from", value.From.Label);
        writer.WriteString("to", value.To.Label);
        writer.WriteStartArray("rules");
        foreach (var change in value.Rules)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", change.Rule.Id);
            writer.WriteString("change", JsonNamingPolicy.SnakeCaseLower.ConvertName(change.Kind.ToString()));
            writer.WriteString("source", change.Source);
            writer.WriteStartArray("parameters");
            foreach (var parameter in change.Parameters)
            {
                writer.WriteStringValue(parameter.Key);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("parameters");
        foreach (var change in value.Parameters)
        {
            writer.WriteStartObject();
            writer.WriteString("key", change.Key);
            Nullable(writer, "old", change.Old?.Value);
            Nullable(writer, "new", change.New?.Value);
            writer.WriteString("source", change.Source);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
