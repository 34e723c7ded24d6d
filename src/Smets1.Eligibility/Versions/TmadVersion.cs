using NodaTime;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Versions;

/// <summary>
/// One version of the SMETS1 TMAD: when it took effect, its rules and its parameter table,
/// shipped with the library (v9, v11, v17, v29) or registered by a user.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TmadVersion
{
    internal TmadVersion(
        string label,
        LocalDate effectiveFrom,
        string source,
        Confidence effectiveFromConfidence,
        string? notes,
        string? basedOn,
        bool isShipped,
        RuleSet rules,
        TmadParameters parameters,
        IReadOnlyDictionary<string, string>? ruleSources = null,
        IReadOnlyList<FactDefinition>? facts = null,
        bool isInferred = false)
    {
        IsInferred = isInferred;
        Facts = facts ?? [];
        RuleSources = ruleSources ?? EmptySources;
        Label = label;
        EffectiveFrom = effectiveFrom;
        Source = source;
        EffectiveFromConfidence = effectiveFromConfidence;
        Notes = notes;
        BasedOn = basedOn;
        IsShipped = isShipped;
        RuleSet = rules;
        Parameters = parameters;
        Rules = [.. rules];
    }

    private static readonly IReadOnlyDictionary<string, string> EmptySources = new Dictionary<string, string>().AsReadOnly();

    /// <summary>The label, for example <c>v17</c>.</summary>
    public string Label { get; }

    /// <summary>The UK calendar date from whose Europe/London midnight the version is in force.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>Whether <see cref="EffectiveFrom"/> is stated by the source or inferred (v29's is inferred).</summary>
    public Confidence EffectiveFromConfidence { get; }

    /// <summary>The inclusive expiry date the version sets (its <see cref="TmadParameters.Expiry"/>).</summary>
    public LocalDate Expiry => Parameters.Expiry.Value;

    /// <summary>The source key (or a user's source note) for the version.</summary>
    public string Source { get; }

    /// <summary>What changed in this version, and caveats.</summary>
    public string? Notes { get; }

    /// <summary>The label of the version this one was derived from, for registered versions.</summary>
    public string? BasedOn { get; }

    /// <summary>
    /// Whether the version is an era of the inferred timeline (TMAD-RULES §3a): shipped with the library, confidence
    /// inferred, taking part in date resolution only when the timeline is turned on.
    /// </summary>
    public bool IsInferred { get; }

    /// <summary>Whether the library ships this version as a designated TMAD version (v9, v11, v17, v29), as opposed to an inferred era or a user's version.</summary>
    public bool IsShipped { get; }

    /// <summary>The rules the version holds, in catalogue order.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>The rules the version holds, as a set.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>For a registered version, where each rule it added or removed comes from, by rule ID.</summary>
    public IReadOnlyDictionary<string, string> RuleSources { get; }

    /// <summary>The facts this version and its bases declare (RULE-FILES.md), which its defined rules may read.</summary>
    public IReadOnlyList<FactDefinition> Facts { get; }

    /// <summary>The version's parameter table.</summary>
    public TmadParameters Parameters { get; }

    /// <summary>Whether the version holds a rule.</summary>
    /// <param name="ruleId">A rule ID from <see cref="RuleIds"/>.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Holds(string ruleId) => RuleSet.Contains(ruleId);

    /// <summary>
    /// The SHA-256 (64 lower-case hex digits) of a canonical form of the version's resolved content (AUDIT.md §3): every
    /// rule it holds with its outcome, condition, clause, source and confidence, every parameter with value, unit and
    /// source, its facts, effective date and expiry. It does not depend on how the version was written (key order,
    /// whitespace, the file that defined it, inheritance written out or not) and changes with anything that can change
    /// a result or an explanation.
    /// </summary>
    public string Fingerprint => FingerprintParts.Value;

    private VersionFingerprint? _fingerprint;

    /// <summary>The fingerprint with each rule's and parameter's own (computed once; a race computes it twice, harmlessly).</summary>
    internal VersionFingerprint FingerprintParts => _fingerprint ??= VersionFingerprint.Of(this);

    /// <inheritdoc />
    public override string ToString() => Label;

    /// <summary>This version as an era of the inferred timeline: it holds <c>VERSION-INFERRED</c>, which versions based on it inherit.</summary>
    internal TmadVersion AsInferredEra()
    {
        var rules = new RuleSet.Builder(RuleSet.Table ?? Engine.RuleTable.BuiltIn);
        foreach (var rule in Rules)
        {
            rules.Add((RuleSet.Table ?? Engine.RuleTable.BuiltIn).IndexOf(rule));
        }

        rules.Add(Engine.RuleTable.BuiltIn.IndexOf(RuleIds.VersionInferred));
        return new TmadVersion(Label, EffectiveFrom, Source, EffectiveFromConfidence, Notes, BasedOn, isShipped: false, rules.Build(), Parameters, RuleSources, Facts, isInferred: true);
    }
}
