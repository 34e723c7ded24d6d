namespace Smets1.Eligibility.Rules;

/// <summary>One failed rule (or warning) of an evaluation, explained.</summary>
/// <param name="Rule">The rule, with its clause, source and confidence.</param>
/// <param name="Outcome">What the failure meant here (for <c>EXCL-GT01</c>, <see cref="RuleOutcome.Excluded"/> when there is no ESME).</param>
/// <param name="Message">What failed, naming the facts and parameter values, for example
/// <c>last contact 2021-10-08T09:00:00Z is 49h before assessment; v11 window is 24h</c>.</param>
public sealed record RuleFailure(RuleDefinition Rule, RuleOutcome Outcome, string Message)
{
    /// <summary>The rule ID.</summary>
    public string RuleId => Rule.Id;

    /// <summary><c>RULE-ID: message</c>, as in the result file.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Rule.Id}: {Message}";
}
