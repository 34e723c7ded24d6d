namespace Smets1.Eligibility;

/// <summary>Why a Dormant meter is dormant (S001, P-A2D).</summary>
public enum DormancyCause
{
    /// <summary>A change of supplier left the meter without an SMSO contract (<c>CHANGE_OF_SUPPLIER</c>).</summary>
    ChangeOfSupplier,

    /// <summary>The supplier ended its SMSO contract (<c>SMSO_CONTRACT_TERMINATED</c>).</summary>
    SmsoContractTerminated,
}
