namespace Smets1.Eligibility.Rules;

/// <summary>The source documents that rules and parameters cite, by key (TMAD-RULES.md, "Sources").</summary>
/// <remarks>Thread-safe: the table is immutable.</remarks>
public static class Sources
{
    /// <summary>Government direction of 4 Nov 2021 re-designating TMAD v17.0 and S1SR v11.0.</summary>
    public const string S000 = "S000";

    /// <summary>DCC consultation of 21 Oct 2020 (CoS dormancy, Uplift 1.2).</summary>
    public const string S001 = "S001";

    /// <summary>Government direction effective 28 Feb 2021 (TMAD v11.0, S1SR v7.0, FOC PKI).</summary>
    public const string S003 = "S003";

    /// <summary>DCC consultation of 17 Oct 2025 on clause retention beyond TMAD expiry.</summary>
    public const string S004 = "S004";

    /// <summary>DCC "SMETS1 Consultation – Various 1" (Nov 2021): Clause 18 excluded categories, GT01, expiry to 31 Dec 2022.</summary>
    public const string PV1 = "P-V1";

    /// <summary>DCC "SMETS1 Consultation – Active to Dormant" (Apr 2022) and its conclusion (May 2022).</summary>
    public const string PA2D = "P-A2D";

    /// <summary>DCC MEHRS consultation (Mar 2022): check MA110.</summary>
    public const string PMehrs22 = "P-MEHRS22";

    /// <summary>DCC consultation and conclusion on the TMAD expiry date (Nov–Dec 2023): 31 Mar 2024, then 31 Dec 2024.</summary>
    public const string PExp24 = "P-EXP24";

    /// <summary>Every known source key with its description, in the order of TMAD-RULES.md.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [S000] = "Government direction of 4 Nov 2021 re-designating TMAD v17.0 and S1SR v11.0",
        [S001] = "DCC consultation of 21 Oct 2020 (CoS dormancy, Uplift 1.2)",
        [S003] = "Government direction effective 28 Feb 2021 (TMAD v11.0, S1SR v7.0, FOC PKI)",
        [S004] = "DCC consultation of 17 Oct 2025 on clause retention beyond TMAD expiry",
        [PV1] = "DCC \"SMETS1 Consultation – Various 1\" (Nov 2021): Clause 18 excluded categories, GT01, TMAD expiry to 31 Dec 2022",
        [PA2D] = "DCC \"SMETS1 Consultation – Active to Dormant\" (Apr 2022) and its conclusion (May 2022)",
        [PMehrs22] = "DCC MEHRS consultation (Mar 2022): check MA110 (installation does not match an EPCL entry)",
        [PExp24] = "DCC consultation and conclusion on the TMAD expiry date (Nov–Dec 2023): expiry 31 Mar 2024 as at 2 Nov 2023; extension to 31 Dec 2024 concluded 15 Dec 2023",
    }.AsReadOnly();
}
