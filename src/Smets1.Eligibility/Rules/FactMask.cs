namespace Smets1.Eligibility.Rules;

/// <summary>The facts whose absence makes an evaluation incomplete (TMAD-RULES §5, DATA-INCOMPLETE).</summary>
[Flags]
internal enum FactMask
{
    None = 0,
    AssessedAt = 1,
    Cohort = 2,
    MeterStatus = 4,
    HasEsme = 8,
    HasGsme = 16,
    DmcId = 32,
    InstallationId = 64,
}

internal static class FactMasks
{
    public static FactMask Missing(InstallationFacts facts)
    {
        var missing = FactMask.None;
        if (facts.InstallationId.Length == 0)
        {
            missing |= FactMask.InstallationId;
        }

        if (facts.Cohort is null)
        {
            missing |= FactMask.Cohort;
        }

        if (facts.MeterStatus is null)
        {
            missing |= FactMask.MeterStatus;
        }

        if (facts.HasEsme is null)
        {
            missing |= FactMask.HasEsme;
        }

        if (facts.HasGsme is null)
        {
            missing |= FactMask.HasGsme;
        }

        if (string.IsNullOrEmpty(facts.DmcId))
        {
            missing |= FactMask.DmcId;
        }

        return missing;
    }

    /// <summary>The file column names of the facts in a mask, in column order.</summary>
    public static List<string> Names(FactMask mask)
    {
        var names = new List<string>(7);
        if ((mask & FactMask.InstallationId) != 0)
        {
            names.Add("installation_id");
        }

        if ((mask & FactMask.AssessedAt) != 0)
        {
            names.Add("assessed_at");
        }

        if ((mask & FactMask.Cohort) != 0)
        {
            names.Add("cohort");
        }

        if ((mask & FactMask.MeterStatus) != 0)
        {
            names.Add("meter_status");
        }

        if ((mask & FactMask.HasEsme) != 0)
        {
            names.Add("has_esme");
        }

        if ((mask & FactMask.HasGsme) != 0)
        {
            names.Add("has_gsme");
        }

        if ((mask & FactMask.DmcId) != 0)
        {
            names.Add("dmc_id");
        }

        return names;
    }
}
