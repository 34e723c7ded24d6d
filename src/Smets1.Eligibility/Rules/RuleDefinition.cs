using System.Linq.Expressions;

namespace Smets1.Eligibility.Rules;

/// <summary>
/// One declarative eligibility rule of the catalogue (TMAD-RULES §5): its identity and provenance,
/// the outcome of a failure, the facts and parameters it reads, the shipped versions holding it,
/// and (internally) its predicate and explanation.
/// </summary>
/// <remarks>
/// Definitions are immutable and shared by every version that holds them; each version compiles the
/// predicates of its rules once into one evaluator. Thread-safe.
/// </remarks>
public sealed class RuleDefinition
{
    internal RuleDefinition()
    {
    }

    /// <summary>The stable rule ID, for example <c>COMMS-RECENT-CHF</c> (see <see cref="RuleIds"/>).</summary>
    public required string Id { get; init; }

    /// <summary>A short title.</summary>
    public required string Title { get; init; }

    /// <summary>When the rule fails, in words.</summary>
    public required string FailsWhen { get; init; }

    /// <summary>The TMAD clause (or the section of this specification) where one is known; otherwise <see langword="null"/>.</summary>
    public string? Clause { get; init; }

    /// <summary>The source key (see <see cref="Sources"/>), or <see langword="null"/> for the engine's own checks.</summary>
    public string? Source { get; init; }

    /// <summary>A longer citation, for example <c>S003; MEHRS MA110 (P-MEHRS22)</c>.</summary>
    public required string Citation { get; init; }

    /// <summary>Whether the rule rests on its source or on our reading; <see langword="null"/> for the engine's own checks.</summary>
    public Confidence? Confidence { get; init; }

    /// <summary>What exactly is confirmed and what inferred, when that needs saying.</summary>
    public string? ConfidenceNote { get; init; }

    /// <summary>What a failure means for the verdict.</summary>
    public required RuleOutcome Outcome { get; init; }

    /// <summary>A more severe outcome that applies in some cases (for <c>EXCL-GT01</c>: <see cref="RuleOutcome.Excluded"/> with no ESME).</summary>
    public RuleOutcome? EscalatedOutcome { get; init; }

    /// <summary>When <see cref="EscalatedOutcome"/> applies, in words.</summary>
    public string? EscalatedWhen { get; init; }

    /// <summary>The facts the rule reads that must be known, as file column names (for example <c>cohort</c>).</summary>
    public IReadOnlyList<string> RequiredFacts { get; private init; } = [];

    /// <summary>The parameters the rule reads (see <see cref="Versions.ParameterKeys"/>).</summary>
    public IReadOnlyList<string> Parameters { get; init; } = [];

    /// <summary>The shipped versions holding the rule, in version order.</summary>
    public IReadOnlyList<string> ShippedIn { get; init; } = [];

    /// <summary>Whether the rule was adopted. <c>SUPPLIER-CERT-IDS</c> was not, and no version may hold it.</summary>
    public bool IsAdopted { get; init; } = true;

    /// <summary>Whether the engine applies the rule itself (<c>VERSION-UNRESOLVED</c>, <c>DATA-INCOMPLETE</c>) rather than through a predicate.</summary>
    public bool IsEngineCheck => Predicate is null && IsAdopted;

    /// <summary>Open questions about the rule (TMAD-RULES §8), if any.</summary>
    public string? OpenQuestion { get; init; }

    /// <summary>The position of the rule in catalogue order, which is also its bit in a <see cref="RuleSet"/>.</summary>
    public int Index { get; internal set; }

    internal FactMask RequiredMask
    {
        get;
        init
        {
            field = value;
            RequiredFacts = FactMasks.Names(value).AsReadOnly();
        }
    }

    internal Expression<Func<RuleContext, RuleParameters, bool>>? Predicate { get; init; }

    internal Func<RuleContext, bool>? Escalates { get; init; }

    internal Func<RuleContext, RuleParameters, string>? Explain { get; init; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
