namespace Smets1.Eligibility.Files;

/// <summary>The forms of the result file (FILES-AND-CLI.md, "Result file").</summary>
public enum ResultFormat
{
    /// <summary>CSV with the header <c>installation_id,row,tmad_version,verdict,failed_rules,warnings,message</c>.</summary>
    Csv,

    /// <summary>JSON Lines: one object per row with the same fields, rule lists as arrays.</summary>
    JsonLines,
}
