using System.Buffers;
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
    /// separated by <c> | </c>. Only each rule's own message is a string.
    /// </summary>
    /// <returns>How many characters were written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int WriteMessage(in EligibilityOutcome outcome, in RuleContext context, Instant? at, CompiledVersion? compiled, ref char[] buffer)
    {
        var count = outcome.FailedRules.Count + outcome.Warnings.Count;
        if (count == 0)
        {
            return 0;
        }

        var parts = ArrayPool<(string Id, string Message)>.Shared.Rent(count);
        try
        {
            var n = 0;
            var length = Separator.Length * (count - 1);
            foreach (var rules in (ReadOnlySpan<RuleSet>)[outcome.FailedRules, outcome.Warnings])
            {
                foreach (var rule in rules)
                {
                    var message = Describe(rule, context, compiled, at).Message;
                    parts[n++] = (rule.Id, message);
                    length += rule.Id.Length + 2 + message.Length;
                }
            }

            if (buffer.Length < length)
            {
                buffer = new char[Math.Max(length, buffer.Length * 2)];
            }

            var text = buffer.AsSpan();
            var written = 0;
            for (var i = 0; i < n; i++)
            {
                if (i > 0)
                {
                    Separator.CopyTo(text[written..]);
                    written += Separator.Length;
                }

                var (id, message) = parts[i];
                id.CopyTo(text[written..]);
                written += id.Length;
                ": ".CopyTo(text[written..]);
                written += 2;
                message.CopyTo(text[written..]);
                written += message.Length;
            }

            return written;
        }
        finally
        {
            ArrayPool<(string Id, string Message)>.Shared.Return(parts, clearArray: true);
        }
    }

    private const string Separator = " | ";

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
        _ => (CompiledVersion.OutcomeOf(rule, context), rule.Explain!(context, compiled!.Parameters)),
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
