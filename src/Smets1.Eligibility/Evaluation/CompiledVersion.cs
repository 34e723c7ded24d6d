using System.Linq.Expressions;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility;

/// <summary>
/// One version's rules compiled once into a single delegate: every predicate inlined into one method that
/// returns the failed rules as a bit set, with the version's parameters bound. Immutable and thread-safe.
/// </summary>
internal sealed class CompiledVersion
{
    private static readonly ulong DataIncompleteBit = 1UL << RuleCatalog.Get(RuleIds.DataIncomplete).Index;

    private readonly RuleEvaluator _hits;
    private readonly ulong _warnings;
    private readonly ulong _excluded;
    private readonly ulong _ineligible;
    private readonly ulong _deferred;
    private readonly ulong _indeterminate;
    private readonly ulong _escalating;

    private CompiledVersion(TmadVersion version, RuleParameters parameters, RuleEvaluator hits)
    {
        Version = version;
        Parameters = parameters;
        _hits = hits;
        foreach (var rule in version.Rules)
        {
            var bit = 1UL << rule.Index;
            switch (rule.Outcome)
            {
                case RuleOutcome.Warning: _warnings |= bit; break;
                case RuleOutcome.Excluded: _excluded |= bit; break;
                case RuleOutcome.Ineligible: _ineligible |= bit; break;
                case RuleOutcome.Deferred: _deferred |= bit; break;
                case RuleOutcome.Indeterminate: _indeterminate |= bit; break;
                default: break;
            }

            if (rule.Escalates is not null)
            {
                _escalating |= bit;
            }
        }
    }

    public TmadVersion Version { get; }

    public RuleParameters Parameters { get; }

    public static CompiledVersion Compile(TmadVersion version)
    {
        var parameters = new RuleParameters(version.Label, version.Parameters, version.RuleSet.Contains(RuleIds.ExclGt01));
        return new CompiledVersion(version, parameters, BuildDelegate(version.Rules));
    }

    /// <summary>Evaluates one prepared installation. Allocates nothing.</summary>
    public EligibilityOutcome Evaluate(ref RuleContext context)
    {
        var hits = _hits(ref context, Parameters);
        if (context.Missing != 0)
        {
            hits |= DataIncompleteBit;
        }

        var failed = hits & ~_warnings;
        return new EligibilityOutcome(VerdictOf(failed, context), new RuleSet(failed), new RuleSet(hits & _warnings), Version);
    }

    /// <summary>The outcome a failed rule had for this installation (escalated where its escalation applies).</summary>
    public static RuleOutcome OutcomeOf(RuleDefinition rule, in RuleContext context) =>
        rule.Escalates is { } escalates && escalates(context) ? rule.EscalatedOutcome!.Value : rule.Outcome;

    private Verdict VerdictOf(ulong failed, in RuleContext context)
    {
        if (failed == 0)
        {
            return Verdict.Eligible;
        }

        var verdict =
            (failed & _excluded) != 0 ? Verdict.Excluded :
            (failed & _ineligible) != 0 ? Verdict.Ineligible :
            (failed & _deferred) != 0 ? Verdict.Deferred :
            (failed & _indeterminate) != 0 ? Verdict.Indeterminate :
            Verdict.EligibleElectricityOnly;
        return (failed & _escalating) == 0 ? verdict : Escalate(verdict, failed & _escalating, context);
    }

    private static Verdict Escalate(Verdict verdict, ulong escalating, in RuleContext context)
    {
        foreach (var rule in new RuleSet(escalating))
        {
            var outcome = (Verdict)OutcomeOf(rule, context);
            if (outcome > verdict)
            {
                verdict = outcome;
            }
        }

        return verdict;
    }

    /// <summary>
    /// Builds <c>(c, p) =&gt; { ulong hits = 0; if ((c.Missing &amp; required) == 0 &amp;&amp; predicate(c, p)) hits |= bit; …; return hits; }</c>
    /// with each rule's predicate body inlined, so evaluation makes one delegate call per installation.
    /// </summary>
    private static RuleEvaluator BuildDelegate(IReadOnlyList<RuleDefinition> rules)
    {
        var context = Expression.Parameter(typeof(RuleContext).MakeByRefType(), "c");
        var parameters = Expression.Parameter(typeof(RuleParameters), "p");
        var hits = Expression.Variable(typeof(ulong), "hits");
        var missing = Expression.Property(context, nameof(RuleContext.Missing));
        var body = new List<Expression> { Expression.Assign(hits, Expression.Constant(0UL)) };
        foreach (var rule in rules)
        {
            if (rule.Predicate is null)
            {
                continue;
            }

            Expression test = new ParameterBinder(rule.Predicate.Parameters[0], context, rule.Predicate.Parameters[1], parameters).Visit(rule.Predicate.Body);
            if (rule.RequiredMask != FactMask.None)
            {
                var known = Expression.Equal(Expression.And(missing, Expression.Constant((int)rule.RequiredMask)), Expression.Constant(0));
                test = Expression.AndAlso(known, test);
            }

            body.Add(Expression.IfThen(test, Expression.OrAssign(hits, Expression.Constant(1UL << rule.Index))));
        }

        body.Add(hits);
        var lambda = Expression.Lambda<RuleEvaluator>(Expression.Block([hits], body), context, parameters);
        return lambda.Compile();
    }

    /// <summary>The compiled rules of one version: the failed rules of a prepared installation as a bit set.</summary>
    private delegate ulong RuleEvaluator(ref RuleContext context, RuleParameters parameters);

    private sealed class ParameterBinder(ParameterExpression fromContext, ParameterExpression toContext, ParameterExpression fromParameters, ParameterExpression toParameters)
        : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == fromContext ? toContext : node == fromParameters ? toParameters : base.VisitParameter(node);
    }
}
