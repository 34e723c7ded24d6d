using NodaTime;
using Smets1.Eligibility.Rules;
using static Smets1.Eligibility.Rules.Confidence;

namespace Smets1.Eligibility.Versions;

/// <summary>The four shipped versions and their parameter table (TMAD-RULES §3 and §6), in one place.</summary>
internal static class ShippedVersions
{
    private static readonly ParameterValue<LocalDate> Expiry2021 = new(new LocalDate(2021, 12, 31), Sources.S003, Confirmed);
    private static readonly ParameterValue<int> Window12Months = new(12, Sources.S003, Confirmed);
    private static readonly ParameterValue<Duration> Window24Hours = new(Duration.FromHours(24), Sources.S000, Confirmed);
    private static readonly ParameterValue<Duration> Window72Hours = new(Duration.FromHours(72), Sources.S000, Confirmed);
    private static readonly ParameterValue<int> Lookahead9Days = new(9, Sources.S003, Confirmed);

    // parameter            v9             v11            v17                                     v29
    // TMAD expiry          2021-12-31     2021-12-31     2021-12-31 (inferred: unchanged by v17) 2025-12-31
    // CoS / CoT look-ahead 2 days         9 days         9 days                                  9 days
    // comms window         24 h           24 h           72 h                                    72 h
    // failed attempts      —              —              —                                       5
    // EPCL window          12 months      12 months      12 months                               12 months
    public static IReadOnlyList<TmadVersion> All { get; } =
    [
        Version(
            "v9",
            new LocalDate(2020, 12, 18),
            Confirmed,
            Sources.S003,
            "Changed only the expiry (from 31 Dec 2020), so its checks equal the earlier era's. S003 also says 21 Dec 2020 once; 18 Dec is the designation date it cites.",
            new TmadParameters(
                Expiry: Expiry2021,
                CosLookaheadDays: new(2, Sources.S003, Confirmed),
                CommsWindow: Window24Hours,
                EpclWindowMonths: Window12Months,
                FailedAttemptThreshold: null)),
        Version(
            "v11",
            new LocalDate(2021, 2, 28),
            Confirmed,
            Sources.S003,
            "FOC changes, CoS look-ahead 9 days, dormant profile-data switch rule, Clause 1.6/1.8 framework.",
            new TmadParameters(
                Expiry: Expiry2021,
                CosLookaheadDays: Lookahead9Days,
                CommsWindow: Window24Hours,
                EpclWindowMonths: Window12Months,
                FailedAttemptThreshold: null)),
        Version(
            "v17",
            new LocalDate(2021, 11, 4),
            Confirmed,
            Sources.S000,
            "Communications window 72 h; iGT certificate check removed.",
            new TmadParameters(
                Expiry: Expiry2021 with { Confidence = Inferred, Note = "S003 sets 2021-12-31; S000 (v17) is not known to change it." },
                CosLookaheadDays: Lookahead9Days,
                CommsWindow: Window72Hours,
                EpclWindowMonths: Window12Months,
                FailedAttemptThreshold: null)),
        Version(
            "v29",
            new LocalDate(2025, 10, 17),
            Inferred,
            Sources.S004,
            "Final version; Clause 18 excluded categories (P-V1, P-A2D). The effective date is the date S004 cites v29.0 as the latest version; its true designation date is not in our sources.",
            new TmadParameters(
                Expiry: new(new LocalDate(2025, 12, 31), Sources.S004, Confirmed),
                CosLookaheadDays: Lookahead9Days,
                CommsWindow: Window72Hours,
                EpclWindowMonths: Window12Months,
                FailedAttemptThreshold: new(5, Sources.PV1, Inferred, "The threshold of 5 is the P-V1 proposal; the version adopting it is inferred."))),
    ];

    private static TmadVersion Version(string label, LocalDate effectiveFrom, Confidence confidence, string source, string notes, TmadParameters parameters)
    {
        var rules = new RuleSet.Builder(Engine.RuleTable.BuiltIn);
        for (var i = 0; i < RuleCatalog.All.Count; i++)
        {
            if (RuleCatalog.All[i].ShippedIn.Contains(label))
            {
                rules.Add(i);
            }
        }

        return new TmadVersion(label, effectiveFrom, source, confidence, notes, basedOn: null, isShipped: true, rules.Build(), parameters);
    }
}
