namespace Smets1.Eligibility.Auditing;

/// <summary>One installation's recorded decision against its replay (AUDIT.md §1).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class InstallationAudit
{
    internal InstallationAudit(int row, string installationId, RecordedDecision recorded, EligibilityResult? replay, AuditFinding finding, IReadOnlyList<string> explainedBy, string? invalidReason)
    {
        Row = row;
        InstallationId = installationId;
        Recorded = recorded;
        Replay = replay;
        Finding = finding;
        ExplainedBy = explainedBy;
        InvalidReason = invalidReason;
    }

    /// <summary>The 1-based data row of the file the installation came from; 0 when audited from facts.</summary>
    public int Row { get; }

    /// <summary>The installation's key.</summary>
    public string InstallationId { get; }

    /// <summary>What the supplier recorded.</summary>
    public RecordedDecision Recorded { get; }

    /// <summary>The replay, exactly as <see cref="EligibilityEvaluator.Evaluate"/> gives it; <see langword="null"/> for an invalid row.</summary>
    public EligibilityResult? Replay { get; }

    /// <summary>The finding.</summary>
    public AuditFinding Finding { get; }

    /// <summary>
    /// For <see cref="AuditFinding.TooLenient"/> and <see cref="AuditFinding.TooStrict"/>: the labels of every version
    /// under which the installation, pinned, gets exactly the recorded verdict, by effective date; empty otherwise.
    /// </summary>
    public IReadOnlyList<string> ExplainedBy { get; }

    /// <summary>For an invalid row, why it could not be read; <see langword="null"/> otherwise.</summary>
    public string? InvalidReason { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{InstallationId}: {AuditFindings.Label(Finding)} (recorded {Recorded.Verdict?.ToString() ?? "nothing"}, replayed {Replay?.Verdict.ToString() ?? "Invalid"}{(ExplainedBy.Count > 0 ? "; explained by " + string.Join(";", ExplainedBy) : string.Empty)})";
}
