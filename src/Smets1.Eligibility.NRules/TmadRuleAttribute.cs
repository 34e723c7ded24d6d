using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.NRules;

/// <summary>
/// What an NRules rule means to the TMAD catalogue when it is imported as a defined rule: the outcome when its
/// condition holds, and where it comes from. The rule ID and description come from NRules' own
/// <c>[Name]</c> and <c>[Description]</c>; <c>[Tag]</c>s are kept in the rule's notes.
/// </summary>
/// <example>
/// <code>
/// [Name("ACME-PSR-WELFARE"), Description("PSR customer awaiting a welfare call"), Tag("psr")]
/// [TmadRule(RuleOutcome.Deferred, Source = "ACME migration policy 2021-04 §3", Clause = "ACME 3.1")]
/// public sealed class PsrWelfareCall : Rule
/// {
///     public override void Define()
///     {
///         InstallationFacts facts = null!;
///         When().Match(() => facts, f => (bool)f.Custom["psr"] &amp;&amp; !(bool)f.Custom["welfare_call_done"]);
///         Then().Do(_ => Nothing());
///     }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TmadRuleAttribute : Attribute
{
    private Confidence _confidence;

    /// <summary>Marks an NRules rule for import with the outcome it gives when its condition holds.</summary>
    /// <param name="outcome">The outcome (a verdict, or <see cref="RuleOutcome.Warning"/>).</param>
    public TmadRuleAttribute(RuleOutcome outcome) => Outcome = outcome;

    /// <summary>The outcome when the condition holds.</summary>
    public RuleOutcome Outcome { get; }

    /// <summary>Where the rule comes from (required): a policy, a document, a decision.</summary>
    public string? Source { get; set; }

    /// <summary>The clause it encodes, if any.</summary>
    public string? Clause { get; set; }

    /// <summary>How certain the rule is; when not set, the version's confidence applies.</summary>
    public Confidence Confidence
    {
        get => _confidence;
        set
        {
            _confidence = value;
            HasConfidence = true;
        }
    }

    /// <summary>Free text kept with the rule.</summary>
    public string? Notes { get; set; }

    internal bool HasConfidence { get; private set; }
}
