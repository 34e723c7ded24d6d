using Smets1.Eligibility.Comparison;

namespace Smets1.Eligibility.Tests.Comparison;

public sealed class VersionComparerTests
{
    private static readonly TmadCatalog Catalog = TmadCatalog.Shipped;

    [Fact]
    public void Compare_V11ToV17_NamesTheWindowRulesAndTheRemovedIgtCheck()
    {
        var diff = VersionComparer.Compare(Catalog.Get("v11"), Catalog.Get("v17"));

        Assert.Equal(["COMMS-RECENT-CHF: comms_window_hours: 24h → 72h", "COMMS-RECENT-GSME: comms_window_hours: 24h → 72h", "IGT-CERTIFICATE: removed"], diff.Rules.Select(r => r.ToString()));
        var window = Assert.Single(diff.Parameters);
        Assert.Equal(ParameterKeys.CommsWindowHours, window.Key);
        Assert.Equal(("24h", "72h"), (window.Old?.Value, window.New?.Value));
        Assert.Equal((Sources.S000, Sources.S000), (window.Old?.Source, window.New?.Source));
    }

    [Fact]
    public void Compare_V9ToV11_NamesTheLookaheadAndTheTwoAddedRules()
    {
        var diff = VersionComparer.Compare(Catalog.Get("v9"), Catalog.Get("v11"));

        Assert.Equal(["COS-LOOKAHEAD: cos_lookahead_days: 2 days → 9 days", "DORMANT-PROFILE-SWITCH: added", "EXCL-DIRECTED: added"], diff.Rules.Select(r => r.ToString()));
        Assert.Equal([ParameterKeys.CosLookaheadDays], diff.Parameters.Select(p => p.Key));
    }

    [Fact]
    public void Compare_V17ToV29_AddsTheClause18CategoriesAndMovesTheExpiry()
    {
        var diff = VersionComparer.Compare(Catalog.Get("v17"), Catalog.Get("v29"));

        Assert.Equal(7, diff.Rules.Count(r => r.Kind == RuleChangeKind.Added));
        Assert.Contains(diff.Rules, r => r.ToString() == "TMAD-IN-FORCE: tmad_expiry: 2021-12-31 → 2025-12-31");
        Assert.Contains(diff.Parameters, p => p.ToString() == "failed_attempt_threshold: — → 5");
    }

    [Fact]
    public void Compare_AVersionWithItself_IsEmpty()
    {
        Assert.True(VersionComparer.Compare(Catalog.Get("v17"), Catalog.Get("v17")).IsEmpty);
    }

    [Fact]
    public void Compare_Backwards_SwapsAddedAndRemoved()
    {
        var diff = VersionComparer.Compare(Catalog.Get("v17"), Catalog.Get("v11"));

        Assert.Contains(diff.Rules, r => r.ToString() == "IGT-CERTIFICATE: added");
    }

    [Fact]
    public void Replay_ConstructedEstate_ListsExactlyTheInstallationsThatFlip()
    {
        var at = Instant.FromUtc(2021, 10, 10, 10, 0);
        InstallationFacts[] estate =
        [
            new InstallationBuilder().WithId("STALE-48H").AssessedAt(at).WithChfContactAge(Duration.FromHours(48)).Build(), // v11 Deferred, v17 Eligible
            new InstallationBuilder().WithId("FRESH").AssessedAt(at).Build(), // Eligible under both
            new InstallationBuilder().WithId("STALE-80H").AssessedAt(at).WithChfContactAge(Duration.FromHours(80)).Build(), // Deferred under both
            new InstallationBuilder().WithId("IGT").AssessedAt(at).WithIgt(certificateValid: false).Build(), // v11 Ineligible, v17 Eligible
            new InstallationBuilder().WithId("IGT-AND-UNLISTED").AssessedAt(at).WithIgt(false).WithDmc("NOPE").Build(), // Ineligible under both, rules differ
        ];

        var replay = VersionComparer.Replay(new EligibilityEvaluator(EpclBuilder.Default), estate, "v11", "v17");

        Assert.Equal(5, replay.Total);
        Assert.Equal(["STALE-48H", "IGT", "IGT-AND-UNLISTED"], replay.Changes.Select(c => c.Installation.InstallationId));
        Assert.Equal([0, 3, 4], replay.Changes.Select(c => c.Index));
        Assert.Equal(RuleSet.Of(RuleIds.CommsRecentChf), replay.Changes[0].Responsible);
        Assert.Equal(RuleSet.Of(RuleIds.IgtCertificate), replay.Changes[2].Responsible);
        Assert.False(replay.Changes[2].VerdictChanged);
        Assert.Equal(["Deferred → Eligible: 1", "Ineligible → Eligible: 1"], replay.Transitions.Select(t => t.ToString()));
    }

    [Fact]
    public void Replay_GeneratedEstate_ListsExactlyTheInstallationsWhoseOutcomeDiffers()
    {
        var estate = new SyntheticEstate(seed: 11);
        var installations = estate.Installations(10_000).ToArray();
        var evaluator = new EligibilityEvaluator(estate.Epcl);
        var expected = installations
            .Select((facts, index) => (index, a: evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v9")), b: evaluator.EvaluateOutcome(facts, EvaluationOptions.Pinned("v17"))))
            .Where(x => x.a.Verdict != x.b.Verdict || x.a.FailedRules != x.b.FailedRules)
            .ToArray();

        var replay = VersionComparer.Replay(evaluator, installations, "v9", "v17");

        Assert.Equal(10_000, replay.Total);
        Assert.True(expected.Length > 100, $"the estate should differ between v9 and v17 in many rows, not {expected.Length}");
        Assert.Equal(expected.Select(x => x.index), replay.Changes.Select(c => c.Index));
        Assert.Equal(expected.Select(x => (x.a, x.b)), replay.Changes.Select(c => (c.From, c.To)));
        Assert.All(replay.Changes, c => Assert.Same(installations[c.Index], c.Installation));
    }

    [Fact]
    public void Replay_NullInstallation_ThrowsNamingItsIndexInTheSequence()
    {
        var installations = new SyntheticEstate(seed: 11).Installations(6_000).ToArray();
        installations[5_000] = null!;

        var error = Assert.Throws<ArgumentNullException>(() => VersionComparer.Replay(new EligibilityEvaluator(EpclBuilder.Default), installations, "v11", "v17"));

        Assert.Contains("Installation 5000 of the sequence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_UnknownLabel_ThrowsKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => VersionComparer.Replay(new EligibilityEvaluator(EpclBuilder.Default), [], "v11", "v99"));
    }
}
