namespace Smets1.Eligibility.Auditing;

/// <summary>How a recorded decision compares with the replay (AUDIT.md §1), the first that applies, in this order.</summary>
public enum AuditFinding
{
    /// <summary><c>INVALID</c>: the row could not be read (its facts or its recorded columns).</summary>
    Invalid,

    /// <summary><c>NOT-RECORDED</c>: no verdict was recorded.</summary>
    NotRecorded,

    /// <summary><c>TOO-LENIENT</c>: the recorded verdict is less severe than the replay's: let through against the rules.</summary>
    TooLenient,

    /// <summary><c>TOO-STRICT</c>: the recorded verdict is more severe than the replay's: held back without cause.</summary>
    TooStrict,

    /// <summary><c>RULES-DIFFER</c>: same verdict, but the recorded failed rules are not the replay's.</summary>
    RulesDiffer,

    /// <summary><c>VERSION-DIFFERS</c>: same verdict (and rules, where recorded), but another version was recorded.</summary>
    VersionDiffers,

    /// <summary><c>AGREES</c>: the recorded decision is the replay's.</summary>
    Agrees,
}

/// <summary>The contract's labels of <see cref="AuditFinding"/> (<c>TOO-LENIENT</c>, …).</summary>
public static class AuditFindings
{
    /// <summary>Every finding, in the order of AUDIT.md §1.</summary>
    public static IReadOnlyList<AuditFinding> All { get; } =
    [
        AuditFinding.Invalid, AuditFinding.NotRecorded, AuditFinding.TooLenient, AuditFinding.TooStrict,
        AuditFinding.RulesDiffer, AuditFinding.VersionDiffers, AuditFinding.Agrees,
    ];

    /// <summary>The label of a finding as the audit file writes it.</summary>
    /// <param name="finding">The finding.</param>
    /// <returns>For example <c>TOO-LENIENT</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="finding"/> is not a defined value.</exception>
    public static string Label(AuditFinding finding) => finding switch
    {
        AuditFinding.Invalid => "INVALID",
        AuditFinding.NotRecorded => "NOT-RECORDED",
        AuditFinding.TooLenient => "TOO-LENIENT",
        AuditFinding.TooStrict => "TOO-STRICT",
        AuditFinding.RulesDiffer => "RULES-DIFFER",
        AuditFinding.VersionDiffers => "VERSION-DIFFERS",
        AuditFinding.Agrees => "AGREES",
        _ => throw new ArgumentOutOfRangeException(nameof(finding), finding, "Not an audit finding."),
    };

    /// <summary>Whether a finding is a disagreement that <c>--fail-on-finding</c> fails on.</summary>
    /// <param name="finding">The finding.</param>
    /// <returns><see langword="true"/> for TOO-LENIENT, TOO-STRICT, RULES-DIFFER and VERSION-DIFFERS.</returns>
    public static bool IsDisagreement(AuditFinding finding) =>
        finding is AuditFinding.TooLenient or AuditFinding.TooStrict or AuditFinding.RulesDiffer or AuditFinding.VersionDiffers;
}
