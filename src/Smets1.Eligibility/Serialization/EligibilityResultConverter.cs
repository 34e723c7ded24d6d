using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Serialization;

/// <summary>
/// A result as the JSON Lines of the tool carry it, plus each rule's outcome: <c>installation_id</c>,
/// <c>assessed_at</c>, <c>tmad_version</c> (the label), <c>verdict</c>, <c>failed_rules</c> and <c>warnings</c> (each
/// <c>{ rule, outcome, message }</c>) and <c>message</c>. Read back against a catalogue, which gives the version and the rules.
/// </summary>
internal sealed class EligibilityResultConverter(TmadCatalog catalog) : JsonConverter<EligibilityResult>
{
    public override EligibilityResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a result object.");
        }

        string? id = null;
        Instant? assessedAt = null;
        TmadVersion? version = null;
        Verdict? verdict = null;
        List<RuleFailure> failures = [];
        List<RuleFailure> warnings = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "installation_id": id = reader.GetString(); break;
                case "assessed_at": assessedAt = reader.TokenType == JsonTokenType.Null ? null : InstantPattern.ExtendedIso.Parse(reader.GetString()!).GetValueOrThrow(); break;
                case "tmad_version": version = reader.TokenType == JsonTokenType.Null ? null : catalog.Get(reader.GetString()!); break;
                case "verdict": verdict = Enum.Parse<Verdict>(reader.GetString()!); break;
                case "failed_rules": failures = Failures(ref reader); break;
                case "warnings": warnings = Failures(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        if (id is null || verdict is null)
        {
            throw new JsonException("A result needs installation_id and verdict.");
        }

        var outcome = new EligibilityOutcome(verdict.Value, Set(failures), Set(warnings), version);
        return new EligibilityResult(id, assessedAt, outcome, failures, warnings);
    }

    public override void Write(Utf8JsonWriter writer, EligibilityResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("installation_id", value.InstallationId);
        if (value.AssessedAt is { } at)
        {
            writer.WriteString("assessed_at", InstantPattern.ExtendedIso.Format(at));
        }
        else
        {
            writer.WriteNull("assessed_at");
        }

        if (value.Version is { } version)
        {
            writer.WriteString("tmad_version", version.Label);
        }
        else
        {
            writer.WriteNull("tmad_version");
        }

        writer.WriteString("verdict", value.Verdict.ToString());
        Write(writer, "failed_rules", value.Failures);
        Write(writer, "warnings", value.Warnings);
        writer.WriteString("message", value.Message);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, string name, IReadOnlyList<RuleFailure> failures)
    {
        writer.WriteStartArray(name);
        foreach (var failure in failures)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", failure.RuleId);
            writer.WriteString("outcome", failure.Outcome.ToString());
            writer.WriteString("message", failure.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private List<RuleFailure> Failures(ref Utf8JsonReader reader)
    {
        var failures = new List<RuleFailure>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array of { rule, outcome, message }.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? rule = null;
            string? message = null;
            RuleOutcome? outcome = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "rule": rule = reader.GetString(); break;
                    case "message": message = reader.GetString(); break;
                    case "outcome": outcome = Enum.Parse<RuleOutcome>(reader.GetString()!); break;
                    default: reader.Skip(); break;
                }
            }

            var definition = catalog.TryGetRule(rule, out var found) ? found : throw new JsonException($"'{rule}' is not a rule of the catalogue; read with EligibilityJson.For(catalog) for defined rules.");
            failures.Add(new RuleFailure(definition, outcome ?? definition.Outcome, message ?? string.Empty));
        }

        return failures;
    }

    private RuleSet Set(List<RuleFailure> failures) => catalog.RuleSetOf(failures.Select(f => f.RuleId));
}
