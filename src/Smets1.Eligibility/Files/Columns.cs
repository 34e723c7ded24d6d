namespace Smets1.Eligibility.Files;

/// <summary>The column names of the interchange files (FILES-AND-CLI.md).</summary>
internal static class Columns
{
    public const string InstallationId = "installation_id";
    public const string AssessedAt = "assessed_at";
    public const string Cohort = "cohort";
    public const string MeterStatus = "meter_status";
    public const string DormancyCause = "dormancy_cause";
    public const string HasEsme = "has_esme";
    public const string HasGsme = "has_gsme";
    public const string DmcId = "dmc_id";
    public const string ChfLastContact = "chf_last_contact";
    public const string GsmeLastContact = "gsme_last_contact";
    public const string PlannedCosDate = "planned_cos_date";
    public const string PlannedCotDate = "planned_cot_date";
    public const string ProfileDataSwitch = "profile_data_switch";
    public const string Igt = "igt";
    public const string IgtCertificateValid = "igt_certificate_valid";
    public const string MasterKeysPresent = "master_keys_present";
    public const string WanBeforeMigration = "wan_before_migration";
    public const string WanAtMigration = "wan_at_migration";
    public const string FailedMigrationAttempts = "failed_migration_attempts";
    public const string Gt01HanError = "gt01_han_error";
    public const string SupplierStatementNotMigratable = "supplier_statement_not_migratable";
    public const string DirectedExclusion = "directed_exclusion";

    /// <summary>Every installation column in contract order.</summary>
    public static readonly string[] Installation =
    [
        InstallationId, AssessedAt, Cohort, MeterStatus, DormancyCause, HasEsme, HasGsme, DmcId, ChfLastContact, GsmeLastContact,
        PlannedCosDate, PlannedCotDate, ProfileDataSwitch, Igt, IgtCertificateValid, MasterKeysPresent, WanBeforeMigration,
        WanAtMigration, FailedMigrationAttempts, Gt01HanError, SupplierStatementNotMigratable, DirectedExclusion,
    ];

    /// <summary>The installation columns that must be present in the header.</summary>
    /// <summary>The recorded-decision columns (AUDIT.md §1): accepted by every command, never facts.</summary>
    public const string RecordedVerdict = "recorded_verdict";

    /// <summary>The TMAD version the supplier applied.</summary>
    public const string RecordedVersion = "recorded_version";

    /// <summary>The reasons the supplier recorded, rule IDs separated by <c>;</c>.</summary>
    public const string RecordedFailedRules = "recorded_failed_rules";

    public static readonly string[] Recorded = [RecordedVerdict, RecordedVersion, RecordedFailedRules];

    public static readonly string[] InstallationRequired = [InstallationId, Cohort, MeterStatus, HasEsme, HasGsme, DmcId];

    public const string AddedOn = "added_on";
    public const string UneconomicToTest = "uneconomic_to_test";

    /// <summary>Every EPCL column in contract order.</summary>
    public static readonly string[] Epcl = [DmcId, AddedOn, UneconomicToTest];

    /// <summary>The EPCL columns that must be present in the header.</summary>
    public static readonly string[] EpclRequired = [DmcId, AddedOn];

    /// <summary>The result file's header.</summary>
    public static readonly string[] Result = [InstallationId, "row", "tmad_version", "verdict", "failed_rules", "warnings", "message"];
}
