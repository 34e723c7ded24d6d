using Smets1.Eligibility.Model;
using Smets1.Eligibility.Versions;
using static Smets1.Eligibility.Model.Operand;

namespace Smets1.Eligibility.Rules;

/// <summary>
/// The TMAD's own checks stated in the open model (RULE-FILES.md), over the built-in facts under their column names
/// and the built-in parameters: what a user could write in a version file, and what the catalogue compiles. The
/// property <c>BuiltInRulesAsDefinedRulesProperties</c> checks the same conditions written in a version file give the
/// built-in rules' results on generated installations.
/// </summary>
internal static class BuiltInConditions
{
    /// <summary><c>COS-LOOKAHEAD</c>: a change of supplier or of tenancy planned from today up to the look-ahead.</summary>
    public static Condition CosLookahead { get; } = Condition.Any(Planned("planned_cos_date"), Planned("planned_cot_date"));

    /// <summary><c>DORMANT-PROFILE-SWITCH</c>: a Dormant FOC meter whose profile-data switch is not Off (unknown is not Off).</summary>
    public static Condition DormantProfileSwitch { get; } = Condition.All(
        Fact("cohort").In("FOC_NP", "FOC_BG"),
        Fact("meter_status").Is("DORMANT"),
        Condition.Any(Condition.Missing("profile_data_switch"), Fact("profile_data_switch").IsNot("OFF")));

    /// <summary><c>COMMS-RECENT-CHF</c>: no contact recorded, or none within <c>[assessed_at − window, assessed_at]</c>.</summary>
    public static Condition CommsRecentChf { get; } = Condition.Any(
        Condition.Missing("chf_last_contact"),
        HoursSince("chf_last_contact").MoreThan(ConditionValue.Parameter(ParameterKeys.CommsWindowHours)),
        HoursSince("chf_last_contact").LessThan(0));

    /// <summary>
    /// <c>COMMS-RECENT-GSME</c>: the installation has a gas meter that has not communicated within the window. In a
    /// version that holds <c>EXCL-GT01</c>, a gas meter showing GT01 is excluded and so not checked:
    /// <see cref="InVersion"/> adds <c>gt01_han_error is false</c> there.
    /// </summary>
    public static Condition CommsRecentGsme { get; } = Condition.All(
        Fact("has_gsme").Is(true),
        Condition.Any(
            Condition.Missing("gsme_last_contact"),
            HoursSince("gsme_last_contact").MoreThan(ConditionValue.Parameter(ParameterKeys.CommsWindowHours)),
            HoursSince("gsme_last_contact").LessThan(0)));

    /// <summary><c>EXCL-GT01</c>: a gas meter showing HAN error GT01 (the outcome escalates to Excluded with no ESME).</summary>
    public static Condition ExclGt01 { get; } = Condition.All(Fact("has_gsme").Is(true), Fact("gt01_han_error").Is(true));

    /// <summary>
    /// The condition a built-in rule is compiled with in one version: its own, but for <c>COMMS-RECENT-GSME</c> in a
    /// version holding <c>EXCL-GT01</c>, where GT01 takes the gas meter out of the contact check.
    /// </summary>
    public static Condition InVersion(RuleDefinition rule, Condition when, RuleParameters parameters) =>
        rule.Id == RuleIds.CommsRecentGsme && parameters.Gt01ExcludesGsme ? Gt01Excluded : when;

    private static readonly Condition Gt01Excluded = Condition.All(CommsRecentGsme, Fact("gt01_han_error").Is(false));

    /// <summary><c>IGT-CERTIFICATE</c>: iGT gas supply without a valid certificate.</summary>
    public static Condition IgtCertificate { get; } = Condition.All(Fact("igt").Is(true), Fact("igt_certificate_valid").Is(false));

    /// <summary><c>EXCL-DIRECTED</c>.</summary>
    public static Condition ExclDirected { get; } = Fact("directed_exclusion").Is(true);

    /// <summary><c>EXCL-MASTER-KEYS</c>.</summary>
    public static Condition ExclMasterKeys { get; } = Fact("master_keys_present").Is(false);

    /// <summary><c>EXCL-NO-WAN-PRE</c>.</summary>
    public static Condition ExclNoWanPre { get; } = Fact("wan_before_migration").Is(false);

    /// <summary><c>EXCL-NO-WAN-MIGRATION</c>.</summary>
    public static Condition ExclNoWanMigration { get; } = Fact("wan_at_migration").Is(false);

    /// <summary><c>EXCL-FAILED-ATTEMPTS</c>: at or above the version's threshold.</summary>
    public static Condition ExclFailedAttempts { get; } = Fact("failed_migration_attempts").AtLeast(ConditionValue.Parameter(ParameterKeys.FailedAttemptThreshold));

    /// <summary><c>EXCL-UNECONOMIC-DMC</c>: the DMC is on the EPCL and was judged uneconomic to test.</summary>
    public static Condition ExclUneconomicDmc { get; } = Condition.All(Fact("epcl_listed").Is(true), Fact("epcl_uneconomic_to_test").Is(true));

    /// <summary><c>EXCL-ACTIVE-TO-DORMANT</c>: Dormant because the supplier ended its SMSO contract, and the supplier says it cannot migrate.</summary>
    public static Condition ExclActiveToDormant { get; } = Condition.All(
        Fact("meter_status").Is("DORMANT"),
        Fact("dormancy_cause").Is("SMSO_CONTRACT_TERMINATED"),
        Fact("supplier_statement_not_migratable").Is(true));

    private static AllCondition Planned(string fact) => Condition.All(
        Condition.Known(fact),
        DaysUntil(fact).Between(0, ConditionValue.Parameter(ParameterKeys.CosLookaheadDays)));
}
