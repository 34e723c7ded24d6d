using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Smets1.Eligibility.Cli.Tests;

/// <summary>The duplicate check's hashed ID set answers exactly as a set of the ID strings does.</summary>
public sealed class InstallationIdSetProperties
{
    [Property(MaxTest = 300)]
    public bool Add_AnswersLikeASetOfStrings(string?[] ids)
    {
        var hashed = new InstallationIdSet();
        var strings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var text = id ?? string.Empty;
            if (hashed.Add(text) != strings.Add(text))
            {
                return false;
            }
        }

        return hashed.Count == strings.Count;
    }

    [Property(Arbitrary = [typeof(SimilarIds)], MaxTest = 50)]
    public bool Add_ManySimilarIdsWithRepeats_FindsExactlyTheRepeats(int[] numbers)
    {
        // IDs that differ in one digit or only in case, drawn from a small range so that repeats are common,
        // added through every table growth (tens of thousands per case).
        var hashed = new InstallationIdSet();
        var strings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in numbers)
        {
            var id = (n & 1) == 0 ? $"INST-{n:D8}" : $"inst-{n:D8}";
            if (hashed.Add(id) != strings.Add(id))
            {
                return false;
            }
        }

        return hashed.Count == strings.Count;
    }

    [Property(MaxTest = 200)]
    public bool Reserve_AtAnyPoint_ChangesNoAnswer(string?[] ids, NonNegativeInt at, PositiveInt reserve)
    {
        // The reader reserves room after its first chunk, for the rows the file's length suggests: IDs already in the
        // tables must still be found, and later ones answered as before, whether the estimate is low or high.
        var hashed = new InstallationIdSet();
        var strings = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (i == at.Get % (ids.Length + 1))
            {
                hashed.Reserve(reserve.Get % 200_000);
            }

            var text = ids[i] ?? string.Empty;
            if (hashed.Add(text) != strings.Add(text))
            {
                return false;
            }
        }

        return hashed.Count == strings.Count && ids.All(id => !hashed.Add(id ?? string.Empty));
    }

    [Property(Arbitrary = [typeof(SimilarIds)], MaxTest = 30)]
    public bool AddMany_InBatchesOfAnySize_AnswersAsAddOneByOne(int[] numbers, PositiveInt batch)
    {
        // The reader hands a chunk's IDs over together (null: an ID the check skips); repeats within a batch, across
        // batches and table growth in the middle of a batch must be answered exactly as one Add after another.
        var batched = new InstallationIdSet();
        var single = new InstallationIdSet();
        var ids = numbers.Select(n => n % 97 == 0 ? null : $"INST-{n:D8}").ToArray();
        var size = (batch.Get % 5_000) + 1;
        var added = new bool[size];
        for (var start = 0; start < ids.Length; start += size)
        {
            var chunk = ids.AsSpan(start, Math.Min(size, ids.Length - start));
            batched.AddMany(chunk, added);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (added[i] != (chunk[i] is null || single.Add(chunk[i])))
                {
                    return false;
                }
            }
        }

        return batched.Count == single.Count;
    }

    [Fact]
    public void Add_TheSameIdAfterAMillionOthers_IsARepeat()
    {
        var set = new InstallationIdSet();
        for (var i = 0; i < 1_000_000; i++)
        {
            Assert.True(set.Add($"MPAN{i}"));
        }

        Assert.False(set.Add("MPAN0"));
        Assert.False(set.Add("MPAN999999"));
        Assert.True(set.Add("MPAN1000000"));
        Assert.Equal(1_000_001, set.Count);
    }

    public static class SimilarIds
    {
        public static Arbitrary<int[]> Numbers() =>
            Gen.Choose(5_000, 40_000).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 30_000), n)).ToArbitrary();
    }
}
