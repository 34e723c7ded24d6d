using NodaTime;
using Smets1.Eligibility.Engine;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>
/// The data of <c>DefinedRulesBenchmarks</c>: v17 plus eight supplier-style checks, once in a version file
/// (<c>supplier-policy.json</c>) and once written by hand on top of <see cref="HandWrittenV17"/>, over installations
/// that carry the eight declared facts (generated from a fixed seed).
/// </summary>
public sealed class SupplierPolicy
{
    private const string Label = "bench-supplier";

    public SupplierPolicy(int count)
    {
        var builder = new TmadCatalogBuilder();
        foreach (var definition in VersionFile.Load(Path.Combine(AppContext.BaseDirectory, "supplier-policy.json")))
        {
            builder.Register(definition);
        }

        Catalog = builder.Build();
        var random = new Random(BenchmarkData.Seed);
        var schema = Catalog.Facts;
        var baseFacts = BenchmarkData.Create(count);
        Installations = new InstallationFacts[count];
        Typed = new SupplierFacts[count];
        for (var i = 0; i < count; i++)
        {
            var f = baseFacts[i];
            var on = (f.AssessedAt ?? Instant.FromUtc(2021, 11, 10, 0, 0)).InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
            var typed = new SupplierFacts(
                Psr: random.Next(10) == 0,
                WelfareCallOn: random.Next(3) == 0 ? null : on.PlusDays(-random.Next(60)),
                OpenComplaints: random.Next(4),
                SiteAccess: random.Next(20) switch { 0 => 2, < 4 => 1, _ => 0 },
                LastVisit: random.Next(2) == 0 ? null : f.AssessedAt - Duration.FromHours(random.Next(72)),
                Debt: random.Next(100_000) / 100m,
                AppointmentOn: random.Next(3) == 0 ? on.PlusDays(random.Next(-5, 10)) : null,
                Region: random.Next(20) == 0 ? "ISLANDS" : "SOUTH");
            Typed[i] = typed;
            Installations[i] = f with
            {
                Custom = schema.CreateValues()
                    .Set("psr", typed.Psr).Set("welfare_call_on", typed.WelfareCallOn).Set("open_complaints", typed.OpenComplaints)
                    .Set("site_access", SiteAccessValues[typed.SiteAccess]).Set("last_visit", typed.LastVisit).Set("debt_balance", typed.Debt)
                    .Set("appointment_on", typed.AppointmentOn).Set("region", typed.Region)
                    .Build(),
            };
        }
    }

    public static EvaluationOptions Pinned { get; } = EvaluationOptions.Pinned(Label);

    public TmadCatalog Catalog { get; }

    public InstallationFacts[] Installations { get; }

    public SupplierFacts[] Typed { get; }

    internal static string[] SiteAccessValues { get; } = ["FULL", "RESTRICTED", "NONE"];

    public HandWritten CreateHandWritten() => new(Catalog, new HandWrittenV17(BenchmarkData.Estate.Epcl, CohortClosures.Default));

    /// <summary>What a supplier's own C# would hold for its eight facts.</summary>
    public readonly record struct SupplierFacts(bool Psr, LocalDate? WelfareCallOn, long OpenComplaints, int SiteAccess, Instant? LastVisit, decimal Debt, LocalDate? AppointmentOn, string Region);

    /// <summary>The eight checks written by hand as an if-chain after v17's, producing the same outcome as the library.</summary>
    public sealed class HandWritten
    {
        private readonly HandWrittenV17 _v17;
        private readonly TmadVersion _version;
        private readonly RuleTable _table;
        private readonly ulong _psrWelfare;
        private readonly ulong _complaints;
        private readonly ulong _noAccess;
        private readonly ulong _recentVisit;
        private readonly ulong _debt;
        private readonly ulong _appointment;
        private readonly ulong _region;
        private readonly ulong _psrRestricted;
        private readonly ulong _epclWindow;
        private readonly ulong _excluded;
        private readonly ulong _ineligible;
        private readonly ulong _deferred;

        internal HandWritten(TmadCatalog catalog, HandWrittenV17 v17)
        {
            _v17 = v17;
            _version = catalog.Get(Label);
            _table = catalog.Table;
            ulong Bit(string id) => 1UL << _table.IndexOf(id);
            (_psrWelfare, _complaints, _noAccess, _recentVisit) = (Bit("B-PSR-WELFARE"), Bit("B-COMPLAINTS"), Bit("B-NO-ACCESS"), Bit("B-RECENT-VISIT"));
            (_debt, _appointment, _region, _psrRestricted) = (Bit("B-DEBT"), Bit("B-APPOINTMENT"), Bit("B-REGION"), Bit("B-PSR-RESTRICTED"));
            _epclWindow = Bit(RuleIds.EpclWindow);
            _excluded = Bit(RuleIds.ExclDirected);
            _ineligible = Bit(RuleIds.TmadInForce) | Bit(RuleIds.CohortOpen) | Bit(RuleIds.EpclListed) | Bit(RuleIds.DormantProfileSwitch) | _noAccess | _region;
            _deferred = Bit(RuleIds.CosLookahead) | Bit(RuleIds.CommsRecentChf) | Bit(RuleIds.CommsRecentGsme) | _psrWelfare | _complaints | _recentVisit | _debt | _appointment;
        }

        public void EvaluateBatch(ReadOnlySpan<InstallationFacts> installations, ReadOnlySpan<SupplierFacts> typed, Span<EligibilityOutcome> results)
        {
            for (var i = 0; i < installations.Length; i++)
            {
                results[i] = Evaluate(installations[i], typed[i]);
            }
        }

        public EligibilityOutcome Evaluate(InstallationFacts f, in SupplierFacts s)
        {
            var v17 = _v17.Evaluate(f, out var failed, out var date);
            if (f.AssessedAt is not { } at)
            {
                return v17 with { Version = _version };
            }

            var warnings = v17.Warnings.IsEmpty ? 0UL : _epclWindow;
            if (s.Psr && (s.WelfareCallOn is not { } call || Period.DaysBetween(call, date) > 30))
            {
                failed |= _psrWelfare;
            }

            if (s.OpenComplaints > 1)
            {
                failed |= _complaints;
            }

            if (s.SiteAccess == 2)
            {
                failed |= _noAccess;
            }

            if (s.SiteAccess == 1 && s.LastVisit is { } visit && at - visit < Duration.FromHours(24))
            {
                failed |= _recentVisit;
            }

            if (s.Debt > 500.00m)
            {
                failed |= _debt;
            }

            if (s.AppointmentOn is { } appointment && Period.DaysBetween(date, appointment) is >= 0 and <= 2)
            {
                failed |= _appointment;
            }

            if (s.Region is "ISLANDS" or "NORTH-ISLES")
            {
                failed |= _region;
            }

            if (s.Psr && s.SiteAccess == 1)
            {
                warnings |= _psrRestricted;
            }

            return Outcome(failed, warnings);
        }

        /// <summary>The outcome of failed and warned rules (bits of the catalogue's table), by TMAD-RULES' precedence.</summary>
        internal EligibilityOutcome Outcome(ulong failed, ulong warnings)
        {
            var verdict = failed == 0 ? Verdict.Eligible
                : (failed & _excluded) != 0 ? Verdict.Excluded
                : (failed & _ineligible) != 0 ? Verdict.Ineligible
                : (failed & _deferred) != 0 ? Verdict.Deferred
                : Verdict.Indeterminate;
            return new EligibilityOutcome(verdict, new RuleSet(_table, failed), new RuleSet(_table, warnings), _version);
        }
    }
}
