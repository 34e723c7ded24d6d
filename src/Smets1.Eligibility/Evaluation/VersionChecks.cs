using System.Linq.Expressions;
using Smets1.Eligibility.Engine;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility;

/// <summary>
/// One version's checks compiled one by one, each into its own delegate in three-valued logic, for hosts that
/// evaluate rules separately (the NRules bridge runs one NRules rule per check). The bulk path does not use
/// this: <see cref="CompiledVersion"/> inlines every check into one delegate. Immutable and thread-safe.
/// </summary>
internal sealed class VersionChecks
{
    private readonly FactMask _needed;
    private readonly Func<RuleContext, byte>[] _undecidable;

    private VersionChecks(CompiledVersion compiled)
    {
        Compiled = compiled;
        _needed = compiled.Needed;
        var checks = new List<Check>();
        var undecidable = new List<Func<RuleContext, byte>>();
        foreach (var rule in compiled.Version.Rules)
        {
            if (CompileCheck(rule, compiled) is not { } test)
            {
                continue;
            }

            checks.Add(new Check(rule, test));
            if (rule.IsDefined && rule.Outcome != RuleOutcome.Warning)
            {
                undecidable.Add(test);
            }
        }

        Checks = checks;
        _undecidable = [.. undecidable];
        AlwaysWarned = compiled.Version.RuleSet.Contains(RuleIds.VersionInferred);
    }

    public CompiledVersion Compiled { get; }

    public TmadVersion Version => Compiled.Version;

    /// <summary>The checks of the version that have a predicate or a condition, in the version's order.</summary>
    public IReadOnlyList<Check> Checks { get; }

    /// <summary>Whether the version always warns <c>VERSION-INFERRED</c> (an era, or a version derived from one).</summary>
    public bool AlwaysWarned { get; }

    public static VersionChecks Compile(CompiledVersion compiled) => new(compiled);

    /// <summary>Whether <c>DATA-INCOMPLETE</c> fails: a fact a check reads is missing, or a defined condition that is not a warning is unknown.</summary>
    public bool DataIncomplete(in RuleContext context)
    {
        if ((context.Missing & (int)_needed) != 0)
        {
            return true;
        }

        foreach (var test in _undecidable)
        {
            if (test(context) == ConditionCompiler.Unknown)
            {
                return true;
            }
        }

        return false;
    }

    private static Func<RuleContext, byte>? CompileCheck(RuleDefinition rule, CompiledVersion compiled)
    {
        var context = Expression.Parameter(typeof(RuleContext), "c");
        var compiler = new ConditionCompiler(compiled.Scope, context);
        if (rule.IsDefined)
        {
            return Expression.Lambda<Func<RuleContext, byte>>(compiler.Scoped(compiler.Compile(rule.When!)), context).Compile();
        }

        if (CompiledVersion.BuiltInFails(rule, compiled.Parameters, compiler, context, Expression.Constant(compiled.Parameters)) is not { } fails)
        {
            return null; // engine checks: DATA-INCOMPLETE, VERSION-* (decided by the host)
        }

        return Expression.Lambda<Func<RuleContext, byte>>(
            compiler.Scoped(Expression.Condition(fails, Expression.Constant(ConditionCompiler.True), Expression.Constant(ConditionCompiler.False))),
            context).Compile();
    }

    /// <summary>One check: the rule and its test (<see cref="ConditionCompiler.True"/> when the rule fails).</summary>
    public sealed record Check(RuleDefinition Rule, Func<RuleContext, byte> Test);
}
