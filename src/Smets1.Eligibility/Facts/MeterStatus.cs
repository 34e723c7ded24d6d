namespace Smets1.Eligibility;

/// <summary>Whether the meter has a supplier contract with its SMETS1 operator (SMSO).</summary>
public enum MeterStatus
{
    /// <summary>The supplier has a contract with the SMSO (<c>ACTIVE</c>).</summary>
    Active,

    /// <summary>No SMSO contract, after a change of supplier or a terminated contract (<c>DORMANT</c>).</summary>
    Dormant,
}
