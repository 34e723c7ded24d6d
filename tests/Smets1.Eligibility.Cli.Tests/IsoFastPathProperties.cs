using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;

namespace Smets1.Eligibility.Cli.Tests;

/// <summary>The ISO fast path accepts exactly what NodaTime's patterns accept, with the same value, or defers to them.</summary>
public sealed class IsoFastPathProperties
{
    private const int Cases = 3000;

    /// <summary>Text near the contract's forms: valid and invalid digits, separators, offsets, lengths.</summary>
    private static readonly Gen<string> NearIso =
        from year in Gen.Elements("2021", "0001", "9999", "2024", "1900", "20x1", "0000")
        from month in Gen.Elements("01", "02", "12", "13", "00", "1a")
        from day in Gen.Elements("01", "28", "29", "30", "31", "32", "00")
        from hour in Gen.Elements("00", "23", "24", "09")
        from minute in Gen.Elements("00", "59", "60")
        from second in Gen.Elements("00", "59", "60")
        from zone in Gen.Elements("Z", "z", "+01:00", "-05:00", "+18:00", "+19:00", "-00:30", "+0100", "+01", "", ".5Z", "+01:60")
        from separator in Gen.Elements("T", "t", " ")
        from dateOnly in Gen.Elements(true, false)
        select dateOnly ? $"{year}-{month}-{day}" : $"{year}-{month}-{day}{separator}{hour}:{minute}:{second}{zone}";

    [Property(Arbitrary = [typeof(NearIsoText)], MaxTest = Cases)]
    public bool Dates_AgreeWithNodaTime(string text)
    {
        var full = LocalDatePattern.Iso.Parse(text);
        return !IsoFastPath.TryDate(text, out var fast) || (full.Success && full.Value == fast);
    }

    [Property(Arbitrary = [typeof(NearIsoText)], MaxTest = Cases)]
    public bool CellParser_GivesNodaTimesAnswerForEveryText(string text)
    {
        var full = OffsetDateTimePattern.ExtendedIso.Parse(text);
        var parsed = CellParser.TryParseInstant(text, out var instant);
        return parsed ? full.Success && full.Value.ToInstant() == instant : !full.Success || full.Value.LocalDateTime.Year is <= 1 or >= 9999;
    }

    [Property(Arbitrary = [typeof(NearIsoText)], MaxTest = Cases)]
    public bool Instants_AgreeWithNodaTime(string text)
    {
        var full = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return !IsoFastPath.TryUnixSeconds(text, out var seconds, out var year)
            || (full.Success && UnixSecondsOf(full.Value) == seconds && full.Value.LocalDateTime.Year == year);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59-05:00")]
    [InlineData("9999-12-31T23:00:00-00:30")]
    [InlineData("0001-01-01T00:00:00+18:00")]
    public void Instants_PastEitherEndOfTheCalendar_AgreeWithNodaTime(string text)
    {
        Assert.True(Instants_AgreeWithNodaTime(text));
        Assert.True(UnixSeconds_OverTheWholeCalendar_AgreeWithNodaTime(text));
    }

    [Property(Arbitrary = [typeof(AnyInstantText)], MaxTest = Cases)]
    public bool UnixSeconds_OverTheWholeCalendar_AgreeWithNodaTime(string text)
    {
        var full = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return IsoFastPath.TryUnixSeconds(text, out var seconds, out _) == full.Success
            && (!full.Success || UnixSecondsOf(full.Value) == seconds);
    }

    /// <summary>
    /// NodaTime's answer in Unix seconds, computed without <see cref="OffsetDateTime.ToInstant"/>, which overflows past the
    /// end of 9999 (9999-12-31T23:59:59-05:00) where the fast path's seconds, a plain <see langword="long"/>, do not.
    /// </summary>
    private static long UnixSecondsOf(OffsetDateTime value) =>
        value.LocalDateTime.InUtc().ToInstant().ToUnixTimeSeconds() - value.Offset.Seconds;

    [Fact]
    public void DaysSinceUnixEpoch_IsNodaTimesForEveryDayOfYears1To9999()
    {
        for (var date = new LocalDate(1, 1, 1); date.Year < 9999 || date.DayOfYear < 365; date = date.PlusDays(1))
        {
            var expected = date.AtMidnight().InUtc().ToInstant().ToUnixTimeSeconds() / 86_400;
            Assert.Equal(expected, IsoFastPath.DaysSinceUnixEpoch(date.Year, date.Month, date.Day));
        }
    }

    /// <summary>Well-formed instants of any year 1 to 9999, any valid or invalid day of month, any offset form the fast path takes.</summary>
    public static class AnyInstantText
    {
        public static Arbitrary<string> Texts() =>
            (from year in Gen.Choose(1, 9999)
             from month in Gen.Choose(1, 12)
             from day in Gen.Choose(1, 31)
             from hour in Gen.Choose(0, 23)
             from minute in Gen.Choose(0, 59)
             from second in Gen.Choose(0, 59)
             from offset in Gen.Choose(-18 * 60, 18 * 60)
             from utc in Gen.Elements(true, false)
             let zone = utc ? "Z" : $"{(offset < 0 ? '-' : '+')}{Math.Abs(offset) / 60:D2}:{Math.Abs(offset) % 60:D2}"
             select $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}{zone}").ToArbitrary();
    }

    /// <summary><see cref="NearIso"/> as the arbitrary for strings.</summary>
    public static class NearIsoText
    {
        public static Arbitrary<string> Texts() => NearIso.ToArbitrary();
    }
}
