namespace Smets1.Eligibility.Versions;

/// <summary>
/// The five eras of the inferred timeline 2022-01-01 to 2025-10-16 (TMAD-RULES §3a), defined as version files in
/// the format users write and embedded in the library; read and built once, with the shipped versions.
/// </summary>
internal static class InferredTimeline
{
    private const string Prefix = "Smets1.Eligibility.Inferred.";

    /// <summary>The eras' definitions, read from the embedded version files (no time zone is needed for that).</summary>
    public static IReadOnlyList<VersionDefinition> Read()
    {
        var assembly = typeof(InferredTimeline).Assembly;
        var definitions = new List<VersionDefinition>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            definitions.AddRange(VersionFile.Parse(reader.ReadToEnd(), name[Prefix.Length..]));
        }

        return definitions;
    }

    /// <summary>The designated versions with the eras of <paramref name="definitions"/> (from <see cref="Read"/>) registered on them.</summary>
    public static TmadCatalog AddTo(TmadCatalog designated, IReadOnlyList<VersionDefinition> definitions)
    {
        var builder = new TmadCatalogBuilder(designated);
        foreach (var definition in definitions)
        {
            builder.Register(definition);
        }

        var built = builder.Build();
        var designatedLabels = designated.Labels.ToHashSet(StringComparer.Ordinal);
        var versions = built.Versions.Select(v => designatedLabels.Contains(v.Label) ? v : v.AsInferredEra());
        return new TmadCatalog(versions, built.Table, built.Facts);
    }
}
