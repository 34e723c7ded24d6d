using System.Linq.Expressions;
using Smets1.Eligibility.Model;

namespace Smets1.Eligibility.Rules;

/// <summary>
/// One declarative eligibility rule: a built-in rule of the catalogue (TMAD-RULES §5) or a rule a version
/// defines (RULE-FILES.md, "Defined rules"), with its identity and provenance, the outcome of a failure and the
/// condition under which it fails. Built-in and defined rules are the same kind of thing: listed, explained,
/// compared and compiled alike.
/// </summary>
/// <remarks>
/// Definitions are immutable and shared by every version that holds them; each version compiles its rules once
/// into one evaluator. A defined rule's condition is a <see cref="Model.Condition"/>; the few built-in rules that
/// need engine facts (EPCL, cohort closure, version expiry) are primitives of the engine. Thread-safe.
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

    /// <summary>Whether the engine applies the rule itself (<c>VERSION-UNRESOLVED</c>, <c>DATA-INCOMPLETE</c>) rather than through a condition or a predicate.</summary>
    public bool IsEngineCheck => Predicate is null && When is null && IsAdopted;

    /// <summary>Open questions about the rule (TMAD-RULES §8), if any.</summary>
    public string? OpenQuestion { get; init; }

    /// <summary>
    /// The condition under which the rule fails, in the open model (RULE-FILES.md): a defined rule's, and a built-in
    /// rule's where the model can state it (the contact windows, the look-ahead, the profile-data switch, the iGT
    /// certificate, the directed and Clause 18 exclusions), compiled into the version's delegate like any other.
    /// <see langword="null"/> for the built-in primitives that need the engine's own facts or arithmetic (the version's
    /// expiry, cohort closure, the EPCL date and window) and for the engine checks.
    /// </summary>
    /// <remarks>
    /// For a built-in rule an unknown condition does not fail the rule: the facts it needs are required
    /// (<see cref="RequiredFacts"/>), and a missing one fails <c>DATA-INCOMPLETE</c> instead. Its explanation stays the
    /// rule's own message. In a version that holds <c>EXCL-GT01</c>, <c>COMMS-RECENT-GSME</c> is compiled with
    /// <c>gt01_han_error is false</c> added: GT01 takes the gas meter out of the contact check.
    /// </remarks>
    public Condition? When { get; internal init; }

    /// <summary>Whether a version defines the rule (RULE-FILES.md) rather than the library shipping it.</summary>
    public bool IsDefined { get; private init; }

    /// <summary>For a defined rule, the label of the version that defines it once registered.</summary>
    public string? DefinedIn { get; internal init; }

    /// <summary>Free notes.</summary>
    public string? Notes { get; init; }

    /// <summary>
    /// Defines a rule (RULE-FILES.md, "Defined rules"), to add to a <see cref="Versions.VersionDefinition"/>'s
    /// <c>DefineRules</c>. It is checked against the version's facts and parameters when the catalogue is built.
    /// </summary>
    /// <param name="id">Its ID: <c>^[A-Z][A-Z0-9-]*$</c>, unique across the catalogue.</param>
    /// <param name="description">What makes the check fail, in words.</param>
    /// <param name="outcome"><see cref="RuleOutcome.Excluded"/>, <see cref="RuleOutcome.Ineligible"/>, <see cref="RuleOutcome.Deferred"/> or <see cref="RuleOutcome.Warning"/>.</param>
    /// <param name="when">The condition under which the check fails.</param>
    /// <param name="source">Where the rule comes from.</param>
    /// <param name="clause">The clause, if any.</param>
    /// <param name="confidence">Confirmed or inferred; <see langword="null"/> for the version's confidence.</param>
    /// <param name="notes">Free notes.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/>, <paramref name="description"/>, <paramref name="when"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    /// <example>
    /// <code>
    /// RuleDefinition.Define("ACME-COMPLAINTS", "more open complaints than the policy allows", RuleOutcome.Deferred,
    ///     Operand.Fact("open_complaints").MoreThan(ConditionValue.Parameter("max_open_complaints")), "Acme policy 4.3");
    /// </code>
    /// </example>
    public static RuleDefinition Define(string id, string description, RuleOutcome outcome, Condition when, string source, string? clause = null, Confidence? confidence = null, string? notes = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(when);
        ArgumentNullException.ThrowIfNull(source);
        return new RuleDefinition
        {
            Id = id,
            Title = description,
            FailsWhen = description,
            Clause = clause,
            Source = source,
            Citation = source,
            Confidence = confidence,
            Outcome = outcome,
            When = when,
            Notes = notes,
            IsDefined = true,
        };
    }

    /// <summary>This defined rule as registered in a version: with its confidence settled and its version named.</summary>
    internal RuleDefinition Registered(string label, Confidence confidence, IReadOnlyList<string> facts, IReadOnlyList<string> parameters) => new()
    {
        Id = Id,
        Title = Title,
        FailsWhen = FailsWhen,
        Clause = Clause,
        Source = Source,
        Citation = Citation,
        Confidence = Confidence ?? confidence,
        Outcome = Outcome,
        When = When,
        Notes = Notes,
        IsDefined = true,
        DefinedIn = label,
        RequiredFacts = facts,
        Parameters = parameters,
    };

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

    internal RuleMessage? Explain { get; init; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
