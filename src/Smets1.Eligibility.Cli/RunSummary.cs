using System.Globalization;
using Spectre.Console;

namespace Smets1.Eligibility.Cli;

/// <summary>What <c>evaluate</c> reports on standard error: rows, counts per verdict and per failed rule, time, rate.</summary>
internal sealed class RunSummary
{
    private readonly EstateSummary _estate = new();

    public long Invalid { get; private set; }

    public long Rows => _estate.Total + Invalid;

    public void Add(InstallationFacts facts, in EligibilityOutcome outcome) => _estate.Add(facts, outcome);

    public void AddInvalid() => Invalid++;

    /// <summary>Adds another summary's counts (another thread's) to this one.</summary>
    public void Merge(RunSummary other)
    {
        _estate.Merge(other._estate);
        Invalid += other.Invalid;
    }

    /// <summary>Copies the rows and counts per verdict into a run record's counts.</summary>
    public void CopyTo(RunCounts counts) => counts.Add(_estate, Invalid);

    public void Render(IAnsiConsole console, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? Rows / elapsed.TotalSeconds : Rows;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows: {Rows:N0} in {elapsed.TotalSeconds:0.00} s ({rate:N0} rows/s)"));
        var verdicts = new Table().Border(TableBorder.Simple).AddColumn("verdict").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (verdict, count) in _estate.ByVerdict.Reverse())
        {
            verdicts.AddRow(verdict.ToString(), count.ToString("N0", CultureInfo.InvariantCulture));
        }

        verdicts.AddRow(ResultWriter.InvalidVerdict, Invalid.ToString("N0", CultureInfo.InvariantCulture));
        console.Write(verdicts);
        var rules = new Table().Border(TableBorder.Simple).AddColumn("failed rule").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (rule, count) in _estate.ByFailedRule)
        {
            rules.AddRow(rule, count.ToString("N0", CultureInfo.InvariantCulture));
        }

        foreach (var (rule, count) in _estate.ByWarning)
        {
            rules.AddRow(rule + " (warning)", count.ToString("N0", CultureInfo.InvariantCulture));
        }

        if (rules.Rows.Count > 0)
        {
            console.Write(rules);
        }
    }
}
