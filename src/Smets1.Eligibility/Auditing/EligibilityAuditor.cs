using Smets1.Eligibility.Files;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Auditing;

/// <summary>
/// Replays recorded decisions (AUDIT.md §1): evaluates each installation exactly as <see cref="EligibilityEvaluator.Evaluate"/>
/// does, compares the result with what the supplier recorded, and for a verdict that disagrees finds the versions that
/// would have given the recorded one.
/// </summary>
/// <remarks>Thread-safe: audits may run on many threads at once.</remarks>
public sealed class EligibilityAuditor
{
    private const int RowsPerThread = 2048;

    /// <summary>Creates an auditor over an evaluator.</summary>
    /// <param name="evaluator">The evaluator that replays the decisions: its catalogue, EPCL, cohort closures and timeline.</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> is <see langword="null"/>.</exception>
    public EligibilityAuditor(EligibilityEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        Evaluator = evaluator;
    }

    /// <summary>The evaluator that replays.</summary>
    public EligibilityEvaluator Evaluator { get; }

    /// <summary>Audits one installation's recorded decision.</summary>
    /// <param name="facts">The installation.</param>
    /// <param name="recorded">What was recorded for it.</param>
    /// <param name="options">The replay's options, as for <see cref="EligibilityEvaluator.Evaluate"/>; a pinned version pins the replay, and <see cref="InstallationAudit.ExplainedBy"/> still tries every version.</param>
    /// <returns>The audit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> or <paramref name="recorded"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The pinned version does not exist.</exception>
    public InstallationAudit Audit(InstallationFacts facts, RecordedDecision recorded, EvaluationOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(recorded);
        var replay = Evaluator.Evaluate(facts, options);
        var finding = Compare(recorded, replay);
        var explainedBy = finding is AuditFinding.TooLenient or AuditFinding.TooStrict
            ? ExplainedBy(facts, recorded.Verdict!.Value, options)
            : [];
        return new InstallationAudit(0, facts.InstallationId, recorded, replay, finding, explainedBy, null);
    }

    /// <summary>Audits one row of an installation file: an invalid row is <see cref="AuditFinding.Invalid"/>.</summary>
    /// <param name="row">The row, with its <see cref="InstallationRow.Recorded"/> decision.</param>
    /// <param name="options">The replay's options.</param>
    /// <returns>The audit.</returns>
    /// <exception cref="KeyNotFoundException">The pinned version does not exist.</exception>
    public InstallationAudit Audit(InstallationRow row, EvaluationOptions options = default)
    {
        if (row.Facts is not { } facts)
        {
            return new InstallationAudit(row.Row, row.InstallationId ?? string.Empty, row.Recorded ?? RecordedDecision.None, null, AuditFinding.Invalid, [], row.Invalid);
        }

        var audit = Audit(facts, row.Recorded ?? RecordedDecision.None, options);
        return new InstallationAudit(row.Row, audit.InstallationId, audit.Recorded, audit.Replay, audit.Finding, audit.ExplainedBy, null);
    }

    /// <summary>
    /// Audits a sequence of rows lazily, in input order, holding at most one chunk in memory (one row when sequential;
    /// <paramref name="degreeOfParallelism"/> × 2,048 rows when parallel).
    /// </summary>
    /// <param name="rows">The rows, for example from <see cref="InstallationFile.Load(string, TmadCatalog)"/>; enumerated once.</param>
    /// <param name="options">The replay's options.</param>
    /// <param name="degreeOfParallelism">1 to audit on the calling thread; more (or -1, one per processor) to audit each chunk in parallel.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>One audit per row, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreeOfParallelism"/> is 0 or less than -1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (thrown on enumeration).</exception>
    public IEnumerable<InstallationAudit> AuditMany(IEnumerable<InstallationRow> rows, EvaluationOptions options = default, int degreeOfParallelism = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (degreeOfParallelism == 0 || degreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(degreeOfParallelism), degreeOfParallelism, "Use a positive number of threads, or -1 for one per processor.");
        }

        var threads = degreeOfParallelism == -1 ? Environment.ProcessorCount : degreeOfParallelism;
        return threads == 1 ? Sequential(rows, options, cancellationToken) : Chunked(rows, options, threads, cancellationToken);
    }

    /// <summary>How a recorded decision compares with a replay: the first finding of AUDIT.md §1 that applies (a replay exists, so never <see cref="AuditFinding.Invalid"/>).</summary>
    /// <param name="recorded">The recorded decision.</param>
    /// <param name="replay">The replay.</param>
    /// <returns>The finding.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static AuditFinding Compare(RecordedDecision recorded, EligibilityResult replay)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(replay);
        if (recorded.Verdict is not { } verdict)
        {
            return AuditFinding.NotRecorded;
        }

        // The verdict order is the severity order (TMAD-RULES §4): Eligible is 0, Excluded 5.
        if (verdict != replay.Verdict)
        {
            return verdict < replay.Verdict ? AuditFinding.TooLenient : AuditFinding.TooStrict;
        }

        if (recorded.FailedRules is { Count: > 0 } rules && !SameRules(rules, replay))
        {
            return AuditFinding.RulesDiffer;
        }

        return !string.IsNullOrWhiteSpace(recorded.VersionLabel) && !string.Equals(recorded.VersionLabel, replay.Version?.Label, StringComparison.OrdinalIgnoreCase)
            ? AuditFinding.VersionDiffers
            : AuditFinding.Agrees;
    }

    private static bool SameRules(IReadOnlyList<string> recorded, EligibilityResult replay)
    {
        var replayed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in replay.Outcome.FailedRules)
        {
            replayed.Add(rule.Id);
        }

        return replayed.SetEquals(recorded);
    }

    private List<string> ExplainedBy(InstallationFacts facts, Verdict recorded, EvaluationOptions options)
    {
        var inferred = Evaluator.IncludeInferredTimeline || options.IncludeInferredTimeline;
        var labels = new List<string>();
        foreach (var version in Evaluator.Catalog.Versions.Where(v => inferred || !v.IsInferred).OrderBy(v => v.EffectiveFrom))
        {
            if (Evaluator.EvaluateOutcome(facts, options with { PinnedVersion = version.Label }).Verdict == recorded)
            {
                labels.Add(version.Label);
            }
        }

        return labels;
    }

    private IEnumerable<InstallationAudit> Sequential(IEnumerable<InstallationRow> rows, EvaluationOptions options, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Audit(row, options);
        }
    }

    private IEnumerable<InstallationAudit> Chunked(IEnumerable<InstallationRow> rows, EvaluationOptions options, int threads, CancellationToken cancellationToken)
    {
        var buffer = new InstallationRow[RowsPerThread * threads];
        var audits = new InstallationAudit[buffer.Length];
        var count = 0;
        foreach (var row in rows)
        {
            buffer[count++] = row;
            if (count == buffer.Length)
            {
                foreach (var audit in Flush(buffer, audits, count, options, threads, cancellationToken))
                {
                    yield return audit;
                }

                count = 0;
            }
        }

        foreach (var audit in Flush(buffer, audits, count, options, threads, cancellationToken))
        {
            yield return audit;
        }
    }

    private IEnumerable<InstallationAudit> Flush(InstallationRow[] buffer, InstallationAudit[] audits, int count, EvaluationOptions options, int threads, CancellationToken cancellationToken)
    {
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, i => audits[i] = Audit(buffer[i], options));
        for (var i = 0; i < count; i++)
        {
            yield return audits[i];
        }

        Array.Clear(buffer, 0, count);
        Array.Clear(audits, 0, count);
    }
}
