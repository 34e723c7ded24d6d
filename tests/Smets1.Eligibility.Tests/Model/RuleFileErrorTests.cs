using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Tests.Model;

/// <summary>Each class of error of RULE-FILES.md ("Errors in a version file"), reported with the file, JSON path and what was expected.</summary>
public sealed class RuleFileErrorTests
{
    private const string Head = """ "label": "acme", "based_on": "v17", "effective_from": "2021-11-05", "source": "s", """;
    private const string Facts = """ "facts": { "site_access": { "type": "enum", "values": ["FULL", "NONE"], "description": "access" }, "psr": { "type": "boolean", "description": "PSR" } }, """;

    public static TheoryData<string, string> Errors => new()
    {
        // An unknown parameter, as the contract's own example.
        { Facts + """ "parameters": { "max_open_complaints": { "type": "integer", "value": 1, "source": "p" } }, "define_rules": [ { "id": "A", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "psr", "is": true } }, { "id": "B", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "failed_migration_attempts", "more_than": { "parameter": "max_complaints" } } } ]""",
          "acme.json: $.define_rules[1].when.more_than: parameter 'max_complaints' is not defined; known parameters: tmad_expiry, cos_lookahead_days, comms_window_hours, epcl_window_months, max_open_complaints" },
        // An unknown fact.
        { """ "define_rules": [ { "id": "A", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "nope", "is": true } } ]""",
          "acme.json: $.define_rules[0].when.fact: fact 'nope' is not defined" },
        // An ordering operator on an enum.
        { Facts + """ "define_rules": [ { "id": "A", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "site_access", "more_than": "FULL" } } ]""",
          "acme.json: $.define_rules[0].when.more_than: an operator that fits an enum (is, is_not or in)" },
        // hours_since on a date.
        { """ "define_rules": [ { "id": "A", "description": "d", "outcome": "Deferred", "source": "s", "when": { "hours_since": "planned_cos_date", "more_than": 3 } } ]""",
          "acme.json: $.define_rules[0].when.hours_since: an instant fact for hours_since; 'planned_cos_date' is a date" },
        // A constant of the wrong type.
        { Facts + """ "define_rules": [ { "id": "A", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "site_access", "is": "HALF" } } ]""",
          "acme.json: $.define_rules[0].when.is: one of FULL, NONE (the type of fact 'site_access'), got \"HALF\"" },
        // A duplicate rule ID (a built-in one).
        { Facts + """ "define_rules": [ { "id": "EPCL-LISTED", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "psr", "is": true } } ]""",
          "acme.json: $.define_rules[0].id: expected a rule ID not used elsewhere in the catalogue: EPCL-LISTED is already a rule" },
        // An ill-formed rule ID.
        { Facts + """ "define_rules": [ { "id": "acme-x", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "psr", "is": true } } ]""",
          "acme.json: $.define_rules[0].id: expected a rule ID matching ^[A-Z][A-Z0-9-]*$, got \"acme-x\"" },
        // A fact that collides with a built-in column.
        { """ "facts": { "cohort": { "type": "text", "description": "x" } }""",
          "acme.json: $.facts.cohort: expected a new fact name: 'cohort' is a built-in column" },
        // An empty all.
        { """ "define_rules": [ { "id": "A", "description": "d", "outcome": "Deferred", "source": "s", "when": { "all": [] } } ]""",
          "acme.json: $.define_rules[0].when.all: expected at least one condition" },
        // An unknown key.
        { """ "define_rules": [ { "id": "A", "description": "d", "outcome": "Deferred", "source": "s", "severity": 1, "when": { "fact": "igt", "is": true } } ]""",
          "acme.json: $.define_rules[0].severity: unknown key" },
        // A default outside the values.
        { """ "facts": { "site_access": { "type": "enum", "values": ["FULL"], "default": "NONE", "description": "x" } }""",
          "acme.json: $.facts.site_access.default: expected one of FULL" },
        // A removed rule no base version has.
        { """ "remove_rules": [ { "rule": "EXCL-GT01", "source": "s" } ]""",
          "acme.json: $.remove_rules[0].rule: expected a rule of v17, got EXCL-GT01, which v17 does not hold." },
        // An expiry before the effective date.
        { """ "expiry": { "value": "2021-11-01", "source": "s" }""",
          "acme.json: $.expiry: Expiry 2021-11-01 is before EffectiveFrom 2021-11-05" },
        // A fact of another enum: both sides of a comparison have one type; the error names the rule and the path.
        { Facts + """ "define_rules": [ { "id": "A", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "site_access", "is": { "fact": "cohort" } } } ]""",
          "acme.json: $.define_rules[0].when.is: a fact of the operand's type (enum); fact 'cohort' is an enum with other values (IOC, MOC_MDS, MOC_SECURE, FOC_NP, FOC_BG, not FULL, NONE) (rule A)" },
        // Another enum's fact inside an "in" list.
        { Facts + """ "define_rules": [ { "id": "A", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "meter_status", "in": [ "ACTIVE", { "fact": "site_access" } ] } } ]""",
          "acme.json: $.define_rules[0].when.in[1]: a fact of the operand's type (enum); fact 'site_access' is an enum with other values" },
        // A catalogue rule added to a version that lacks the parameter it needs names that parameter.
        { """ "add_rules": [ { "rule": "EXCL-FAILED-ATTEMPTS", "source": "s" } ]""",
          "acme.json: $.add_rules[0]: it holds EXCL-FAILED-ATTEMPTS, which needs the parameter 'failed_attempt_threshold'" },
        // An outcome a defined rule may not have.
        { """ "define_rules": [ { "id": "A", "description": "d", "outcome": "Eligible", "source": "s", "when": { "fact": "igt", "is": true } } ]""",
          "acme.json: $.define_rules[0].outcome: expected Excluded, Ineligible, Deferred or Warning" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Load_InvalidDefinition_NamesFilePathAndExpectation(string body, string expected)
    {
        var errors = ErrorsOf("{" + Head + body.TrimEnd().TrimEnd(',') + "}");

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SecondVersionWithATakenLabelAnUnknownBaseAndATakenDate_NamesEachPath()
    {
        var errors = ErrorsOf("""{ "versions": [ {""" + Head.TrimEnd().TrimEnd(',') + """}, { "label": "acme", "based_on": "v16", "effective_from": "2021-11-05", "source": "s" } ] }""");

        Assert.Contains(errors, e => e.StartsWith("acme.json: $.versions[1].label: the label is already used", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("acme.json: $.versions[1].based_on: BasedOn 'v16' does not exist", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("acme.json: $.versions[1].effective_from: EffectiveFrom 2021-11-05 collides with acme", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_RegisteredVersionOnAnEraStart_IsAcceptedAndTakesTheEraOutOfResolution()
    {
        // 2022-01-01 is when inferred-2022-01 starts: a registered version may share an era's date (RULE-FILES.md).
        var builder = new TmadCatalogBuilder();
        foreach (var definition in VersionFile.Parse("""{ "label": "acme-2022", "based_on": "v17", "effective_from": "2022-01-01", "source": "s", "expiry": { "value": "2022-03-31", "source": "s" } }""", "acme.json"))
        {
            builder.Register(definition);
        }

        var catalog = builder.Build();

        Assert.Equal("acme-2022", catalog.Resolve(new NodaTime.LocalDate(2022, 1, 1), includeInferredTimeline: true).Version?.Label);
        // After acme-2022 expires, the era it shares a date with no longer resolves dates: the gap stays a gap.
        Assert.Null(catalog.Resolve(new NodaTime.LocalDate(2022, 4, 1), includeInferredTimeline: true).Version);
        Assert.Equal("inferred-2022-05", catalog.Resolve(new NodaTime.LocalDate(2022, 6, 1), includeInferredTimeline: true).Version?.Label);
        Assert.True(catalog.TryGet("inferred-2022-01", out _)); // still pinnable
    }

    [Fact]
    public void Load_VersionFileWithInvalidUtf8AtTheEndOfAString_IsALoadErrorNamingLineAndByte()
    {
        // The bad byte is the last of the string value, right before its closing quote (it used to be replaced silently).
        var path = Path.Combine(Path.GetTempPath(), $"acme-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, [.. "{\n\"label\": \"x1"u8, 0xC3, .. "\", \"based_on\": \"v17\", \"effective_from\": \"2021-12-01\", \"source\": \"s\" }"u8]);
        try
        {
            var e = Assert.Throws<EligibilityConfigurationException>(() => VersionFile.Load(path));

            Assert.Contains("line 2, byte 13: the file holds bytes that are not valid UTF-8 (0xC3)", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_SeveralProblems_ReportsEveryOne()
    {
        var errors = ErrorsOf("{" + Head + """ "define_rules": [ { "id": "a", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "nope", "is": 1 } }, { "id": "B", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "igt", "more_than": 1 } } ] }""");

        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Load_ValuesOfTheWrongShapeAtEveryLevel_AreEachReportedAndReadingGoesOn()
    {
        // Each value below has the wrong JSON shape for its key; none stops the reading of the others.
        var json = """
            { "versions": [ 1, { "label": 5, "based_on": "v17", "effective_from": "2021-11-05", "source": "s",
              "parameters": { "cos_lookahead_days": 3, "p": { "value": null, "source": 4 } },
              "facts": { "x": 3, "y": { "type": "integer", "description": "d", "min": "0", "max_length": 1.5 } },
              "define_rules": [ { "id": "A", "description": "d", "outcome": "Deferred", "source": "s",
                "when": { "all": [ { "fact": 5, "is": 1 }, { "not": [] }, { "any": {} }, { "fact": "igt", "known": "yes" } ] } } ] } ] }
            """;

        var errors = Assert.Throws<EligibilityConfigurationException>(() => VersionFile.Parse(json, "acme.json")).Errors;

        Assert.Equal(
            [
                "acme.json: $.versions[0]: expected a version definition, got 1",
                "acme.json: $.versions[1].label: expected a non-empty string, got 5",
                "acme.json: $.versions[1].parameters.cos_lookahead_days: expected { \"value\": …, \"source\": … }, got 3",
                "acme.json: $.versions[1].parameters.p.source: expected a non-empty string, got 4",
                "acme.json: $.versions[1].parameters.p.value: expected a string, number or boolean, got null",
                "acme.json: $.versions[1].facts.x: expected { \"type\": …, \"description\": … }, got 3",
                "acme.json: $.versions[1].facts.y.min: expected a number, got \"0\"",
                "acme.json: $.versions[1].facts.y.max_length: expected a whole number of 1 or more, got 1.5",
                "acme.json: $.versions[1].define_rules[0].when.all[0].fact: expected a fact name, got 5",
                "acme.json: $.versions[1].define_rules[0].when.all[1].not: expected a condition object, got an array",
                "acme.json: $.versions[1].define_rules[0].when.all[2].any: expected an array of conditions, got an object",
                "acme.json: $.versions[1].define_rules[0].when.all[3].known: expected true or false, got \"yes\"",
            ],
            errors);
    }

    [Theory]
    [InlineData("null", "acme.json: $: expected a version object, or { \"versions\": [ … ] }, got null")]
    [InlineData("[]", "acme.json: $: expected a version object, or { \"versions\": [ … ] }, got an array")]
    [InlineData("""{ "versions": {} }""", "acme.json: $.versions: expected an array of version definitions, got an object")]
    [InlineData("""{ "versions": [], "label": "x" }""", "acme.json: $.label: unknown key; the keys are versions")]
    public void Load_ARootOfTheWrongShape_SaysWhatAFileHolds(string json, string expected)
    {
        var error = Assert.Single(Assert.Throws<EligibilityConfigurationException>(() => VersionFile.Parse(json, "acme.json")).Errors);

        Assert.Equal(expected, error);
    }

    [Fact]
    public void Load_AKeyWrittenTwiceInOneObject_IsReportedWithItsPath()
    {
        // System.Text.Json would keep the last silently; like an unknown key, a repeated one is never ignored.
        var json = "{" + Head + """ "source": "again", "define_rules": [ { "id": "A", "description": "d", "outcome": "Deferred", "source": "s", "when": { "fact": "igt", "is": true, "is": false } } ], "parameters": { "comms_window_hours": { "value": 72, "source": "s", "value": 48 } } }""";

        var errors = Assert.Throws<EligibilityConfigurationException>(() => VersionFile.Parse(json, "acme.json")).Errors;

        Assert.Equal(
            [
                "acme.json: $.source: the key appears twice in one object; give it once",
                "acme.json: $.define_rules[0].when.is: the key appears twice in one object; give it once",
                "acme.json: $.parameters.comms_window_hours.value: the key appears twice in one object; give it once",
            ],
            errors);
    }

    [Fact]
    public void Load_ConditionsNestedDeeperThanJsonAllows_IsInvalidJsonNotACrash()
    {
        var json = "{" + Head + """ "define_rules": [ { "id": "A", "description": "d", "outcome": "Deferred", "source": "s", "when": """
            + string.Concat(Enumerable.Repeat("""{ "not": """, 70)) + """{ "fact": "igt", "is": true }""" + new string('}', 70) + " } ] }";

        var error = Assert.Single(Assert.Throws<EligibilityConfigurationException>(() => VersionFile.Parse(json, "acme.json")).Errors);

        Assert.StartsWith("acme.json: not valid JSON (line 1,", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameFactInTwoFilesWithDifferentTypes_IsAnError()
    {
        var builder = new TmadCatalogBuilder();
        foreach (var d in VersionFile.Parse("{" + Head + """ "facts": { "psr": { "type": "boolean", "description": "x" } } }""", "a.json"))
        {
            builder.Register(d);
        }

        foreach (var d in VersionFile.Parse("""{ "label": "other", "based_on": "v17", "effective_from": "2021-11-06", "source": "s", "facts": { "psr": { "type": "text", "description": "x" } } }""", "b.json"))
        {
            builder.Register(d);
        }

        var error = Assert.Single(Assert.Throws<EligibilityConfigurationException>(builder.Build).Errors);
        Assert.StartsWith("b.json: $.facts.psr: expected the same definition", error, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> ErrorsOf(string json)
    {
        try
        {
            var builder = new TmadCatalogBuilder();
            foreach (var definition in VersionFile.Parse(json, "acme.json"))
            {
                builder.Register(definition);
            }

            builder.Build();
            return [];
        }
        catch (EligibilityConfigurationException e)
        {
            return e.Errors;
        }
    }
}
