using NRules.Fluent.Dsl;
using Smets1.Eligibility;
using Smets1.Eligibility.NRules;
using Smets1.Eligibility.Rules;

namespace Acme.Migration;

/// <summary>A supplier's gate, written with NRules' Fluent DSL and imported as a defined rule.</summary>
[Name("ACME-COMPLAINTS"), Description("more open complaints than the policy allows"), Tag("complaints")]
[TmadRule(RuleOutcome.Deferred, Source = "Acme policy 4.3", Clause = "4.3")]
public sealed class OpenComplaints : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        InstallationFacts facts = null!;
        When().Match(() => facts, f => Tmad.Fact<long>(f, "open_complaints") > Tmad.Parameter<long>("max_open_complaints"));
        Then().Do(_ => Console.WriteLine($"(an NRules action; the verdict comes from [TmadRule]) {facts.InstallationId}"));
    }
}

/// <summary>A supplier's own NRules rule: books the migration of each installation the TMAD checks found eligible.</summary>
public sealed class BookMigration : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        TmadResult result = null!;
        When().Match(() => result, r => r.Verdict == Verdict.Eligible);
        Then().Do(ctx => ctx.Insert(new MigrationBooking(result.Installation.InstallationId)));
    }
}

/// <summary>What <see cref="BookMigration"/> inserts.</summary>
/// <param name="InstallationId">The installation booked.</param>
public sealed record MigrationBooking(string InstallationId);
