using NodaTime;
using Smets1.Eligibility.Engine;
using Smets1.Eligibility.Model;
using Smets1.Eligibility.Rules;
using Smets1.Eligibility.Versions;

namespace Smets1.Eligibility.Remedies;

/// <summary>Reads and sets an installation's facts by column name, as the open model names them (RULE-FILES.md): the built-in columns and the declared facts.</summary>
internal static class FactAccess
{
    public static object? Get(InstallationFacts f, string name) => name switch
    {
        "cohort" => f.Cohort is { } c ? ContractText.Format(c) : null,
        "meter_status" => f.MeterStatus is { } m ? ContractText.Format(m) : null,
        "dormancy_cause" => f.DormancyCause is { } d ? ContractText.Format(d) : null,
        "has_esme" => f.HasEsme,
        "has_gsme" => f.HasGsme,
        "dmc_id" => f.DmcId,
        "chf_last_contact" => f.ChfLastContact,
        "gsme_last_contact" => f.GsmeLastContact,
        "planned_cos_date" => f.PlannedCosDate,
        "planned_cot_date" => f.PlannedCotDate,
        "profile_data_switch" => f.ProfileDataSwitch is { } p ? ContractText.Format(p) : null,
        "igt" => f.Igt,
        "igt_certificate_valid" => f.IgtCertificateValid,
        "master_keys_present" => f.MasterKeysPresent,
        "wan_before_migration" => f.WanBeforeMigration,
        "wan_at_migration" => f.WanAtMigration,
        "failed_migration_attempts" => (long)f.FailedMigrationAttempts,
        "gt01_han_error" => f.Gt01HanError,
        "supplier_statement_not_migratable" => f.SupplierStatementNotMigratable,
        "directed_exclusion" => f.DirectedExclusion,
        _ => f.Custom is { } custom && custom.Schema.TryGet(name, out _) ? custom[name] : null,
    };

    /// <summary>The values of every dated fact of the installation: contacts, planned dates, the EPCL date and declared date and instant facts.</summary>
    public static IEnumerable<object> Readable(InstallationFacts f, EligibilityEvaluator evaluator)
    {
        foreach (var value in (object?[])[f.ChfLastContact, f.GsmeLastContact, f.PlannedCosDate, f.PlannedCotDate])
        {
            if (value is not null)
            {
                yield return value;
            }
        }

        if (f.DmcId is { } dmc && evaluator.Epcl.TryGet(dmc, out var entry))
        {
            yield return entry.AddedOn;
        }

        if (f.Custom is { } custom)
        {
            foreach (var fact in custom.Schema.Facts)
            {
                if (custom[fact.Name] is { } value and (Instant or LocalDate))
                {
                    yield return value;
                }
            }
        }
    }

    /// <summary>Whether a fact can be changed here (reference data such as the EPCL facts cannot, nor the key).</summary>
    public static bool IsSettable(string name) =>
        name is not ("installation_id" or "assessed_at" or "dmc_id" or BuiltInFacts.EpclListed or BuiltInFacts.EpclAddedOn or BuiltInFacts.EpclUneconomicToTest);

    public static InstallationFacts With(InstallationFacts f, string name, object value, TmadCatalog catalog) => name switch
    {
        "cohort" => f with { Cohort = Parse<Cohort>(value, ContractText.TryParseCohort) },
        "meter_status" => f with { MeterStatus = Parse<MeterStatus>(value, ContractText.TryParseMeterStatus) },
        "dormancy_cause" => f with { DormancyCause = Parse<DormancyCause>(value, ContractText.TryParseDormancyCause) },
        "has_esme" => f with { HasEsme = (bool)value },
        "has_gsme" => f with { HasGsme = (bool)value },
        "chf_last_contact" => f with { ChfLastContact = (Instant)value },
        "gsme_last_contact" => f with { GsmeLastContact = (Instant)value },
        "planned_cos_date" => f with { PlannedCosDate = (LocalDate)value },
        "planned_cot_date" => f with { PlannedCotDate = (LocalDate)value },
        "profile_data_switch" => f with { ProfileDataSwitch = Parse<ProfileDataSwitch>(value, ContractText.TryParseProfileDataSwitch) },
        "igt" => f with { Igt = (bool)value },
        "igt_certificate_valid" => f with { IgtCertificateValid = (bool)value },
        "master_keys_present" => f with { MasterKeysPresent = (bool)value },
        "wan_before_migration" => f with { WanBeforeMigration = (bool)value },
        "wan_at_migration" => f with { WanAtMigration = (bool)value },
        "failed_migration_attempts" => f with { FailedMigrationAttempts = checked((int)(long)value) },
        "gt01_han_error" => f with { Gt01HanError = (bool)value },
        "supplier_statement_not_migratable" => f with { SupplierStatementNotMigratable = (bool)value },
        "directed_exclusion" => f with { DirectedExclusion = (bool)value },
        _ => f with { Custom = (f.Custom?.ToBuilder() ?? catalog.Facts.CreateValues()).Set(name, value).Build() },
    };

    /// <summary>The definition of a fact a version can read: built-in or declared.</summary>
    public static FactDefinition? Definition(string name, TmadCatalog catalog) =>
        BuiltInFacts.All.FirstOrDefault(f => f.Name == name) ?? (catalog.Facts.TryGet(name, out var declared) ? declared : null);

    /// <summary>The facts a rule reads: those its condition names, or for an engine check those it needs (<see cref="RuleDefinition.RequiredMask"/>).</summary>
    public static IEnumerable<string> ReadBy(RuleDefinition rule)
    {
        if (rule.When is { } when)
        {
            return ConditionWalk.Facts(when).Distinct(StringComparer.Ordinal);
        }

        // The meter facts an engine check needs; its dates are the wait's, and the DMC is the EPCL's.
        return FactMasks.Names(rule.RequiredMask & (FactMask.Cohort | FactMask.MeterStatus | FactMask.HasEsme | FactMask.HasGsme));
    }

    private static T Parse<T>(object value, CellParserTryParse<T> parse)
        where T : struct => parse(((string)value).AsSpan(), out var parsed) ? parsed : throw new ArgumentException($"'{value}' is not a value of {typeof(T).Name}.", nameof(value));

    private delegate bool CellParserTryParse<T>(ReadOnlySpan<char> text, out T value);
}

/// <summary>Walks a condition for what it reads: facts, and the constants it compares with.</summary>
internal static class ConditionWalk
{
    public static IEnumerable<string> Facts(Condition condition)
    {
        foreach (var leaf in Leaves(condition))
        {
            switch (leaf)
            {
                case KnownCondition known:
                    yield return known.Fact;
                    break;
                case ComparisonCondition comparison:
                    yield return comparison.Operand.FactName;
                    foreach (var value in comparison.Values)
                    {
                        if (value.Kind == ConditionValueKind.Fact)
                        {
                            yield return value.Name!;
                        }
                    }

                    break;
            }
        }
    }

    public static IEnumerable<object> Constants(Condition condition)
    {
        foreach (var leaf in Leaves(condition))
        {
            if (leaf is ComparisonCondition comparison)
            {
                foreach (var value in comparison.Values)
                {
                    if (value.Kind == ConditionValueKind.Constant && value.Constant is { } constant)
                    {
                        yield return constant;
                    }
                }
            }
        }
    }

    private static IEnumerable<Condition> Leaves(Condition condition)
    {
        switch (condition)
        {
            case AllCondition all:
                foreach (var leaf in all.Conditions.SelectMany(Leaves))
                {
                    yield return leaf;
                }

                break;
            case AnyCondition any:
                foreach (var leaf in any.Conditions.SelectMany(Leaves))
                {
                    yield return leaf;
                }

                break;
            case NotCondition not:
                foreach (var leaf in Leaves(not.Condition))
                {
                    yield return leaf;
                }

                break;
            default:
                yield return condition;
                break;
        }
    }
}
