using System.Text.Json;
using System.Text.Json.Serialization;
using Smets1.Eligibility.Comparison;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Serialization;

/// <summary>Reading the label fields a catalogue value is found by.</summary>
internal static class JsonLabels
{
    public static string Read(ref Utf8JsonReader reader, string name)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString()!
            : document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var label) && label.ValueKind == JsonValueKind.String ? label.GetString()!
            : throw new JsonException($"Expected an object with \"{name}\" (or the label as a string).");
    }

    public static (string First, string Second) ReadPair(ref Utf8JsonReader reader, string first, string second)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty(first, out var a) && a.ValueKind == JsonValueKind.String
            && root.TryGetProperty(second, out var b) && b.ValueKind == JsonValueKind.String
            ? (a.GetString()!, b.GetString()!)
            : throw new JsonException($"Expected an object with \"{first}\" and \"{second}\" labels.");
    }
}
