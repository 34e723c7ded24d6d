using NodaTime;
using Smets1.Eligibility.Reference;

namespace Smets1.Eligibility.Synthetic;

/// <summary>
/// A deterministic synthetic SMETS1 estate for load tests, benchmarks and demos (the tool's <c>generate</c>): an EPCL and any number of
/// installations with a realistic mix of cohorts, meters, contact ages, planned changes, missing facts and
/// Clause 18 flags. The same seed always gives the same estate.
/// </summary>
/// <remarks>
/// With the default options (assessed across the v9–v17 era, 2020-12-18 to 2021-12-31) roughly 30% of
/// installations fail at least one rule. Installations are generated lazily, so an estate of millions of rows
/// needs no more memory than one row. Thread-safe: each enumeration uses its own random source.
/// </remarks>
/// <example>
/// <code>
/// var estate = new SyntheticEstate(seed: 42);
/// var evaluator = new EligibilityEvaluator(estate.Epcl);
/// foreach (var facts in estate.Installations(1_000)) { … }
/// </code>
/// </example>
public sealed class SyntheticEstate
{
    private static readonly Cohort[] Cohorts = [Cohort.Ioc, Cohort.MocMds, Cohort.MocSecure, Cohort.FocNp, Cohort.FocBg];
    private readonly int _seed;
    private readonly Instant _from;
    private readonly long _spanSeconds;
    private readonly string[] _dmcIds;

    /// <summary>Creates an estate.</summary>
    /// <param name="seed">The random seed; the same seed gives the same estate.</param>
    /// <param name="assessedFrom">The earliest assessment instant. Default: 2020-12-18T00:00:00Z (v9).</param>
    /// <param name="assessedTo">The latest assessment instant. Default: 2021-12-31T23:00:00Z (end of v17).</param>
    /// <param name="dmcCount">How many DMCs the EPCL lists. Default 200.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="assessedTo"/> is not after <paramref name="assessedFrom"/>, or <paramref name="dmcCount"/> is below 1.</exception>
    public SyntheticEstate(int seed, Instant? assessedFrom = null, Instant? assessedTo = null, int dmcCount = 200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dmcCount, 1);
        _seed = seed;
        _from = assessedFrom ?? Instant.FromUtc(2020, 12, 18, 0, 0);
        var to = assessedTo ?? Instant.FromUtc(2021, 12, 31, 23, 0);
        if (to <= _from)
        {
            throw new ArgumentOutOfRangeException(nameof(assessedTo), "The latest assessment instant must be after the earliest.");
        }

        _spanSeconds = (long)(to - _from).TotalSeconds;
        var random = new Random(seed);
        var entries = new List<EpclEntry>(dmcCount);
        _dmcIds = new string[dmcCount];
        for (var i = 0; i < dmcCount; i++)
        {
            _dmcIds[i] = $"DMC-{i + 1:D4}";

            // Most DMCs were listed well before the era; some during it (so EPCL-LISTED fails early on).
            var addedOn = new LocalDate(2019, 6, 1).PlusDays(random.Next(0, 900));
            entries.Add(new EpclEntry(_dmcIds[i], addedOn, UneconomicToTest: random.NextDouble() < 0.02));
        }

        Epcl = new Epcl(entries);
    }

    /// <summary>The EPCL the installations' DMCs are checked against (a few installations use DMCs not on it).</summary>
    public Epcl Epcl { get; }

    /// <summary>Generates installations lazily, IDs <c>INST-0000001</c> upwards.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The installations, the same for the same seed and count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IEnumerable<InstallationFacts> Installations(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Generate(count);
    }

    private IEnumerable<InstallationFacts> Generate(int count)
    {
        var random = new Random(_seed ^ 0x5EED);
        for (var i = 0; i < count; i++)
        {
            yield return Next(random, i + 1);
        }
    }

    private InstallationFacts Next(Random random, int number)
    {
        var assessedAt = _from + Duration.FromSeconds(random.NextInt64(0, _spanSeconds));
        var assessedOn = assessedAt.InUtc().Date;
        var hasGsme = random.NextDouble() < 0.75;
        var hasEsme = !hasGsme || random.NextDouble() < 0.95;
        var dormant = random.NextDouble() < 0.12;
        var cohort = Cohorts[random.Next(Cohorts.Length)];
        var facts = new InstallationFacts
        {
            InstallationId = $"INST-{number:D7}",
            AssessedAt = assessedAt,
            Cohort = cohort,
            MeterStatus = dormant ? MeterStatus.Dormant : MeterStatus.Active,
            DormancyCause = dormant ? (random.NextDouble() < 0.6 ? DormancyCause.ChangeOfSupplier : DormancyCause.SmsoContractTerminated) : null,
            HasEsme = hasEsme,
            HasGsme = hasGsme,
            DmcId = random.NextDouble() < 0.02 ? $"DMC-UNLISTED-{random.Next(50):D2}" : _dmcIds[random.Next(_dmcIds.Length)],
            ChfLastContact = Contact(random, assessedAt),
            GsmeLastContact = hasGsme ? Contact(random, assessedAt) : null,
            PlannedCosDate = random.NextDouble() < 0.04 ? assessedOn.PlusDays(random.Next(-3, 20)) : null,
            PlannedCotDate = random.NextDouble() < 0.01 ? assessedOn.PlusDays(random.Next(0, 20)) : null,
            ProfileDataSwitch = random.NextDouble() switch
            {
                < 0.75 => ProfileDataSwitch.Off,
                < 0.92 => ProfileDataSwitch.On,
                _ => null,
            },
            Igt = hasGsme && random.NextDouble() < 0.04,
            IgtCertificateValid = random.NextDouble() < 0.6,
            MasterKeysPresent = random.NextDouble() >= 0.01,
            WanBeforeMigration = random.NextDouble() >= 0.01,
            WanAtMigration = random.NextDouble() >= 0.01,
            FailedMigrationAttempts = random.NextDouble() < 0.9 ? 0 : random.Next(1, 8),
            Gt01HanError = hasGsme && random.NextDouble() < 0.01,
            SupplierStatementNotMigratable = dormant && random.NextDouble() < 0.2,
            DirectedExclusion = random.NextDouble() < 0.004,
        };

        // About 1% of rows arrive with a required cell blank.
        return random.NextDouble() switch
        {
            < 0.003 => facts with { Cohort = null },
            < 0.006 => facts with { MeterStatus = null },
            < 0.008 => facts with { HasGsme = null },
            < 0.010 => facts with { DmcId = null },
            _ => facts,
        };
    }

    private static Instant? Contact(Random random, Instant assessedAt) => random.NextDouble() switch
    {
        < 0.90 => assessedAt - Duration.FromSeconds(random.Next(0, 20 * 3600)),
        < 0.98 => assessedAt - Duration.FromSeconds(random.Next(20 * 3600, 100 * 3600)),
        _ => null,
    };
}
