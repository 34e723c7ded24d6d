using NodaTime;

namespace Smets1.Eligibility;

/// <summary>How to evaluate: which version, and at what instant.</summary>
/// <remarks>
/// The assessment instant is, in order: <see cref="AssessedAt"/>, the installation's own
/// <see cref="InstallationFacts.AssessedAt"/>, then <see cref="DefaultAssessedAt"/>. With none of them the
/// result is <see cref="Verdict.Indeterminate"/> with <c>DATA-INCOMPLETE</c> naming <c>assessed_at</c>.
/// </remarks>
public readonly record struct EvaluationOptions
{
    /// <summary>Pins this version (by label) for every installation, applied as written including its own expiry.</summary>
    /// <value>Default <see langword="null"/>: the version in force at the assessment instant.</value>
    public string? PinnedVersion { get; init; }

    /// <summary>An assessment instant that overrides the installations' own.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public Instant? AssessedAt { get; init; }

    /// <summary>The assessment instant for installations that carry none (the tool's <c>--as-of</c>).</summary>
    /// <value>Default <see langword="null"/>.</value>
    public Instant? DefaultAssessedAt { get; init; }

    /// <summary>
    /// Whether the eras of the inferred timeline (TMAD-RULES §3a) take part in date resolution: they then resolve
    /// assessments from 2022-01-01 to 2025-10-16 that no shipped or registered version covers, and every such
    /// result carries the warning <c>VERSION-INFERRED</c>. Pinning an era works either way.
    /// </summary>
    /// <value>Default <see langword="false"/> (or the evaluator's own default, see <see cref="EligibilityEvaluator.IncludeInferredTimeline"/>).</value>
    public bool IncludeInferredTimeline { get; init; }

    /// <summary>Options that pin a version.</summary>
    /// <param name="label">The version's label, for example <c>v17</c>.</param>
    /// <returns>The options.</returns>
    public static EvaluationOptions Pinned(string label) => new() { PinnedVersion = label };

    /// <summary>Options that assess every installation at one instant.</summary>
    /// <param name="assessedAt">The instant.</param>
    /// <returns>The options.</returns>
    public static EvaluationOptions At(Instant assessedAt) => new() { AssessedAt = assessedAt };
}
