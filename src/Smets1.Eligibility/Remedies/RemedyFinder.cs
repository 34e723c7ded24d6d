using NodaTime;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Remedies;

/// <summary>
/// Computes remedies and the earliest eligible instant (AUDIT.md §2) from the rules' conditions, built-in and defined
/// alike: the values at which a rule can change its answer are the boundaries its condition and parameters draw
/// (window edges from the assessment, look-ahead days, thresholds, enum values, version dates, EPCL dates, cohort
/// closures, planned dates and contacts), and each candidate is checked by evaluating the version itself, so a remedy
/// is exact: applying it makes its rule pass, and the boundary is the nearest value that does.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class RemedyFinder
{
    /// <summary>After the end of 2025-12-31 (Europe/London) every version has expired: no instant from then on is eligible.</summary>
    private static readonly Instant Horizon = Text.EndOfDay(new LocalDate(2025, 12, 31));
    private static readonly Duration Second = Duration.FromSeconds(1);

    private readonly EligibilityEvaluator _evaluator;
    private readonly long[] _numbers;
    private readonly LocalDate[] _dates;
    private readonly Instant[] _instants;

    /// <summary>Creates a finder over an evaluator: its catalogue, EPCL, cohort closures and timeline.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> is <see langword="null"/>.</exception>
    public RemedyFinder(EligibilityEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        _evaluator = evaluator;
        var catalog = evaluator.Catalog;

        // Every threshold a condition or parameter of any version can compare with: the boundaries of the rules.
        var numbers = new SortedSet<long> { 0 };
        var dates = new SortedSet<LocalDate>();
        var instants = new SortedSet<Instant>();
        foreach (var version in catalog.Versions)
        {
            foreach (var parameter in version.Parameters.All)
            {
                Add(parameter.Value);
            }

            dates.Add(version.EffectiveFrom);
            dates.Add(version.Expiry.PlusDays(1));
        }

        foreach (var rule in catalog.Rules)
        {
            if (rule.When is { } when)
            {
                foreach (var constant in ConditionWalk.Constants(when))
                {
                    Add(constant);
                }
            }
        }

        foreach (var closure in evaluator.CohortClosures.All)
        {
            dates.Add(closure.LastDay.PlusDays(1));
        }

        _numbers = [.. numbers];
        _dates = [.. dates];
        _instants = [.. instants];

        void Add(object value)
        {
            switch (value)
            {
                case long l:
                    numbers.Add(l);
                    break;
                case int i:
                    numbers.Add(i);
                    break;
                case decimal d:
                    numbers.Add((long)Math.Floor(d));
                    numbers.Add((long)Math.Ceiling(d));
                    break;
                case LocalDate date:
                    dates.Add(date);
                    dates.Add(date.PlusDays(1));
                    break;
                case Instant instant:
                    instants.Add(instant);
                    break;
            }
        }
    }

    /// <summary>Evaluates an installation and computes its remedies and earliest eligible instant.</summary>
    /// <param name="facts">The installation.</param>
    /// <param name="options">The options, as for <see cref="EligibilityEvaluator.Evaluate"/>: with a pinned version the version stays pinned as the instant moves.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The pinned version does not exist.</exception>
    public RemedyReport Find(InstallationFacts facts, EvaluationOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Find(facts, _evaluator.Evaluate(facts, options), options);
    }

    /// <summary>Computes the remedies of a result already evaluated (with the same facts and options), and the earliest eligible instant.</summary>
    /// <param name="facts">The installation.</param>
    /// <param name="result">Its result under <paramref name="options"/>.</param>
    /// <param name="options">The options it was evaluated with.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> or <paramref name="result"/> is <see langword="null"/>.</exception>
    public RemedyReport Find(InstallationFacts facts, EligibilityResult result, EvaluationOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(result);
        var at = options.AssessedAt ?? facts.AssessedAt ?? options.DefaultAssessedAt;
        var remedies = new List<Remedy>(result.Failures.Count);
        foreach (var failure in result.Failures)
        {
            if (failure.RuleId == RuleIds.VersionUnresolved)
            {
                continue;
            }

            remedies.Add(at is { } instant && result.Version is { } version
                ? RemedyOf(failure.Rule, facts, version, instant, options)
                : Supply(failure.RuleId, facts, result.Version, at));
        }

        var (earliest, earliestOutcome) = at is { } start ? Earliest(facts, start, options) : (null, default);
        return new RemedyReport(remedies, earliest, earliestOutcome.VersionLabel, earliest is null ? null : earliestOutcome.Verdict);
    }

    private Remedy RemedyOf(RuleDefinition rule, InstallationFacts facts, TmadVersion version, Instant at, EvaluationOptions options)
    {
        if (rule.Id == RuleIds.DataIncomplete)
        {
            return Supply(rule.Id, facts, version, at);
        }

        var pinned = options with { PinnedVersion = version.Label, AssessedAt = at };
        var before = _evaluator.EvaluateOutcome(facts, pinned);
        bool Passes(InstallationFacts f, Instant t)
        {
            var outcome = _evaluator.EvaluateOutcome(f, pinned with { AssessedAt = t });
            return !outcome.FailedRules.Contains(rule.Id)
                && (before.FailedRules.Contains(RuleIds.DataIncomplete) || !outcome.FailedRules.Contains(RuleIds.DataIncomplete));
        }

        // Wait: the first instant after the assessment at which the rule passes, facts unchanged.
        foreach (var t in Breakpoints(facts, at))
        {
            if (t > at && Passes(facts, t))
            {
                var date = t.InZone(Text.London);
                var when = date.TimeOfDay == LocalTime.Midnight
                    ? $"re-assess on or after {Text.Date(date.Date)} (Europe/London)"
                    : $"re-assess at or after {Text.InMessage(t)}";
                return new Remedy(rule.Id, RemedyKind.Wait, [], t, "wait: " + when);
            }
        }

        // Fact: for each fact the rule reads, the nearest value that passes.
        var changes = new List<FactChange>();
        foreach (var name in FactAccess.ReadBy(rule))
        {
            if (!FactAccess.IsSettable(name) || FactAccess.Definition(name, _evaluator.Catalog) is not { } definition)
            {
                continue;
            }

            if (Nearest(definition, facts, at, f => Passes(f, at)) is { } change)
            {
                changes.Add(change);
            }
        }

        if (changes.Count > 0)
        {
            return new Remedy(rule.Id, RemedyKind.Fact, changes, null, "fact: " + string.Join("; or ", changes));
        }

        // A rule that reads the version's expiry cannot pass after it; any other is named for what was tried.
        var why = at >= Text.EndOfDay(version.Expiry) && rule.Parameters.Contains(ParameterKeys.TmadExpiry)
            ? $"{version.Label} expired {Text.Date(version.Expiry)}"
            : $"no change of this installation's facts and no later assessment passes it under {version.Label}";
        return new Remedy(rule.Id, RemedyKind.None, [], null, $"none ({why})");
    }

    /// <summary><c>DATA-INCOMPLETE</c> (or any rule with no assessment instant): supply the missing facts the version's checks need.</summary>
    private Remedy Supply(string ruleId, InstallationFacts facts, TmadVersion? version, Instant? at)
    {
        var missing = new List<FactChange>();
        if (at is null)
        {
            missing.Add(new FactChange("assessed_at", "supply", null));
        }

        var names = new List<string>();
        foreach (var rule in version?.Rules ?? [])
        {
            names.AddRange(FactAccess.ReadBy(rule).Where(n => rule.When is null || n is "cohort" or "meter_status" or "has_esme" or "has_gsme"));
            if (rule.When is { } when)
            {
                // A defined rule is undecided when a fact its condition compares is missing.
                names.AddRange(ConditionWalk.Facts(when).Where(n => n.Length > 0 && FactAccess.Definition(n, _evaluator.Catalog) is { IsBuiltIn: false }));
            }
        }

        names.Add("dmc_id"); // EPCL-LISTED and EPCL-WINDOW need it in every version

        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (FactAccess.Get(facts, name) is null && missing.TrueForAll(m => m.Fact != name))
            {
                missing.Add(new FactChange(name, "supply", null));
            }
        }

        return missing.Count == 0
            ? new Remedy(ruleId, RemedyKind.None, [], null, "none (no missing fact found)")
            : new Remedy(ruleId, RemedyKind.Fact, missing, null, "fact: " + string.Join(" and ", missing));
    }

    private FactChange? Nearest(FactDefinition definition, InstallationFacts facts, Instant at, Func<InstallationFacts, bool> passes)
    {
        var name = definition.Name;
        var current = FactAccess.Get(facts, name);
        var assessedOn = at.InZone(Text.London).Date;
        var candidates = Candidates(definition, current, at, assessedOn);
        bool Try(object value)
        {
            try
            {
                return passes(FactAccess.With(facts, name, value, _evaluator.Catalog));
            }
            catch (Exception e) when (e is ArgumentException or OverflowException or InvalidCastException)
            {
                return false; // outside the fact's type, bounds or values
            }
        }

        object? best = null;
        var bestDistance = decimal.MaxValue;
        foreach (var candidate in candidates)
        {
            if (Equals(candidate, current))
            {
                continue;
            }

            var distance = Distance(candidate, current, at, assessedOn);
            if (distance < bestDistance && Try(candidate))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        if (best is null)
        {
            return null;
        }

        if (definition.Type is FactType.Boolean or FactType.Enum or FactType.Text)
        {
            return new FactChange(name, "is", best);
        }

        var up = Step(best, +1);
        var down = Step(best, -1);
        var relation = up is not null && Try(up) && (down is null || !Try(down)) ? "at or after"
            : down is not null && Try(down) && (up is null || !Try(up)) ? "at or before"
            : "is";
        return new FactChange(name, relation, best);
    }

    private List<object> Candidates(FactDefinition definition, object? current, Instant at, LocalDate assessedOn)
    {
        var list = new List<object>();
        switch (definition.Type)
        {
            case FactType.Boolean:
                list.Add(true);
                list.Add(false);
                break;
            case FactType.Enum:
                list.AddRange(definition.Values);
                break;
            case FactType.Integer:
                foreach (var n in _numbers)
                {
                    list.Add(n - 1);
                    list.Add(n);
                    list.Add(n + 1);
                }

                if (current is long c)
                {
                    list.Add(c - 1);
                    list.Add(c + 1);
                }

                break;
            case FactType.Decimal:
                foreach (var n in _numbers)
                {
                    list.Add((decimal)n);
                }

                break;
            case FactType.Instant:
                list.Add(at);
                list.Add(at - Second);
                foreach (var n in _numbers.Where(n => n is > 0 and < 24 * 366))
                {
                    var edge = at - Duration.FromHours(n);
                    list.Add(edge);
                    list.Add(edge - Second);
                    list.Add(edge + Second);
                }

                foreach (var instant in _instants)
                {
                    list.Add(instant);
                    list.Add(instant + Second);
                    list.Add(instant - Second);
                }

                break;
            case FactType.Date:
                foreach (var n in _numbers.Where(n => Math.Abs(n) < 3660))
                {
                    foreach (var d in (ReadOnlySpan<long>)[n - 1, n, n + 1, -n - 1, -n, -n + 1])
                    {
                        list.Add(assessedOn.PlusDays((int)d));
                    }
                }

                foreach (var date in _dates)
                {
                    list.Add(date);
                    list.Add(date.PlusDays(-1));
                }

                break;
        }

        return list;
    }

    /// <summary>One unit past a value: a whole number, a second, a day (0 steps nowhere: <see langword="null"/>).</summary>
    internal static object? Step(object value, int direction) => direction == 0 ? null : StepBy(value, direction);

    private static object? StepBy(object value, int direction) => value switch
    {
        long l => l + direction,
        decimal d => d + direction * 0.001m,
        Instant i => i + (direction * Second),
        LocalDate d => d.PlusDays(direction),
        _ => null,
    };

    private static decimal Distance(object candidate, object? current, Instant at, LocalDate assessedOn) => (candidate, current) switch
    {
        (long a, long b) => Math.Abs((decimal)a - b),
        (long a, _) => Math.Abs((decimal)a),
        (decimal a, decimal b) => Math.Abs(a - b),
        (decimal a, _) => Math.Abs(a),
        (Instant a, Instant b) => Math.Abs((decimal)(a - b).TotalSeconds),
        (Instant a, _) => Math.Abs((decimal)(a - at).TotalSeconds),
        (LocalDate a, LocalDate b) => Math.Abs((decimal)Period.DaysBetween(b, a)),
        (LocalDate a, _) => Math.Abs((decimal)Period.DaysBetween(assessedOn, a)),
        _ => 0,
    };

    /// <summary>The first instant in [<paramref name="at"/>, end of 2025-12-31] at which the verdict is Eligible or EligibleElectricityOnly.</summary>
    private (Instant?, EligibilityOutcome) Earliest(InstallationFacts facts, Instant at, EvaluationOptions options)
    {
        var moving = options with { AssessedAt = at };
        var first = _evaluator.EvaluateOutcome(facts, moving);
        if (first.Verdict is Verdict.Eligible or Verdict.EligibleElectricityOnly)
        {
            return (at, first);
        }

        foreach (var t in Breakpoints(facts, at))
        {
            if (t <= at || t >= Horizon)
            {
                continue;
            }

            var outcome = _evaluator.EvaluateOutcome(facts, moving with { AssessedAt = t });
            if (outcome.Verdict is Verdict.Eligible or Verdict.EligibleElectricityOnly)
            {
                return (t, outcome);
            }
        }

        return (null, default);
    }

    /// <summary>
    /// The instants after <paramref name="at"/> at which a rule's answer can change with the facts fixed, in order: the
    /// installation's contacts plus every window, its dates (planned changes, the EPCL date, declared date facts) plus
    /// and minus every day count and month window, version dates, cohort closures and dated constants; each also one
    /// second later, so a strict edge is found to the second.
    /// </summary>
    private SortedSet<Instant> Breakpoints(InstallationFacts facts, Instant at)
    {
        var points = new SortedSet<Instant>();
        var instants = new List<Instant>();
        var dates = new List<LocalDate>(_dates);
        foreach (var fact in FactAccess.Readable(facts, _evaluator))
        {
            switch (fact)
            {
                case Instant i:
                    instants.Add(i);
                    break;
                case LocalDate d:
                    dates.Add(d);
                    break;
            }
        }

        foreach (var i in instants.Concat(_instants))
        {
            points.Add(i);
            foreach (var n in _numbers.Where(n => n is > 0 and < 24 * 366))
            {
                points.Add(i + Duration.FromHours(n));
            }
        }

        var epcl = facts.DmcId is { } dmc && _evaluator.Epcl.TryGet(dmc, out var entry) ? entry : null;
        foreach (var d in dates)
        {
            points.Add(Text.StartOfDay(d));
            foreach (var n in _numbers.Where(n => n is > 0 and < 3660))
            {
                points.Add(Text.StartOfDay(d.PlusDays((int)n)));
                points.Add(Text.StartOfDay(d.PlusDays((int)n + 1)));
                points.Add(Text.StartOfDay(d.PlusDays((int)-n)));
            }

            points.Add(Text.StartOfDay(d.PlusDays(1)));
        }

        if (epcl is not null)
        {
            foreach (var n in _numbers.Where(n => n is > 0 and < 1200))
            {
                points.Add(Text.EndOfDay(epcl.AddedOn, (int)n));
            }
        }

        foreach (var p in points.ToArray())
        {
            points.Add(p + Second);
        }

        return points.GetViewBetween(at, Instant.MaxValue);
    }
}
