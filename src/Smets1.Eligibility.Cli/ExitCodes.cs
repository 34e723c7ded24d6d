namespace Smets1.Eligibility.Cli;

/// <summary>The tool's exit codes (FILES-AND-CLI.md).</summary>
internal static class ExitCodes
{
    /// <summary>Every row evaluated.</summary>
    public const int Ok = 0;

    /// <summary>A usage error: nothing was evaluated and no result file was written.</summary>
    /// <summary>The run failed after it started (an I/O error, a closed pipe, a full disk); the previous output file is untouched.</summary>
    public const int Failed = 1;

    public const int Usage = 2;

    /// <summary>Finished, but some rows were <c>Invalid</c>.</summary>
    public const int SomeInvalid = 3;

    /// <summary>audit --fail-on-finding: some row is TOO-LENIENT, TOO-STRICT, RULES-DIFFER or VERSION-DIFFERS (AUDIT.md §1); verify: the output differs (§3).</summary>
    public const int Finding = 4;
}
