using NodaTime;
using Smets1.Eligibility;
using Smets1.Eligibility.Reference;

// The EPCL: the device model combinations DCC tested, with the date each was added.
var epcl = new Epcl(
[
    new EpclEntry("DMC-FOC-0001", new LocalDate(2021, 3, 15)),
    new EpclEntry("DMC-MOC-0002", new LocalDate(2020, 6, 1)),
]);

// One evaluator holds every shipped TMAD version, compiled once; share it between threads.
var evaluator = new EligibilityEvaluator(epcl);

// An FOC installation whose hub and gas meter last answered 48 hours before the planned migration.
static InstallationFacts Installation(string id, Instant assessedAt) => new()
{
    InstallationId = id,
    AssessedAt = assessedAt,
    Cohort = Cohort.FocNp,
    MeterStatus = MeterStatus.Active,
    HasEsme = true,
    HasGsme = true,
    DmcId = "DMC-FOC-0001",
    ChfLastContact = assessedAt - Duration.FromHours(48),
    GsmeLastContact = assessedAt - Duration.FromHours(48),
};

// 10 Nov 2021 falls under v17 (72 h window): Eligible.
Print(evaluator.Evaluate(Installation("INST-1", Instant.FromUtc(2021, 11, 10, 10, 0))));

// 10 Oct 2021 falls under v11 (24 h window): Deferred, with both contact checks explained.
var october = Installation("INST-2", Instant.FromUtc(2021, 10, 10, 10, 0));
Print(evaluator.Evaluate(october));

// Would it have passed under v17? Pin the version to replay it.
Print(evaluator.Evaluate(october, EvaluationOptions.Pinned("v17")));

// 1 Jun 2022 falls between v17's expiry and v29: Indeterminate, VERSION-UNRESOLVED.
Print(evaluator.Evaluate(Installation("INST-3", Instant.FromUtc(2022, 6, 1, 10, 0))));

static void Print(EligibilityResult result)
{
    Console.WriteLine($"{result.InstallationId} [{result.Version?.Label ?? "-"}] {result.Verdict}");
    foreach (var failure in result.Failures)
    {
        // For example: COMMS-RECENT-CHF (S000, Confirmed): last contact 2021-10-08T10:00:00Z is 48h before assessment; v11 window is 24h
        Console.WriteLine($"    {failure.RuleId} ({failure.Rule.Source ?? "engine"}, {failure.Rule.Confidence?.ToString() ?? "-"}): {failure.Message}");
    }
}
