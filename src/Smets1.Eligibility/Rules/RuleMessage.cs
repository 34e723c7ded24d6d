using System.Buffers;
using System.Runtime.CompilerServices;

namespace Smets1.Eligibility.Rules;

/// <summary>
/// Writes a built-in rule's explanation of a failure into <paramref name="destination"/>, with no string of its own:
/// on the bulk path every failed rule and warning of every row is explained, so the message goes straight into the
/// row's message buffer (<see cref="ResultExplainer.WriteMessage"/>).
/// </summary>
/// <returns>How many characters were written, or -1 when <paramref name="destination"/> is too short (call again with a longer one).</returns>
internal delegate int RuleMessage(RuleContext context, RuleParameters parameters, Span<char> destination);

/// <summary>Helpers for <see cref="RuleMessage"/>: interpolated text written in place, and the message as a string where one is needed.</summary>
internal static class RuleMessages
{
    /// <summary>Writes interpolated text into <paramref name="destination"/>; -1 when it does not fit.</summary>
    public static int Write(Span<char> destination, [InterpolatedStringHandlerArgument(nameof(destination))] ref MemoryExtensions.TryWriteInterpolatedStringHandler text) =>
        destination.TryWrite(ref text, out var written) ? written : -1;

    /// <summary>Writes interpolated text into <paramref name="destination"/>, formatted with <paramref name="provider"/>; -1 when it does not fit.</summary>
    public static int Write(Span<char> destination, IFormatProvider provider, [InterpolatedStringHandlerArgument(nameof(destination), nameof(provider))] ref MemoryExtensions.TryWriteInterpolatedStringHandler text) =>
        destination.TryWrite(provider, ref text, out var written) ? written : -1;

    /// <summary>Copies <paramref name="text"/> into <paramref name="destination"/>; -1 when it does not fit.</summary>
    public static int Copy(Span<char> destination, string text) => text.TryCopyTo(destination) ? text.Length : -1;

    /// <summary>Writes the message at <paramref name="buffer"/>[<paramref name="start"/>..], growing the buffer until it fits.</summary>
    /// <returns>How many characters were written.</returns>
    public static int WriteInto(RuleMessage message, in RuleContext context, RuleParameters parameters, ref char[] buffer, int start)
    {
        while (true)
        {
            var written = message(context, parameters, buffer.AsSpan(start));
            if (written >= 0)
            {
                return written;
            }

            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, start + 256));
        }
    }

    /// <summary>The message as a string (<see cref="EligibilityEvaluator.Explain"/> and the rule failures of a result).</summary>
    public static string ToText(RuleMessage message, in RuleContext context, RuleParameters parameters)
    {
        for (var size = 256; ; size *= 2)
        {
            var buffer = ArrayPool<char>.Shared.Rent(size);
            try
            {
                var written = message(context, parameters, buffer);
                if (written >= 0)
                {
                    return new string(buffer, 0, written);
                }

                size = buffer.Length;
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }
    }
}
