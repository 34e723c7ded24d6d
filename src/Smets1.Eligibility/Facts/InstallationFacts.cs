using NodaTime;
using Smets1.Eligibility.Model;

namespace Smets1.Eligibility;

/// <summary>
/// Everything known about one SMETS1 installation: one row of the installation file
/// (FILES-AND-CLI.md). Immutable.
/// </summary>
/// <remarks>
/// <para>Facts that may be unknown are nullable, and unknown is never read as false: a missing
/// <see cref="Cohort"/>, <see cref="MeterStatus"/>, <see cref="HasEsme"/>, <see cref="HasGsme"/> or
/// <see cref="DmcId"/> makes the evaluation <see cref="Verdict.Indeterminate"/> with
/// <c>DATA-INCOMPLETE</c>. Facts with a contract default (for example <see cref="MasterKeysPresent"/>,
/// default <see langword="true"/>) are not nullable and start at that default.</para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed record InstallationFacts
{
    private readonly int _failedMigrationAttempts;
    private readonly string _installationId = string.Empty;
    private readonly Cohort? _cohort;
    private readonly MeterStatus? _meterStatus;
    private readonly DormancyCause? _dormancyCause;
    private readonly ProfileDataSwitch? _profileDataSwitch;

    /// <summary>The supplier's key for the installation (<c>installation_id</c>).</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public required string InstallationId
    {
        get => _installationId;
        init => _installationId = value ?? throw new ArgumentNullException(nameof(InstallationId));
    }

    /// <summary>The planned migration instant (<c>assessed_at</c>); <see langword="null"/> when the caller supplies it.</summary>
    public Instant? AssessedAt { get; init; }

    /// <summary>The migration cohort (<c>cohort</c>); <see langword="null"/> when unknown.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not a named <see cref="Eligibility.Cohort"/>.</exception>
    public Cohort? Cohort
    {
        get => _cohort;
        init => _cohort = Named(value, nameof(Cohort));
    }

    /// <summary>Active or Dormant (<c>meter_status</c>); <see langword="null"/> when unknown.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not a named <see cref="Eligibility.MeterStatus"/>.</exception>
    public MeterStatus? MeterStatus
    {
        get => _meterStatus;
        init => _meterStatus = Named(value, nameof(MeterStatus));
    }

    /// <summary>Why a Dormant meter is dormant (<c>dormancy_cause</c>); <see langword="null"/> when unknown.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not a named <see cref="Eligibility.DormancyCause"/>.</exception>
    public DormancyCause? DormancyCause
    {
        get => _dormancyCause;
        init => _dormancyCause = Named(value, nameof(DormancyCause));
    }

    /// <summary>Whether the installation has an electricity meter (<c>has_esme</c>); <see langword="null"/> when unknown.</summary>
    public bool? HasEsme { get; init; }

    /// <summary>Whether the installation has a gas meter (<c>has_gsme</c>); <see langword="null"/> when unknown.</summary>
    public bool? HasGsme { get; init; }

    /// <summary>The Device Model Combination, the key into the EPCL (<c>dmc_id</c>); <see langword="null"/> when unknown.</summary>
    public string? DmcId { get; init; }

    /// <summary>Last Communications Hub contact (<c>chf_last_contact</c>); <see langword="null"/> when none is recorded.</summary>
    public Instant? ChfLastContact { get; init; }

    /// <summary>Last gas meter contact (<c>gsme_last_contact</c>); <see langword="null"/> when none is recorded.</summary>
    public Instant? GsmeLastContact { get; init; }

    /// <summary>Planned change of supplier, a UK calendar date (<c>planned_cos_date</c>); <see langword="null"/> when none is planned.</summary>
    public LocalDate? PlannedCosDate { get; init; }

    /// <summary>Planned change of tenancy, a UK calendar date (<c>planned_cot_date</c>); <see langword="null"/> when none is planned.</summary>
    public LocalDate? PlannedCotDate { get; init; }

    /// <summary>The Communications Hub profile-data switch (<c>profile_data_switch</c>); <see langword="null"/> when unknown.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not a named <see cref="Eligibility.ProfileDataSwitch"/>.</exception>
    public ProfileDataSwitch? ProfileDataSwitch
    {
        get => _profileDataSwitch;
        init => _profileDataSwitch = Named(value, nameof(ProfileDataSwitch));
    }

    /// <summary>Gas supplied through an independent Gas Transporter (<c>igt</c>).</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool Igt { get; init; }

    /// <summary>A valid iGT certificate is held (<c>igt_certificate_valid</c>).</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool IgtCertificateValid { get; init; }

    /// <summary>Device master keys are present (<c>master_keys_present</c>).</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool MasterKeysPresent { get; init; } = true;

    /// <summary>WAN communication was seen before migration (<c>wan_before_migration</c>).</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool WanBeforeMigration { get; init; } = true;

    /// <summary>WAN communication was seen when migration was attempted (<c>wan_at_migration</c>).</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool WanAtMigration { get; init; } = true;

    /// <summary>Failed migration attempts so far (<c>failed_migration_attempts</c>).</summary>
    /// <value>Default 0.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative number.</exception>
    public int FailedMigrationAttempts
    {
        get => _failedMigrationAttempts;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(FailedMigrationAttempts));
            _failedMigrationAttempts = value;
        }
    }

    /// <summary>The gas side shows HAN error GT01 (<c>gt01_han_error</c>).</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool Gt01HanError { get; init; }

    /// <summary>The supplier has stated it believes the installation cannot migrate (<c>supplier_statement_not_migratable</c>).</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool SupplierStatementNotMigratable { get; init; }

    /// <summary>The installation is in a category directed not to migrate, Clause 1.6/1.8 (<c>directed_exclusion</c>).</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool DirectedExclusion { get; init; }

    /// <summary>
    /// The values of the facts registered versions declare (RULE-FILES.md), created from the catalogue's
    /// <see cref="FactSchema"/>: <c>catalog.Facts.CreateValues().Set("psr", true).Build()</c>.
    /// </summary>
    /// <value>Default <see langword="null"/>: every declared fact at its default, or not known when it has none.</value>
    public CustomFacts? Custom { get; init; }

    private static TEnum? Named<TEnum>(TEnum? value, string property)
        where TEnum : struct, Enum =>
        value is not { } named || Enum.IsDefined(named)
            ? value
            : throw new ArgumentOutOfRangeException(property, value, $"{property} {value} is not a named value.");
}
