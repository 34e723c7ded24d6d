using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Smets1.Eligibility.Tests.Model;

/// <summary>
/// The open model expresses the TMAD's own checks: each built-in rule whose logic the model allows, re-expressed in a
/// version file (RULE-FILES.md) in place of the built-in one, gives the same verdicts, failed rules and warnings as the
/// built-in rule over generated installations, for every shipped version. The conditions below were written
/// independently of the catalogue's (from TMAD-RULES, when the built-in rules were hand-written predicates, which they
/// matched); eleven built-in rules are now compiled from their own model conditions (<c>RuleDefinition.When</c>), so
/// this checks those against an independent statement, and the defined rules' three-valued handling (unknown fails
/// <c>DATA-INCOMPLETE</c>) against the built-in one (unknown is left to the required facts).
/// </summary>
public sealed class BuiltInRulesAsDefinedRulesProperties
{
    private const string Prefix = "X-";


    private static readonly string Window = """{ "parameter": "comms_window_hours" }""";

    /// <summary>The built-in rules the model can state, with their conditions, by version (GT01 takes the gas meter out of COMMS-RECENT-GSME where the version holds EXCL-GT01).</summary>
    private static IEnumerable<(string Id, string Outcome, string When)> Expressible(TmadVersion version)
    {
        var gt01 = version.Holds(RuleIds.ExclGt01) ? """{ "fact": "gt01_han_error", "is": false }, """ : string.Empty;
        yield return (RuleIds.EpclListed, "Ineligible", """{ "all": [ { "fact": "dmc_id", "known": true }, { "any": [ { "fact": "epcl_listed", "is": false }, { "days_until": "epcl_added_on", "more_than": 0 } ] } ] }""");
        yield return (RuleIds.CosLookahead, "Deferred", """{ "any": [ { "all": [ { "fact": "planned_cos_date", "known": true }, { "days_until": "planned_cos_date", "between": [0, { "parameter": "cos_lookahead_days" }] } ] }, { "all": [ { "fact": "planned_cot_date", "known": true }, { "days_until": "planned_cot_date", "between": [0, { "parameter": "cos_lookahead_days" }] } ] } ] }""");
        yield return (RuleIds.DormantProfileSwitch, "Ineligible", """{ "all": [ { "fact": "cohort", "in": ["FOC_NP", "FOC_BG"] }, { "fact": "meter_status", "is": "DORMANT" }, { "any": [ { "fact": "profile_data_switch", "missing": true }, { "fact": "profile_data_switch", "is_not": "OFF" } ] } ] }""");
        yield return (RuleIds.CommsRecentChf, "Deferred", $$"""{ "any": [ { "fact": "chf_last_contact", "missing": true }, { "hours_since": "chf_last_contact", "more_than": {{Window}} }, { "hours_since": "chf_last_contact", "less_than": 0 } ] }""");
        yield return (RuleIds.CommsRecentGsme, "Deferred", $$"""{ "all": [ { "fact": "has_gsme", "is": true }, {{gt01}}{ "any": [ { "fact": "gsme_last_contact", "missing": true }, { "hours_since": "gsme_last_contact", "more_than": {{Window}} }, { "hours_since": "gsme_last_contact", "less_than": 0 } ] } ] }""");
        yield return (RuleIds.IgtCertificate, "Ineligible", """{ "all": [ { "fact": "igt", "is": true }, { "fact": "igt_certificate_valid", "is": false } ] }""");
        yield return (RuleIds.ExclDirected, "Excluded", """{ "fact": "directed_exclusion", "is": true }""");
        yield return (RuleIds.ExclMasterKeys, "Excluded", """{ "fact": "master_keys_present", "is": false }""");
        yield return (RuleIds.ExclNoWanPre, "Excluded", """{ "fact": "wan_before_migration", "is": false }""");
        yield return (RuleIds.ExclNoWanMigration, "Excluded", """{ "fact": "wan_at_migration", "is": false }""");
        yield return (RuleIds.ExclFailedAttempts, "Excluded", """{ "fact": "failed_migration_attempts", "at_least": { "parameter": "failed_attempt_threshold" } }""");
        yield return (RuleIds.ExclUneconomicDmc, "Excluded", """{ "all": [ { "fact": "epcl_listed", "is": true }, { "fact": "epcl_uneconomic_to_test", "is": true } ] }""");
        yield return (RuleIds.ExclActiveToDormant, "Excluded", """{ "all": [ { "fact": "meter_status", "is": "DORMANT" }, { "fact": "dormancy_cause", "known": true }, { "fact": "dormancy_cause", "is": "SMSO_CONTRACT_TERMINATED" }, { "fact": "supplier_statement_not_migratable", "is": true } ] }""");
    }

    private static readonly (EligibilityEvaluator Evaluator, string[] Shipped) Setup = Build();

    private static (EligibilityEvaluator, string[]) Build()
    {
        var builder = new TmadCatalogBuilder();
        var labels = new[] { "v9", "v11", "v17", "v29" };
        for (var i = 0; i < labels.Length; i++)
        {
            var version = TmadCatalog.Shipped.Get(labels[i]);
            var rules = Expressible(version).Where(r => version.Holds(r.Id)).ToArray();
            var json = $$"""
                {
                  "label": "{{labels[i]}}-redefined", "based_on": "{{labels[i]}}", "effective_from": "1990-01-0{{i + 1}}", "source": "test: built-in rules re-expressed",
                  "remove_rules": [ {{string.Join(", ", rules.Select(r => $$"""{ "rule": "{{r.Id}}", "source": "re-expressed" }"""))}} ],
                  "define_rules": [ {{string.Join(", ", rules.Select(r => $$"""{ "id": "{{labels[i].ToUpperInvariant()}}-{{Prefix}}{{r.Id}}", "description": "{{r.Id}} re-expressed", "outcome": "{{r.Outcome}}", "source": "test", "when": {{r.When}} }"""))}} ]
                }
                """;
            foreach (var definition in VersionFile.Parse(json, $"{labels[i]}-redefined.json"))
            {
                builder.Register(definition);
            }
        }

        return (new EligibilityEvaluator(builder.Build(), EligibilityGen.Epcl), labels);
    }

    [Property(Arbitrary = [typeof(CompleteOrBoundary)], MaxTest = 400)]
    public void EachExpressibleBuiltInRule_ReExpressedInAVersionFile_GivesIdenticalResults(InstallationFacts facts)
    {
        foreach (var label in new[] { "v9", "v11", "v17", "v29" })
        {
            var builtIn = Setup.Evaluator.Evaluate(facts, EvaluationOptions.Pinned(label));
            var defined = Setup.Evaluator.Evaluate(facts, EvaluationOptions.Pinned(label + "-redefined"));
            var prefix = label.ToUpperInvariant() + "-" + Prefix;
            string Original(string id) => id.StartsWith(prefix, StringComparison.Ordinal) ? id[prefix.Length..] : id;
            var same = builtIn.Verdict == defined.Verdict
                && builtIn.Failures.Select(f => f.RuleId).Order(StringComparer.Ordinal).SequenceEqual(defined.Failures.Select(f => Original(f.RuleId)).Order(StringComparer.Ordinal))
                && builtIn.Warnings.Select(f => f.RuleId).Order(StringComparer.Ordinal).SequenceEqual(defined.Warnings.Select(f => Original(f.RuleId)).Order(StringComparer.Ordinal));
            Assert.True(same, $"{label}: built-in {builtIn}; re-expressed {defined}");
        }
    }

    /// <summary>Complete installations, two in five at a rule's boundary.</summary>
    public static class CompleteOrBoundary
    {
        public static Arbitrary<InstallationFacts> Installations() =>
            Gen.Frequency((3, EligibilityGen.Installation), (2, EligibilityGen.BoundaryInstallation)).ToArbitrary();
    }

    [Fact]
    public void ReExpressedRules_NameTheSameFactsAndValuesInTheirMessages()
    {
        var facts = new InstallationBuilder().WithChfContactAge(Duration.FromHours(80)).WithIgt(certificateValid: false).Build();

        var defined = Setup.Evaluator.Evaluate(facts, EvaluationOptions.Pinned("v11-redefined"));

        Assert.Contains(defined.Failures, f => f.Message.Contains("chf_last_contact", StringComparison.Ordinal) && f.Message.Contains("comms_window_hours 24 hours", StringComparison.Ordinal));
        Assert.Contains(defined.Failures, f => f.Message == "igt is true and igt_certificate_valid is false");
    }
}
