using NRules.RuleModel;
using Smets1.Eligibility.Engine;
using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Rules;
using RuleSet = Smets1.Eligibility.Rules.RuleSet;

namespace Smets1.Eligibility.NRules.Sessions;

/// <summary>
/// What the exported rules of one version call: preparing an installation as the evaluator does, running one
/// compiled check, and combining the failures into the outcome by the verdict precedence of TMAD-RULES §5.
/// </summary>
internal sealed class ExportedVersion(EligibilityEvaluator evaluator, VersionChecks checks, EvaluationOptions options)
{
    private const string Linked = "tmad";

    public VersionChecks Checks { get; } = checks;

    public RuleTable Table { get; } = evaluator.Catalog.Table;

    public void Assess(IContext context, InstallationFacts installation, Epcl epcl) =>
        Yield(context, new TmadAssessment(installation, Checks, evaluator.PrepareFor(installation, options, epcl)));

    public static bool DataIncomplete(TmadAssessment assessment) =>
        assessment.Context is not { } context || assessment.Checks.DataIncomplete(context);

    public static bool Fails(TmadAssessment assessment, VersionChecks.Check check) =>
        assessment.Context is { } context && check.Test(context) == ConditionCompiler.True;

    public static void Fail(IContext context, TmadAssessment assessment, RuleDefinition rule)
    {
        var outcome = assessment.Context is { } prepared ? CompiledVersion.OutcomeOf(rule, prepared) : rule.Outcome;
        Yield(context, new TmadCheckFailure(assessment, rule, outcome));
    }

    public void Conclude(IContext context, TmadAssessment assessment, IEnumerable<TmadCheckFailure> failures)
    {
        var failed = new RuleSet.Builder(Table);
        var warnings = new RuleSet.Builder(Table);
        var verdict = Verdict.Eligible;
        foreach (var failure in failures)
        {
            var index = Table.IndexOf(failure.Rule);
            if (failure.Outcome == RuleOutcome.Warning)
            {
                warnings.Add(index);
                continue;
            }

            failed.Add(index);
            if ((Verdict)failure.Outcome > verdict)
            {
                verdict = (Verdict)failure.Outcome;
            }
        }

        Yield(context, new TmadResult(assessment, new EligibilityOutcome(verdict, failed.Build(), warnings.Build(), assessment.Version)));
    }

    /// <summary>Inserts the rule's one linked fact, replacing the one it inserted before when it fires again.</summary>
    private static void Yield(IContext context, object fact)
    {
        if (context.GetLinked(Linked) is { } previous)
        {
            context.RetractLinked(Linked, previous);
        }

        context.InsertLinked(Linked, fact);
    }
}
