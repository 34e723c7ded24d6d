namespace Smets1.Eligibility.Tests.Versions;

/// <summary>Version fingerprints (AUDIT.md §3): independent of the file's layout, changed by any change of content.</summary>
public sealed class VersionFingerprintTests
{
    private static TmadVersion Load(string json)
    {
        var builder = new TmadCatalogBuilder();
        foreach (var definition in VersionFile.Parse(json, "acme.json"))
        {
            builder.Register(definition);
        }

        return builder.Build().Get("acme");
    }

    [Fact]
    public void Fingerprint_SameContentWrittenDifferently_IsTheSame()
    {
        // Key order and whitespace differ; the content does not.
        var a = Load("""{ "label": "acme", "based_on": "v17", "effective_from": "2021-12-01", "source": "s", "parameters": { "comms_window_hours": { "value": 48, "source": "p" } } }""");
        var b = Load("""
            {
              "parameters": { "comms_window_hours": { "source": "p", "value": 48 } },
              "source": "s",   "effective_from": "2021-12-01", "based_on": "v17", "label": "acme"
            }
            """);

        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", a.Fingerprint);
    }

    [Theory]
    // Each changes something a result or an explanation can show.
    [InlineData("""{ "label": "acme", "based_on": "v17", "effective_from": "2021-12-01", "source": "s", "parameters": { "comms_window_hours": { "value": 49, "source": "p" } } }""")]
    [InlineData("""{ "label": "acme", "based_on": "v17", "effective_from": "2021-12-01", "source": "s", "parameters": { "comms_window_hours": { "value": 48, "source": "another source" } } }""")]
    [InlineData("""{ "label": "acme", "based_on": "v17", "effective_from": "2021-12-02", "source": "s", "parameters": { "comms_window_hours": { "value": 48, "source": "p" } } }""")]
    [InlineData("""{ "label": "acme", "based_on": "v17", "effective_from": "2021-12-01", "source": "s", "expiry": { "value": "2022-06-30", "source": "e" }, "parameters": { "comms_window_hours": { "value": 48, "source": "p" } } }""")]
    [InlineData("""{ "label": "acme", "based_on": "v17", "effective_from": "2021-12-01", "source": "s", "remove_rules": [ { "rule": "EXCL-DIRECTED", "source": "r" } ], "parameters": { "comms_window_hours": { "value": 48, "source": "p" } } }""")]
    public void Fingerprint_ChangedContent_Changes(string changed)
    {
        var original = Load("""{ "label": "acme", "based_on": "v17", "effective_from": "2021-12-01", "source": "s", "parameters": { "comms_window_hours": { "value": 48, "source": "p" } } }""");

        Assert.NotEqual(original.Fingerprint, Load(changed).Fingerprint);
    }

    [Fact]
    public void Fingerprint_OfTheShippedVersions_AreDistinct()
    {
        var fingerprints = TmadCatalog.Shipped.Versions.Select(v => v.Fingerprint).ToList();

        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
    }
}
