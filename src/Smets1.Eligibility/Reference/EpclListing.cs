using NodaTime;

namespace Smets1.Eligibility.Reference;

/// <summary>
/// An EPCL entry with its date boundaries precomputed as instants (Europe/London midnights), so that rules
/// compare instants instead of converting every assessment to a UK date.
/// </summary>
internal sealed class EpclListing
{
    private const int CommonWindowMonths = 12;
    private readonly Instant _commonWindowEndsAt;

    public EpclListing(EpclEntry entry)
    {
        Entry = entry;
        ListedFrom = Text.StartOfDay(entry.AddedOn);
        _commonWindowEndsAt = ComputeWindowEnd(CommonWindowMonths);
    }

    public EpclEntry Entry { get; }

    /// <summary>The Europe/London midnight starting the day the DMC was added: listed from this instant on.</summary>
    public Instant ListedFrom { get; }

    /// <summary>The instant the migration window of <paramref name="months"/> ends: the midnight after <c>AddedOn + months</c>.</summary>
    public Instant WindowEndsAt(int months) => months == CommonWindowMonths ? _commonWindowEndsAt : ComputeWindowEnd(months);

    private Instant ComputeWindowEnd(int months) => Text.EndOfDay(Entry.AddedOn, months);
}
