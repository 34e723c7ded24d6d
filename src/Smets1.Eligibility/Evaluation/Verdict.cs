namespace Smets1.Eligibility;

/// <summary>
/// The result of an eligibility evaluation (TMAD-RULES §4). Numeric values rise with severity,
/// so the verdict of an evaluation is the maximum over its failed rules.
/// </summary>
public enum Verdict
{
    /// <summary>Nothing failed.</summary>
    Eligible = 0,

    /// <summary>Only the gas meter is excluded (GT01); the ESME may migrate.</summary>
    EligibleElectricityOnly = 1,

    /// <summary>Required facts are missing, or no version covers the assessment date.</summary>
    Indeterminate = 2,

    /// <summary>Not now; re-assess later (imminent change of supplier, stale communications).</summary>
    Deferred = 3,

    /// <summary>A precondition fails; the installation cannot migrate under this version now.</summary>
    Ineligible = 4,

    /// <summary>A Clause 18 category applies; migration is no longer pursued.</summary>
    Excluded = 5,
}
