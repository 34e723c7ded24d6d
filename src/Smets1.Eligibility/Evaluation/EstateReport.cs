using NodaTime;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility;

/// <summary>
/// The aggregates behind an estate report, gathered while streaming so memory does not grow with the estate: the
/// <see cref="EstateSummary"/> counts, verdicts by cohort and by month of assessment, the installations each failed
/// rule blocks alone, the versions that decided them, and the first invalid rows. The tool's <c>report</c> renders
/// it as a page; a supplier service can render its own view.
/// </summary>
/// <remarks>A mutable accumulator and not thread-safe: fill it from one thread.</remarks>
public sealed class EstateReport
{
    /// <summary>How many invalid rows are kept with their messages (<see cref="InvalidCount"/> counts them all).</summary>
    public const int InvalidRowsKept = 1000;

    private const int CohortSlots = (int)Cohort.FocBg + 2;
    private const int VerdictSlots = (int)Verdict.Excluded + 1;

    private readonly long[][] _byCohort = [.. Enumerable.Range(0, CohortSlots).Select(_ => new long[VerdictSlots])];
    private readonly SortedDictionary<(int Year, int Month), long[]> _byMonth = [];
    private readonly Dictionary<string, long> _alone = new(StringComparer.Ordinal);
    private readonly List<InvalidRow> _invalid = [];
    private readonly List<TmadVersion> _versions = [];

    /// <summary>The counts per verdict, failed rule, warning, version and cohort.</summary>
    public EstateSummary Summary { get; } = new();

    /// <summary>How many rows could not be read (the tool's <c>Invalid</c>).</summary>
    public long InvalidCount { get; private set; }

    /// <summary>The first <see cref="InvalidRowsKept"/> invalid rows, in order.</summary>
    public IReadOnlyList<InvalidRow> InvalidRows => _invalid;

    /// <summary>Every row: the evaluated ones and the invalid ones.</summary>
    public long Rows => Summary.Total + InvalidCount;

    /// <summary>The versions that decided at least one installation, by effective date.</summary>
    public IReadOnlyList<TmadVersion> Versions => [.. _versions.OrderBy(v => v.EffectiveFrom)];

    /// <summary>Per cohort in contract spelling (<see cref="EstateSummary.UnknownCohort"/> last), the count per verdict, indexed by <see cref="Verdict"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, long[]>> ByCohort
    {
        get
        {
            var rows = new List<KeyValuePair<string, long[]>>();
            for (var i = 0; i < CohortSlots; i++)
            {
                if (_byCohort[i].Sum() > 0)
                {
                    rows.Add(new(i == CohortSlots - 1 ? EstateSummary.UnknownCohort : ContractText.Format((Cohort)i), (long[])_byCohort[i].Clone()));
                }
            }

            return rows;
        }
    }

    /// <summary>Per month of assessment (Europe/London), in order, the count per verdict, indexed by <see cref="Verdict"/>.</summary>
    public IReadOnlyList<KeyValuePair<YearMonth, long[]>> ByMonth =>
        [.. _byMonth.Select(m => new KeyValuePair<YearMonth, long[]>(new YearMonth(m.Key.Year, m.Key.Month), (long[])m.Value.Clone()))];

    /// <summary>For each failed rule, how many installations it alone blocks (no other rule failed), most first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> BlockedAlone =>
        [.. _alone.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>Adds one evaluated installation.</summary>
    /// <param name="facts">The installation.</param>
    /// <param name="outcome">Its outcome.</param>
    /// <param name="assessedAt">The instant it was assessed at, when the caller supplied it rather than the installation; otherwise <see cref="InstallationFacts.AssessedAt"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    public void Add(InstallationFacts facts, in EligibilityOutcome outcome, Instant? assessedAt = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Summary.Add(facts, outcome);
        var verdict = (int)outcome.Verdict;
        _byCohort[facts.Cohort is { } cohort ? (int)cohort : CohortSlots - 1][verdict]++;
        if ((assessedAt ?? facts.AssessedAt) is { } at)
        {
            var date = at.InZone(Text.London).Date;
            if (!_byMonth.TryGetValue((date.Year, date.Month), out var counts))
            {
                counts = new long[VerdictSlots];
                _byMonth.Add((date.Year, date.Month), counts);
            }

            counts[verdict]++;
        }

        if (outcome.FailedRules.Count == 1)
        {
            foreach (var rule in outcome.FailedRules)
            {
                _alone[rule.Id] = _alone.GetValueOrDefault(rule.Id) + 1;
            }
        }

        if (outcome.Version is { } version && !_versions.Exists(v => ReferenceEquals(v, version)))
        {
            _versions.Add(version);
        }
    }

    /// <summary>Adds a row that could not be read.</summary>
    /// <param name="row">Its 1-based data row number.</param>
    /// <param name="installationId">Its ID as read (may be blank).</param>
    /// <param name="message">Which column held which bad value.</param>
    public void AddInvalid(int row, string installationId, string message)
    {
        InvalidCount++;
        if (_invalid.Count < InvalidRowsKept)
        {
            _invalid.Add(new InvalidRow(row, installationId ?? string.Empty, message ?? string.Empty));
        }
    }
}

/// <summary>A row that could not be read.</summary>
/// <param name="Row">Its 1-based data row number.</param>
/// <param name="InstallationId">Its ID as read.</param>
/// <param name="Message">Which column held which bad value.</param>
public sealed record InvalidRow(int Row, string InstallationId, string Message);
