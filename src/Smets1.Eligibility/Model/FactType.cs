namespace Smets1.Eligibility.Model;

/// <summary>The type of a fact or parameter (RULE-FILES.md, "Facts" and "Parameters").</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The type names of RULE-FILES.md.")]
public enum FactType
{
    /// <summary><c>true</c> or <c>false</c>, case-insensitive in files.</summary>
    Boolean,

    /// <summary>A 64-bit whole number, optionally bounded by <see cref="FactDefinition.Min"/> and <see cref="FactDefinition.Max"/>.</summary>
    Integer,

    /// <summary>A decimal number in invariant culture (<c>.</c> as the decimal point).</summary>
    Decimal,

    /// <summary>Text, compared exactly; optionally at most <see cref="FactDefinition.MaxLength"/> characters.</summary>
    Text,

    /// <summary>One of <see cref="FactDefinition.Values"/>, matched case-insensitively.</summary>
    Enum,

    /// <summary>An ISO calendar date in the UK calendar (<c>2021-03-04</c>).</summary>
    Date,

    /// <summary>An ISO-8601 instant with <c>Z</c> or an offset, as <c>assessed_at</c>.</summary>
    Instant,
}
