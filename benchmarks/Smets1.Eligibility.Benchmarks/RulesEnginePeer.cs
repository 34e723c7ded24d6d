using System.Text.Json;
using NodaTime;
using RulesEngine.Models;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>
/// The peer in <c>DefinedRulesBenchmarks</c>: v17's checks and the eight supplier checks as one Microsoft RulesEngine
/// workflow (<c>rulesengine-workflow.json</c>, 18 lambda expressions with the parameters as global params), run once
/// per installation. RulesEngine evaluates expressions over plain properties, so each installation is first flattened
/// into <see cref="Input"/>: dates as day numbers, contact ages as ticks, the EPCL entry and cohort closure looked up
/// (the lookups the library makes inside its delegate). That flattening is part of the measured time, as it would be
/// for a supplier using RulesEngine. A test asserts the outcomes equal the library's.
/// </summary>
public sealed class RulesEnginePeer
{
    private const string Workflow = "v17-supplier";
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private readonly global::RulesEngine.RulesEngine _engine;
    private readonly SupplierPolicy.HandWritten _verdicts;
    private readonly Epcl _epcl;
    private readonly CohortClosures _closures;
    private readonly Dictionary<string, ulong> _bits;

    public RulesEnginePeer(SupplierPolicy policy, Epcl epcl)
    {
        var workflows = JsonSerializer.Deserialize<Workflow[]>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rulesengine-workflow.json")))!;
        _engine = new global::RulesEngine.RulesEngine(workflows, new ReSettings { CustomTypes = [typeof(Input)] });
        _verdicts = policy.CreateHandWritten();
        _epcl = epcl;
        _closures = CohortClosures.Default;
        _bits = workflows.Single().Rules.ToDictionary(r => r.RuleName, r => 1UL << policy.Catalog.Table.IndexOf(r.RuleName), StringComparer.Ordinal);
    }

    /// <summary>The workflow's rules: the rule IDs it checks.</summary>
    public IReadOnlyCollection<string> RuleIds => _bits.Keys;

    public void EvaluateBatch(ReadOnlySpan<InstallationFacts> installations, ReadOnlySpan<SupplierPolicy.SupplierFacts> typed, Span<EligibilityOutcome> results)
    {
        for (var i = 0; i < installations.Length; i++)
        {
            results[i] = Evaluate(installations[i], typed[i]);
        }
    }

    public EligibilityOutcome Evaluate(InstallationFacts f, in SupplierPolicy.SupplierFacts s)
    {
        if (f.AssessedAt is not { } at)
        {
            return _verdicts.Outcome(_bits[Rules.RuleIds.DataIncomplete], 0); // no date: no version's checks can run
        }

        var results = _engine.ExecuteAllRulesAsync(Workflow, new RuleParameter("i", Flatten(f, s, at))).AsTask().GetAwaiter().GetResult();
        ulong failed = 0;
        ulong warnings = 0;
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                if (result.Rule.SuccessEvent == "warns")
                {
                    warnings |= _bits[result.Rule.RuleName];
                }
                else
                {
                    failed |= _bits[result.Rule.RuleName];
                }
            }
            else if (!string.IsNullOrEmpty(result.ExceptionMessage))
            {
                throw new InvalidOperationException($"{result.Rule.RuleName}: {result.ExceptionMessage}");
            }
        }

        return _verdicts.Outcome(failed, warnings);
    }

    private Input Flatten(InstallationFacts f, in SupplierPolicy.SupplierFacts s, Instant at)
    {
        var on = at.InZone(London).Date;
        EpclEntry? entry = null;
        var listed = !string.IsNullOrEmpty(f.DmcId) && _epcl.TryGet(f.DmcId, out entry);
        return new Input
        {
            InstallationId = f.InstallationId,
            AssessedOn = Day(on),
            Cohort = f.Cohort is { } cohort ? ContractText.Format(cohort) : null,
            CohortLastDay = f.Cohort is { } c ? Day(_closures[c].LastDay) : null,
            MeterStatus = f.MeterStatus is { } status ? ContractText.Format(status) : null,
            HasGsme = f.HasGsme,
            DmcId = f.DmcId,
            EpclAddedOn = listed ? Day(entry!.AddedOn) : null,
            EpclWindowEnds = listed ? Day(entry!.AddedOn.PlusMonths(12)) : null,
            PlannedCosOn = f.PlannedCosDate is { } cos ? Day(cos) : null,
            PlannedCotOn = f.PlannedCotDate is { } cot ? Day(cot) : null,
            ProfileDataSwitch = f.ProfileDataSwitch is { } profile ? ContractText.Format(profile) : null,
            ChfAgeTicks = f.ChfLastContact is { } chf ? (at - chf).BclCompatibleTicks : null,
            GsmeAgeTicks = f.GsmeLastContact is { } gsme ? (at - gsme).BclCompatibleTicks : null,
            DirectedExclusion = f.DirectedExclusion,
            Psr = s.Psr,
            WelfareCallOn = s.WelfareCallOn is { } call ? Day(call) : null,
            OpenComplaints = s.OpenComplaints,
            SiteAccess = SupplierPolicy.SiteAccessValues[s.SiteAccess],
            VisitAgeTicks = s.LastVisit is { } visit ? (at - visit).BclCompatibleTicks : null,
            DebtBalance = s.Debt,
            AppointmentOn = s.AppointmentOn is { } appointment ? Day(appointment) : null,
            Region = s.Region,
        };
    }

    private static int Day(LocalDate date) => date.DayNumber();

    /// <summary>One installation as RulesEngine sees it: plain properties its expressions compare.</summary>
    public sealed class Input
    {
        public string InstallationId { get; init; } = "";
        public int AssessedOn { get; init; }
        public string? Cohort { get; init; }
        public int? CohortLastDay { get; init; }
        public string? MeterStatus { get; init; }
        public bool? HasGsme { get; init; }
        public string? DmcId { get; init; }
        public int? EpclAddedOn { get; init; }
        public int? EpclWindowEnds { get; init; }
        public int? PlannedCosOn { get; init; }
        public int? PlannedCotOn { get; init; }
        public string? ProfileDataSwitch { get; init; }
        public long? ChfAgeTicks { get; init; }
        public long? GsmeAgeTicks { get; init; }
        public bool DirectedExclusion { get; init; }
        public bool Psr { get; init; }
        public int? WelfareCallOn { get; init; }
        public long OpenComplaints { get; init; }
        public string SiteAccess { get; init; } = "";
        public long? VisitAgeTicks { get; init; }
        public decimal DebtBalance { get; init; }
        public int? AppointmentOn { get; init; }
        public string Region { get; init; } = "";
    }
}

internal static class LocalDateDays
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    /// <summary>Days since 1970-01-01: how a date reaches an engine that compares numbers.</summary>
    public static int DayNumber(this LocalDate date) => Period.DaysBetween(Epoch, date);
}
