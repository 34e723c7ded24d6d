using Smets1.Eligibility.Synthetic;

namespace Smets1.Eligibility.Benchmarks;

/// <summary>The estate every bulk benchmark runs over: one million installations from a fixed seed, assessed across the v9–v17 era.</summary>
public static class BenchmarkData
{
    public const int Seed = 20211104;
    public const int Count = 1_000_000;

    public static SyntheticEstate Estate { get; } = new(Seed);

    public static InstallationFacts[] Create(int count = Count) => [.. Estate.Installations(count)];
}
