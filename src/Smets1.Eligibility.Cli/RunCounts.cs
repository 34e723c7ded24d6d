namespace Smets1.Eligibility.Cli;

/// <summary>What a run wrote, for its run record (AUDIT.md §3): rows, and counts per verdict and (for <c>audit</c>) per finding.</summary>
internal sealed class RunCounts
{
    public long Rows { get; private set; }

    /// <summary>Standard input, when the run read an input from it: its size and SHA-256 go into the record.</summary>
    public DigestingStream? StandardInput { get; set; }

    public SortedDictionary<string, long> ByVerdict { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> ByFinding { get; } = new(StringComparer.Ordinal);

    public void Add(string verdict, string? finding)
    {
        Rows++;
        ByVerdict[verdict] = ByVerdict.GetValueOrDefault(verdict) + 1;
        if (finding is not null)
        {
            ByFinding[finding] = ByFinding.GetValueOrDefault(finding) + 1;
        }
    }

    public void Add(string verdict, long count)
    {
        Rows += count;
        ByVerdict[verdict] = ByVerdict.GetValueOrDefault(verdict) + count;
    }

    /// <summary>Adds an estate's counts per verdict and its Invalid rows.</summary>
    public void Add(EstateSummary summary, long invalid)
    {
        foreach (var (verdict, count) in summary.ByVerdict)
        {
            Add(verdict.ToString(), count);
        }

        Add(ResultWriter.InvalidVerdict, invalid);
    }

    /// <summary>Adds rows read whose results are not one verdict each (a sweep gives one per swept value).</summary>
    public void AddRows(long rows) => Rows += rows;
}
