using NodaTime;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Rules;

/// <summary>A version's parameters flattened for its compiled predicates: plain values, no provenance.</summary>
internal sealed class RuleParameters
{
    public RuleParameters(string label, TmadParameters parameters, bool gt01ExcludesGsme)
    {
        Label = label;
        Expiry = parameters.Expiry.Value;
        ExpiryEndsAt = Text.EndOfDay(Expiry);
        CosLookaheadDays = parameters.CosLookaheadDays.Value;
        CommsWindow = parameters.CommsWindow.Value;
        CommsWindowText = Text.Hours(CommsWindow);
        EpclWindowMonths = parameters.EpclWindowMonths.Value;
        EpclWindowText = Text.Months(EpclWindowMonths);
        FailedAttemptThreshold = parameters.FailedAttemptThreshold?.Value ?? int.MaxValue;
        Gt01ExcludesGsme = gt01ExcludesGsme;
    }

    public string Label { get; }

    public LocalDate Expiry { get; }

    /// <summary>The Europe/London midnight after the inclusive expiry: the version has ceased from this instant on.</summary>
    public Instant ExpiryEndsAt { get; }

    public int CosLookaheadDays { get; }

    public Duration CommsWindow { get; }

    /// <summary><see cref="CommsWindow"/> as messages write it (<c>72h</c>), written once: every failed contact check names it.</summary>
    public string CommsWindowText { get; }

    public int EpclWindowMonths { get; }

    /// <summary><see cref="EpclWindowMonths"/> as messages write it (<c>18 months</c>), written once: every EPCL window warning names it.</summary>
    public string EpclWindowText { get; }

    public int FailedAttemptThreshold { get; }

    /// <summary>Whether the version holds <c>EXCL-GT01</c>, so that GT01 takes the gas meter out of <c>COMMS-RECENT-GSME</c>.</summary>
    public bool Gt01ExcludesGsme { get; }
}
