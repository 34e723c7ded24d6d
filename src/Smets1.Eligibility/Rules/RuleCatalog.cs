using System.Globalization;
using Smets1.Eligibility.Versions;
using static Smets1.Eligibility.Rules.Confidence;
using static Smets1.Eligibility.Rules.RuleOutcome;

namespace Smets1.Eligibility.Rules;

/// <summary>
/// The rule catalogue of TMAD-RULES §5, in catalogue order. Each definition's <see cref="RuleDefinition.ShippedIn"/>
/// is what the shipped versions hold; a version's rules are the catalogue's rules listed for it.
/// </summary>
internal static class RuleCatalog
{
    private const string Clause18 = "Clause 18";
    private const string Clause18Confidence = "Confirmed as a DCC proposal (P-V1); the version that adopted it is inferred (v29 holds it; which version between v17 and v29 introduced it is not in our sources).";
    private const string Clause18Question = "Which version between v17 and v29 introduced each Clause 18 category.";

    private static readonly string[] AllShipped = ["v9", "v11", "v17", "v29"];
    private static readonly string[] FromV11 = ["v11", "v17", "v29"];
    private static readonly string[] V29Only = ["v29"];

    public static IReadOnlyList<RuleDefinition> All { get; } =
    [
        new()
        {
            Id = RuleIds.VersionUnresolved,
            Title = "A TMAD version covers the assessment date",
            FailsWhen = "no shipped or registered version covers the assessment date",
            Clause = "TMAD-RULES §3",
            Citation = "Version resolution (TMAD-RULES §3)",
            Outcome = Indeterminate,
        },
        new()
        {
            Id = RuleIds.DataIncomplete,
            Title = "The facts the checks need are known",
            FailsWhen = "a fact that an applicable check needs is missing (assessment instant, cohort, meter status, which meters are present, DMC)",
            Citation = "Evaluation (TMAD-RULES §5)",
            Outcome = Indeterminate,
            ShippedIn = AllShipped,
        },
        new()
        {
            Id = RuleIds.VersionInferred,
            Title = "The version is a designated one, not an era of the inferred timeline",
            FailsWhen = "the version was resolved from the inferred timeline (TMAD-RULES §3a), or derives from one of its eras; the verdict is unchanged",
            Clause = "TMAD-RULES §3a",
            Citation = "Inferred timeline (TMAD-RULES §3a)",
            Outcome = Warning,
        },
        new()
        {
            Id = RuleIds.TmadInForce,
            Title = "The TMAD version is in force",
            FailsWhen = "the assessment date is after the version's expiry date",
            Clause = "SEC N6.8",
            Source = Sources.S003,
            Citation = "Expiry: S003 (v9), S004 (final); SEC N6.8",
            Confidence = Confirmed,
            Outcome = Ineligible,
            Parameters = [ParameterKeys.TmadExpiry],
            ShippedIn = AllShipped,
            OpenQuestion = "The expiry extensions between v17 and v29 (31 Dec 2022, 31 Mar 2024, 31 Dec 2024, 31 Dec 2025) are not tied to versions in our sources.",
            Predicate = (c, p) => c.AssessedAt >= p.ExpiryEndsAt,
            Explain = (c, p, d) => RuleMessages.Write(d, $"assessed on {Text.InMessage(c.AssessedOn)} (Europe/London), after the {p.Label} expiry {Text.InMessage(p.Expiry)}"),
        },
        new()
        {
            Id = RuleIds.CohortOpen,
            Title = "The cohort's migration service is open",
            FailsWhen = "the cohort's migration service has closed: assessed after its closure date",
            Clause = "S004 §2.1 para 15",
            Source = Sources.S004,
            Citation = "S004 §2.1 para 15",
            Confidence = Inferred,
            ConfidenceNote = "The closure months are confirmed by S004; the last day of each month is inferred.",
            Outcome = Ineligible,
            RequiredMask = FactMask.Cohort,
            ShippedIn = AllShipped,
            OpenQuestion = "The exact closure day of each cohort.",
            Predicate = (c, p) => c.AssessedAt >= c.CohortClosesAt,
            Explain = (c, p, d) => RuleMessages.Write(d, $"cohort {ContractText.Format(c.Facts.Cohort.GetValueOrDefault())} closed after {Text.InMessage(c.CohortClosesAt.InZone(Text.London).Date.PlusDays(-1))}; assessed on {Text.InMessage(c.AssessedOn)}"),
        },
        new()
        {
            Id = RuleIds.EpclListed,
            Title = "The DMC is on the EPCL",
            FailsWhen = "the installation's DMC is not on the EPCL, or was added after the assessment date",
            Clause = "MEHRS MA110",
            Source = Sources.S003,
            Citation = "S003; MEHRS MA110 (P-MEHRS22)",
            Confidence = Confirmed,
            Outcome = Ineligible,
            RequiredMask = FactMask.DmcId,
            ShippedIn = AllShipped,
            Predicate = (c, p) => c.Epcl == null || c.AssessedAt < c.Epcl.ListedFrom,
            Explain = (c, p, d) => c.Epcl is null
                ? RuleMessages.Write(d, $"DMC '{c.Facts.DmcId}' is not on the EPCL")
                : RuleMessages.Write(d, $"DMC '{c.Facts.DmcId}' was added to the EPCL on {Text.InMessage(c.Epcl.Entry.AddedOn)}, after the assessment date {Text.InMessage(c.AssessedOn)}"),
        },
        new()
        {
            Id = RuleIds.EpclWindow,
            Title = "Assessed within the EPCL migration window",
            FailsWhen = "assessed more than the EPCL migration window (12 calendar months) after the DMC's EPCL date",
            Source = Sources.S003,
            Citation = "S003",
            Confidence = Inferred,
            ConfidenceNote = "The 12-month window is confirmed by S003; treating it as a warning only is inferred.",
            Outcome = Warning,
            RequiredMask = FactMask.DmcId,
            Parameters = [ParameterKeys.EpclWindowMonths],
            ShippedIn = AllShipped,
            Predicate = (c, p) => c.Epcl != null && c.AssessedAt >= c.Epcl.WindowEndsAt(p.EpclWindowMonths),
            Explain = (c, p, d) => RuleMessages.Write(d, $"assessed on {Text.InMessage(c.AssessedOn)}, more than {p.EpclWindowText} after DMC '{c.Facts.DmcId}' was added to the EPCL on {Text.InMessage(c.Epcl!.Entry.AddedOn)}; the {p.Label} window ended {Text.InMessage(c.Epcl.Entry.AddedOn.PlusMonths(p.EpclWindowMonths))}"),
        },
        new()
        {
            Id = RuleIds.CosLookahead,
            Title = "No change of supplier or tenancy is imminent",
            FailsWhen = "a change of supplier or change of tenancy is planned within N days of the assessment date",
            Source = Sources.S003,
            Citation = "S003 (2 → 9 days, all cohorts)",
            Confidence = Confirmed,
            Outcome = Deferred,
            Parameters = [ParameterKeys.CosLookaheadDays],
            ShippedIn = AllShipped,
            OpenQuestion = "Whether the look-ahead counts calendar or working days (calendar days are used).",
            When = BuiltInConditions.CosLookahead,
            Explain = ExplainLookahead,
        },
        new()
        {
            Id = RuleIds.DormantProfileSwitch,
            Title = "A Dormant FOC meter has its profile-data switch Off",
            FailsWhen = "a Dormant meter in an FOC cohort whose Communications Hub profile-data switch is not Off (unknown is not Off)",
            Source = Sources.S003,
            Citation = "S003",
            Confidence = Inferred,
            ConfidenceNote = "Confirmed at v11 (S003); limiting it to FOC and keeping it after v11 are inferred.",
            Outcome = Ineligible,
            RequiredMask = FactMask.Cohort | FactMask.MeterStatus,
            ShippedIn = FromV11,
            OpenQuestion = "Whether the rule was limited to FOC, and when it was removed.",
            When = BuiltInConditions.DormantProfileSwitch,
            Explain = (c, p, d) => RuleMessages.Write(d, $"Dormant meter in {ContractText.Format(c.Facts.Cohort.GetValueOrDefault())} with profile-data switch {(c.Facts.ProfileDataSwitch is { } s ? ContractText.Format(s) : "unknown")}; it must be OFF"),
        },
        new()
        {
            Id = RuleIds.CommsRecentChf,
            Title = "The Communications Hub communicated recently",
            FailsWhen = "the Communications Hub has not communicated within the window before assessment, [assessed_at − window, assessed_at] (none recorded counts as not communicated; a contact recorded after the assessment is outside the window)",
            Source = Sources.S000,
            Citation = "S000",
            Confidence = Confirmed,
            Outcome = Deferred,
            Parameters = [ParameterKeys.CommsWindowHours],
            ShippedIn = AllShipped,
            When = BuiltInConditions.CommsRecentChf,
            Explain = (c, p, d) => ExplainContact(d, c.AssessedAt, c.Facts.ChfLastContact, p),
        },
        new()
        {
            Id = RuleIds.CommsRecentGsme,
            Title = "The gas meter communicated recently",
            FailsWhen = "the installation has a GSME (not excluded by GT01) that has not communicated within the window",
            Source = Sources.S000,
            Citation = "S000",
            Confidence = Confirmed,
            Outcome = Deferred,
            RequiredMask = FactMask.HasGsme,
            Parameters = [ParameterKeys.CommsWindowHours],
            ShippedIn = AllShipped,
            When = BuiltInConditions.CommsRecentGsme, // in a version holding EXCL-GT01, with gt01_han_error false (BuiltInConditions.InVersion)
            Explain = (c, p, d) => ExplainContact(d, c.AssessedAt, c.Facts.GsmeLastContact, p),
        },
        new()
        {
            Id = RuleIds.IgtCertificate,
            Title = "iGT gas supply has a valid iGT certificate",
            FailsWhen = "gas supplied through an independent Gas Transporter and no valid iGT certificate",
            Source = Sources.S000,
            Citation = "S000 (removed at v17)",
            Confidence = Confirmed,
            Outcome = Ineligible,
            ShippedIn = ["v9", "v11"],
            When = BuiltInConditions.IgtCertificate,
            Explain = (c, p, d) => RuleMessages.Copy(d, "gas supplied through an independent Gas Transporter and no valid iGT certificate"),
        },
        new()
        {
            Id = RuleIds.ExclDirected,
            Title = "Not in a category directed not to migrate",
            FailsWhen = "the installation is in a category the Secretary of State directed not to migrate (Clause 1.6/1.8)",
            Clause = "Clause 1.6/1.8",
            Source = Sources.S003,
            Citation = "S003",
            Confidence = Confirmed,
            ConfidenceNote = "The framework is confirmed; the categories are supplied by the user.",
            Outcome = Excluded,
            ShippedIn = FromV11,
            When = BuiltInConditions.ExclDirected,
            Explain = (c, p, d) => RuleMessages.Copy(d, "in a category the Secretary of State directed not to migrate (Clause 1.6/1.8)"),
        },
        Clause18Rule(RuleIds.ExclMasterKeys, "Device master keys are present", "device master keys are missing",
            BuiltInConditions.ExclMasterKeys, (c, p, d) => RuleMessages.Copy(d, "device master keys are missing")),
        Clause18Rule(RuleIds.ExclNoWanPre, "WAN communication before migration", "no WAN communication before migration (for firmware upgrade and configuration)",
            BuiltInConditions.ExclNoWanPre, (c, p, d) => RuleMessages.Copy(d, "no WAN communication before migration"),
            openQuestion: Clause18Question + " The operational meaning of \"no WAN communication\" (flags supplied by the user)."),
        Clause18Rule(RuleIds.ExclNoWanMigration, "WAN communication at migration", "no WAN communication when migration was attempted",
            BuiltInConditions.ExclNoWanMigration, (c, p, d) => RuleMessages.Copy(d, "no WAN communication when migration was attempted"),
            openQuestion: Clause18Question + " The operational meaning of \"no WAN communication\" (flags supplied by the user)."),
        Clause18Rule(RuleIds.ExclFailedAttempts, "Failed migration attempts below the threshold", "failed migration attempts at or above the threshold",
            BuiltInConditions.ExclFailedAttempts,
            (c, p, d) => RuleMessages.Write(d, CultureInfo.InvariantCulture, $"{c.Facts.FailedMigrationAttempts} failed migration attempts; {p.Label} threshold is {p.FailedAttemptThreshold}"),
            parameters: [ParameterKeys.FailedAttemptThreshold]),
        Clause18Rule(RuleIds.ExclUneconomicDmc, "The DMC was not judged uneconomic to test", "the DMC was judged uneconomic to test",
            BuiltInConditions.ExclUneconomicDmc, (c, p, d) => RuleMessages.Write(d, $"DMC '{c.Facts.DmcId}' was judged uneconomic to test"),
            required: FactMask.DmcId),
        Clause18Rule(RuleIds.ExclActiveToDormant, "Not an Active-to-Dormant installation the supplier gave up on",
            "the meter is Dormant because the supplier ended its SMSO contract and the supplier has stated it believes the installation cannot migrate (a CoS-caused dormancy never matches)",
            BuiltInConditions.ExclActiveToDormant,
            (c, p, d) => RuleMessages.Copy(d, "Dormant because the supplier ended its SMSO contract, and the supplier states the installation cannot migrate"),
            required: FactMask.MeterStatus,
            source: Sources.PA2D,
            confidenceNote: "The conclusion (P-A2D) is confirmed; the version that adopted it is inferred."),
        Clause18Rule(RuleIds.ExclGt01, "No gas-side HAN error GT01", "the gas side shows HAN error GT01: the GSME is excluded and the ESME migrates alone",
            BuiltInConditions.ExclGt01,
            (c, p, d) => RuleMessages.Copy(d, c.Facts.HasEsme == true
                ? "gas-side HAN error GT01: the GSME is excluded and the ESME migrates alone"
                : "gas-side HAN error GT01 and no ESME: the installation is excluded"),
            required: FactMask.HasEsme | FactMask.HasGsme,
            outcome: EligibleElectricityOnly,
            escalates: c => c.Facts.HasEsme != true,
            escalatedWhen: "the installation has no ESME"),
        new()
        {
            Id = RuleIds.SupplierCertIds,
            Title = "Valid non-null Supplier Certificate IDs (proposed clause 4.32A)",
            FailsWhen = "not evaluated: proposed clause 4.32A was dropped because the defect was fixed before FOC go-live",
            Clause = "proposed clause 4.32A",
            Source = Sources.S003,
            Citation = "S003 (not adopted)",
            Confidence = Confirmed,
            Outcome = Ineligible,
            IsAdopted = false,
        },
    ];

    private static readonly Dictionary<string, RuleDefinition> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static RuleDefinition Get(string id) => ById[id];

    public static bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RuleDefinition? rule) =>
        ById.TryGetValue(id, out rule);

    private static RuleDefinition Clause18Rule(
        string id,
        string title,
        string failsWhen,
        Model.Condition when,
        RuleMessage explain,
        FactMask required = FactMask.None,
        string[]? parameters = null,
        string source = Sources.PV1,
        string? confidenceNote = null,
        string? openQuestion = null,
        RuleOutcome outcome = Excluded,
        Func<RuleContext, bool>? escalates = null,
        string? escalatedWhen = null) => new()
        {
            Id = id,
            Title = title,
            FailsWhen = failsWhen,
            Clause = Clause18,
            Source = source,
            Citation = $"Clause 18; {source}",
            Confidence = Inferred,
            ConfidenceNote = confidenceNote ?? Clause18Confidence,
            Outcome = outcome,
            EscalatedOutcome = escalates is null ? null : Excluded,
            EscalatedWhen = escalatedWhen,
            Escalates = escalates,
            RequiredMask = required,
            Parameters = parameters ?? [],
            ShippedIn = V29Only,
            OpenQuestion = openQuestion ?? Clause18Question,
            When = when,
            Explain = explain,
        };

    private static int ExplainContact(Span<char> d, NodaTime.Instant assessedAt, NodaTime.Instant? lastContact, RuleParameters p) => lastContact switch
    {
        { } contact when contact > assessedAt =>
            RuleMessages.Write(d, $"last contact {Text.InMessage(contact)} is after the assessment at {Text.InMessage(assessedAt)} ({Text.InMessage(contact - assessedAt)} later), so none is recorded within the {p.Label} window of {p.CommsWindowText} before it"),
        { } contact => RuleMessages.Write(d, $"last contact {Text.InMessage(contact)} is {Text.InMessage(assessedAt - contact)} before assessment; {p.Label} window is {p.CommsWindowText}"),
        _ => RuleMessages.Write(d, $"no contact recorded; {p.Label} window is {p.CommsWindowText}"),
    };

    /// <summary>The planned changes within the look-ahead (" and " between two), then the version's look-ahead.</summary>
    private static int ExplainLookahead(RuleContext c, RuleParameters p, Span<char> d)
    {
        var written = 0;
        var cos = RuleMath.WithinDays(c.AssessedAt, c.Facts.PlannedCosDate, p.CosLookaheadDays);
        if (cos && !Add(ref written, Planned(d, "change of supplier", c.Facts.PlannedCosDate.GetValueOrDefault(), c.AssessedOn)))
        {
            return -1;
        }

        if (RuleMath.WithinDays(c.AssessedAt, c.Facts.PlannedCotDate, p.CosLookaheadDays)
            && ((cos && !Add(ref written, RuleMessages.Copy(d[written..], " and "))) || !Add(ref written, Planned(d[written..], "change of tenancy", c.Facts.PlannedCotDate.GetValueOrDefault(), c.AssessedOn))))
        {
            return -1;
        }

        return Add(ref written, RuleMessages.Write(d[written..], $"; {p.Label} look-ahead is {Text.Days(p.CosLookaheadDays)}")) ? written : -1;

        static bool Add(ref int written, int part)
        {
            written += part;
            return part >= 0;
        }

        static int Planned(Span<char> d, string what, NodaTime.LocalDate planned, NodaTime.LocalDate assessedOn) =>
            RuleMessages.Write(d, $"{what} planned for {Text.InMessage(planned)} is {Text.Days(NodaTime.Period.DaysBetween(assessedOn, planned))} after assessment date {Text.InMessage(assessedOn)}");
    }
}
