using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Smets1.Eligibility;

/// <summary>Invariant text for dates, instants and durations in messages and reports.</summary>
internal static class Text
{
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static readonly LocalDate LastDay = new(9999, 12, 31);

    /// <summary>The instant of Europe/London midnight at the start of a UK date.</summary>
    public static Instant StartOfDay(LocalDate date) => date.AtStartOfDayInZone(London).ToInstant();

    /// <summary>
    /// The Europe/London midnight after <paramref name="date"/> plus <paramref name="months"/> calendar months (clamped
    /// to the month's end): when something that lasts until the end of that day has ended. Past the end of the
    /// calendar (year 9999), <see cref="NodaTime.Instant.MaxValue"/>: it never ends within it.
    /// </summary>
    public static Instant EndOfDay(LocalDate date, int months = 0)
    {
        var headroom = ((9999 - date.Year) * 12) + (12 - date.Month);
        if (months > headroom)
        {
            return NodaTime.Instant.MaxValue;
        }

        var day = date.PlusMonths(months);
        return day >= LastDay ? NodaTime.Instant.MaxValue : StartOfDay(day.PlusDays(1));
    }

    /// <summary>A date as <c>uuuu-MM-dd</c> (NodaTime's ISO pattern; years 1–9999 written directly, a property test checks they agree).</summary>
    public static string Date(LocalDate date) =>
        date.Year is >= 1 and <= 9999
            ? string.Create(10, date, static (span, d) => WriteDate(span, d.Year, d.Month, d.Day))
            : LocalDatePattern.Iso.Format(date);

    /// <summary><see cref="Date(LocalDate)"/> for an interpolated message: written into the message, no string of its own.</summary>
    public static DateText InMessage(LocalDate date) => new(date);

    /// <summary><see cref="Instant(NodaTime.Instant)"/> for an interpolated message: written into the message, no string of its own.</summary>
    public static InstantText InMessage(Instant instant) => new(instant);

    /// <summary><see cref="Hours(Duration)"/> for an interpolated message: written into the message, no string of its own.</summary>
    public static HoursText InMessage(Duration duration) => new(duration);

    /// <summary>
    /// An instant as NodaTime's extended ISO pattern, <c>uuuu-MM-ddTHH:mm:ss;FFFFFFFFFZ</c>. Whole seconds in years
    /// 1–9999 (every instant of the contract's files) are written directly; anything else goes to NodaTime. Messages
    /// name instants for every failed contact check, so this is on the bulk path; a property test checks both agree.
    /// </summary>
    public static string Instant(Instant instant)
    {
        Span<char> text = stackalloc char[20];
        return TryWriteInstant(text, instant, out var written) ? new string(text[..written]) : InstantPattern.ExtendedIso.Format(instant);
    }

    /// <summary>Whole seconds of years 1–9999 as <c>uuuu-MM-ddTHH:mm:ssZ</c>; <see langword="false"/> for anything else, or too little room.</summary>
    private static bool TryWriteInstant(Span<char> span, Instant instant, out int written)
    {
        written = 0;
        var t = instant.InUtc();
        if (t.NanosecondOfSecond != 0 || t.Year is < 1 or > 9999 || span.Length < 20)
        {
            return false;
        }

        WriteDate(span, t.Year, t.Month, t.Day);
        span[10] = 'T';
        Two(span[11..], t.Hour);
        span[13] = ':';
        Two(span[14..], t.Minute);
        span[16] = ':';
        Two(span[17..], t.Second);
        span[19] = 'Z';
        written = 20;
        return true;
    }

    private static void WriteDate(Span<char> span, int year, int month, int day)
    {
        Two(span, year / 100);
        Two(span[2..], year % 100);
        span[4] = '-';
        Two(span[5..], month);
        span[7] = '-';
        Two(span[8..], day);
    }

    private static void Two(Span<char> span, int value)
    {
        span[0] = (char)('0' + (value / 10));
        span[1] = (char)('0' + (value % 10));
    }

    public static string Days(int days) => days == 1 ? "1 day" : days.ToString(CultureInfo.InvariantCulture) + " days";

    public static string Months(int months) => months == 1 ? "1 month" : months.ToString(CultureInfo.InvariantCulture) + " months";

    /// <summary>Whole hours as <c>49h</c>; anything finer as <c>72h 0m 1s</c>.</summary>
    public static string Hours(Duration duration)
    {
        // Written into a stack buffer: on the bulk path (every failed contact check) an interpolated string with a
        // format provider cost more than the rest of the explanation.
        Span<char> text = stackalloc char[HoursLength];
        return new string(text[..WriteHours(text, duration)]);
    }

    /// <summary>The longest <see cref="Hours"/> text: a sign, 19 digits of hours and the minutes, seconds and milliseconds.</summary>
    private const int HoursLength = 48;

    private static int WriteHours(Span<char> text, Duration duration)
    {
        // Exact integer arithmetic at any length: whole days, and the nanoseconds of the last day.
        var negative = duration < Duration.Zero;
        var abs = negative ? -duration : duration;
        var hours = ((long)abs.Days * 24) + (abs.NanosecondOfDay / NanosPerHour);
        var rest = abs.NanosecondOfDay % NanosPerHour;
        var length = 0;
        if (negative)
        {
            text[length++] = '-';
        }

        length += Whole(text[length..], hours);
        text[length++] = 'h';
        if (rest != 0)
        {
            text[length++] = ' ';
            length += Whole(text[length..], rest / NanosPerMinute);
            text[length++] = 'm';
            text[length++] = ' ';
            length += Whole(text[length..], rest % NanosPerMinute / NanosPerSecond);
            var millis = rest % NanosPerSecond / 1_000_000;
            if (millis != 0)
            {
                text[length++] = '.';
                text[length] = (char)('0' + (millis / 100));
                text[length + 1] = (char)('0' + (millis / 10 % 10));
                text[length + 2] = (char)('0' + (millis % 10));
                length += 3;
            }

            text[length++] = 's';
        }

        return length;
    }

    /// <summary>A date written in place into an interpolated string (<see cref="InMessage(LocalDate)"/>).</summary>
    public readonly struct DateText(LocalDate date) : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            if (date.Year is >= 1 and <= 9999 && destination.Length >= 10)
            {
                WriteDate(destination, date.Year, date.Month, date.Day);
                charsWritten = 10;
                return true;
            }

            return Copy(Date(date), destination, out charsWritten);
        }

        public string ToString(string? format, IFormatProvider? formatProvider) => Date(date);

        public override string ToString() => Date(date);
    }

    /// <summary>An instant written in place into an interpolated string (<see cref="InMessage(NodaTime.Instant)"/>).</summary>
    public readonly struct InstantText(Instant instant) : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            TryWriteInstant(destination, instant, out charsWritten) || Copy(Instant(instant), destination, out charsWritten);

        public string ToString(string? format, IFormatProvider? formatProvider) => Instant(instant);

        public override string ToString() => Instant(instant);
    }

    /// <summary>A duration in hours written in place into an interpolated string (<see cref="InMessage(Duration)"/>).</summary>
    public readonly struct HoursText(Duration duration) : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            Span<char> text = stackalloc char[HoursLength];
            var length = WriteHours(text, duration);
            return Copy(text[..length], destination, out charsWritten);
        }

        public string ToString(string? format, IFormatProvider? formatProvider) => Hours(duration);

        public override string ToString() => Hours(duration);
    }

    private static bool Copy(ReadOnlySpan<char> text, Span<char> destination, out int charsWritten)
    {
        charsWritten = text.TryCopyTo(destination) ? text.Length : 0;
        return charsWritten == text.Length;
    }

    private static int Whole(Span<char> destination, long value)
    {
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

    private const long NanosPerSecond = 1_000_000_000;
    private const long NanosPerMinute = 60 * NanosPerSecond;
    private const long NanosPerHour = 60 * NanosPerMinute;
}
