using NodaTime;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Reference;

/// <summary>When one cohort's migration service stopped accepting installations.</summary>
/// <param name="Cohort">The cohort.</param>
/// <param name="LastDay">The last UK calendar day the service accepted installations (inclusive).</param>
/// <param name="Source">The source key or note the date comes from.</param>
/// <param name="Confidence">How far the date rests on that source.</param>
/// <param name="Note">Why the confidence is what it is, when there is more to say.</param>
public sealed record CohortClosure(Cohort Cohort, LocalDate LastDay, string Source, Confidence Confidence, string? Note);
