using NodaTime;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Testing;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Tests.Model;

/// <summary>Every operator on the types it accepts, and three-valued logic (RULE-FILES.md, "Conditions").</summary>
public sealed class ConditionTests
{
    private static readonly Instant At = Instant.FromUtc(2021, 11, 10, 10, 0);
    private static readonly Epcl Epcl = new([new EpclEntry("DMC-FOC-0001", new LocalDate(2021, 3, 15))]);

    private static readonly FactDefinition[] Facts =
    [
        new("n", FactType.Integer, "an integer"),
        new("d", FactType.Decimal, "a decimal"),
        new("t", FactType.Text, "text"),
        new("e", FactType.Enum, "an enum") { Values = ["FULL", "NONE"] },
        new("b", FactType.Boolean, "a boolean"),
        new("b2", FactType.Boolean, "another boolean"),
        new("day", FactType.Date, "a date"),
        new("when", FactType.Instant, "an instant"),
    ];

    /// <summary>The three-valued result of a condition: "T" (the rule fails), "U" (DATA-INCOMPLETE), "F".</summary>
    private static string Run(Condition condition, Action<CustomFactsBuilder> set, Instant? at = null, params ParameterDefinition[] parameters)
    {
        var definition = DefinedRulesTests.Version("cond");
        foreach (var fact in Facts)
        {
            definition.Facts.Add(fact);
        }

        foreach (var parameter in parameters)
        {
            definition.DefineParameters.Add(parameter);
        }

        definition.DefineRules.Add(RuleDefinition.Define("COND", "the condition holds", RuleOutcome.Deferred, condition, "test"));
        var catalog = new TmadCatalogBuilder().Register(definition).Build();
        var values = catalog.Facts.CreateValues();
        set(values);
        var facts = new InstallationBuilder().AssessedAt(at ?? At).WithDmc("DMC-FOC-0001").Build() with { Custom = values.Build() };
        var outcome = new EligibilityEvaluator(catalog, Epcl).EvaluateOutcome(facts, EvaluationOptions.Pinned("cond"));
        return outcome.FailedRules.Contains("COND") ? "T" : outcome.FailedRules.Contains(RuleIds.DataIncomplete) ? "U" : "F";
    }

    public static TheoryData<string, string, object, object, string> Comparisons => new()
    {
        // fact, operator, value of the fact, constant, expected
        { "n", "is", 3L, 3L, "T" },
        { "n", "is_not", 3L, 3L, "F" },
        { "n", "more_than", 3L, 2L, "T" },
        { "n", "more_than", 3L, 3L, "F" },           // the edge is not "more than"
        { "n", "at_least", 3L, 3L, "T" },
        { "n", "less_than", 3L, 3L, "F" },
        { "n", "at_most", 3L, 3L, "T" },
        { "n", "more_than", 3L, 2.5m, "T" },         // integers and decimals compare with each other
        { "d", "less_than", 2.5m, 3L, "T" },
        { "d", "is", 2.50m, 2.5m, "T" },
        { "t", "is", "abc", "abc", "T" },
        { "t", "is", "abc", "ABC", "F" },            // text compares exactly
        { "e", "is", "NONE", "none", "T" },          // enums case-insensitively
        { "e", "is_not", "FULL", "NONE", "T" },
        { "b", "is", true, true, "T" },
        { "b", "is", false, true, "F" },
        { "day", "more_than", "2021-11-02", "2021-11-01", "T" },
        { "day", "at_most", "2021-11-01", "2021-11-01", "T" },
        { "when", "less_than", "2021-11-01T00:00:00Z", "2021-11-01T00:00:01Z", "T" },
        { "when", "is", "2021-11-01T01:00:00+01:00", "2021-11-01T00:00:00Z", "T" }, // the same instant
    };

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Compare_FactWithConstant_FollowsTheOperator(string fact, string op, object value, object constant, string expected)
    {
        var definition = Array.Find(Facts, f => f.Name == fact)!;
        var parsed = value is string s && definition.Type is FactType.Date or FactType.Instant ? Parse(s, definition.Type) : value;
        var condition = Operand.Fact(fact).Compare(ComparisonOperators.All.Single(o => o.Key == op).Operator, ConditionValue.Of(constant));

        Assert.Equal(expected, Run(condition, v => v.Set(fact, parsed)));
    }

    [Fact]
    public void Compare_InAndBetween_IncludeTheirEnds()
    {
        Assert.Equal("T", Run(Operand.Fact("e").In("full", "NONE"), v => v.Set("e", "FULL")));
        Assert.Equal("F", Run(Operand.Fact("e").In("NONE"), v => v.Set("e", "FULL")));
        Assert.Equal("T", Run(Operand.Fact("n").Between(1, 3), v => v.Set("n", 3L)));
        Assert.Equal("T", Run(Operand.Fact("n").Between(1, 3), v => v.Set("n", 1L)));
        Assert.Equal("F", Run(Operand.Fact("n").Between(1, 3), v => v.Set("n", 4L)));
    }

    [Fact]
    public void Compare_WithParameterAndOtherFact_ReadsTheirValues()
    {
        var limit = new ParameterDefinition("limit", FactType.Decimal, 2.5m, "test");
        Assert.Equal("T", Run(Operand.Fact("n").MoreThan(ConditionValue.Parameter("limit")), v => v.Set("n", 3L), null, limit));
        Assert.Equal("F", Run(Operand.Fact("n").MoreThan(ConditionValue.Parameter("limit")), v => v.Set("n", 2L), null, limit));
        Assert.Equal("T", Run(Operand.Fact("d").AtLeast(ConditionValue.Fact("n")), v => v.Set("d", 2m).Set("n", 2L)));
        Assert.Equal("U", Run(Operand.Fact("d").AtLeast(ConditionValue.Fact("n")), v => v.Set("d", 2m)));
    }

    [Theory]
    [InlineData("T", "T", "T", "T", "F")]
    [InlineData("T", "F", "F", "T", "F")]
    [InlineData("T", "U", "U", "T", "F")]
    [InlineData("F", "F", "F", "F", "T")]
    [InlineData("F", "U", "F", "U", "T")]
    [InlineData("U", "U", "U", "U", "U")]
    [InlineData("U", "T", "U", "T", "U")]
    [InlineData("U", "F", "F", "U", "U")]
    [InlineData("F", "T", "F", "T", "T")]
    public void ThreeValuedLogic_FollowsTheTruthTables(string x, string y, string all, string any, string notX)
    {
        // b and b2 are booleans without defaults: "U" leaves them unknown.
        var a = Operand.Fact("b").Is(true);
        var b = Operand.Fact("b2").Is(true);
        void Set(CustomFactsBuilder v)
        {
            v.Set("b", x == "U" ? null : x == "T");
            v.Set("b2", y == "U" ? null : y == "T");
        }

        Assert.Equal(all, Run(Condition.All(a, b), Set));
        Assert.Equal(any, Run(Condition.Any(a, b), Set));
        Assert.Equal(notX, Run(Condition.Not(a), Set));
    }

    [Fact]
    public void MissingAndKnown_AreNeverUnknown()
    {
        Assert.Equal("T", Run(Condition.Missing("n"), _ => { }));
        Assert.Equal("F", Run(Condition.Known("n"), _ => { }));
        Assert.Equal("T", Run(Condition.Known("n"), v => v.Set("n", 0L)));
    }

    [Theory]
    [InlineData("2021-10-31T23:30:00Z", "2021-10-30", 1L)] // after the clock went back: UK date 31 Oct
    [InlineData("2021-06-30T23:30:00Z", "2021-06-30", 1L)] // 00:30 BST on 1 Jul: the UK date is 1 Jul
    [InlineData("2021-06-30T22:30:00Z", "2021-06-30", 0L)] // 23:30 BST on 30 Jun
    public void DaysSince_CountsUkCalendarDays(string assessed, string date, long days)
    {
        var at = Parse(assessed, FactType.Instant);
        var on = (LocalDate)Parse(date, FactType.Date);

        Assert.Equal("T", Run(Operand.DaysSince("day").Is(days), v => v.Set("day", on), (Instant)at));
        Assert.Equal("T", Run(Operand.DaysUntil("day").Is(-days), v => v.Set("day", on), (Instant)at));
    }

    [Fact]
    public void HoursSince_IsElapsedTimeAcrossTheClockChange()
    {
        // 72 h before 2021-11-02T12:00Z crosses the 31 Oct 2021 change; elapsed time is what counts.
        var at = Instant.FromUtc(2021, 11, 2, 12, 0);
        var contact = at - Duration.FromHours(72);
        Assert.Equal("F", Run(Operand.HoursSince("when").MoreThan(72), v => v.Set("when", contact), at));
        Assert.Equal("T", Run(Operand.HoursSince("when").MoreThan(71.5m), v => v.Set("when", contact), at));
        Assert.Equal("T", Run(Operand.HoursSince("when").AtLeast(72), v => v.Set("when", contact), at));
    }

    private static object Parse(string text, FactType type) =>
        type == FactType.Date
            ? NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value
            : NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(text).Value.ToInstant();
}
