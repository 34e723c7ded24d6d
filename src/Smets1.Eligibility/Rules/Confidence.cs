namespace Smets1.Eligibility.Rules;

/// <summary>How far a rule or parameter value rests on its source.</summary>
public enum Confidence
{
    /// <summary>Stated in the cited source.</summary>
    Confirmed,

    /// <summary>Our reading of the sources; a user with the full TMAD text may override it.</summary>
    Inferred,
}
