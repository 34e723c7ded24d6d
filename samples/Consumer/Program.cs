using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Smets1.Eligibility;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Serialization;

// A supplier service as a consumer of the NuGet package: register, resolve, evaluate.
var services = new ServiceCollection();
services.AddSmets1Eligibility(options =>
    options.Epcl = new Epcl([new EpclEntry("DMC-FOC-0001", new LocalDate(2021, 3, 15))]));
using var provider = services.BuildServiceProvider();

var evaluator = provider.GetRequiredService<EligibilityEvaluator>();
var installation = new InstallationFacts
{
    InstallationId = "CONSUMER-1",
    AssessedAt = Instant.FromUtc(2021, 11, 10, 10, 0),
    Cohort = Cohort.FocNp,
    MeterStatus = MeterStatus.Active,
    HasEsme = true,
    HasGsme = false,
    DmcId = "DMC-FOC-0001",
    ChfLastContact = Instant.FromUtc(2021, 11, 9, 10, 0),
};
var result = evaluator.Evaluate(installation);

Console.WriteLine($"{result.InstallationId}: {result.Verdict} under {result.Version?.Label}");

// The same installation with no hub contact recorded, as the JSON contract carries it.
var deferred = evaluator.Evaluate(installation with { InstallationId = "CONSUMER-2", ChfLastContact = null });
Console.WriteLine(JsonSerializer.Serialize(deferred, EligibilityJson.Options));
Console.WriteLine($"runtime {Environment.Version}");
return result.Verdict == Verdict.Eligible && deferred.Verdict == Verdict.Deferred ? 0 : 1;
