using NodaTime;
using NRules.Fluent.Dsl;
using Smets1.Eligibility.NRules;

namespace Smets1.Eligibility.Tests.NRules;

// The supplier policy of samples/acme/acme-2021.json, written as NRules Fluent rules: imported, they must behave
// exactly like the rules of the version file.

[Name("ACME-PSR-WELFARE"), Description("a customer on the Priority Services Register has had no welfare call within the last welfare_call_days days"), Tag("psr"), Tag("welfare")]
[TmadRule(RuleOutcome.Deferred, Source = "Acme Energy migration policy, issue 3", Clause = "Acme policy 4.2", Confidence = Confidence.Confirmed)]
public sealed class PsrWelfareCallRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts, f => Tmad.Fact<bool>(f, "psr") && (Tmad.Fact<LocalDate?>(f, "welfare_call_on") == null || Tmad.DaysSince(Tmad.Fact<LocalDate?>(f, "welfare_call_on")) > Tmad.Parameter<long>("welfare_call_days")));
        Then().Do(_ => Audit.Note(facts));
    }
}

[Name("ACME-COMPLAINTS"), Description("more open complaints than the policy allows")]
[TmadRule(RuleOutcome.Deferred, Source = "Acme policy 4.3")]
public sealed class OpenComplaintsRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts, f => Tmad.Fact<long>(f, "open_complaints") > Tmad.Parameter<long>("max_open_complaints"));
        Then().Do(_ => Audit.Note(facts));
    }
}

[Name("ACME-NO-ACCESS"), Description("no access to the meter position")]
[TmadRule(RuleOutcome.Ineligible, Source = "Acme policy 5.1")]
public sealed class NoAccessRule : Rule
{
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts, f => Tmad.Fact<string>(f, "site_access") == "NONE");
        Then().Do(_ => Audit.Note(facts));
    }
}

/// <summary>What the rules' actions do in a session of their own: nothing the verdict depends on.</summary>
public static class Audit
{
    private static int _notes;

    public static int Notes => _notes;

    public static void Note(InstallationFacts facts) => Interlocked.Increment(ref _notes);
}
