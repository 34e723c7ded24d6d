namespace Smets1.Eligibility.Versions;

/// <summary>The version in force for an assessment, or why there is none.</summary>
/// <param name="Version">The version, or <see langword="null"/> when the date falls in a gap.</param>
/// <param name="Gap">When unresolved, a message naming the gap; otherwise <see langword="null"/>.</param>
public readonly record struct VersionResolution(TmadVersion? Version, string? Gap)
{
    /// <summary>Whether a version covers the date.</summary>
    public bool IsResolved => Version is not null;
}
