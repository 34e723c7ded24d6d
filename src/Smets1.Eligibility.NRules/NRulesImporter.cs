using System.Linq.Expressions;
using System.Reflection;
using NRules.Fluent;
using NRules.RuleModel;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.NRules.Translation;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;
using FluentRule = NRules.Fluent.Dsl.Rule;
using NameAttribute = NRules.Fluent.Dsl.NameAttribute;

namespace Smets1.Eligibility.NRules;

/// <summary>
/// Imports rules written with NRules' Fluent DSL as defined rules of a version, so they run in the compiled
/// evaluator (and everywhere else defined rules run: verdicts, explanations, diffs, the CLI's rule book).
/// </summary>
/// <remarks>
/// <para>A rule is read from NRules' canonical model (<see cref="IRuleDefinition.LeftHandSide"/>): its left-hand
/// side must be one pattern over <see cref="InstallationFacts"/> whose conditions read only that installation.
/// Its ID is NRules' <c>[Name]</c> (required), its description NRules' <c>[Description]</c> (required), its
/// <c>[Tag]</c>s are kept in its notes, and <see cref="TmadRuleAttribute"/> gives the outcome, source, clause and
/// confidence.</para>
/// <para>Conditions keep the rule model's three-valued logic (RULE-FILES.md): a comparison that reads a missing
/// fact is unknown, not false, and an unknown condition of a rule that is not a warning makes the verdict
/// <c>DATA-INCOMPLETE</c>. The rule's actions are not run by the evaluator (the verdict comes from the outcome);
/// a rule whose actions change the session's facts is refused, because its meaning would depend on them.</para>
/// </remarks>
public static class NRulesImporter
{
    private static readonly HashSet<string> SessionChanges = new(StringComparer.Ordinal)
    {
        "Insert", "InsertAll", "TryInsert", "Update", "UpdateAll", "TryUpdate", "Retract", "RetractAll", "TryRetract",
        "InsertLinked", "InsertAllLinked", "UpdateLinked", "UpdateAllLinked", "RetractLinked", "RetractAllLinked", "Halt", "Yield",
    };

    /// <summary>Imports one Fluent rule as a defined rule.</summary>
    /// <param name="rule">The rule, with <c>[Name]</c>, <c>[Description]</c> and <see cref="TmadRuleAttribute"/>.</param>
    /// <returns>The defined rule, ready for <see cref="VersionDefinition.DefineRules"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    /// <exception cref="NRulesImportException">The rule has a shape, condition or metadata that cannot be imported; the message says which.</exception>
    public static RuleDefinition Import(FluentRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var type = rule.GetType();
        var metadata = type.GetCustomAttribute<TmadRuleAttribute>()
            ?? throw new NRulesImportException(type.FullName!, $"NRules rule {type.FullName} has no [TmadRule] attribute: give the outcome and source it has as a TMAD check, for example [TmadRule(RuleOutcome.Deferred, Source = \"…\")].");
        if (type.GetCustomAttribute<NameAttribute>() is null)
        {
            throw new NRulesImportException(type.FullName!, $"NRules rule {type.FullName} has no [Name] attribute: its name is the rule ID in verdicts, explanations and diffs, for example [Name(\"ACME-PSR-WELFARE\")].");
        }

        IRuleDefinition definition;
        try
        {
            definition = new RuleDefinitionFactory().Create(rule);
        }
        catch (Exception e) when (e is RuleDefinitionException or InvalidOperationException or ArgumentException)
        {
            throw new NRulesImportException(type.FullName!, $"NRules rule {type.FullName} could not be defined by NRules: {e.GetBaseException().Message}", e);
        }

        return Import(definition, metadata);
    }

    /// <summary>Imports several Fluent rules, in order.</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>The defined rules.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or an item is <see langword="null"/>.</exception>
    /// <exception cref="NRulesImportException">A rule cannot be imported; the message names it and says why.</exception>
    public static IReadOnlyList<RuleDefinition> Import(params IEnumerable<FluentRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Select(Import).ToArray();
    }

    /// <summary>
    /// Imports every concrete Fluent rule class of an assembly that carries <see cref="TmadRuleAttribute"/>
    /// (created with its parameterless constructor), in order of class name.
    /// </summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>The defined rules.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assembly"/> is <see langword="null"/>.</exception>
    /// <exception cref="NRulesImportException">A rule cannot be created or imported; the message names it.</exception>
    public static IReadOnlyList<RuleDefinition> ImportFrom(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return ImportFrom(assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(FluentRule).IsAssignableFrom(t) && t.IsDefined(typeof(TmadRuleAttribute), false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal));
    }

    /// <summary>Imports Fluent rule classes, each created with its parameterless constructor, in order.</summary>
    /// <param name="ruleTypes">Classes deriving from NRules' <c>Rule</c>.</param>
    /// <returns>The defined rules.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleTypes"/> or an item is <see langword="null"/>.</exception>
    /// <exception cref="NRulesImportException">A class is not a rule, cannot be created or cannot be imported; the message names it.</exception>
    public static IReadOnlyList<RuleDefinition> ImportFrom(params IEnumerable<Type> ruleTypes)
    {
        ArgumentNullException.ThrowIfNull(ruleTypes);
        var rules = new List<FluentRule>();
        foreach (var type in ruleTypes)
        {
            ArgumentNullException.ThrowIfNull(type, nameof(ruleTypes));
            if (!typeof(FluentRule).IsAssignableFrom(type) || type.IsAbstract)
            {
                throw new NRulesImportException(type.FullName ?? type.Name, $"{type.FullName} is not a concrete NRules rule (a class deriving from NRules.Fluent.Dsl.Rule).");
            }

            try
            {
                rules.Add((FluentRule)Activator.CreateInstance(type)!);
            }
            catch (Exception e) when (e is MissingMethodException or TargetInvocationException or MemberAccessException)
            {
                throw new NRulesImportException(type.FullName!, $"NRules rule {type.FullName} could not be created with a parameterless constructor: {e.GetBaseException().Message}", e);
            }
        }

        return Import(rules);
    }

    /// <summary>Imports Fluent rules into a version as defined rules (see <see cref="Import(FluentRule)"/>).</summary>
    /// <param name="version">The version the rules are defined in.</param>
    /// <param name="rules">The rules.</param>
    /// <returns>The same version, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument or a rule is <see langword="null"/>.</exception>
    /// <exception cref="NRulesImportException">A rule cannot be imported; the message names it and says why.</exception>
    public static VersionDefinition ImportNRules(this VersionDefinition version, params IEnumerable<FluentRule> rules)
    {
        ArgumentNullException.ThrowIfNull(version);
        foreach (var rule in Import(rules))
        {
            version.DefineRules.Add(rule);
        }

        return version;
    }

    /// <summary>Imports a rule of NRules' canonical model with the TMAD metadata given.</summary>
    internal static RuleDefinition Import(IRuleDefinition definition, TmadRuleAttribute metadata)
    {
        var name = definition.Name;
        if (definition.DependencyGroup.Dependencies.Any())
        {
            throw Refuse(name, "it declares dependencies (Dependencies()), which a TMAD check cannot resolve");
        }

        if (definition.FilterGroup.Filters.Any())
        {
            throw Refuse(name, "it has activation filters (Filter()), which a TMAD check does not have");
        }

        var pattern = SinglePattern(definition);
        var conditions = new List<Condition>();
        foreach (var expression in pattern.Expressions)
        {
            if (expression.Expression.Parameters.Count != 1)
            {
                throw Refuse(name, $"its condition '{expression.Expression}' joins other patterns ({string.Join(", ", expression.Expression.Parameters.Skip(1).Select(p => p.Name))}); a TMAD check reads one installation");
            }

            conditions.Add(new ConditionTranslator(expression.Expression.Parameters[0], name).Translate(expression.Expression.Body));
        }

        if (conditions.Count == 0)
        {
            throw Refuse(name, "its pattern has no condition, so it would fail every installation; give it a condition");
        }

        foreach (var action in definition.RightHandSide.Actions)
        {
            if (ChangesSession(action.Expression) is { } change)
            {
                throw Refuse(name, $"its action calls {change}, which changes the session's facts; the verdict of a TMAD check depends only on its condition (keep such actions in NRules rules of your own)");
            }
        }

        if (string.IsNullOrWhiteSpace(definition.Description))
        {
            throw Refuse(name, "it has no [Description]; the description is what explanations and the rule book show");
        }

        if (string.IsNullOrWhiteSpace(metadata.Source))
        {
            throw Refuse(name, "its [TmadRule] has no Source; every rule carries where it comes from");
        }

        var notes = metadata.Notes;
        var tags = definition.Tags.ToArray();
        if (tags.Length > 0)
        {
            notes = (notes is null ? string.Empty : notes + " ") + $"NRules tags: {string.Join(", ", tags)}.";
        }

        return RuleDefinition.Define(
            name,
            definition.Description,
            metadata.Outcome,
            conditions.Count == 1 ? conditions[0] : Condition.All(conditions),
            metadata.Source,
            metadata.Clause,
            metadata.HasConfidence ? metadata.Confidence : null,
            notes);
    }

    private static PatternElement SinglePattern(IRuleDefinition definition)
    {
        var name = definition.Name;
        var children = definition.LeftHandSide.ChildElements.ToArray();
        if (definition.LeftHandSide.ElementType != ElementType.And || children.Length != 1)
        {
            var shapes = string.Join(", ", children.Select(Describe));
            throw Refuse(name, $"its left-hand side has {children.Length} elements ({shapes}); a TMAD check is one pattern over InstallationFacts");
        }

        if (children[0] is not PatternElement pattern || pattern.Source is not null)
        {
            throw Refuse(name, $"its left-hand side is {Describe(children[0])}; a TMAD check is one pattern over InstallationFacts");
        }

        if (pattern.ValueType != typeof(InstallationFacts))
        {
            throw Refuse(name, $"its pattern matches {pattern.ValueType.Name}; a TMAD check is one pattern over InstallationFacts");
        }

        return pattern;
    }

    private static string Describe(RuleElement element) => element switch
    {
        PatternElement { Source: AggregateElement aggregate } => $"an aggregate ({aggregate.Name}) over {aggregate.Source.ValueType.Name}",
        PatternElement { Source: { } source } => $"a pattern from {source.ElementType}",
        PatternElement pattern => $"a pattern over {pattern.ValueType.Name}",
        ExistsElement => "Exists",
        NotElement => "Not",
        ForAllElement => "All",
        OrElement => "an Or group",
        AndElement => "an And group",
        BindingElement => "a binding (Let)",
        _ => element.ElementType.ToString(),
    };

    private static string? ChangesSession(LambdaExpression action)
    {
        var finder = new SessionChangeFinder();
        finder.Visit(action.Body);
        return finder.Found;
    }

    private static NRulesImportException Refuse(string name, string why) => new(name, $"NRules rule '{name}' cannot be imported: {why}.");

    private sealed class SessionChangeFinder : ExpressionVisitor
    {
        public string? Found { get; private set; }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var declaring = node.Method.DeclaringType;
            if (Found is null && SessionChanges.Contains(node.Method.Name) && declaring is not null &&
                (typeof(IContext).IsAssignableFrom(declaring) || declaring.Assembly == typeof(FluentRule).Assembly))
            {
                Found = $"{declaring.Name}.{node.Method.Name}";
            }

            return base.VisitMethodCall(node);
        }
    }
}
