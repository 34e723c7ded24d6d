using NodaTime;

namespace Smets1.Eligibility.NRules;

/// <summary>
/// Markers for what a C# condition cannot say directly, for NRules rules that are imported as defined rules:
/// a version's parameters, any fact by name, and elapsed time since or until a fact's date. The importer reads
/// them from the condition's expression tree; they cannot run, so a rule that uses them is meant for import
/// (it runs in NRules sessions as part of an exported version, where its condition is the imported one).
/// </summary>
public static class Tmad
{
    /// <summary>The value of the version's parameter <paramref name="name"/> (a built-in key or a defined parameter).</summary>
    /// <typeparam name="T">The parameter's C# type (for example <see cref="int"/>, <see cref="decimal"/>, <see cref="bool"/>).</typeparam>
    /// <param name="name">The parameter's name.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always: the marker is read by the importer, never run.</exception>
    public static T Parameter<T>(string name) => throw NotRun(nameof(Parameter), name);

    /// <summary>The installation's fact <paramref name="name"/> (built-in, EPCL or declared), typed.</summary>
    /// <typeparam name="T">The fact's C# type (<see cref="bool"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="string"/>, <see cref="LocalDate"/>, <see cref="Instant"/>).</typeparam>
    /// <param name="installation">The installation the pattern matches.</param>
    /// <param name="name">The fact's name, for example <c>epcl_listed</c> or a declared fact.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always: the marker is read by the importer, never run.</exception>
    public static T Fact<T>(InstallationFacts installation, string name) => throw NotRun(nameof(Fact), name);

    /// <summary>Hours from an instant fact to the assessment (<c>hours_since</c>), compared with a number of hours.</summary>
    /// <param name="fact">An instant fact of the installation.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always: the marker is read by the importer, never run.</exception>
    public static decimal HoursSince(Instant? fact) => throw NotRun(nameof(HoursSince), null);

    /// <summary>Whole UK days from a date or instant fact to the assessment date (<c>days_since</c>).</summary>
    /// <param name="fact">A date fact of the installation.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always: the marker is read by the importer, never run.</exception>
    public static int DaysSince(LocalDate? fact) => throw NotRun(nameof(DaysSince), null);

    /// <summary>Whole UK days from the assessment date to the instant fact's UK date (<c>days_since</c>).</summary>
    /// <param name="fact">An instant fact of the installation.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always: the marker is read by the importer, never run.</exception>
    public static int DaysSince(Instant? fact) => throw NotRun(nameof(DaysSince), null);

    /// <summary>Whole UK days from the assessment date to a date fact (<c>days_until</c>).</summary>
    /// <param name="fact">A date fact of the installation.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always: the marker is read by the importer, never run.</exception>
    public static int DaysUntil(LocalDate? fact) => throw NotRun(nameof(DaysUntil), null);

    /// <summary>Whole UK days from the assessment date to an instant fact's UK date (<c>days_until</c>).</summary>
    /// <param name="fact">An instant fact of the installation.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always: the marker is read by the importer, never run.</exception>
    public static int DaysUntil(Instant? fact) => throw NotRun(nameof(DaysUntil), null);

    private static NotSupportedException NotRun(string marker, string? name) =>
        new($"Tmad.{marker}{(name is null ? string.Empty : $"(\"{name}\")")} is read when an NRules rule is imported into a version (NRulesImporter); it cannot run. " +
            "Run the rule through an exported version (NRulesExporter.Export), where its condition is the imported one.");
}
