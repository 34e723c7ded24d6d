using static Smets1.Eligibility.Tests.Evaluation.RuleBoundaryTests;

namespace Smets1.Eligibility.Tests.Versions;

public sealed class TmadCatalogTests
{
    private static readonly TmadCatalog Catalog = TmadCatalog.Shipped;

    [Fact]
    public void Shipped_HoldsTheFourVersionsInEffectiveDateOrder()
    {
        Assert.Equal(["v9", "v11", "v17", "v29"], Catalog.Versions.Where(v => !v.IsInferred).Select(v => v.Label));
        Assert.All(Catalog.Versions, v => Assert.True(v.IsShipped != v.IsInferred));
        Assert.Equal(["inferred-2022-01", "inferred-2022-05", "inferred-2023-01", "inferred-2024-04", "inferred-2025-01"], Catalog.Versions.Where(v => v.IsInferred).Select(v => v.Label));
    }

    [Theory]
    [InlineData("v9", "2020-12-18", "2021-12-31", "S003")]
    [InlineData("v11", "2021-02-28", "2021-12-31", "S003")]
    [InlineData("v17", "2021-11-04", "2021-12-31", "S000")]
    [InlineData("v29", "2025-10-17", "2025-12-31", "S004")]
    public void Shipped_VersionMetadata_MatchesTheSpecification(string label, string effective, string expiry, string source)
    {
        var version = Catalog.Get(label);

        Assert.Equal(DateOf(effective), version.EffectiveFrom);
        Assert.Equal(DateOf(expiry), version.Expiry);
        Assert.Equal(source, version.Source);
    }

    [Fact]
    public void CompiledVersions_AreCompiledOncePerCatalogue_WhateverTheThreadsThatAskAtOnce()
    {
        var catalog = new TmadCatalogBuilder().Build(); // a catalogue of its own: nothing compiled yet
        var index = catalog.Versions.ToList().FindIndex(v => v.Label == "v17");
        using var start = new Barrier(8);
        var compiled = new CompiledVersion[8];
        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            compiled[i] = catalog.Compiled(index);
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.All(compiled, c => Assert.Same(compiled[0], c));
        Assert.Equal("v17", compiled[0].Version.Label);

        // Compiling ahead (on its own thread) finds it compiled and leaves it.
        catalog.CompileAhead(default, includeInferredTimeline: true);
        Assert.Same(compiled[0], catalog.Compiled(index));
    }

    [Fact]
    public void Shipped_V29EffectiveDate_IsMarkedInferred()
    {
        Assert.Equal(Confidence.Inferred, Catalog.Get("v29").EffectiveFromConfidence);
        Assert.Equal(Confidence.Confirmed, Catalog.Get("v17").EffectiveFromConfidence);
    }

    // Europe/London midnight of every effective date: the last second before resolves to the previous
    // version (or a gap), the first second to the new one. v29's date is in BST.
    [Theory]
    [InlineData("2020-12-17T23:59:59Z", null)] // before the first shipped version
    [InlineData("2020-12-18T00:00:00Z", "v9")]
    [InlineData("2021-02-27T23:59:59Z", "v9")]
    [InlineData("2021-02-28T00:00:00Z", "v11")]
    [InlineData("2021-11-03T23:59:59Z", "v11")]
    [InlineData("2021-11-04T00:00:00Z", "v17")]
    [InlineData("2021-12-31T23:59:59Z", "v17")] // inclusive expiry
    [InlineData("2022-01-01T00:00:00Z", null)] // gap begins
    [InlineData("2025-10-16T22:59:59Z", null)] // 23:59:59 BST on 16 Oct 2025, still the gap
    [InlineData("2025-10-16T23:00:00Z", "v29")] // London midnight of 17 Oct 2025 (BST)
    [InlineData("2025-12-31T23:59:59Z", "v29")]
    [InlineData("2026-01-01T00:00:00Z", "v29")] // after the final expiry: v29, whose TMAD-IN-FORCE fails
    [InlineData("2030-06-01T00:00:00Z", "v29")]
    [InlineData("2021-03-28T00:59:59Z", "v11")] // just before the March 2021 clock change
    [InlineData("2021-03-28T01:00:00Z", "v11")] // just after it
    [InlineData("2021-10-31T00:59:59Z", "v11")] // either side of the October 2021 clock change
    [InlineData("2021-10-31T01:00:00Z", "v11")]
    public void Resolve_AroundEveryBoundary_GivesTheVersionInForce(string instant, string? expected)
    {
        var resolution = Catalog.Resolve(InstantOf(instant));

        Assert.Equal(expected, resolution.Version?.Label);
        Assert.Equal(expected is not null, resolution.IsResolved);
        Assert.Equal(expected is null, resolution.Gap is not null);
    }

    [Fact]
    public void Resolve_InTheGap_NamesTheVersionsEitherSide()
    {
        var gap = Catalog.Resolve(new LocalDate(2023, 3, 1)).Gap;

        Assert.Equal("no TMAD version covers 2023-03-01: v17 expired on 2021-12-31 and v29 takes effect on 2025-10-17; register a version covering it or pin one; the inferred timeline (--inferred, IncludeInferredTimeline) would resolve it to inferred-2023-01", gap);
    }

    [Fact]
    public void Resolve_BeforeTheFirstVersion_SaysWhenTheFirstTakesEffect()
    {
        Assert.Contains("v9, takes effect on 2020-12-18", Catalog.Resolve(new LocalDate(2020, 1, 1)).Gap, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownLabel_ThrowsKeyNotFoundListingTheLabels()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Catalog.Get("v18"));

        Assert.Contains("'v18'", error.Message, StringComparison.Ordinal);
        Assert.Contains("v9, v11, v17, inferred-2022-01, inferred-2022-05, inferred-2023-01, inferred-2024-04, inferred-2025-01, v29", error.Message, StringComparison.Ordinal);
        Assert.Contains("TmadCatalogBuilder.Register", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_NullLabel_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Catalog.Get(null!));
    }

    [Theory]
    [InlineData("v17", true)]
    [InlineData("V17", false)] // labels are ordinal
    [InlineData("v18", false)]
    [InlineData(null, false)]
    public void TryGet_ByLabel_FindsOnlyExactLabels(string? label, bool found)
    {
        Assert.Equal(found, Catalog.TryGet(label, out var version));
        Assert.Equal(found, version is not null);
    }

    [Theory]
    [InlineData("v9", new[] { "DATA-INCOMPLETE", "TMAD-IN-FORCE", "COHORT-OPEN", "EPCL-LISTED", "EPCL-WINDOW", "COS-LOOKAHEAD", "COMMS-RECENT-CHF", "COMMS-RECENT-GSME", "IGT-CERTIFICATE" })]
    [InlineData("v11", new[] { "DATA-INCOMPLETE", "TMAD-IN-FORCE", "COHORT-OPEN", "EPCL-LISTED", "EPCL-WINDOW", "COS-LOOKAHEAD", "DORMANT-PROFILE-SWITCH", "COMMS-RECENT-CHF", "COMMS-RECENT-GSME", "IGT-CERTIFICATE", "EXCL-DIRECTED" })]
    [InlineData("v17", new[] { "DATA-INCOMPLETE", "TMAD-IN-FORCE", "COHORT-OPEN", "EPCL-LISTED", "EPCL-WINDOW", "COS-LOOKAHEAD", "DORMANT-PROFILE-SWITCH", "COMMS-RECENT-CHF", "COMMS-RECENT-GSME", "EXCL-DIRECTED" })]
    [InlineData("v29", new[] { "DATA-INCOMPLETE", "TMAD-IN-FORCE", "COHORT-OPEN", "EPCL-LISTED", "EPCL-WINDOW", "COS-LOOKAHEAD", "DORMANT-PROFILE-SWITCH", "COMMS-RECENT-CHF", "COMMS-RECENT-GSME", "EXCL-DIRECTED", "EXCL-MASTER-KEYS", "EXCL-NO-WAN-PRE", "EXCL-NO-WAN-MIGRATION", "EXCL-FAILED-ATTEMPTS", "EXCL-UNECONOMIC-DMC", "EXCL-ACTIVE-TO-DORMANT", "EXCL-GT01" })]
    public void Rules_OfEachShippedVersion_AreThoseOfTheSpecificationInCatalogueOrder(string label, string[] expected)
    {
        Assert.Equal(expected, Catalog.Get(label).Rules.Select(r => r.Id));
    }

    [Theory]
    [InlineData("v9", 2, 24, null)]
    [InlineData("v11", 9, 24, null)]
    [InlineData("v17", 9, 72, null)]
    [InlineData("v29", 9, 72, 5)]
    public void Parameters_OfEachShippedVersion_MatchTheSpecification(string label, int lookahead, int windowHours, int? threshold)
    {
        var parameters = Catalog.Get(label).Parameters;

        Assert.Equal(lookahead, parameters.CosLookaheadDays.Value);
        Assert.Equal(Duration.FromHours(windowHours), parameters.CommsWindow.Value);
        Assert.Equal(threshold, parameters.FailedAttemptThreshold?.Value);
        Assert.Equal(12, parameters.EpclWindowMonths.Value);
    }

    [Fact]
    public void Parameters_Entries_CarryTheirSources()
    {
        var entries = Catalog.Get("v17").Parameters.Entries;

        Assert.Equal(["tmad_expiry", "cos_lookahead_days", "comms_window_hours", "epcl_window_months"], entries.Select(e => e.Key));
        Assert.Equal("72h", entries.Single(e => e.Key == ParameterKeys.CommsWindowHours).Value);
        Assert.Equal("S000", entries.Single(e => e.Key == ParameterKeys.CommsWindowHours).Source);
        Assert.Equal(Confidence.Inferred, entries.Single(e => e.Key == ParameterKeys.TmadExpiry).Confidence);
    }

    [Fact]
    public void GetRule_UnknownId_ThrowsKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => TmadCatalog.Shipped.GetRule("NOPE"));
        Assert.Equal(RuleIds.CommsRecentChf, TmadCatalog.Shipped.GetRule(RuleIds.CommsRecentChf).Id);
    }
}
