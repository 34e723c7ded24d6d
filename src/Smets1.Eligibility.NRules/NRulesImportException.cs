namespace Smets1.Eligibility.NRules;

/// <summary>
/// An NRules rule cannot be imported as a defined rule: it has a shape the compiled evaluator does not take
/// (joins, aggregates, <c>Exists</c>/<c>Not</c>, bindings, actions that change the session), a condition the rule
/// model cannot express, or missing metadata. The message names the rule and what is unsupported.
/// </summary>
public sealed class NRulesImportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleName">The NRules rule's name (or its class when it has none).</param>
    /// <param name="message">What is unsupported, naming the rule.</param>
    /// <param name="innerException">The cause, if any.</param>
    public NRulesImportException(string ruleName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        RuleName = ruleName;
    }

    /// <summary>The NRules rule that could not be imported.</summary>
    public string RuleName { get; }
}
