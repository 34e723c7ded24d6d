using NodaTime;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Reference;

/// <summary>
/// The last UK calendar day each cohort's migration service accepted installations (TMAD-RULES §6).
/// Reference data, not versioned: the defaults come from S004 and a user may override them.
/// </summary>
/// <remarks>Immutable and thread-safe; <see cref="WithLastDay"/> returns a new instance.</remarks>
public sealed class CohortClosures
{
    private const string DefaultNote = "S004 §2.1 para 15 confirms the month; the last day of the month is inferred.";

    private readonly CohortClosure[] _closures;
    private readonly Instant[] _closesAt;

    private CohortClosures(CohortClosure[] closures)
    {
        _closures = closures;
        _closesAt = Array.ConvertAll(closures, c => Text.EndOfDay(c.LastDay));
    }

    /// <summary>The defaults of TMAD-RULES §6: MOC_MDS 2022-10-31, IOC 2023-05-31, FOC_NP and FOC_BG 2024-11-30, MOC_SECURE 2025-09-30.</summary>
    public static CohortClosures Default { get; } = new(
    [
        new(Cohort.Ioc, new LocalDate(2023, 5, 31), Sources.S004, Confidence.Inferred, DefaultNote),
        new(Cohort.MocMds, new LocalDate(2022, 10, 31), Sources.S004, Confidence.Inferred, DefaultNote),
        new(Cohort.MocSecure, new LocalDate(2025, 9, 30), Sources.S004, Confidence.Inferred, DefaultNote),
        new(Cohort.FocNp, new LocalDate(2024, 11, 30), Sources.S004, Confidence.Inferred, DefaultNote),
        new(Cohort.FocBg, new LocalDate(2024, 11, 30), Sources.S004, Confidence.Inferred, DefaultNote),
    ]);

    /// <summary>Every cohort's closure, in <see cref="Cohort"/> order.</summary>
    public IReadOnlyList<CohortClosure> All => _closures;

    /// <summary>The closure of one cohort.</summary>
    /// <param name="cohort">The cohort.</param>
    /// <returns>Its closure.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cohort"/> is not a defined value.</exception>
    public CohortClosure this[Cohort cohort]
    {
        get
        {
            if ((uint)cohort >= (uint)_closures.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(cohort), cohort, "Not a defined cohort.");
            }

            return _closures[(int)cohort];
        }
    }

    /// <summary>The Europe/London midnight after the cohort's last day: closed from this instant on.</summary>
    internal Instant ClosesAt(Cohort cohort) => _closesAt[(int)cohort];

    /// <summary>Returns a copy with one cohort's last day replaced.</summary>
    /// <param name="cohort">The cohort.</param>
    /// <param name="lastDay">The last UK calendar day its service accepts installations (inclusive).</param>
    /// <param name="source">Where the date comes from, for reports.</param>
    /// <param name="confidence">How far the date rests on that source.</param>
    /// <returns>The new closures.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cohort"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is blank.</exception>
    public CohortClosures WithLastDay(Cohort cohort, LocalDate lastDay, string source, Confidence confidence = Confidence.Confirmed)
    {
        _ = this[cohort];
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var copy = (CohortClosure[])_closures.Clone();
        copy[(int)cohort] = new CohortClosure(cohort, lastDay, source, confidence, null);
        return new CohortClosures(copy);
    }
}
