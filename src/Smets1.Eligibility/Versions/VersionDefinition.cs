using NodaTime;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;

namespace Smets1.Eligibility.Versions;

/// <summary>
/// A user's definition of a TMAD version, derived from a shipped or registered version: its own label,
/// effective date and expiry, rules added or removed, and parameters overridden. Register it with
/// <see cref="TmadCatalogBuilder.Register"/>; it is validated when the catalogue is built.
/// </summary>
/// <example>
/// <code>
/// var v18 = new VersionDefinition
/// {
///     Label = "v18", BasedOn = "v17", EffectiveFrom = new LocalDate(2021, 12, 15),
///     Expiry = new LocalDate(2022, 12, 31), Source = "TMAD v18.0 clean, clause 18",
///     AddRules = { RuleIds.ExclMasterKeys, RuleIds.ExclGt01 },
///     Parameters = { CommsWindow = Duration.FromHours(96) },
/// };
/// </code>
/// </example>
/// <remarks>Mutable until registered; the catalogue copies what it needs.</remarks>
public sealed class VersionDefinition
{
    /// <summary>The new version's label; unique in the catalogue.</summary>
    /// <value>Required.</value>
    public string Label { get; set; } = string.Empty;

    /// <summary>The label of the shipped or earlier registered version it derives from.</summary>
    /// <value>Required.</value>
    public string BasedOn { get; set; } = string.Empty;

    /// <summary>The UK date from whose Europe/London midnight it is in force; no other version may share it.</summary>
    /// <value>Required.</value>
    public LocalDate? EffectiveFrom { get; set; }

    /// <summary>Its inclusive expiry date (the same as <c>Parameters.Expiry</c>).</summary>
    /// <value>Default: the base version's expiry.</value>
    public LocalDate? Expiry
    {
        get => Parameters.Expiry;
        set => Parameters.Expiry = value;
    }

    /// <summary>Where the definition comes from (a document, a clause); cited for every value it sets.</summary>
    /// <value>Required.</value>
    public string Source { get; set; } = string.Empty;

    /// <summary>Whether its values are stated by that source or are the user's reading.</summary>
    /// <value>Default <see cref="Confidence.Inferred"/>.</value>
    public Confidence Confidence { get; set; } = Confidence.Inferred;

    /// <summary>Free notes shown with the version.</summary>
    public string? Notes { get; set; }

    /// <summary>Facts the version declares (RULE-FILES.md, "Facts"): optional columns of the installation file.</summary>
    public IList<FactDefinition> Facts { get; } = new List<FactDefinition>();

    /// <summary>
    /// New typed parameters the version declares (RULE-FILES.md, "Parameters"). To change the value of a parameter a
    /// base declares, use <c>Parameters.Values</c>; for the built-in ones, the typed properties of <see cref="Parameters"/>.
    /// </summary>
    public IList<ParameterDefinition> DefineParameters { get; } = new List<ParameterDefinition>();

    /// <summary>Rules the version defines (<see cref="RuleDefinition.Define"/>), evaluated after the catalogue's checks in this order.</summary>
    public IList<RuleDefinition> DefineRules { get; } = new List<RuleDefinition>();

    /// <summary>Where the definition was read from, as error messages name it (<c>acme.json: </c>), and its JSON path.</summary>
    internal (string Prefix, string Path)? Origin { get; set; }

    /// <summary>Catalogue rule IDs the version adds to its base.</summary>
    public IList<string> AddRules { get; } = new List<string>();

    /// <summary>Rule IDs of the base that the version removes.</summary>
    public IList<string> RemoveRules { get; } = new List<string>();

    /// <summary>Source notes for rules added or removed, by rule ID; a rule without one is cited with <see cref="Source"/>.</summary>
    public IDictionary<string, string> RuleSources { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The parameters it sets rather than inherits; a threshold is required when it holds
    /// <c>EXCL-FAILED-ATTEMPTS</c> and its base has none. Cited with <see cref="Source"/> unless
    /// <see cref="ParameterOverrides.Source"/> is set.
    /// </summary>
    /// <value>Default: everything inherited from the base.</value>
    public ParameterOverrides Parameters { get; } = new();
}
