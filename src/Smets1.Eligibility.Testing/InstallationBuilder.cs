using NodaTime;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Testing;

/// <summary>
/// Builds <see cref="InstallationFacts"/> fluently from valid defaults: unless told otherwise, the installation
/// is <see cref="Verdict.Eligible"/> under v17 against <see cref="EpclBuilder.Default"/>.
/// </summary>
/// <remarks>
/// <para>Defaults: ID <c>INST-0001</c>, assessed 2021-11-10T10:00:00Z (v17), cohort <c>MOC_SECURE</c>, Active,
/// ESME and GSME present, DMC <see cref="DefaultDmcId"/>, Communications Hub and gas meter last contact one
/// hour before assessment, nothing planned, every optional flag at its file default.</para>
/// <para>Contacts given as an age (<see cref="WithChfContactAge"/>) move with the assessment instant; contacts
/// given as an instant stay put. Builders are mutable and not thread-safe; what they build is immutable.</para>
/// </remarks>
/// <example>
/// <code>
/// var facts = new InstallationBuilder()
///     .AssessedAt(Instant.FromUtc(2021, 10, 10, 10, 0))
///     .WithChfContactAge(Duration.FromHours(49))
///     .Build(); // Deferred under v11: COMMS-RECENT-CHF
/// </code>
/// </example>
public sealed class InstallationBuilder
{
    /// <summary>The DMC of the default installation, listed in <see cref="EpclBuilder.Default"/> since 2021-03-15.</summary>
    public const string DefaultDmcId = "DMC-TEST-0001";

    /// <summary>The default assessment instant, 2021-11-10T10:00:00Z, under v17.</summary>
    public static readonly Instant DefaultAssessedAt = Instant.FromUtc(2021, 11, 10, 10, 0);

    private static readonly Duration DefaultContactAge = Duration.FromHours(1);

    private InstallationFacts _facts = new()
    {
        InstallationId = "INST-0001",
        AssessedAt = DefaultAssessedAt,
        Cohort = Smets1.Eligibility.Cohort.MocSecure,
        MeterStatus = Smets1.Eligibility.MeterStatus.Active,
        HasEsme = true,
        HasGsme = true,
        DmcId = DefaultDmcId,
    };

    private Duration? _chfAge = DefaultContactAge;
    private CustomFactsBuilder? _custom;
    private Duration? _gsmeAge = DefaultContactAge;

    /// <summary>Sets the installation ID.</summary>
    /// <param name="installationId">The ID.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder WithId(string installationId) => Set(_facts with { InstallationId = installationId });

    /// <summary>Sets the assessment instant; contacts given as ages move with it.</summary>
    /// <param name="assessedAt">The instant, or <see langword="null"/> to leave it to the caller.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder AssessedAt(Instant? assessedAt) => Set(_facts with { AssessedAt = assessedAt });

    /// <summary>Sets the cohort.</summary>
    /// <param name="cohort">The cohort, or <see langword="null"/> for unknown.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder InCohort(Cohort? cohort) => Set(_facts with { Cohort = cohort });

    /// <summary>Makes the meter Active (clearing any dormancy cause).</summary>
    /// <returns>This builder.</returns>
    public InstallationBuilder Active() => Set(_facts with { MeterStatus = Smets1.Eligibility.MeterStatus.Active, DormancyCause = null });

    /// <summary>Makes the meter Dormant.</summary>
    /// <param name="cause">Why, or <see langword="null"/> for unknown.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder Dormant(DormancyCause? cause = null) => Set(_facts with { MeterStatus = Smets1.Eligibility.MeterStatus.Dormant, DormancyCause = cause });

    /// <summary>Sets the meter status directly.</summary>
    /// <param name="status">The status, or <see langword="null"/> for unknown.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder WithMeterStatus(MeterStatus? status) => Set(_facts with { MeterStatus = status });

    /// <summary>Sets which meters are present.</summary>
    /// <param name="hasEsme">Electricity meter present, or <see langword="null"/> for unknown.</param>
    /// <param name="hasGsme">Gas meter present, or <see langword="null"/> for unknown.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder WithMeters(bool? hasEsme, bool? hasGsme) => Set(_facts with { HasEsme = hasEsme, HasGsme = hasGsme });

    /// <summary>Sets the DMC.</summary>
    /// <param name="dmcId">The DMC id, or <see langword="null"/> for unknown.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder WithDmc(string? dmcId) => Set(_facts with { DmcId = dmcId });

    /// <summary>Sets the last Communications Hub contact to a fixed instant.</summary>
    /// <param name="lastContact">The instant, or <see langword="null"/> for none recorded.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder WithChfContact(Instant? lastContact)
    {
        _chfAge = null;
        return Set(_facts with { ChfLastContact = lastContact });
    }

    /// <summary>Sets the last Communications Hub contact to this long before assessment.</summary>
    /// <param name="age">The time between contact and assessment.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder WithChfContactAge(Duration age)
    {
        _chfAge = age;
        return this;
    }

    /// <summary>Sets the last gas meter contact to a fixed instant.</summary>
    /// <param name="lastContact">The instant, or <see langword="null"/> for none recorded.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder WithGsmeContact(Instant? lastContact)
    {
        _gsmeAge = null;
        return Set(_facts with { GsmeLastContact = lastContact });
    }

    /// <summary>Sets the last gas meter contact to this long before assessment.</summary>
    /// <param name="age">The time between contact and assessment.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder WithGsmeContactAge(Duration age)
    {
        _gsmeAge = age;
        return this;
    }

    /// <summary>Plans a change of supplier.</summary>
    /// <param name="date">The UK date, or <see langword="null"/> for none planned.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder WithPlannedCos(LocalDate? date) => Set(_facts with { PlannedCosDate = date });

    /// <summary>Plans a change of tenancy.</summary>
    /// <param name="date">The UK date, or <see langword="null"/> for none planned.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder WithPlannedCot(LocalDate? date) => Set(_facts with { PlannedCotDate = date });

    /// <summary>Sets the Communications Hub profile-data switch.</summary>
    /// <param name="value">The position, or <see langword="null"/> for unknown.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder WithProfileDataSwitch(ProfileDataSwitch? value) => Set(_facts with { ProfileDataSwitch = value });

    /// <summary>Supplies gas through an independent Gas Transporter.</summary>
    /// <param name="certificateValid">Whether a valid iGT certificate is held.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder WithIgt(bool certificateValid) => Set(_facts with { Igt = true, IgtCertificateValid = certificateValid });

    /// <summary>Sets the number of failed migration attempts.</summary>
    /// <param name="attempts">Zero or more.</param>
    /// <returns>This builder.</returns>
    public InstallationBuilder WithFailedAttempts(int attempts) => Set(_facts with { FailedMigrationAttempts = attempts });

    /// <summary>Lets <see cref="WithFact"/> set the facts the versions of <paramref name="catalog"/> declare (RULE-FILES.md); each starts at its default.</summary>
    /// <param name="catalog">The catalogue whose declared facts to set.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public InstallationBuilder For(TmadCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _custom = catalog.Facts.CreateValues();
        return this;
    }

    /// <summary>Sets a declared fact, for example <c>.For(catalog).WithFact("open_complaints", 3)</c>; <see langword="null"/> makes it "not known".</summary>
    /// <param name="name">The fact's name.</param>
    /// <param name="value">Its value, by the fact's type (see <see cref="CustomFactsBuilder.Set"/>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException"><see cref="For"/> was not called first.</exception>
    /// <exception cref="KeyNotFoundException">No version of the catalogue declares the fact.</exception>
    /// <exception cref="ArgumentException">The value does not fit the fact's definition.</exception>
    public InstallationBuilder WithFact(string name, object? value)
    {
        if (_custom is null)
        {
            throw new InvalidOperationException("Call For(catalog) first, so that the builder knows the facts the catalogue's versions declare.");
        }

        _custom.Set(name, value);
        return this;
    }

    /// <summary>Applies any other change to the facts (for the Clause 18 flags, for example).</summary>
    /// <param name="change">The change, for example <c>f =&gt; f with { Gt01HanError = true }</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/>.</exception>
    public InstallationBuilder With(Func<InstallationFacts, InstallationFacts> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Set(change(_facts));
    }

    /// <summary>Builds the facts.</summary>
    /// <returns>The immutable facts.</returns>
    public InstallationFacts Build()
    {
        var facts = _custom is null ? _facts : _facts with { Custom = _custom.Build() };
        if (facts.AssessedAt is { } at)
        {
            if (_chfAge is { } chfAge)
            {
                facts = facts with { ChfLastContact = at - chfAge };
            }

            if (_gsmeAge is { } gsmeAge)
            {
                facts = facts with { GsmeLastContact = at - gsmeAge };
            }
        }

        return facts;
    }

    private InstallationBuilder Set(InstallationFacts facts)
    {
        _facts = facts;
        return this;
    }
}
