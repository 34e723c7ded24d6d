namespace Smets1.Eligibility.Files;

/// <summary>
/// Hands out one string per distinct short cell text of a column that repeats a few values over millions of rows
/// (the DMC IDs of an estate: a few hundred models), so such a cell costs no allocation once its text is seen.
/// Bounded: 1,024 slots chosen by the text's hash; a slot holding other text is simply replaced, so a column of
/// all-different values costs one string per cell, as without the pool. Not thread-safe (one per reader).
/// </summary>
internal sealed class CellPool
{
    private const int Slots = 1024;
    private const int MaxLength = 64;
    private readonly string?[] _slots = new string?[Slots];

    /// <summary>The text as a string: the one handed out before when it is still in its slot.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
        {
            return text.ToString();
        }

        var slot = string.GetHashCode(text) & (Slots - 1);
        if (_slots[slot] is { } pooled && text.SequenceEqual(pooled))
        {
            return pooled;
        }

        return _slots[slot] = text.ToString();
    }
}
