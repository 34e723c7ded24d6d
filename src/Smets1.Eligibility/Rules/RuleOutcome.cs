namespace Smets1.Eligibility.Rules;

/// <summary>What a failed rule means for the verdict.</summary>
public enum RuleOutcome
{
    /// <summary>A failure is only a warning; it never changes the verdict.</summary>
    Warning = -1,

    /// <summary>The failure gives <see cref="Verdict.EligibleElectricityOnly"/>.</summary>
    EligibleElectricityOnly = Verdict.EligibleElectricityOnly,

    /// <summary>The failure gives <see cref="Verdict.Indeterminate"/>.</summary>
    Indeterminate = Verdict.Indeterminate,

    /// <summary>The failure gives <see cref="Verdict.Deferred"/>.</summary>
    Deferred = Verdict.Deferred,

    /// <summary>The failure gives <see cref="Verdict.Ineligible"/>.</summary>
    Ineligible = Verdict.Ineligible,

    /// <summary>The failure gives <see cref="Verdict.Excluded"/>.</summary>
    Excluded = Verdict.Excluded,
}
