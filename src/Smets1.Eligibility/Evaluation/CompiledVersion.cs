using System.Linq.Expressions;
using System.Reflection;
using Smets1.Eligibility.Engine;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility;

/// <summary>
/// One version's rules compiled once into a single delegate: every built-in predicate and every defined rule's
/// condition inlined into one method that returns the failed rules as bits, with the version's parameters bound.
/// Immutable and thread-safe.
/// </summary>
internal sealed class CompiledVersion
{
    private static readonly int DataIncompleteIndex = RuleTable.BuiltIn.IndexOf(RuleIds.DataIncomplete);
    private static readonly ulong DataIncompleteBit = 1UL << DataIncompleteIndex;
    private static readonly MethodInfo SetHigh = typeof(RuleMath).GetMethod(nameof(RuleMath.SetHigh))!;

    private readonly RuleEvaluator _hits;
    private readonly Mask _warnings;
    private readonly Mask _excluded;
    private readonly Mask _ineligible;
    private readonly Mask _deferred;
    private readonly Mask _indeterminate;
    private readonly ulong _escalating;
    private readonly int _needed;
    private readonly ulong _always;

    private CompiledVersion(TmadVersion version, RuleTable table, VersionScope scope, RuleParameters parameters)
    {
        Version = version;
        Table = table;
        Parameters = parameters;
        Scope = scope;
        Explainer = new ConditionExplainer(scope);
        _needed = (int)FactMask.InstallationId;
        var words = table.Words;
        _warnings = new Mask(words);
        _excluded = new Mask(words);
        _ineligible = new Mask(words);
        _deferred = new Mask(words);
        _indeterminate = new Mask(words);
        foreach (var rule in version.Rules)
        {
            var index = table.IndexOf(rule);
            _needed |= (int)rule.RequiredMask;
            switch (rule.Outcome)
            {
                case RuleOutcome.Warning: _warnings.Add(index); break;
                case RuleOutcome.Excluded: _excluded.Add(index); break;
                case RuleOutcome.Ineligible: _ineligible.Add(index); break;
                case RuleOutcome.Deferred: _deferred.Add(index); break;
                case RuleOutcome.Indeterminate: _indeterminate.Add(index); break;
                default: break;
            }

            if (rule.Id == RuleIds.VersionInferred)
            {
                _always |= 1UL << index; // an era, or a version derived from one: always warned
            }

            if (rule.Escalates is not null)
            {
                _escalating |= 1UL << index;
            }
        }

        _hits = BuildDelegate(version.Rules, table, scope, parameters);
    }

    public TmadVersion Version { get; }

    public RuleTable Table { get; }

    public RuleParameters Parameters { get; }

    public ConditionExplainer Explainer { get; }

    /// <summary>What the version's conditions read: its facts and parameters.</summary>
    public VersionScope Scope { get; }

    /// <summary>The facts a check of this version reads (and the installation ID): a blank one of these is <c>DATA-INCOMPLETE</c>.</summary>
    public FactMask Needed => (FactMask)_needed;

    public static CompiledVersion Compile(TmadVersion version, TmadCatalog catalog)
    {
        var parameters = new RuleParameters(version.Label, version.Parameters, version.RuleSet.Contains(RuleIds.ExclGt01));
        var scope = VersionScope.Create(version.Facts, version.Parameters.All, catalog.Facts);
        return new CompiledVersion(version, catalog.Table, scope, parameters);
    }

    /// <summary>Evaluates one prepared installation. Allocates nothing unless a rule past the 64th fails.</summary>
    public EligibilityOutcome Evaluate(ref RuleContext context)
    {
        ulong[]? high = null;
        var hits = _hits(ref context, Parameters, ref high) | _always;
        if ((context.Missing & _needed) != 0)
        {
            hits |= DataIncompleteBit;
        }

        var failed = hits & ~_warnings.Low;
        var warnings = hits & _warnings.Low;
        ulong[]? failedHigh = null;
        ulong[]? warningsHigh = null;
        if (high is not null)
        {
            failedHigh = new ulong[high.Length];
            warningsHigh = new ulong[high.Length];
            for (var i = 0; i < high.Length; i++)
            {
                failedHigh[i] = high[i] & ~_warnings.High[i];
                warningsHigh[i] = high[i] & _warnings.High[i];
            }
        }

        return new EligibilityOutcome(
            VerdictOf(failed, failedHigh, context),
            new RuleSet(Table, failed, failedHigh),
            new RuleSet(Table, warnings, warningsHigh),
            Version);
    }

    /// <summary>Whether a rule's failure is a failure (or a warning) of this version's compiled set.</summary>
    public static RuleOutcome OutcomeOf(RuleDefinition rule, in RuleContext context) =>
        rule.Escalates is { } escalates && escalates(context) ? rule.EscalatedOutcome!.Value : rule.Outcome;

    private Verdict VerdictOf(ulong failed, ulong[]? high, in RuleContext context)
    {
        if (failed == 0 && high is null)
        {
            return Verdict.Eligible;
        }

        var verdict =
            _excluded.Any(failed, high) ? Verdict.Excluded :
            _ineligible.Any(failed, high) ? Verdict.Ineligible :
            _deferred.Any(failed, high) ? Verdict.Deferred :
            _indeterminate.Any(failed, high) ? Verdict.Indeterminate :
            failed == 0 ? Verdict.Eligible : Verdict.EligibleElectricityOnly;
        return (failed & _escalating) == 0 ? verdict : Escalate(verdict, failed & _escalating, context);
    }

    private Verdict Escalate(Verdict verdict, ulong escalating, in RuleContext context)
    {
        foreach (var rule in new RuleSet(Table, escalating))
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
    /// Builds <c>(c, p, ref high) =&gt; { ulong hits = 0; if (known(required) &amp;&amp; predicate(c, p)) hits |= bit; …; return hits; }</c>
    /// with each built-in rule's test (<see cref="BuiltInFails"/>) and each defined condition inlined, so evaluation
    /// makes one delegate call per installation. A defined condition that is unknown marks <c>DATA-INCOMPLETE</c> (unless the rule is a warning).
    /// </summary>
    private static RuleEvaluator BuildDelegate(IReadOnlyList<RuleDefinition> rules, RuleTable table, VersionScope scope, RuleParameters ruleParameters)
    {
        var context = Expression.Parameter(typeof(RuleContext).MakeByRefType(), "c");
        var parameters = Expression.Parameter(typeof(RuleParameters), "p");
        var high = Expression.Parameter(typeof(ulong[]).MakeByRefType(), "high");
        var hits = Expression.Variable(typeof(ulong), "hits");
        var verdict = Expression.Variable(typeof(byte), "verdict");
        var compiler = new ConditionCompiler(scope, context);
        var body = new List<Expression> { Expression.Assign(hits, Expression.Constant(0UL)) };
        foreach (var rule in rules)
        {
            var index = table.IndexOf(rule);
            var hit = index < 64
                ? (Expression)Expression.OrAssign(hits, Expression.Constant(1UL << index))
                : Expression.Assign(high, Expression.Call(SetHigh, high, Expression.Constant(index), Expression.Constant(table.Words)));
            if (rule.IsDefined)
            {
                var undecided = rule.Outcome == RuleOutcome.Warning
                    ? (Expression)Expression.Empty()
                    : Expression.IfThen(Expression.Equal(verdict, Expression.Constant(ConditionCompiler.Unknown)), Expression.OrAssign(hits, Expression.Constant(DataIncompleteBit)));
                body.Add(Expression.Assign(verdict, compiler.Compile(rule.When!)));
                body.Add(Expression.IfThenElse(Expression.Equal(verdict, Expression.Constant(ConditionCompiler.True)), hit, undecided));
                continue;
            }

            if (BuiltInFails(rule, ruleParameters, compiler, context, parameters) is { } fails)
            {
                body.Add(Expression.IfThen(fails, hit));
            }
        }

        body.Add(hits);
        var variables = new List<ParameterExpression> { hits, verdict };
        variables.AddRange(compiler.Variables);
        if (compiler.Prologue is { } prologue)
        {
            body.Insert(0, prologue);
        }

        var lambda = Expression.Lambda<RuleEvaluator>(Expression.Block(variables, body), context, parameters, high);
        return lambda.Compile();
    }

    /// <summary>
    /// A built-in rule's test, <see langword="true"/> when the rule fails: its required facts known, and its condition
    /// in the model true (<see cref="RuleDefinition.When"/>, in this version's form) or its primitive predicate inlined.
    /// Unknown is not a failure of a built-in rule: a required fact that is missing fails <c>DATA-INCOMPLETE</c>.
    /// <see langword="null"/> for the engine's own checks (<c>DATA-INCOMPLETE</c>, <c>VERSION-*</c>).
    /// </summary>
    internal static Expression? BuiltInFails(RuleDefinition rule, RuleParameters ruleParameters, ConditionCompiler compiler, Expression context, Expression parameters)
    {
        if (rule.When is { } when)
        {
            var condition = compiler.Compile(BuiltInConditions.InVersion(rule, when, ruleParameters));
            return RequiredKnown(rule, context, Expression.Equal(condition, Expression.Constant(ConditionCompiler.True)));
        }

        return rule.Predicate is { } predicate
            ? RequiredKnown(rule, context, new Rebinder(predicate.Parameters[0], context, predicate.Parameters[1], parameters).Visit(predicate.Body))
            : null;
    }

    private static Expression RequiredKnown(RuleDefinition rule, Expression context, Expression test)
    {
        if (rule.RequiredMask == FactMask.None)
        {
            return test;
        }

        var missing = Expression.Property(context, nameof(RuleContext.Missing));
        var known = Expression.Equal(Expression.And(missing, Expression.Constant((int)rule.RequiredMask)), Expression.Constant(0));
        return Expression.AndAlso(known, test);
    }

    /// <summary>The compiled rules of one version: the failed rules of a prepared installation as bits (past 64 in <paramref name="high"/>).</summary>
    private delegate ulong RuleEvaluator(ref RuleContext context, RuleParameters parameters, ref ulong[]? high);

    /// <summary>The rules of one outcome as bits.</summary>
    private sealed class Mask(int words)
    {
        public ulong Low { get; private set; }

        public ulong[] High { get; } = new ulong[Math.Max(0, words - 1)];

        public void Add(int index)
        {
            if (index < 64)
            {
                Low |= 1UL << index;
            }
            else
            {
                High[(index >> 6) - 1] |= 1UL << (index & 63);
            }
        }

        public bool Any(ulong low, ulong[]? high)
        {
            if ((low & Low) != 0)
            {
                return true;
            }

            if (high is not null)
            {
                for (var i = 0; i < high.Length; i++)
                {
                    if ((high[i] & High[i]) != 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
