using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Text;

namespace Smets1.Eligibility.Tests;

public sealed class TextTests
{
    [Theory]
    [InlineData(49 * 3600, "49h")]
    [InlineData(0, "0h")]
    [InlineData((72 * 3600) + 61, "72h 1m 1s")]
    [InlineData(-3600, "-1h")]
    [InlineData(-((48 * 3600) + 61), "-48h 1m 1s")]
    public void Hours_Duration_IsWrittenInWholeHoursWhenItCanBe(long seconds, string expected)
    {
        Assert.Equal(expected, Text.Hours(Duration.FromSeconds(seconds)));
    }

    [Fact]
    public void Hours_SubSecond_ShowsMilliseconds()
    {
        Assert.Equal("24h 0m 0.500s", Text.Hours(Duration.FromHours(24) + Duration.FromMilliseconds(500)));
        Assert.Equal("71h 59m 59.999s", Text.Hours(Duration.FromHours(72) - Duration.FromNanoseconds(1)));
    }

    [Fact]
    public void Hours_BeyondANanosecondLong_IsStillExact()
    {
        Assert.Equal("2629800h", Text.Hours(Duration.FromDays(109_575)));
        Assert.Equal("-2629800h", Text.Hours(-Duration.FromDays(109_575)));
    }

    [Property(Arbitrary = [typeof(Values)], MaxTest = 2000)]
    public bool Hours_InIntegerNanoseconds_AgreesWithNodaTimesArithmetic(Duration duration) =>
        Text.Hours(duration) == HoursByNodaTime(duration);

    /// <summary>The earlier implementation, in NodaTime's (floating-point) arithmetic: the oracle for the property above.</summary>
    private static string HoursByNodaTime(Duration duration)
    {
        var sign = duration < Duration.Zero ? "-" : string.Empty;
        var abs = duration < Duration.Zero ? -duration : duration;
        var hours = (long)Math.Floor(abs.TotalHours);
        var rest = abs - Duration.FromHours(hours);
        if (rest == Duration.Zero)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sign}{hours}h");
        }

        var millis = rest.SubsecondNanoseconds / 1_000_000;
        return millis == 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sign}{hours}h {rest.Minutes}m {rest.Seconds}s")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sign}{hours}h {rest.Minutes}m {rest.Seconds}.{millis:000}s");
    }

    [Property(Arbitrary = [typeof(Values)], MaxTest = 2000)]
    public bool Instant_IsNodaTimesExtendedIsoPattern(Instant instant) =>
        Text.Instant(instant) == InstantPattern.ExtendedIso.Format(instant);

    [Property(Arbitrary = [typeof(Values)], MaxTest = 2000)]
    public bool Date_IsNodaTimesIsoPattern(Instant instant)
    {
        var date = instant.InUtc().Date;
        return Text.Date(date) == LocalDatePattern.Iso.Format(date);
    }

    [Fact]
    public void Instant_AtTheEdgesOfTheCalendar_IsNodaTimesPattern()
    {
        foreach (var instant in new[] { Instant.MinValue, Instant.MaxValue, Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(9999, 12, 31, 23, 59, 59), Instant.FromUtc(2021, 3, 28, 1, 0) + Duration.FromNanoseconds(1) })
        {
            Assert.Equal(InstantPattern.ExtendedIso.Format(instant), Text.Instant(instant));
            Assert.Equal(LocalDatePattern.Iso.Format(instant.InUtc().Date), Text.Date(instant.InUtc().Date));
        }
    }

    [Property(Arbitrary = [typeof(Values)], MaxTest = 2000)]
    public bool InMessage_WritesWhatTheStringFormsGive(Instant instant, Duration duration)
    {
        var date = instant.InUtc().Date;
        var written = $"[{Text.InMessage(instant)}|{Text.InMessage(date)}|{Text.InMessage(duration)}]";
        return written == $"[{Text.Instant(instant)}|{Text.Date(date)}|{Text.Hours(duration)}]"
            && Text.InMessage(instant).ToString() == Text.Instant(instant)
            && Text.InMessage(date).ToString() == Text.Date(date)
            && Text.InMessage(duration).ToString() == Text.Hours(duration);
    }

    [Fact]
    public void InMessage_IntoTooSmallABuffer_AsksForMore()
    {
        Span<char> small = stackalloc char[5];
        Assert.False(Text.InMessage(NodaTime.Instant.FromUtc(2021, 11, 10, 10, 0)).TryFormat(small, out _, default, null));
        Assert.False(Text.InMessage(new LocalDate(2021, 11, 10)).TryFormat(small, out _, default, null));
        Assert.False(Text.InMessage(Duration.FromHours(123456)).TryFormat(small, out _, default, null));
        Assert.False(Text.InMessage(NodaTime.Instant.FromUtc(2021, 11, 10, 10, 0) + Duration.FromMilliseconds(5)).TryFormat(small, out _, default, null));
    }

    public static class Values
    {
        // Whole seconds (the contract's files), milliseconds and nanoseconds; one in ten scaled to years before 1 and up to 9999.
        public static Arbitrary<Instant> Instants() =>
            (from seconds in Gen.Choose(-70_000, 80_000).Select(d => (long)d * 86_400).SelectMany(d => Gen.Choose(0, 86_399).Select(s => d + s))
             from fraction in Gen.Frequency((6, Gen.Constant(0L)), (2, Gen.Choose(1, 999).Select(m => m * 1_000_000L)), (1, Gen.Choose(1, 999_999_999).Select(n => (long)n)))
             from scale in Gen.Frequency((9, Gen.Constant(1L)), (1, Gen.Constant(30L)))
             select Instant.FromUnixTimeSeconds(seconds * scale) + Duration.FromNanoseconds(fraction)).ToArbitrary();

        // Contact ages as messages show them: up to a thousand days either way, in seconds or milliseconds.
        public static Arbitrary<Duration> Durations() =>
            (from seconds in Gen.Choose(-86_400_000, 86_400_000)
             from millis in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 999)))
             select Duration.FromSeconds(seconds) + Duration.FromMilliseconds(millis)).ToArbitrary();
    }
}
