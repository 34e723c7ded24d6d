namespace Smets1.Eligibility.Versions;

/// <summary>The stable keys of the versioned parameters (TMAD-RULES §6), used in reports, diffs and version files.</summary>
public static class ParameterKeys
{
    /// <summary>TMAD expiry date, inclusive (a UK calendar date).</summary>
    public const string TmadExpiry = "tmad_expiry";

    /// <summary>Change of supplier / change of tenancy look-ahead, in days.</summary>
    public const string CosLookaheadDays = "cos_lookahead_days";

    /// <summary>Communications window, in hours.</summary>
    public const string CommsWindowHours = "comms_window_hours";

    /// <summary>Failed migration attempts at which an installation is excluded.</summary>
    public const string FailedAttemptThreshold = "failed_attempt_threshold";

    /// <summary>EPCL migration window, in calendar months.</summary>
    public const string EpclWindowMonths = "epcl_window_months";
}
