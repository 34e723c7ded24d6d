namespace Smets1.Eligibility.Testing;

/// <summary>
/// Assertions for any test framework: each evaluates the installation and, when the expectation fails, throws
/// <see cref="EligibilityAssertionException"/> explaining the actual result with its own messages (every failed
/// rule and warning, the version, the assessment instant).
/// </summary>
/// <example>
/// <code>
/// EligibilityAssert.Verdict(evaluator, facts, Verdict.Deferred);
/// EligibilityAssert.Fails(evaluator, facts, RuleIds.CommsRecentChf);
/// </code>
/// </example>
public static class EligibilityAssert
{
    /// <summary>Asserts the verdict.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="facts">The installation.</param>
    /// <param name="expected">The verdict it should get.</param>
    /// <param name="options">The pinned version and assessment instant, if any.</param>
    /// <returns>The result, for further checks.</returns>
    /// <exception cref="EligibilityAssertionException">The verdict differs; the message explains the result.</exception>
    public static EligibilityResult Verdict(EligibilityEvaluator evaluator, InstallationFacts facts, Verdict expected, EvaluationOptions options = default)
    {
        var result = Evaluate(evaluator, facts, options);
        return result.Verdict == expected ? result : throw Failure(result, $"expected {expected}, but the verdict is {result.Verdict}");
    }

    /// <summary>Asserts that a rule fails (or is raised as a warning).</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="facts">The installation.</param>
    /// <param name="ruleId">The rule.</param>
    /// <param name="options">The pinned version and assessment instant, if any.</param>
    /// <returns>The result.</returns>
    /// <exception cref="EligibilityAssertionException">The rule did not fail; the message explains the result.</exception>
    public static EligibilityResult Fails(EligibilityEvaluator evaluator, InstallationFacts facts, string ruleId, EvaluationOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        var result = Evaluate(evaluator, facts, options);
        return Raised(result, ruleId) ? result : throw Failure(result, $"expected {ruleId} to fail, but it did not");
    }

    /// <summary>Asserts that a rule neither fails nor warns.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="facts">The installation.</param>
    /// <param name="ruleId">The rule.</param>
    /// <param name="options">The pinned version and assessment instant, if any.</param>
    /// <returns>The result.</returns>
    /// <exception cref="EligibilityAssertionException">The rule failed; the message explains the result.</exception>
    public static EligibilityResult Passes(EligibilityEvaluator evaluator, InstallationFacts facts, string ruleId, EvaluationOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        var result = Evaluate(evaluator, facts, options);
        return !Raised(result, ruleId) ? result : throw Failure(result, $"expected {ruleId} to pass, but it failed");
    }

    private static EligibilityResult Evaluate(EligibilityEvaluator evaluator, InstallationFacts facts, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(facts);
        return evaluator.Evaluate(facts, options);
    }

    private static bool Raised(EligibilityResult result, string ruleId) =>
        result.Failures.Any(f => f.RuleId == ruleId) || result.Warnings.Any(w => w.RuleId == ruleId);

    private static EligibilityAssertionException Failure(EligibilityResult result, string what)
    {
        var lines = new List<string>
        {
            $"Installation '{result.InstallationId}': {what}.",
            $"  result: {result.Verdict} under {result.Version?.Label ?? "no version"}, assessed at {(result.AssessedAt is { } at ? NodaTime.Text.InstantPattern.ExtendedIso.Format(at) : "(unknown)")}",
        };
        lines.AddRange(result.Failures.Select(f => $"  failed: {f}"));
        lines.AddRange(result.Warnings.Select(w => $"  warning: {w}"));
        if (result.Failures.Count == 0 && result.Warnings.Count == 0)
        {
            lines.Add("  no rule failed and no warning was raised");
        }

        return new EligibilityAssertionException(string.Join(Environment.NewLine, lines));
    }
}

/// <summary>An <see cref="EligibilityAssert"/> expectation did not hold; the message explains the actual result.</summary>
public sealed class EligibilityAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The expectation and the result's own explanation.</param>
    public EligibilityAssertionException(string message)
        : base(message)
    {
    }
}
