using Smets1.Eligibility.Tests.Conventions;

namespace Smets1.Eligibility.Cli.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_OfTheToolPackage_MatchesTheApprovedSnapshot()
    {
        // The tool exposes no types: everything a user relies on is its command line.
        PublicApi.Verify(typeof(CliApp).Assembly);
    }
}
