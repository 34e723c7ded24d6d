using System.Reflection;
using PublicApiGenerator;

namespace Smets1.Eligibility.Tests.Conventions;

/// <summary>
/// Renders an assembly's public surface with PublicApiGenerator and compares it with its approved file in
/// <c>tests/Smets1.Eligibility.Tests/Conventions</c>. Set <c>SMETS1_ACCEPT_API=1</c> to write the approved file
/// after a deliberate change.
/// </summary>
internal static class PublicApi
{
    public static void Verify(Assembly assembly)
    {
        var actual = Render(assembly);
        var approvedPath = RepositoryRoot.Combine("tests", "Smets1.Eligibility.Tests", "Conventions", assembly.GetName().Name + ".approved.txt");
        if (Environment.GetEnvironmentVariable("SMETS1_ACCEPT_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (approved != actual)
        {
            var receivedPath = Path.ChangeExtension(approvedPath, null) + ".received.txt";
            receivedPath = receivedPath.Replace(".approved.received", ".received", StringComparison.Ordinal);
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"The public API of {assembly.GetName().Name} changed. Compare {receivedPath} with {approvedPath}; " +
                "if the change is intended, rerun with SMETS1_ACCEPT_API=1 and commit the approved file.");
        }
    }

    /// <summary>
    /// The assembly's public API as C# declarations (PublicApiGenerator), with nullability, attributes that matter
    /// to callers and XML-free signatures: what a consumer compiles against.
    /// </summary>
    public static string Render(Assembly assembly) =>
        assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            ExcludeAttributes = ["System.Diagnostics.DebuggerDisplayAttribute", "System.Runtime.CompilerServices.CompilerGeneratedAttribute"],
        }).ReplaceLineEndings("\n") + "\n";
}
