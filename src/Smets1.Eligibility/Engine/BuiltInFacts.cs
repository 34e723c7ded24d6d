using System.Linq.Expressions;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Engine;

/// <summary>
/// The built-in facts as the rule model sees them (RULE-FILES.md: the columns of the installation file under
/// their names, and the EPCL facts of the installation's DMC), each with how compiled conditions read it:
/// whether it is known and its value in the canonical form of its type (enums as the index of their value).
/// </summary>
internal static class BuiltInFacts
{
    public const string EpclListed = "epcl_listed";
    public const string EpclAddedOn = "epcl_added_on";
    public const string EpclUneconomicToTest = "epcl_uneconomic_to_test";

    private static readonly Dictionary<string, Access> ByName;

    static BuiltInFacts()
    {
        var all = new List<(FactDefinition Fact, Access Access)>
        {
            Text("installation_id", "the supplier's key for the installation", c => c.Facts.InstallationId.Length > 0, c => c.Facts.InstallationId),
            Fact("assessed_at", FactType.Instant, "the planned migration instant", c => true, c => c.AssessedAt),
            Enum("cohort", "migration cohort", ["IOC", "MOC_MDS", "MOC_SECURE", "FOC_NP", "FOC_BG"], c => c.Facts.Cohort.HasValue, c => (long)c.Facts.Cohort.GetValueOrDefault()),
            Enum("meter_status", "Active or Dormant", ["ACTIVE", "DORMANT"], c => c.Facts.MeterStatus.HasValue, c => (long)c.Facts.MeterStatus.GetValueOrDefault()),
            Enum("dormancy_cause", "why a Dormant meter is dormant", ["CHANGE_OF_SUPPLIER", "SMSO_CONTRACT_TERMINATED"], c => c.Facts.DormancyCause.HasValue, c => (long)c.Facts.DormancyCause.GetValueOrDefault()),
            Fact("has_esme", FactType.Boolean, "installation has an electricity meter", c => c.Facts.HasEsme.HasValue, c => c.Facts.HasEsme.GetValueOrDefault()),
            Fact("has_gsme", FactType.Boolean, "installation has a gas meter", c => c.Facts.HasGsme.HasValue, c => c.Facts.HasGsme.GetValueOrDefault()),
            Text("dmc_id", "Device Model Combination", c => c.Facts.DmcId != null, c => c.Facts.DmcId!),
            Fact("chf_last_contact", FactType.Instant, "last Communications Hub contact", c => c.Facts.ChfLastContact.HasValue, c => c.Facts.ChfLastContact.GetValueOrDefault()),
            Fact("gsme_last_contact", FactType.Instant, "last gas meter contact", c => c.Facts.GsmeLastContact.HasValue, c => c.Facts.GsmeLastContact.GetValueOrDefault()),
            Fact("planned_cos_date", FactType.Date, "planned change of supplier", c => c.Facts.PlannedCosDate.HasValue, c => c.Facts.PlannedCosDate.GetValueOrDefault()),
            Fact("planned_cot_date", FactType.Date, "planned change of tenancy", c => c.Facts.PlannedCotDate.HasValue, c => c.Facts.PlannedCotDate.GetValueOrDefault()),
            Enum("profile_data_switch", "Communications Hub profile-data switch", ["OFF", "ON"], c => c.Facts.ProfileDataSwitch.HasValue, c => (long)c.Facts.ProfileDataSwitch.GetValueOrDefault()),
            Flag("igt", "gas supplied through an independent Gas Transporter", false, c => c.Facts.Igt),
            Flag("igt_certificate_valid", "a valid iGT certificate is held", false, c => c.Facts.IgtCertificateValid),
            Flag("master_keys_present", "device master keys are present", true, c => c.Facts.MasterKeysPresent),
            Flag("wan_before_migration", "WAN communication seen before migration", true, c => c.Facts.WanBeforeMigration),
            Flag("wan_at_migration", "WAN communication seen when migration was attempted", true, c => c.Facts.WanAtMigration),
            (new FactDefinition("failed_migration_attempts", FactType.Integer, "failed migration attempts so far") { Min = 0, Default = 0L, IsBuiltIn = true }, Of(c => true, c => (long)c.Facts.FailedMigrationAttempts)),
            Flag("gt01_han_error", "gas-side HAN error GT01", false, c => c.Facts.Gt01HanError),
            Flag("supplier_statement_not_migratable", "supplier has stated it believes the installation cannot migrate", false, c => c.Facts.SupplierStatementNotMigratable),
            Flag("directed_exclusion", "in a category directed not to migrate (Clause 1.6/1.8)", false, c => c.Facts.DirectedExclusion),
            Fact(EpclListed, FactType.Boolean, "the installation's DMC is on the EPCL", c => true, c => c.Epcl != null),
            Fact(EpclAddedOn, FactType.Date, "the date the DMC was added to the EPCL", c => c.Epcl != null, c => c.Epcl!.Entry.AddedOn),
            Fact(EpclUneconomicToTest, FactType.Boolean, "the DMC was judged uneconomic to test", c => c.Epcl != null, c => c.Epcl!.Entry.UneconomicToTest),
        };
        All = all.ConvertAll(x => x.Fact).AsReadOnly();
        ByName = all.ToDictionary(x => x.Fact.Name, x => x.Access, StringComparer.Ordinal);
    }

    /// <summary>Every built-in fact: the installation columns in contract order, then the EPCL facts.</summary>
    public static IReadOnlyList<FactDefinition> All { get; }

    public static bool IsBuiltIn(string name) => ByName.ContainsKey(name);

    public static Access Get(string name) => ByName[name];

    private static (FactDefinition, Access) Fact<T>(string name, FactType type, string description, Expression<Func<RuleContext, bool>> known, Expression<Func<RuleContext, T>> value) =>
        (new FactDefinition(name, type, description) { IsBuiltIn = true }, Of(known, value));

    private static (FactDefinition, Access) Text(string name, string description, Expression<Func<RuleContext, bool>> known, Expression<Func<RuleContext, string>> value) =>
        Fact(name, FactType.Text, description, known, value);

    private static (FactDefinition, Access) Enum(string name, string description, string[] values, Expression<Func<RuleContext, bool>> known, Expression<Func<RuleContext, long>> value) =>
        (new FactDefinition(name, FactType.Enum, description) { Values = values, IsBuiltIn = true }, Of(known, value));

    private static (FactDefinition, Access) Flag(string name, string description, bool @default, Expression<Func<RuleContext, bool>> value) =>
        (new FactDefinition(name, FactType.Boolean, description) { Default = @default, IsBuiltIn = true }, Of(c => true, value));

    private static Access Of<T>(Expression<Func<RuleContext, bool>> known, Expression<Func<RuleContext, T>> value) => new(known, value);

    /// <summary>How compiled code reads a built-in fact from the context: two lambdas over <see cref="RuleContext"/>.</summary>
    public sealed record Access(LambdaExpression Known, LambdaExpression Value);
}
