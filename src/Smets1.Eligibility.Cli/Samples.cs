namespace Smets1.Eligibility.Cli;

/// <summary>The sample estate and EPCL bundled inside the tool (<c>samples/estate.csv</c>, <c>samples/epcl.csv</c>).</summary>
internal static class Samples
{
    public const string EstateName = "the bundled sample estate";
    public const string EpclName = "the bundled sample EPCL";

    public static Stream OpenEstate() => Open("estate.csv");

    public static Stream OpenEpcl() => Open("epcl.csv");

    private static Stream Open(string name) =>
        typeof(Samples).Assembly.GetManifestResourceStream("Smets1.Eligibility.Cli.Samples." + name)
        ?? throw new InvalidOperationException($"The bundled sample {name} is missing from the tool; rebuild it.");
}
