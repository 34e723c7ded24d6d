using NodaTime;

namespace Smets1.Eligibility.Reference;

/// <summary>One Device Model Combination on the Eligible Product Combinations List (one row of the EPCL file).</summary>
/// <param name="DmcId">The Device Model Combination identifier.</param>
/// <param name="AddedOn">The UK calendar date the DMC was added to the EPCL.</param>
/// <param name="UneconomicToTest">Whether the DMC was judged uneconomic to test (Clause 18, P-V1).</param>
public sealed record EpclEntry(string DmcId, LocalDate AddedOn, bool UneconomicToTest = false);
