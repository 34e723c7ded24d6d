namespace Smets1.Eligibility.Tests.Versions;

public sealed class VersionFileTests
{
    private const string Minimal = """{ "label": "v18", "based_on": "v17", "effective_from": "2021-12-15", "source": "TMAD v18.0" }""";

    [Fact]
    public void Load_TheSampleExample_RegistersAUserDefinedVersionWithEverySource()
    {
        var definitions = VersionFile.Load(RepositoryRoot.Combine("samples", "versions", "v18.example.json"));
        var catalog = new TmadCatalogBuilder().Register(Assert.Single(definitions)).Build();

        var v18 = catalog.Get("v18-example");
        Assert.False(v18.IsShipped);
        Assert.Equal(new LocalDate(2022, 12, 31), v18.Expiry);
        Assert.Equal("P-V1: TMAD expiry extended to 31 Dec 2022", v18.Parameters.Expiry.Source);
        Assert.Equal(5, v18.Parameters.FailedAttemptThreshold?.Value);
        Assert.True(v18.Holds(RuleIds.ExclGt01));
        Assert.Equal("P-V1: Clause 18, gas-side HAN error GT01", v18.RuleSources[RuleIds.ExclGt01]);
        Assert.Contains("example", v18.Source, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("v18-example", catalog.Resolve(new LocalDate(2022, 6, 1)).Version?.Label);
    }

    [Fact]
    public void Parse_Minimal_InheritsEverythingFromTheBase()
    {
        var definition = Assert.Single(VersionFile.Parse(Minimal, "v18.json"));

        Assert.Equal(("v18", "v17", new LocalDate(2021, 12, 15)), (definition.Label, definition.BasedOn, definition.EffectiveFrom));
        Assert.True(definition.Parameters.IsEmpty);
        Assert.Equal(Confidence.Inferred, definition.Confidence);
    }

    [Fact]
    public void Parse_VersionsArray_ReadsEachInOrder()
    {
        var json = """{ "versions": [ { "label": "a", "based_on": "v17", "effective_from": "2021-12-15", "source": "s" }, { "label": "b", "based_on": "a", "effective_from": "2021-12-20", "source": "s", "confidence": "confirmed" } ] }""";

        var definitions = VersionFile.Parse(json, "many.json");

        Assert.Equal(["a", "b"], definitions.Select(d => d.Label));
        Assert.Equal(Confidence.Confirmed, definitions[1].Confidence);
        Assert.Equal("b", new TmadCatalogBuilder().Register(definitions[0]).Register(definitions[1]).Build().Get("b").Label);
    }

    [Theory]
    [InlineData("""{ "based_on": "v17", "effective_from": "2021-12-15", "source": "s" }""", "v18.json: $.label: expected a non-empty string")]
    [InlineData("""{ "label": "v18", "based_on": "v17", "effective_from": "15/12/2021", "source": "s" }""", "v18.json: $.effective_from: expected a date such as \"2021-12-15\", got \"15/12/2021\"")]
    [InlineData("""{ "label": "v18", "based_on": "v17", "effective_from": "2021-12-15", "source": "s", "expirey": "2022-12-31" }""", "v18.json: $.expirey: unknown key")]
    [InlineData("""{ "label": "v18", "based_on": "v17", "effective_from": "2021-12-15", "source": "s", "parameters": { "comms_window_hours": { "value": "72h", "source": "s" } } }""", "v18.json: $.parameters.comms_window_hours.value: expected a whole number of 1 or more, got \"72h\"")]
    [InlineData("""{ "label": "v18", "based_on": "v17", "effective_from": "2021-12-15", "source": "s", "parameters": { "comms_window_hours": { "value": 72 } } }""", "v18.json: $.parameters.comms_window_hours.source: expected a non-empty string")]
    [InlineData("""{ "label": "v18", "based_on": "v17", "effective_from": "2021-12-15", "source": "s", "add_rules": [ "EXCL-GT01" ] }""", "v18.json: $.add_rules[0]: expected { \"rule\": …, \"source\": … }, got \"EXCL-GT01\"")]
    [InlineData("""{ "label": "v18", "based_on": "v17", "effective_from": "2021-12-15", "source": "s", "confidence": "sure" }""", "v18.json: $.confidence: expected \"confirmed\" or \"inferred\", got \"sure\"")]
    [InlineData("""{ "label": "v18", """, "v18.json: not valid JSON")]
    public void Parse_InvalidFile_SaysWhichFieldAndWhatWasExpected(string json, string expected)
    {
        var error = Assert.Throws<EligibilityConfigurationException>(() => VersionFile.Parse(json, "v18.json"));

        Assert.Contains(error.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ManyProblems_ReportsThemAllTogether()
    {
        var json = """{ "label": "", "based_on": 17, "effective_from": "2021-12-15", "source": "s", "colour": "red" }""";

        var error = Assert.Throws<EligibilityConfigurationException>(() => VersionFile.Parse(json, "v.json"));

        Assert.Equal(3, error.Errors.Count);
    }

    [Fact]
    public void Load_MissingFile_SaysItCannotBeRead()
    {
        var error = Assert.Throws<EligibilityConfigurationException>(() => VersionFile.Load("/nowhere/v18.json"));

        Assert.Contains("cannot read the version file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_VersionFiles_AreRegistered()
    {
        var options = new EligibilityOptions();
        options.VersionFiles.Add(RepositoryRoot.Combine("samples", "versions", "v18.example.json"));

        var (catalog, _, _) = options.Build();

        Assert.Contains("v18-example", catalog.Labels);
    }

    [Fact]
    public void Build_UnknownRuleInFile_NamesTheFileAndPath()
    {
        // Rule IDs are checked when the catalogue is built: a file may add a rule another file defines.
        var definitions = VersionFile.Parse("""{ "label": "v18", "based_on": "v17", "effective_from": "2021-12-15", "source": "s", "add_rules": [ { "rule": "EXCL-GTO1", "source": "s" } ] }""", "v18.json");
        var builder = new TmadCatalogBuilder();
        foreach (var definition in definitions)
        {
            builder.Register(definition);
        }

        var error = Assert.Single(Assert.Throws<EligibilityConfigurationException>(builder.Build).Errors);
        Assert.StartsWith("v18.json: $.add_rules[0].rule: expected a rule ID, got 'EXCL-GTO1'", error, StringComparison.Ordinal);
    }
}
