namespace Smets1.Eligibility;

/// <summary>
/// Thrown when a configuration (registered versions, a version file, evaluator options) is invalid.
/// Every problem found is reported together in <see cref="Errors"/>.
/// </summary>
public sealed class EligibilityConfigurationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="errors">One line per problem, each saying what was wrong and how to fix it.</param>
    public EligibilityConfigurationException(IReadOnlyList<string> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with one problem.</summary>
    /// <param name="message">What was wrong and how to fix it.</param>
    public EligibilityConfigurationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    /// <param name="message">What was wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public EligibilityConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with no detail; prefer the constructors that say what was wrong.</summary>
    public EligibilityConfigurationException()
        : this("The configuration is invalid.")
    {
    }

    /// <summary>Every problem found, one line each.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string Describe(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1
            ? errors[0]
            : $"{errors.Count} configuration errors:{Environment.NewLine} - {string.Join(Environment.NewLine + " - ", errors)}";
    }
}
