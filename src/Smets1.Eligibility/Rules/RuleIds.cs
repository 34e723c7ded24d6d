namespace Smets1.Eligibility.Rules;

/// <summary>The stable rule identifiers of TMAD-RULES §5. They are a public contract: reports and files use them.</summary>
public static class RuleIds
{
    /// <summary>No shipped or registered version covers the assessment date.</summary>
    public const string VersionUnresolved = "VERSION-UNRESOLVED";

    /// <summary>A fact that an applicable check needs is missing.</summary>
    public const string DataIncomplete = "DATA-INCOMPLETE";

    /// <summary>The version was resolved from the inferred timeline (TMAD-RULES §3a), or derives from an era: a warning.</summary>
    public const string VersionInferred = "VERSION-INFERRED";

    /// <summary>The assessment date is after the version's expiry date.</summary>
    public const string TmadInForce = "TMAD-IN-FORCE";

    /// <summary>The cohort's migration service has closed.</summary>
    public const string CohortOpen = "COHORT-OPEN";

    /// <summary>The DMC is not on the EPCL, or was added after the assessment date.</summary>
    public const string EpclListed = "EPCL-LISTED";

    /// <summary>Assessed more than the EPCL migration window after the DMC's EPCL date (a warning).</summary>
    public const string EpclWindow = "EPCL-WINDOW";

    /// <summary>A change of supplier or tenancy is planned within the look-ahead.</summary>
    public const string CosLookahead = "COS-LOOKAHEAD";

    /// <summary>A Dormant FOC meter whose profile-data switch is not Off.</summary>
    public const string DormantProfileSwitch = "DORMANT-PROFILE-SWITCH";

    /// <summary>The Communications Hub has not communicated within the window.</summary>
    public const string CommsRecentChf = "COMMS-RECENT-CHF";

    /// <summary>The gas meter has not communicated within the window.</summary>
    public const string CommsRecentGsme = "COMMS-RECENT-GSME";

    /// <summary>iGT gas supply without a valid iGT certificate.</summary>
    public const string IgtCertificate = "IGT-CERTIFICATE";

    /// <summary>In a category the Secretary of State directed not to migrate (Clause 1.6/1.8).</summary>
    public const string ExclDirected = "EXCL-DIRECTED";

    /// <summary>Device master keys are missing (Clause 18).</summary>
    public const string ExclMasterKeys = "EXCL-MASTER-KEYS";

    /// <summary>No WAN communication before migration (Clause 18).</summary>
    public const string ExclNoWanPre = "EXCL-NO-WAN-PRE";

    /// <summary>No WAN communication when migration was attempted (Clause 18).</summary>
    public const string ExclNoWanMigration = "EXCL-NO-WAN-MIGRATION";

    /// <summary>Failed migration attempts at or above the threshold (Clause 18).</summary>
    public const string ExclFailedAttempts = "EXCL-FAILED-ATTEMPTS";

    /// <summary>The DMC was judged uneconomic to test (Clause 18).</summary>
    public const string ExclUneconomicDmc = "EXCL-UNECONOMIC-DMC";

    /// <summary>Dormant by SMSO contract termination and the supplier states it cannot migrate (Clause 18).</summary>
    public const string ExclActiveToDormant = "EXCL-ACTIVE-TO-DORMANT";

    /// <summary>Gas-side HAN error GT01: the GSME is excluded (Clause 18).</summary>
    public const string ExclGt01 = "EXCL-GT01";

    /// <summary>Proposed clause 4.32A (valid Supplier Certificate IDs); not adopted, so no version evaluates it.</summary>
    public const string SupplierCertIds = "SUPPLIER-CERT-IDS";
}
