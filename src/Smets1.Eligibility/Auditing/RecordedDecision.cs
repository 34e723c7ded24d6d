namespace Smets1.Eligibility.Auditing;

/// <summary>
/// What a supplier decided for an installation at its assessment instant (AUDIT.md §1): the columns
/// <c>recorded_verdict</c>, <c>recorded_version</c> and <c>recorded_failed_rules</c> of an installation file. They are
/// never facts: no rule reads them.
/// </summary>
/// <param name="Verdict">The recorded verdict; <see langword="null"/> when none was recorded.</param>
/// <param name="VersionLabel">The TMAD version the supplier applied, if it kept one.</param>
/// <param name="FailedRules">The rule IDs it recorded as reasons, in catalogue spelling; <see langword="null"/> when it kept none.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RecordedDecision(Verdict? Verdict, string? VersionLabel = null, IReadOnlyList<string>? FailedRules = null)
{
    /// <summary>No decision recorded: every column blank or absent.</summary>
    public static RecordedDecision None { get; } = new((Verdict?)null);

    /// <summary>Whether a verdict was recorded.</summary>
    public bool IsRecorded => Verdict is not null;
}
