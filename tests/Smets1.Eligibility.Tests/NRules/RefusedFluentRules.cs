using NRules.Fluent.Dsl;
using Smets1.Eligibility.NRules;
using Smets1.Eligibility.Reference;

namespace Smets1.Eligibility.Tests.NRules;

// Fluent rules the import must refuse, each for one reason. They carry [TmadRule] but are abstract-free, so
// ImportFrom would see them: their IDs are TEST-*, and tests that import the assembly filter by ID.

[Name("TEST-REFUSED"), Description("joins the EPCL")]
[TmadRule(RuleOutcome.Deferred, Source = "test")]
public sealed class JoinRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        EpclEntry entry = null!;
        When().Match(() => facts, f => f.Igt).Match(() => entry, e => e.DmcId == facts.DmcId);
        Then().Do(_ => Audit.Note(facts));
    }
}

[Name("TEST-REFUSED"), Description("collects entries")]
[TmadRule(RuleOutcome.Deferred, Source = "test")]
public sealed class AggregateRule : Rule
{
    public override void Define()
    {
        IEnumerable<InstallationFacts> all = null!;
        When().Query(() => all, q => q.Match<InstallationFacts>(f => f.Igt).Collect());
        Then().Do(_ => Audit.Note(null!));
    }
}

[Name("TEST-REFUSED"), Description("exists an entry")]
[TmadRule(RuleOutcome.Deferred, Source = "test")]
public sealed class ExistsRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts, f => f.Igt).Exists<EpclEntry>(e => e.UneconomicToTest);
        Then().Do(_ => Audit.Note(facts));
    }
}

[Name("TEST-REFUSED"), Description("no entry")]
[TmadRule(RuleOutcome.Deferred, Source = "test")]
public sealed class NotRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts, f => f.Igt).Not<EpclEntry>(e => e.UneconomicToTest);
        Then().Do(_ => Audit.Note(facts));
    }
}

[Name("TEST-REFUSED"), Description("matches the EPCL")]
[TmadRule(RuleOutcome.Deferred, Source = "test")]
public sealed class OtherFactRule : Rule
{
    public override void Define()
    {
        EpclEntry entry = null!;
        When().Match(() => entry, e => e.UneconomicToTest);
        Then().Do(_ => Audit.Note(null!));
    }
}

[Name("TEST-REFUSED"), Description("inserts a fact")]
[TmadRule(RuleOutcome.Deferred, Source = "test")]
public sealed class InsertingRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts, f => f.Igt);
        Then().Do(ctx => ctx.Insert(new EpclEntry("DMC-X", new NodaTime.LocalDate(2021, 1, 1))));
    }
}

[Name("TEST-REFUSED"), Description("calls a string method")]
[TmadRule(RuleOutcome.Deferred, Source = "test")]
public sealed class UnsupportedCallRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts, f => f.InstallationId.Contains("X-", StringComparison.Ordinal));
        Then().Do(_ => Audit.Note(facts));
    }
}

[Name("TEST-REFUSED"), Description("no condition")]
[TmadRule(RuleOutcome.Deferred, Source = "test")]
public sealed class NoConditionRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts);
        Then().Do(_ => Audit.Note(facts));
    }
}

[Name("TEST-REFUSED"), Description("compares with arithmetic on a fact")]
[TmadRule(RuleOutcome.Deferred, Source = "test")]
public sealed class ComputedValueRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts, f => f.FailedMigrationAttempts > f.FailedMigrationAttempts + 1);
        Then().Do(_ => Audit.Note(facts));
    }
}

[Description("no name")]
[TmadRule(RuleOutcome.Deferred, Source = "test")]
public sealed class UnnamedRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts, f => f.Igt);
        Then().Do(_ => Audit.Note(facts));
    }
}

[Name("TEST-UNMARKED"), Description("no TmadRule")]
public sealed class UnmarkedRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts, f => f.Igt);
        Then().Do(_ => Audit.Note(facts));
    }
}

[Name("TEST-UNSOURCED"), Description("no source")]
[TmadRule(RuleOutcome.Deferred)]
public sealed class UnsourcedRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts, f => f.Igt);
        Then().Do(_ => Audit.Note(facts));
    }
}

[Name("TEST-TYPED"), Description("orders a boolean")]
[TmadRule(RuleOutcome.Deferred, Source = "test")]
public sealed class BooleanMoreThanRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts, f => Tmad.Fact<int>(f, "igt") > 1);
        Then().Do(_ => Audit.Note(facts));
    }
}
