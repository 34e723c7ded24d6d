using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Testing;

/// <summary>
/// FsCheck generators for installations and assessment instants: any well-formed installation, installations
/// at each rule's boundaries, instants around every effective date, expiry and the 2021 clock changes, and
/// installations with missing facts. Evaluate them against <see cref="Epcl"/>.
/// </summary>
/// <example>
/// A property in an xunit fact, with FsCheck 3's fluent API:
/// <code>
/// var evaluator = new EligibilityEvaluator(EligibilityGen.Epcl);
/// Prop.ForAll(EligibilityGen.AnyInstallation.ToArbitrary(), facts =>
///         evaluator.EvaluateOutcome(facts) == evaluator.EvaluateOutcome(facts))
///     .Check(Config.QuickThrowOnFailure.WithMaxTest(500));
/// </code>
/// Sampling for a look: <c>EligibilityGen.BoundaryInstallation.Sample(10)</c>.
/// </example>
/// <remarks>All generators are immutable and thread-safe.</remarks>
public static class EligibilityGen
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly Cohort[] Cohorts = [Cohort.Ioc, Cohort.MocMds, Cohort.MocSecure, Cohort.FocNp, Cohort.FocBg];

    /// <summary>The DMC ids the generators use; all but <see cref="UnlistedDmcId"/> are on <see cref="Epcl"/>.</summary>
    public static IReadOnlyList<string> DmcIds { get; } = [.. Enumerable.Range(1, 8).Select(i => $"DMC-GEN-{i:D2}"), UnlistedDmcId];

    /// <summary>A DMC id that is not on <see cref="Epcl"/>.</summary>
    public const string UnlistedDmcId = "DMC-GEN-UNLISTED";

    /// <summary>The EPCL for generated installations: eight DMCs added between 2019 and 2023, one uneconomic to test.</summary>
    public static Epcl Epcl { get; } = new(
    [
        new EpclEntry("DMC-GEN-01", new LocalDate(2019, 7, 1)),
        new EpclEntry("DMC-GEN-02", new LocalDate(2020, 2, 29)),
        new EpclEntry("DMC-GEN-03", new LocalDate(2020, 12, 18)),
        new EpclEntry("DMC-GEN-04", new LocalDate(2021, 3, 15)),
        new EpclEntry("DMC-GEN-05", new LocalDate(2021, 6, 1)),
        new EpclEntry("DMC-GEN-06", new LocalDate(2021, 10, 31)),
        new EpclEntry("DMC-GEN-07", new LocalDate(2022, 5, 4), UneconomicToTest: true),
        new EpclEntry("DMC-GEN-08", new LocalDate(2023, 1, 9)),
    ]);

    /// <summary>
    /// The Europe/London midnights that start every shipped version, follow every inclusive expiry, and
    /// close every default cohort, plus both 2021 clock changes (01:00 UTC on 28 March and 31 October).
    /// </summary>
    public static IReadOnlyList<Instant> BoundaryInstants { get; } =
    [
        .. new[] { new LocalDate(2020, 12, 18), new LocalDate(2021, 2, 28), new LocalDate(2021, 11, 4), new LocalDate(2025, 10, 17) }
            .Concat([new LocalDate(2022, 1, 1), new LocalDate(2026, 1, 1)])
            .Concat(CohortClosures.Default.All.Select(c => c.LastDay.PlusDays(1)).Distinct())
            .Select(d => d.AtStartOfDayInZone(London).ToInstant()),
        Instant.FromUtc(2021, 3, 28, 1, 0),
        Instant.FromUtc(2021, 10, 31, 1, 0),
    ];

    /// <summary>Any instant from 2020-11-01 to 2026-03-01: before, across and after every shipped version.</summary>
    public static Gen<Instant> AssessmentInstant { get; } =
        from days in Gen.Choose(0, 1946)
        from seconds in Gen.Choose(0, 86_399)
        select Instant.FromUtc(2020, 11, 1, 0, 0) + Duration.FromDays(days) + Duration.FromSeconds(seconds);

    /// <summary>Instants at, just before and just after each of <see cref="BoundaryInstants"/> (±1 s, ±1 min, ±1 h, ±1 day).</summary>
    public static Gen<Instant> BoundaryInstant { get; } =
        from boundary in Gen.Elements(BoundaryInstants.ToArray())
        from offset in Gen.Elements(0L, -1, 1, -60, 60, -3600, 3600, -86_400, 86_400)
        select boundary + Duration.FromSeconds(offset);

    /// <summary>Any well-formed installation with every required fact known, assessed at <see cref="AssessmentInstant"/> or <see cref="BoundaryInstant"/>.</summary>
    public static Gen<InstallationFacts> Installation { get; } = Build(Gen.Frequency((4, AssessmentInstant), (1, BoundaryInstant)));

    /// <summary>Installations with at least one required fact (cohort, meter status, meters present, DMC, assessment instant) unknown.</summary>
    public static Gen<InstallationFacts> IncompleteInstallation { get; } =
        from facts in Installation
        from blank in Gen.Choose(1, 63)
        select Blank(facts, blank);

    /// <summary>Complete installations (four in five) and incomplete ones.</summary>
    public static Gen<InstallationFacts> AnyInstallation { get; } = Gen.Frequency((4, Installation), (1, IncompleteInstallation));

    /// <summary>
    /// Installations at a rule's boundary: a contact 24 h or 72 h old (±1 s), a change of supplier or tenancy
    /// N−1, N or N+1 days ahead for N of 2 and 9, or 4 or 5 failed attempts.
    /// </summary>
    public static Gen<InstallationFacts> BoundaryInstallation { get; } =
        from facts in Installation
        from variant in Gen.Choose(0, 3)
        from hours in Gen.Elements(24, 72)
        from seconds in Gen.Elements(-1, 0, 1)
        from lookahead in Gen.Elements(2, 9)
        from days in Gen.Elements(-1, 0, 1)
        from attempts in Gen.Elements(4, 5)
        select variant switch
        {
            0 => facts with { ChfLastContact = facts.AssessedAt!.Value - Duration.FromHours(hours) - Duration.FromSeconds(seconds) },
            1 => facts with { HasGsme = true, GsmeLastContact = facts.AssessedAt!.Value - Duration.FromHours(hours) - Duration.FromSeconds(seconds) },
            2 => facts with { PlannedCosDate = facts.AssessedAt!.Value.InZone(London).Date.PlusDays(lookahead + days) },
            _ => facts with { FailedMigrationAttempts = attempts },
        };

    /// <summary>
    /// Values of the facts a catalogue's versions declare (RULE-FILES.md), generated from their definitions: every
    /// value fits its type, bounds, length and values; facts without a default are sometimes not known, and facts
    /// with one sometimes keep it.
    /// </summary>
    /// <param name="schema">The declared facts, <c>catalog.Facts</c>.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> is <see langword="null"/>.</exception>
    public static Gen<CustomFacts> CustomFacts(FactSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var values = Gen.Constant(Array.Empty<object?>());
        foreach (var fact in schema.Facts)
        {
            var next = Value(fact);
            values = from drawn in values from value in next select (object?[])[.. drawn, value];
        }

        return values.Select(drawn =>
        {
            var builder = schema.CreateValues();
            var i = 0;
            foreach (var value in drawn)
            {
                var fact = schema.Facts[i++];
                if (!ReferenceEquals(value, Keep))
                {
                    builder.Set(fact.Name, value);
                }
            }

            return builder.Build();
        });
    }

    /// <summary>Well-formed installations (<see cref="Installation"/>) that also carry generated values of the catalogue's declared facts.</summary>
    /// <param name="catalog">The catalogue.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public static Gen<InstallationFacts> InstallationFor(TmadCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return from facts in AnyInstallation
               from custom in CustomFacts(catalog.Facts)
               select facts with { Custom = custom };
    }

    /// <summary>
    /// Installations that a catalogue resolves to one version: assessed at any second of a day on which the version
    /// is in force (from its effective date to its inclusive expiry, Europe/London, less the days a later version
    /// supersedes it), carrying generated values of the catalogue's declared facts. Three in four are complete.
    /// </summary>
    /// <param name="catalog">The catalogue.</param>
    /// <param name="label">The version, for example <c>"v17"</c> or a version you registered.</param>
    /// <param name="includeInferredTimeline">Whether date resolution includes the inferred eras (TMAD-RULES §3a), as the evaluator you test does.</param>
    /// <returns>The generator; every installation it draws has <c>catalog.Resolve(facts.AssessedAt).Version.Label == label</c> (incomplete ones lack another required fact, never the instant).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> or <paramref name="label"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The catalogue has no such version, or resolves no date to it (it is superseded throughout, or an inferred era while <paramref name="includeInferredTimeline"/> is false).</exception>
    public static Gen<InstallationFacts> InstallationUnder(TmadCatalog catalog, string label, bool includeInferredTimeline = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(label);
        var version = catalog.Versions.FirstOrDefault(v => v.Label == label)
            ?? throw new ArgumentException($"The catalogue has no version '{label}'; it has {string.Join(", ", catalog.Versions.Select(v => v.Label))}.", nameof(label));
        var days = new List<LocalDate>();
        for (var day = version.EffectiveFrom; day <= version.Expiry; day = day.PlusDays(1))
        {
            if (catalog.Resolve(day, includeInferredTimeline).Version == version)
            {
                days.Add(day);
            }
        }

        if (days.Count == 0)
        {
            throw new ArgumentException($"No date resolves to version '{label}' in this catalogue{(includeInferredTimeline ? string.Empty : " without the inferred timeline")}; evaluate with EvaluationOptions.Pinned(\"{label}\") instead.", nameof(label));
        }

        // Each day's own midnights: a day of a clock change is 23 or 25 hours long.
        var instants =
            from day in Gen.Elements(days.ToArray())
            let start = day.AtStartOfDayInZone(London).ToInstant()
            let length = day.PlusDays(1).AtStartOfDayInZone(London).ToInstant() - start
            from second in Gen.Choose(0, (int)length.TotalSeconds - 1)
            select start + Duration.FromSeconds(second);
        var complete = Build(instants);
        return from facts in Gen.Frequency((3, complete), (1, from f in complete from blank in Gen.Choose(1, 31) select Blank(f, blank)))
               from custom in CustomFacts(catalog.Facts)
               select facts with { Custom = custom };
    }

    private static readonly object Keep = new();

    private static Gen<object?> Value(FactDefinition fact)
    {
        Gen<object?> typed = fact.Type switch
        {
            FactType.Boolean => Gen.Elements(true, false).Select(b => (object?)b),
            FactType.Integer => Gen.Choose(Bound(fact.Min, -5), Bound(fact.Max, 100)).Select(n => (object?)(long)n),
            FactType.Decimal => Gen.Choose(Bound(fact.Min, -5) * 100, Bound(fact.Max, 100) * 100).Select(n => (object?)(n / 100m)),
            FactType.Enum => Gen.Elements(fact.Values.ToArray()).Select(v => (object?)v),
            FactType.Text => Gen.Elements("", "A", "ACME", "north", "ISLANDS", "x y").Where(t => fact.MaxLength is not { } max || t.Length <= max).Select(t => (object?)t),
            FactType.Date => Gen.Choose(0, 6 * 365).Select(d => (object?)new LocalDate(2020, 1, 1).PlusDays(d)),
            _ => Gen.Choose(0, 6 * 365 * 24).Select(h => (object?)(Instant.FromUtc(2020, 1, 1, 0, 0) + Duration.FromHours(h))),
        };
        return fact.Default is null
            ? Gen.Frequency((5, typed), (1, Gen.Constant<object?>(null)))
            : Gen.Frequency((5, typed), (1, Gen.Constant<object?>(Keep)));
    }

    private static int Bound(decimal? bound, int fallback) => bound is { } b ? (int)Math.Clamp(b, -1_000_000, 1_000_000) : fallback;

    private static Gen<InstallationFacts> Build(Gen<Instant> instants) =>
        from id in Gen.Choose(1, 9_999_999)
        from at in instants
        from cohort in Gen.Elements(Cohorts)
        from dormant in Gen.Frequency((7, Gen.Constant(false)), (3, Gen.Constant(true)))
        from cause in Gen.Elements<DormancyCause?>(null, DormancyCause.ChangeOfSupplier, DormancyCause.SmsoContractTerminated)
        from meters in Gen.Elements((true, true), (true, false), (false, true))
        from dmc in Gen.Elements(DmcIds.ToArray())
        from chf in Contact(at)
        from gsme in Contact(at)
        from cos in Planned(at)
        from cot in Planned(at)
        from profileSwitch in Gen.Elements<ProfileDataSwitch?>(null, ProfileDataSwitch.Off, ProfileDataSwitch.Off, ProfileDataSwitch.On)
        from flags in Gen.Choose(0, int.MaxValue)
        from attempts in Gen.Frequency((6, Gen.Constant(0)), (2, Gen.Choose(1, 4)), (2, Gen.Choose(5, 9)))
        select new InstallationFacts
        {
            InstallationId = $"GEN-{id:D7}",
            AssessedAt = at,
            Cohort = cohort,
            MeterStatus = dormant ? MeterStatus.Dormant : MeterStatus.Active,
            DormancyCause = dormant ? cause : null,
            HasEsme = meters.Item1,
            HasGsme = meters.Item2,
            DmcId = dmc,
            ChfLastContact = chf,
            GsmeLastContact = meters.Item2 ? gsme : null,
            PlannedCosDate = cos,
            PlannedCotDate = cot,
            ProfileDataSwitch = profileSwitch,
            Igt = Flag(flags, 0, 3),
            IgtCertificateValid = Flag(flags, 1, 2),
            MasterKeysPresent = !Flag(flags, 2, 5),
            WanBeforeMigration = !Flag(flags, 3, 5),
            WanAtMigration = !Flag(flags, 4, 5),
            FailedMigrationAttempts = attempts,
            Gt01HanError = meters.Item2 && Flag(flags, 5, 4),
            SupplierStatementNotMigratable = Flag(flags, 6, 3),
            DirectedExclusion = Flag(flags, 7, 8),
        };

    /// <summary>About one in <paramref name="oneIn"/> installations has flag <paramref name="index"/> set: one random draw feeds every flag through a multiplicative hash.</summary>
    private static bool Flag(int bits, int index, int oneIn) => ((bits * 2_654_435_761u) >> (index * 3)) % (uint)oneIn == 0;

    private static Gen<Instant?> Contact(Instant at) => Gen.Frequency(
        (6, Gen.Choose(0, 20 * 3600).Select(s => (Instant?)(at - Duration.FromSeconds(s)))),
        (3, Gen.Choose(20 * 3600, 100 * 3600).Select(s => (Instant?)(at - Duration.FromSeconds(s)))),
        (1, Gen.Constant<Instant?>(null)));

    private static Gen<LocalDate?> Planned(Instant at) => Gen.Frequency(
        (4, Gen.Constant<LocalDate?>(null)),
        (1, Gen.Choose(-3, 14).Select(d => (LocalDate?)at.InZone(London).Date.PlusDays(d))));

    private static InstallationFacts Blank(InstallationFacts facts, int mask) => facts with
    {
        Cohort = (mask & 1) != 0 ? null : facts.Cohort,
        MeterStatus = (mask & 2) != 0 ? null : facts.MeterStatus,
        HasEsme = (mask & 4) != 0 ? null : facts.HasEsme,
        HasGsme = (mask & 8) != 0 ? null : facts.HasGsme,
        DmcId = (mask & 16) != 0 ? null : facts.DmcId,
        AssessedAt = (mask & 32) != 0 ? null : facts.AssessedAt,
    };
}
