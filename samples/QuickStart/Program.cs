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

var installation = Installation("INST-1", Instant.FromUtc(2021, 11, 10, 10, 0));

// The version in force on 10 Nov 2021 is v17 (72 h window): eligible.
Print(evaluator.Evaluate(installation));

// The same facts a month earlier fall under v11, whose window was 24 h: deferred.
var october = Installation("INST-1", Instant.FromUtc(2021, 10, 10, 10, 0));
Print(evaluator.Evaluate(october));

// Would it have passed under v17? Pin the version to replay it.
Print(evaluator.Evaluate(october, EvaluationOptions.Pinned("v17")));

// A dormant FOC meter with its profile-data switch on, and an unknown DMC.
Print(evaluator.Evaluate(installation with
{
    InstallationId = "INST-2",
    AssessedAt = Instant.FromUtc(2021, 6, 1, 9, 0),
    Cohort = Cohort.FocBg,
    MeterStatus = MeterStatus.Dormant,
    ProfileDataSwitch = ProfileDataSwitch.On,
    DmcId = "DMC-UNKNOWN",
    ChfLastContact = Instant.FromUtc(2021, 6, 1, 8, 0),
    GsmeLastContact = Instant.FromUtc(2021, 6, 1, 8, 0),
}));

// Assessed in 2022, when no shipped version was in force.
Print(evaluator.Evaluate(installation with { InstallationId = "INST-3", AssessedAt = Instant.FromUtc(2022, 6, 1, 9, 0) }));

static void Print(EligibilityResult result)
{
    Console.WriteLine($"{result.InstallationId} [{result.Version?.Label ?? "-"}] {result.Verdict}");
    foreach (var failure in result.Failures)
    {
        Console.WriteLine($"    {failure.RuleId} ({failure.Rule.Citation}, {failure.Rule.Confidence?.ToString() ?? "engine"}): {failure.Message}");
    }

    foreach (var warning in result.Warnings)
    {
        Console.WriteLine($"    warning {warning.RuleId}: {warning.Message}");
    }
}
