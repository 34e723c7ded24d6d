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

    /// <summary>
    /// Installations the catalogue resolves to one version (<see cref="EligibilityGen.InstallationUnder"/>), with the
    /// catalogue's declared facts: <c>public static Arbitrary&lt;InstallationFacts&gt; UnderV17() =&gt; EligibilityArbitraries.Under(Catalog, "v17");</c>
    /// </summary>
    /// <param name="catalog">The catalogue.</param>
    /// <param name="label">The version.</param>
    /// <param name="includeInferredTimeline">Whether date resolution includes the inferred eras.</param>
    /// <returns>The arbitrary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> or <paramref name="label"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The catalogue has no such version, or resolves no date to it.</exception>
    public static Arbitrary<InstallationFacts> Under(Versions.TmadCatalog catalog, string label, bool includeInferredTimeline = false) =>
        EligibilityGen.InstallationUnder(catalog, label, includeInferredTimeline).ToArbitrary();

    /// <summary>Installations the shipped catalogue resolves to v9 (18 Dec 2020 – 27 Feb 2021).</summary>
    public static class V9
    {
        /// <summary>The arbitrary.</summary>
        /// <returns>Installations assessed while v9 is in force.</returns>
        public static Arbitrary<InstallationFacts> Installations() => Under(Versions.TmadCatalog.Shipped, "v9");
    }

    /// <summary>Installations the shipped catalogue resolves to v11 (28 Feb – 3 Nov 2021).</summary>
    public static class V11
    {
        /// <summary>The arbitrary.</summary>
        /// <returns>Installations assessed while v11 is in force.</returns>
        public static Arbitrary<InstallationFacts> Installations() => Under(Versions.TmadCatalog.Shipped, "v11");
    }

    /// <summary>Installations the shipped catalogue resolves to v17 (4 Nov – 31 Dec 2021).</summary>
    public static class V17
    {
        /// <summary>The arbitrary.</summary>
        /// <returns>Installations assessed while v17 is in force.</returns>
        public static Arbitrary<InstallationFacts> Installations() => Under(Versions.TmadCatalog.Shipped, "v17");
    }

    /// <summary>Installations the shipped catalogue resolves to v29 (17 Oct – 31 Dec 2025).</summary>
    public static class V29
    {
        /// <summary>The arbitrary.</summary>
        /// <returns>Installations assessed while v29 is in force.</returns>
        public static Arbitrary<InstallationFacts> Installations() => Under(Versions.TmadCatalog.Shipped, "v29");
    }

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
