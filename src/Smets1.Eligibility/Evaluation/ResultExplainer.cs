using System.Runtime.CompilerServices;
using NodaTime;
using Smets1.Eligibility.Engine;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility;

/// <summary>
/// Turns a compact outcome into an explained result: a message per failed rule and warning, naming the facts and
/// parameter values (built-in rules through their own explanations, defined rules through their conditions), the
/// gap of <c>VERSION-UNRESOLVED</c>, the era of <c>VERSION-INFERRED</c> and the missing facts of <c>DATA-INCOMPLETE</c>.
/// Evaluation never needs it: only <see cref="EligibilityEvaluator.Evaluate"/> and <see cref="EligibilityEvaluator.Explain"/> do.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class ResultExplainer(TmadCatalog catalog)
{
    public EligibilityResult Explain(InstallationFacts facts, in EligibilityOutcome outcome, in RuleContext context, Instant? at, CompiledVersion? compiled) =>
        new(
            facts.InstallationId,
            at,
            outcome,
            Describe(outcome.FailedRules, context, compiled, at),
            Describe(outcome.Warnings, context, compiled, at));

    /// <summary>
    /// <see cref="EligibilityResult.Message"/> of the result <see cref="Explain"/> gives, written into
    /// <paramref name="buffer"/> (grown when too short): <c>RULE-ID: message</c> per failed rule then per warning,
    /// separated by <c> | </c>. A built-in rule's message is written in place (<see cref="RuleMessage"/>); only the
    /// messages of defined rules and of the version and data checks are strings first.
    /// </summary>
    /// <remarks>The message begins at <c>buffer[start]</c>, after the messages of earlier rows when a batch is explained.</remarks>
    /// <returns>How many characters were written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int WriteMessage(in EligibilityOutcome outcome, in RuleContext context, Instant? at, CompiledVersion? compiled, ref char[] buffer, int start = 0)
    {
        var written = start;
        foreach (var rules in (ReadOnlySpan<RuleSet>)[outcome.FailedRules, outcome.Warnings])
        {
            foreach (var rule in rules)
            {
                if (written > start)
                {
                    Append(ref buffer, ref written, Separator);
                }

                Append(ref buffer, ref written, rule.Id);
                Append(ref buffer, ref written, ": ");
                if (InPlace(rule) is { } message)
                {
                    written += RuleMessages.WriteInto(message, context, compiled!.Parameters, ref buffer, written);
                }
                else
                {
                    Append(ref buffer, ref written, Describe(rule, context, compiled, at).Message);
                }
            }
        }

        return written - start;
    }

    private const string Separator = " | ";

    private static void Append(ref char[] buffer, ref int written, string text)
    {
        if (buffer.Length - written < text.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, written + text.Length));
        }

        text.CopyTo(buffer.AsSpan(written));
        written += text.Length;
    }

    /// <summary>The rule's own message, for a built-in rule; <see langword="null"/> for the version and data checks and defined rules, which <see cref="Describe(RuleDefinition, in RuleContext, CompiledVersion?, Instant?)"/> explains.</summary>
    private static RuleMessage? InPlace(RuleDefinition rule) =>
        rule.Id is RuleIds.VersionUnresolved or RuleIds.DataIncomplete or RuleIds.VersionInferred || (rule.IsDefined && rule.When is not null)
            ? null
            : rule.Explain;

    private RuleFailure[] Describe(RuleSet rules, in RuleContext context, CompiledVersion? compiled, Instant? at)
    {
        if (rules.IsEmpty)
        {
            return [];
        }

        var failures = new RuleFailure[rules.Count];
        var i = 0;
        foreach (var rule in rules)
        {
            var (outcome, message) = Describe(rule, context, compiled, at);
            failures[i++] = new RuleFailure(rule, outcome, message);
        }

        return failures;
    }

    /// <summary>One failed rule or warning: what it meant here, and its message.</summary>
    private (RuleOutcome Outcome, string Message) Describe(RuleDefinition rule, in RuleContext context, CompiledVersion? compiled, Instant? at) => rule.Id switch
    {
        RuleIds.VersionUnresolved => (rule.Outcome, at is { } instant ? catalog.Resolve(instant).Gap ?? "no version covers the assessment date" : "no assessment instant"),
        RuleIds.DataIncomplete => (rule.Outcome, Incomplete(context, compiled, at)),
        RuleIds.VersionInferred => (rule.Outcome, Inferred(compiled!.Version)),
        _ when rule.IsDefined && rule.When is { } when => (rule.Outcome, compiled!.Explainer.Describe(when, context)),
        _ => (CompiledVersion.OutcomeOf(rule, context), RuleMessages.ToText(rule.Explain!, context, compiled!.Parameters)),
    };

    /// <summary>The <c>VERSION-INFERRED</c> message: the era and its sources.</summary>
    private string Inferred(TmadVersion version)
    {
        var era = catalog.EraOf(version) ?? version;
        var derived = ReferenceEquals(era, version) ? string.Empty : $"{version.Label} is based on ";
        return $"{derived}{era.Label}, an era of the inferred timeline (TMAD-RULES §3a), in force {Text.InMessage(era.EffectiveFrom)} to {Text.InMessage(era.Expiry)} by our reading of {era.Source}; the checks are inferred, not a designated TMAD version";
    }

    /// <summary>The <c>DATA-INCOMPLETE</c> message: the missing facts the built-in checks need, then each defined rule left undecided with the facts it lacked.</summary>
    private static string Incomplete(in RuleContext context, CompiledVersion? compiled, Instant? at)
    {
        if (at is null || compiled is null)
        {
            return "missing assessed_at";
        }

        var parts = new List<string>();
        var missing = (FactMask)context.Missing & compiled.Needed;
        if (missing != FactMask.None)
        {
            parts.Add("missing " + string.Join(", ", FactMasks.Names(missing)));
        }

        foreach (var rule in compiled.Version.Rules)
        {
            if (rule.IsDefined && rule.When is { } when && rule.Outcome != RuleOutcome.Warning && compiled.Explainer.Evaluate(when, context) == ConditionCompiler.Unknown)
            {
                var facts = new List<string>();
                compiled.Explainer.Missing(when, context, facts);
                parts.Add($"{rule.Id} undecided: missing {string.Join(", ", facts)}");
            }
        }

        return string.Join("; ", parts);
    }
}
