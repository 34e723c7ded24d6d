namespace Smets1.Eligibility.Cli;

/// <summary>What a run wrote, for its run record (AUDIT.md §3): rows, and counts per verdict and (for <c>audit</c>) per finding.</summary>
internal sealed class RunCounts
{
    public long Rows { get; private set; }

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
}
