// Using NRules with Smets1.Eligibility: a supplier rule written with NRules' Fluent DSL is imported into a
// version and runs in the compiled evaluator; then v17 runs inside an NRules session beside the supplier's own rule.
using NodaTime;
using NRules;
using NRules.Fluent;
using Acme.Migration;
using Smets1.Eligibility;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.NRules;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

// 1. Import: the Fluent rule becomes a defined rule of a version (facts and parameters it reads are declared there).
var acme = new VersionDefinition { Label = "acme-nrules", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 11, 5), Source = "Acme migration policy" };
acme.Facts.Add(new FactDefinition("open_complaints", FactType.Integer, "complaints not yet closed") { Min = 0, Default = 0L });
acme.DefineParameters.Add(new ParameterDefinition("max_open_complaints", FactType.Integer, 1L, "Acme policy 4.3"));
acme.ImportNRules(new OpenComplaints());
var catalog = new TmadCatalogBuilder().Register(acme).Build();

var epcl = new Epcl([new EpclEntry("DMC-1", new LocalDate(2021, 3, 15))]);
var evaluator = new EligibilityEvaluator(catalog, epcl);
var at = Instant.FromUtc(2021, 11, 10, 10, 0);
InstallationFacts Installation(string id, int complaints, Duration contactAge) => new()
{
    InstallationId = id,
    AssessedAt = at,
    Cohort = Cohort.MocSecure,
    MeterStatus = MeterStatus.Active,
    HasEsme = true,
    HasGsme = true,
    DmcId = "DMC-1",
    ChfLastContact = at - contactAge,
    GsmeLastContact = at - Duration.FromHours(1),
    Custom = catalog.Facts.CreateValues().Set("open_complaints", complaints).Build(),
};

var complaining = Installation("INST-1", complaints: 3, contactAge: Duration.FromHours(1));
Console.WriteLine($"compiled evaluator: {evaluator.Evaluate(complaining)}");

// 2. Export: v17 as NRules rules, loaded into the supplier's repository beside its own rule.
var repository = new RuleRepository();
repository.Load(spec => spec.From(typeof(BookMigration)));
repository.Add(NRulesExporter.Export(evaluator, "v17"));
var session = repository.Compile().CreateSession();
session.InsertAll([Installation("INST-2", 0, Duration.FromHours(1)), Installation("INST-3", 0, Duration.FromHours(100)), epcl]);
session.Fire();

foreach (var failure in session.Query<TmadCheckFailure>())
{
    Console.WriteLine($"NRules session: {failure}");
}

foreach (var result in session.Query<TmadResult>().OrderBy(r => r.Installation.InstallationId, StringComparer.Ordinal))
{
    Console.WriteLine($"NRules session: {result.Installation.InstallationId} is {result.Verdict} under {result.Outcome.VersionLabel}");
}

foreach (var booking in session.Query<MigrationBooking>())
{
    Console.WriteLine($"NRules session: booked {booking.InstallationId}");
}
