using FsCheck;
using FsCheck.Fluent;

namespace Smets1.Eligibility.Testing;

/// <summary>
/// <see cref="EligibilityGen"/>'s installations as FsCheck arbitraries, for FsCheck.Xunit's
/// <c>[Property(Arbitrary = [typeof(EligibilityArbitraries.Any)])]</c>: a property's <see cref="InstallationFacts"/>
/// parameter is then drawn from the chosen generator.
/// </summary>
/// <example>
/// <code>
/// [Property(Arbitrary = [typeof(EligibilityArbitraries.Complete)], MaxTest = 500)]
/// public bool Evaluation_IsDeterministic(InstallationFacts facts) =>
///     Evaluator.EvaluateOutcome(facts) == Evaluator.EvaluateOutcome(facts);
/// </code>
/// </example>
public static class EligibilityArbitraries
{
    /// <summary>
    /// Installations carrying generated values of the facts a catalogue's versions declare
    /// (<see cref="EligibilityGen.InstallationFor"/>). FsCheck takes arbitraries from static members, so return it
    /// from one of your own: <c>public static Arbitrary&lt;InstallationFacts&gt; Installations() =&gt; EligibilityArbitraries.For(Catalog);</c>
    /// </summary>
    /// <param name="catalog">The catalogue.</param>
    /// <returns>The arbitrary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public static Arbitrary<InstallationFacts> For(Versions.TmadCatalog catalog) => EligibilityGen.InstallationFor(catalog).ToArbitrary();

    /// <summary>Complete and incomplete installations (<see cref="EligibilityGen.AnyInstallation"/>).</summary>
    public static class Any
    {
        /// <summary>The arbitrary.</summary>
        /// <returns>Installations from <see cref="EligibilityGen.AnyInstallation"/>.</returns>
        public static Arbitrary<InstallationFacts> Installations() => EligibilityGen.AnyInstallation.ToArbitrary();
    }

    /// <summary>Installations with every required fact known (<see cref="EligibilityGen.Installation"/>).</summary>
    public static class Complete
    {
        /// <summary>The arbitrary.</summary>
        /// <returns>Installations from <see cref="EligibilityGen.Installation"/>.</returns>
        public static Arbitrary<InstallationFacts> Installations() => EligibilityGen.Installation.ToArbitrary();
    }

    /// <summary>Installations with at least one required fact unknown (<see cref="EligibilityGen.IncompleteInstallation"/>).</summary>
    public static class Incomplete
    {
        /// <summary>The arbitrary.</summary>
        /// <returns>Installations from <see cref="EligibilityGen.IncompleteInstallation"/>.</returns>
        public static Arbitrary<InstallationFacts> Installations() => EligibilityGen.IncompleteInstallation.ToArbitrary();
    }

    /// <summary>Installations at a rule's boundary (<see cref="EligibilityGen.BoundaryInstallation"/>).</summary>
    public static class Boundary
    {
        /// <summary>The arbitrary.</summary>
        /// <returns>Installations from <see cref="EligibilityGen.BoundaryInstallation"/>.</returns>
        public static Arbitrary<InstallationFacts> Installations() => EligibilityGen.BoundaryInstallation.ToArbitrary();
    }
}
