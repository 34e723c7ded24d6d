using Smets1.Eligibility.Reference;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Cli;

/// <summary>
/// What a run read and wrote, for its run record (AUDIT.md §3): the catalogue and EPCL it ran with (so that the record
/// describes them, not the files as they are afterwards), the digest of standard input, rows, and counts per verdict and
/// (for <c>audit</c>) per finding.
/// </summary>
internal sealed class RunCounts
{
    public long Rows { get; private set; }

    /// <summary>The catalogue the command ran with.</summary>
    public TmadCatalog? Catalog { get; set; }

    /// <summary>The EPCL the command ran with, if it read one.</summary>
    public Epcl? Epcl { get; set; }

    /// <summary>Standard input, when the run read an input from it: its size and SHA-256 go into the record.</summary>
    public DigestingStream? StandardInput { get; set; }

    /// <summary>Files the run hashed as it read them to their end, by full path (<c>evaluate</c>'s installations), so the record need not read them again.</summary>
    public Dictionary<string, DigestingStream> Read { get; } = new(StringComparer.Ordinal);

    /// <summary>The outputs the run hashed as it wrote them, by full path (<see cref="OutputFile"/>).</summary>
    public Dictionary<string, DigestingStream> Written { get; } = new(StringComparer.Ordinal);

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
