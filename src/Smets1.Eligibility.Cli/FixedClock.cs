using NodaTime;

namespace Smets1.Eligibility.Cli;

/// <summary>A clock that always reads one instant: <c>verify</c> re-runs a command at the instant its record says it started.</summary>
internal sealed class FixedClock(Instant instant) : IClock
{
    public Instant GetCurrentInstant() => instant;
}
