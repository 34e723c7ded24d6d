using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using Smets1.Eligibility.NRules.Sessions;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Rules;
using NRulesRuleSet = NRules.RuleModel.RuleSet;

namespace Smets1.Eligibility.NRules;

/// <summary>
/// Exports a version of an evaluator's catalogue (built-in and defined rules) as NRules rules, so a supplier can
/// run the TMAD checks in its own NRules session beside its own rules.
/// </summary>
/// <remarks>
/// <para>Insert <see cref="InstallationFacts"/> and one <see cref="Epcl"/> (<see cref="Epcl.Empty"/> if there is none) and
/// fire: the version's assessment rule inserts a <see cref="TmadAssessment"/> per installation, one NRules rule per
/// check inserts a <see cref="TmadCheckFailure"/> for each failed check and warning, and the verdict rule inserts a
/// <see cref="TmadResult"/> whose outcome equals <see cref="EligibilityEvaluator.EvaluateOutcome"/> with the version
/// pinned. All three are linked facts: retract or update an installation and they follow.</para>
/// <para>The checks run the same compiled conditions as the evaluator, one NRules rule each; NRules adds its
/// matching network around them, so a session is much slower than the evaluator (see the benchmarks). Use
/// sessions to combine checks with your own rules; use <see cref="EligibilityEvaluator"/> for bulk runs.</para>
/// <para>The rules' priorities order them: assessment 30, checks 20, verdict 10; rules of your own at the default
/// priority 0 see the results.</para>
/// </remarks>
public static class NRulesExporter
{
    /// <summary>The priority of the assessment rule.</summary>
    public const int AssessmentPriority = 30;

    /// <summary>The priority of the check rules.</summary>
    public const int CheckPriority = 20;

    /// <summary>The priority of the verdict rule.</summary>
    public const int VerdictPriority = 10;

    /// <summary>Exports one version of the evaluator's catalogue as an NRules rule set named <c>TMAD {label}</c>.</summary>
    /// <param name="evaluator">The evaluator whose catalogue, cohort closures and options the rules use.</param>
    /// <param name="version">The version's label, for example <c>v17</c>.</param>
    /// <param name="options">The assessment instant (or default) to use; the version is pinned to <paramref name="version"/>.</param>
    /// <returns>The rule set, for <c>RuleRepository.Add</c> or <c>RuleCompiler.Compile</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> or <paramref name="version"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The catalogue has no such version.</exception>
    public static IRuleSet Export(EligibilityEvaluator evaluator, string version, EvaluationOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(version);
        var host = new ExportedVersion(evaluator, evaluator.ChecksOf(version), options with { PinnedVersion = version });
        var set = new NRulesRuleSet($"TMAD {version}");
        set.Add(Rules(host));
        return set;
    }

    private static IEnumerable<IRuleDefinition> Rules(ExportedVersion host)
    {
        var label = host.Checks.Version.Label;
        yield return AssessmentRule(host, label);
        var dataIncomplete = host.Table.Rules[host.Table.IndexOf(RuleIds.DataIncomplete)];
        yield return CheckRule(host, label, dataIncomplete, a => ExportedVersion.DataIncomplete(a));
        if (host.Checks.AlwaysWarned)
        {
            yield return CheckRule(host, label, host.Table.Rules[host.Table.IndexOf(RuleIds.VersionInferred)], a => a.Context != null);
        }

        foreach (var check in host.Checks.Checks)
        {
            yield return CheckRule(host, label, check.Rule, a => ExportedVersion.Fails(a, check));
        }

        yield return VerdictRule(host, label);
    }

    private static IRuleDefinition AssessmentRule(ExportedVersion host, string label)
    {
        var builder = Named($"TMAD {label}: assess", $"Takes up each installation under TMAD {label}, with the EPCL in the session", AssessmentPriority, label);
        var lhs = builder.LeftHandSide();
        lhs.Pattern(typeof(InstallationFacts), "installation");
        lhs.Pattern(typeof(Epcl), "epcl");
        Expression<Action<IContext, InstallationFacts, Epcl>> action = (ctx, installation, epcl) => host.Assess(ctx, installation, epcl);
        builder.RightHandSide().Action(action, ActionTrigger.Activated | ActionTrigger.Reactivated);
        return builder.Build();
    }

    private static IRuleDefinition CheckRule(ExportedVersion host, string label, RuleDefinition rule, Expression<Func<TmadAssessment, bool>> fails)
    {
        var builder = Named($"TMAD {label}: {rule.Id}", rule.Title ?? rule.Id, CheckPriority, label);
        builder.Property("tmad.rule", rule.Id);
        var assessment = fails.Parameters[0];
        var pattern = builder.LeftHandSide().Pattern(typeof(TmadAssessment), assessment.Name!);
        pattern.Condition(Expression.Lambda<Func<TmadAssessment, bool>>(Expression.Equal(Expression.Property(assessment, nameof(TmadAssessment.Checks)), Expression.Constant(host.Checks)), assessment));
        pattern.Condition(fails);
        Expression<Action<IContext, TmadAssessment>> action = (ctx, a) => ExportedVersion.Fail(ctx, a, rule);
        builder.RightHandSide().Action(Renamed(action, assessment.Name!), ActionTrigger.Activated | ActionTrigger.Reactivated);
        return builder.Build();
    }

    private static IRuleDefinition VerdictRule(ExportedVersion host, string label)
    {
        var builder = Named($"TMAD {label}: verdict", $"Combines the failed checks of TMAD {label} into the verdict", VerdictPriority, label);
        var findings = builder.LeftHandSide().Pattern(typeof(IGrouping<TmadAssessment, ITmadFinding>), "findings");
        Expression<Func<IGrouping<TmadAssessment, ITmadFinding>, bool>> mine = findings => findings.Key.Checks == host.Checks;
        findings.Condition(mine);
        var aggregate = findings.Aggregate();
        Expression<Func<ITmadFinding, TmadAssessment>> key = finding => finding.Assessment;
        Expression<Func<ITmadFinding, ITmadFinding>> element = finding => finding;
        aggregate.GroupBy(key, element);
        aggregate.Pattern(typeof(ITmadFinding), "finding");
        Expression<Action<IContext, IGrouping<TmadAssessment, ITmadFinding>>> action = (ctx, findings) => host.Conclude(ctx, findings.Key, findings.OfType<TmadCheckFailure>());
        builder.RightHandSide().Action(action, ActionTrigger.Activated | ActionTrigger.Reactivated);
        return builder.Build();
    }

    private static RuleBuilder Named(string name, string description, int priority, string label)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        builder.Description(description);
        builder.Priority(priority);
        builder.Tags(["TMAD", label]);
        return builder;
    }

    /// <summary>The action with its assessment parameter named as the pattern's declaration (NRules binds by name).</summary>
    private static Expression<Action<IContext, TmadAssessment>> Renamed(Expression<Action<IContext, TmadAssessment>> action, string name)
    {
        var renamed = Expression.Parameter(typeof(TmadAssessment), name);
        var body = new Engine.Rebinder(action.Parameters[1], renamed).Visit(action.Body);
        return Expression.Lambda<Action<IContext, TmadAssessment>>(body, action.Parameters[0], renamed);
    }
}
