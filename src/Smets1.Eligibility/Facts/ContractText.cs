using System.Diagnostics.CodeAnalysis;

namespace Smets1.Eligibility;

/// <summary>
/// The spellings the interchange files use for the library's enumerations (FILES-AND-CLI.md),
/// in both directions. Parsing is case-insensitive.
/// </summary>
/// <remarks>All members are pure and thread-safe.</remarks>
public static class ContractText
{
    /// <summary>Returns the file spelling of a cohort, for example <c>MOC_SECURE</c>.</summary>
    /// <param name="cohort">The cohort.</param>
    /// <returns>The contract text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cohort"/> is not a defined value.</exception>
    public static string Format(Cohort cohort) => cohort switch
    {
        Cohort.Ioc => "IOC",
        Cohort.MocMds => "MOC_MDS",
        Cohort.MocSecure => "MOC_SECURE",
        Cohort.FocNp => "FOC_NP",
        Cohort.FocBg => "FOC_BG",
        _ => throw new ArgumentOutOfRangeException(nameof(cohort), cohort, "Not a defined cohort."),
    };

    /// <summary>Returns the file spelling of a meter status: <c>ACTIVE</c> or <c>DORMANT</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The contract text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public static string Format(MeterStatus status) => status switch
    {
        MeterStatus.Active => "ACTIVE",
        MeterStatus.Dormant => "DORMANT",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a defined meter status."),
    };

    /// <summary>Returns the file spelling of a dormancy cause.</summary>
    /// <param name="cause">The cause.</param>
    /// <returns>The contract text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cause"/> is not a defined value.</exception>
    public static string Format(DormancyCause cause) => cause switch
    {
        DormancyCause.ChangeOfSupplier => "CHANGE_OF_SUPPLIER",
        DormancyCause.SmsoContractTerminated => "SMSO_CONTRACT_TERMINATED",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, "Not a defined dormancy cause."),
    };

    /// <summary>Returns the file spelling of a profile-data switch: <c>ON</c> or <c>OFF</c>.</summary>
    /// <param name="value">The switch position.</param>
    /// <returns>The contract text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined value.</exception>
    public static string Format(ProfileDataSwitch value) => value switch
    {
        ProfileDataSwitch.On => "ON",
        ProfileDataSwitch.Off => "OFF",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not a defined switch position."),
    };

    /// <summary>Parses a cohort in its file spelling, ignoring case.</summary>
    /// <param name="text">The text, for example <c>foc_np</c>.</param>
    /// <param name="cohort">The cohort when the text names one.</param>
    /// <returns><see langword="true"/> when the text names a cohort.</returns>
    public static bool TryParseCohort(ReadOnlySpan<char> text, out Cohort cohort)
    {
        // The file spelling itself (every row of a real file) is matched at once; any other case is compared ignoring it.
        switch (text)
        {
            case "IOC": cohort = Cohort.Ioc; return true;
            case "MOC_MDS": cohort = Cohort.MocMds; return true;
            case "MOC_SECURE": cohort = Cohort.MocSecure; return true;
            case "FOC_NP": cohort = Cohort.FocNp; return true;
            case "FOC_BG": cohort = Cohort.FocBg; return true;
            default: return TryParse(text, [Cohort.Ioc, Cohort.MocMds, Cohort.MocSecure, Cohort.FocNp, Cohort.FocBg], Format, out cohort);
        }
    }

    /// <summary>Parses a meter status in its file spelling, ignoring case.</summary>
    /// <param name="text">The text.</param>
    /// <param name="status">The status when the text names one.</param>
    /// <returns><see langword="true"/> when the text names a status.</returns>
    public static bool TryParseMeterStatus(ReadOnlySpan<char> text, out MeterStatus status)
    {
        switch (text)
        {
            case "ACTIVE": status = MeterStatus.Active; return true;
            case "DORMANT": status = MeterStatus.Dormant; return true;
            default: return TryParse(text, [MeterStatus.Active, MeterStatus.Dormant], Format, out status);
        }
    }

    /// <summary>Parses a dormancy cause in its file spelling, ignoring case.</summary>
    /// <param name="text">The text.</param>
    /// <param name="cause">The cause when the text names one.</param>
    /// <returns><see langword="true"/> when the text names a cause.</returns>
    public static bool TryParseDormancyCause(ReadOnlySpan<char> text, out DormancyCause cause) =>
        TryParse(text, [DormancyCause.ChangeOfSupplier, DormancyCause.SmsoContractTerminated], Format, out cause);

    /// <summary>Parses a profile-data switch position in its file spelling, ignoring case.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The position when the text names one.</param>
    /// <returns><see langword="true"/> when the text names a position.</returns>
    public static bool TryParseProfileDataSwitch(ReadOnlySpan<char> text, out ProfileDataSwitch value)
    {
        switch (text)
        {
            case "OFF": value = ProfileDataSwitch.Off; return true;
            case "ON": value = ProfileDataSwitch.On; return true;
            default: return TryParse(text, [ProfileDataSwitch.Off, ProfileDataSwitch.On], Format, out value);
        }
    }

    private static bool TryParse<T>(ReadOnlySpan<char> text, ReadOnlySpan<T> values, Func<T, string> format, [MaybeNullWhen(false)] out T value)
    {
        foreach (var candidate in values)
        {
            if (text.Equals(format(candidate), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
