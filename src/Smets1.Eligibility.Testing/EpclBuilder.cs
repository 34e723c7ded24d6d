using NodaTime;
using Smets1.Eligibility.Reference;

namespace Smets1.Eligibility.Testing;

/// <summary>Builds an <see cref="Epcl"/> fluently.</summary>
/// <example>
/// <code>
/// var epcl = new EpclBuilder()
///     .With("DMC-A", new LocalDate(2021, 3, 15))
///     .With("DMC-B", new LocalDate(2020, 6, 1), uneconomicToTest: true)
///     .Build();
/// </code>
/// </example>
/// <remarks>Mutable and not thread-safe; the EPCL it builds is immutable.</remarks>
public sealed class EpclBuilder
{
    private readonly List<EpclEntry> _entries = [];

    /// <summary>The EPCL the default <see cref="InstallationBuilder"/> installation is listed on:
    /// <see cref="InstallationBuilder.DefaultDmcId"/> added 2021-03-15.</summary>
    public static Epcl Default { get; } = new EpclBuilder().WithDefault().Build();

    /// <summary>Adds <see cref="InstallationBuilder.DefaultDmcId"/>, added 2021-03-15.</summary>
    /// <returns>This builder.</returns>
    public EpclBuilder WithDefault() => With(InstallationBuilder.DefaultDmcId, new LocalDate(2021, 3, 15));

    /// <summary>Adds an entry.</summary>
    /// <param name="dmcId">The DMC id.</param>
    /// <param name="addedOn">The UK date it was added.</param>
    /// <param name="uneconomicToTest">Whether it was judged uneconomic to test.</param>
    /// <returns>This builder.</returns>
    public EpclBuilder With(string dmcId, LocalDate addedOn, bool uneconomicToTest = false)
    {
        _entries.Add(new EpclEntry(dmcId, addedOn, uneconomicToTest));
        return this;
    }

    /// <summary>Builds the EPCL.</summary>
    /// <returns>The EPCL.</returns>
    /// <exception cref="ArgumentException">A DMC id was added twice.</exception>
    public Epcl Build() => new(_entries);
}
