using Smets1.Eligibility.Auditing;
using Smets1.Eligibility.Files;

namespace Smets1.Eligibility.Tests.Auditing;

/// <summary>Recorded decisions against the replay (AUDIT.md §1): findings, explained_by, the summary.</summary>
public sealed class EligibilityAuditorTests
{
    private static readonly Epcl Epcl = new EpclBuilder().With("DMC-FOC-0001", new LocalDate(2021, 3, 15)).Build();
    private static readonly EligibilityAuditor Auditor = new(new EligibilityEvaluator(Epcl));

    /// <summary>Worked example 1 assessed a month early: v11's 24-hour window defers it.</summary>
    private static InstallationFacts October10() =>
        new InstallationBuilder().AssessedAt(Instant.FromUtc(2021, 10, 10, 10, 0)).WithDmc("DMC-FOC-0001").Build() with
        {
            ChfLastContact = Instant.FromUtc(2021, 10, 8, 10, 0),
            GsmeLastContact = Instant.FromUtc(2021, 10, 8, 10, 0),
        };

    [Fact]
    public void Audit_RecordedEligibleReplayedDeferred_IsTooLenientExplainedByV17AndV29()
    {
        // The contract's own example: the decision matches v17's 72-hour window applied before v17 took effect.
        var audit = Auditor.Audit(October10(), new RecordedDecision(Verdict.Eligible));

        Assert.Equal(Verdict.Deferred, audit.Replay!.Verdict);
        Assert.Equal("v11", audit.Replay.Version!.Label);
        Assert.Equal(AuditFinding.TooLenient, audit.Finding);
        Assert.Equal(["v17", "v29"], audit.ExplainedBy);
    }

    [Fact]
    public void Audit_RecordedExcludedReplayedDeferred_IsTooStrictExplainedByNone()
    {
        var audit = Auditor.Audit(October10(), new RecordedDecision(Verdict.Excluded));

        Assert.Equal(AuditFinding.TooStrict, audit.Finding);
        Assert.Empty(audit.ExplainedBy);
    }

    [Theory]
    // The same verdict with the replay's rules in another order and case agrees.
    [InlineData("Deferred", "v11", "comms-recent-gsme;COMMS-RECENT-CHF", AuditFinding.Agrees)]
    // The same verdict with other rules: the reasons differ.
    [InlineData("Deferred", null, "COMMS-RECENT-CHF", AuditFinding.RulesDiffer)]
    // The same verdict and rules, another version.
    [InlineData("Deferred", "v17", "COMMS-RECENT-CHF;COMMS-RECENT-GSME", AuditFinding.VersionDiffers)]
    // Nothing but the verdict recorded: it agrees.
    [InlineData("Deferred", null, null, AuditFinding.Agrees)]
    // No verdict recorded at all.
    [InlineData(null, "v11", null, AuditFinding.NotRecorded)]
    public void Compare_SameOrNoVerdict_GivesTheFirstFindingThatApplies(string? verdict, string? version, string? rules, AuditFinding expected)
    {
        var recorded = new RecordedDecision(verdict is null ? null : Enum.Parse<Verdict>(verdict), version, rules?.Split(';'));

        Assert.Equal(expected, Auditor.Audit(October10(), recorded).Finding);
    }

    [Fact]
    public void AuditMany_InvalidRowsAndParallel_KeepsOrderAndOneAuditPerRow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, """
            installation_id,assessed_at,cohort,meter_status,has_esme,has_gsme,dmc_id,chf_last_contact,gsme_last_contact,recorded_verdict,recorded_version,recorded_failed_rules
            A1,2021-10-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-FOC-0001,2021-10-08T10:00:00Z,2021-10-08T10:00:00Z,eligible,,
            A2,2021-10-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-FOC-0001,2021-10-08T10:00:00Z,2021-10-08T10:00:00Z,Maybe,,
            A3,2021-10-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-FOC-0001,2021-10-08T10:00:00Z,2021-10-08T10:00:00Z,Deferred,,NOT-A-RULE
            A4,2021-10-10T10:00:00Z,FOC_NP,ACTIVE,true,true,DMC-FOC-0001,2021-10-08T10:00:00Z,2021-10-08T10:00:00Z,,,
            """);
        try
        {
            var sequential = Auditor.AuditMany(InstallationFile.Load(path, TmadCatalog.Shipped)).ToList();
            var parallel = Auditor.AuditMany(InstallationFile.Load(path, TmadCatalog.Shipped), degreeOfParallelism: 2).ToList();

            Assert.Equal([AuditFinding.TooLenient, AuditFinding.Invalid, AuditFinding.Invalid, AuditFinding.NotRecorded], sequential.Select(a => a.Finding));
            Assert.Equal(sequential.Select(a => (a.Row, a.Finding)), parallel.Select(a => (a.Row, a.Finding)));
            Assert.Contains("column 'recorded_verdict' has 'Maybe'", sequential[1].InvalidReason, StringComparison.Ordinal);
            Assert.Contains("column 'recorded_failed_rules' has 'NOT-A-RULE'", sequential[2].InvalidReason, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Summary_MergedFromParts_EqualsTheWhole()
    {
        var audits = new[] { Verdict.Eligible, Verdict.Deferred, Verdict.Excluded, Verdict.Eligible }
            .Select(v => Auditor.Audit(October10(), new RecordedDecision(v))).ToList();
        var whole = new AuditSummary();
        audits.ForEach(whole.Add);
        var first = new AuditSummary();
        var second = new AuditSummary();
        audits.Take(2).ToList().ForEach(first.Add);
        audits.Skip(2).ToList().ForEach(second.Add);

        var merged = first.Merge(second);

        Assert.Equal(4, merged.Rows);
        Assert.Equal(whole.ByFinding, merged.ByFinding);
        Assert.Equal(2, merged.CountOf(AuditFinding.TooLenient));
        Assert.Equal(2, merged.CountOf(Verdict.Eligible, Verdict.Deferred));
        Assert.Equal(1, merged.CountOf(Verdict.Excluded, Verdict.Deferred));
        Assert.Equal([new("COMMS-RECENT-CHF", 2L), new("COMMS-RECENT-GSME", 2L)], merged.LenientFailedRules);
    }
}
