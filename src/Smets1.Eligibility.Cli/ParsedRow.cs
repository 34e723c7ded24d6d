namespace Smets1.Eligibility.Cli;

/// <summary>One data row of an installation file: its facts, or why it could not be read.</summary>
/// <param name="Row">The 1-based data row number (header excluded).</param>
/// <param name="InstallationId">The raw installation ID cell.</param>
/// <param name="Facts">The facts, when the row could be read.</param>
/// <param name="Invalid">Which column held which bad value, when it could not.</param>
internal readonly record struct ParsedRow(int Row, string InstallationId, InstallationFacts? Facts, string? Invalid);
