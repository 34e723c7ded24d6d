using Smets1.Eligibility.Auditing;
using Smets1.Eligibility.Files;
using Smets1.Eligibility.Remedies;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// One row worked in full, as <c>audit</c>, <c>evaluate --remedies</c> and <c>report</c> with recorded decisions or
/// <c>--remedies</c> need it: its replay as an audit (with no recorded decision its finding is <c>NOT-RECORDED</c>) and,
/// when asked, its remedies and earliest eligible instant.
/// </summary>
internal readonly record struct DetailedRow(InstallationAudit Audit, RemedyReport? Remedy)
{
    /// <summary>Works <paramref name="count"/> rows on every core into <paramref name="into"/>, in order.</summary>
    public static void WorkAll(InstallationRow[] rows, int count, DetailedRow[] into, EvaluationOptions options, EligibilityAuditor auditor, RemedyFinder? remedies) =>
        Parallel.For(0, count, i => into[i] = Of(rows[i], options, auditor, remedies));

    private static DetailedRow Of(InstallationRow row, EvaluationOptions options, EligibilityAuditor auditor, RemedyFinder? remedies)
    {
        var audit = auditor.Audit(row, options);
        var remedy = remedies is not null && row.Facts is { } facts && audit.Replay is { } replay ? remedies.Find(facts, replay, options) : null;
        return new DetailedRow(audit, remedy);
    }
}
