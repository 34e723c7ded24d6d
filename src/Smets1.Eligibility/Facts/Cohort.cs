namespace Smets1.Eligibility;

/// <summary>The DCC migration service that handles an installation (TMAD-RULES §1).</summary>
/// <remarks>The file contract spells these <c>IOC</c>, <c>MOC_MDS</c>, <c>MOC_SECURE</c>, <c>FOC_NP</c> and
/// <c>FOC_BG</c>; see <see cref="ContractText"/>.</remarks>
public enum Cohort
{
    /// <summary>Initial Operating Capability (<c>IOC</c>).</summary>
    Ioc,

    /// <summary>Middle Operating Capability, Morrisons Data Services (<c>MOC_MDS</c>).</summary>
    MocMds,

    /// <summary>Middle Operating Capability, Secure (<c>MOC_SECURE</c>).</summary>
    MocSecure,

    /// <summary>Final Operating Capability, npower (<c>FOC_NP</c>).</summary>
    FocNp,

    /// <summary>Final Operating Capability, British Gas (<c>FOC_BG</c>).</summary>
    FocBg,
}
