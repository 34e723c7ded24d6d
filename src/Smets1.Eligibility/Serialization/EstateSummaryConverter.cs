using System.Text.Json;
using System.Text.Json.Serialization;
using Smets1.Eligibility.Comparison;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Serialization;

/// <summary>An estate summary as JSON: the total and the counts by verdict, version, cohort, failed rule and warning; read back into a summary.</summary>
internal sealed class EstateSummaryConverter(TmadCatalog catalog) : JsonConverter<EstateSummary>
{
    public override EstateSummary Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        try
        {
            return EstateSummary.Restore(
                catalog,
                root.GetProperty("total").GetInt64(),
                Counts(root, "by_verdict").Select(c => KeyValuePair.Create(Enum.Parse<Verdict>(c.Key), c.Value)),
                Counts(root, "by_version"),
                Counts(root, "by_cohort"),
                Counts(root, "by_failed_rule"),
                Counts(root, "by_warning"));
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new JsonException($"Not an estate summary of this catalogue: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, EstateSummary value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("total", value.Total);
        Object(writer, "by_verdict", value.ByVerdict.Select(v => KeyValuePair.Create(v.Key.ToString(), v.Value)));
        Object(writer, "by_version", value.ByVersion);
        Object(writer, "by_cohort", value.ByCohort);
        Object(writer, "by_failed_rule", value.ByFailedRule);
        Object(writer, "by_warning", value.ByWarning);
        writer.WriteEndObject();
    }

    private static void Object(Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, long>> counts)
    {
        writer.WriteStartObject(name);
        foreach (var (key, count) in counts)
        {
            writer.WriteNumber(key, count);
        }

        writer.WriteEndObject();
    }

    private static KeyValuePair<string, long>[] Counts(JsonElement root, string name) =>
        root.TryGetProperty(name, out var counts)
            ? counts.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetInt64())).ToArray()
            : [];
}
