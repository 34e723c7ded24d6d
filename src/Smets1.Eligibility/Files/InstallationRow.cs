namespace Smets1.Eligibility.Files;

/// <summary>One data row of an installation file: its facts, or why it could not be read (FILES-AND-CLI.md).</summary>
/// <param name="Row">The 1-based data row number (the header is not counted), as in the result file's <c>row</c>.</param>
/// <param name="InstallationId">The installation ID cell as read (trimmed; empty when blank).</param>
/// <param name="Facts">The facts, when the row could be read; otherwise <see langword="null"/>.</param>
/// <param name="Invalid">Why the row could not be read, naming the column and the value; <see langword="null"/> when it could.</param>
public readonly record struct InstallationRow(int Row, string InstallationId, InstallationFacts? Facts, string? Invalid)
{
    /// <summary>Whether the row could be read.</summary>
    public bool IsValid => Invalid is null;

    /// <summary>
    /// The decision the row records in <c>recorded_verdict</c>, <c>recorded_version</c> and <c>recorded_failed_rules</c>
    /// (AUDIT.md §1); <see langword="null"/> when the file has none of those columns or the row is invalid.
    /// </summary>
    public Auditing.RecordedDecision? Recorded { get; init; }
}
